//! `exec/docker-host-namespace`: a `docker run` server that shares the host's processes,
//! network or users.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::rules::exec::at_arg;

rule! {
    /// ## What it does
    /// Reports a server started with `docker run` (or `podman run`) that joins one of the
    /// host's namespaces: `--pid=host`, `--network=host` (`--net host`), `--userns=host`,
    /// `--ipc=host`.
    ///
    /// ## Why is this bad?
    /// Namespaces are what make a container a separate machine. With `--pid=host` the server
    /// sees every process of the host, their command lines and environments included, where
    /// tokens often are; with `--network=host` it reaches every service that listens on the
    /// host's `localhost` (databases, the Docker API on TCP, other MCP servers) and its own
    /// ports are open on every interface; `--userns=host` turns off user-namespace remapping,
    /// so root in the container is root on the host's files it can reach; `--ipc=host` shares
    /// the host's shared memory. A `warning` by default: each weakens the container without
    /// opening it all the way (those are `exec/docker-privileged`), and a published port
    /// (`-p 127.0.0.1:8080:8080`) or a named network does what `--network=host` is usually
    /// added for.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "monitor": {
    ///     "command": "docker",
    ///     "args": ["run", "-i", "--rm", "--pid=host", "--network", "host", "acme/monitor-mcp:2.0"]
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: the container's own namespaces, and a port published on loopback if the
    /// server listens on one.
    /// ```json
    /// {
    ///   "monitor": {
    ///     "command": "docker",
    ///     "args": ["run", "-i", "--rm", "-p", "127.0.0.1:8080:8080", "acme/monitor-mcp:2.0"]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - Docker, `docker container run`, "--pid", "--network", "--ipc", "--userns":
    ///   <https://docs.docker.com/reference/cli/docker/container/run/>
    /// - Docker, Host network driver ("the container's network stack isn't isolated from the
    ///   Docker host"): <https://docs.docker.com/engine/network/drivers/host/>
    /// - Docker, Isolate containers with a user namespace ("--userns=host"):
    ///   <https://docs.docker.com/engine/security/userns-remap/>
    /// - MCP specification, Security Best Practices, "Local MCP Server Compromise":
    ///   <https://modelcontextprotocol.io/specification/draft/basic/security_best_practices>
    DOCKER_HOST_NAMESPACE, "exec/docker-host-namespace", Warning, "a docker run server that shares the host's processes, network, users or shared memory"
}

pub struct DockerHostNamespace;

/// The namespaces, and what sharing each gives the container.
const NAMESPACES: &[(&str, &str, &str)] = &[
    (
        "pid",
        "the host's processes",
        "it sees every process of the host, with its command line and environment",
    ),
    (
        "network",
        "the host's network",
        "it reaches every service listening on the host's localhost, and its ports are open on \
         every interface",
    ),
    (
        "userns",
        "the host's users",
        "user-namespace remapping is off, so root in the container is root on every host file \
         it reaches",
    ),
    (
        "ipc",
        "the host's shared memory",
        "it reads and writes the shared memory of the host's processes",
    ),
];

impl Check for DockerHostNamespace {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&DOCKER_HOST_NAMESPACE]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some(run) = cx.docker_run() else {
            return;
        };
        for o in &run.options {
            let Some((name, what, why)) = NAMESPACES.iter().find(|(n, _, _)| *n == o.name) else {
                continue;
            };
            let (Some(value), Some(index)) = (o.value, o.value_index) else {
                continue;
            };
            if !value.eq_ignore_ascii_case("host") {
                continue;
            }
            let written = if o.index == index {
                o.written.to_owned()
            } else {
                format!("{} {value}", o.written)
            };
            let help = if *name == "network" {
                "remove it; publish the port the server listens on to loopback only \
                 (`-p 127.0.0.1:8080:8080`), or join a named network (`--network mcp`)"
                    .to_owned()
            } else {
                format!("remove `{written}`: the container's own namespace is the default")
            };
            out.push(
                at_arg(
                    cx,
                    &DOCKER_HOST_NAMESPACE,
                    index,
                    format!(
                        "server `{}` shares {what} with its container (`{written}`): {why}",
                        cx.name
                    ),
                )
                .label(format!("shares {what}"))
                .help(help),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::NAMESPACES;

    #[test]
    fn every_namespace_says_why() {
        for (name, what, why) in NAMESPACES {
            assert!(!name.is_empty() && what.starts_with("the host") && !why.is_empty());
        }
    }
}
