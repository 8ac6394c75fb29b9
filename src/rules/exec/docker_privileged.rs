//! `exec/docker-privileged`: a `docker run` server given the powers to take over the host.

use crate::diagnostic::Diagnostic;
use crate::launch::docker::Opt;
use crate::registry::{Rule, Severity, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::rules::exec::at_arg;

rule! {
    /// ## What it does
    /// Reports a server started with `docker run` (or `podman run`, `nerdctl run`) that lifts
    /// the container's isolation: `--privileged`, `--cap-add` of `ALL`, `SYS_ADMIN`,
    /// `SYS_MODULE`, `SYS_PTRACE` or `DAC_READ_SEARCH`, a mount of the engine's socket
    /// (`/var/run/docker.sock`, `podman.sock`, `//./pipe/docker_engine`), and, as warnings,
    /// `--security-opt` turning seccomp, AppArmor or SELinux labels off.
    ///
    /// ## Why is this bad?
    /// A container is what keeps a server from reading the user's files and tokens; these
    /// options take that away. Docker's own reference says a `--privileged` container gets
    /// every capability and every host device, so that it "can then do almost everything that
    /// the host can do"; `SYS_ADMIN` and `SYS_MODULE` are the usual ways out of a container; and
    /// whoever reaches the Docker socket can start a privileged container of their own (Docker's
    /// own docs: access to the daemon, the `docker` group, "grants root-level privileges"). An
    /// MCP server acts on what a model asks, and the model reads untrusted text. The default
    /// is `error`: no vendor's published configuration needs any of these, and each one makes
    /// the container pointless. Turning seccomp or AppArmor off weakens the wall without
    /// opening it, so it is a `warning`.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "browser": {
    ///     "command": "docker",
    ///     "args": ["run", "-i", "--rm", "--privileged",
    ///              "-v", "/var/run/docker.sock:/var/run/docker.sock", "mcp/browser:1.4.0"]
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: no extra privileges; add one narrow capability if the server documents it.
    /// ```json
    /// {
    ///   "browser": {
    ///     "command": "docker",
    ///     "args": ["run", "-i", "--rm", "mcp/browser:1.4.0"]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - Docker, `docker container run`, "--privileged" ("gives all capabilities to the
    ///   container, and it also lifts all the limitations enforced by the device cgroup
    ///   controller. In other words, the container can then do almost everything that the host
    ///   can do") and "--cap-add": <https://docs.docker.com/reference/cli/docker/container/run/#privileged>
    /// - CIS Docker Benchmark 5.4, "Ensure that privileged containers are not used"
    /// - Docker, Engine security, "Docker daemon attack surface" (the socket):
    ///   <https://docs.docker.com/engine/security/#docker-daemon-attack-surface>; Linux
    ///   post-install ("The docker group grants root-level privileges to the user"):
    ///   <https://docs.docker.com/engine/install/linux-postinstall/>
    /// - Docker, Seccomp and AppArmor profiles:
    ///   <https://docs.docker.com/engine/security/seccomp/>,
    ///   <https://docs.docker.com/engine/security/apparmor/>
    /// - OWASP Docker Security Cheat Sheet, rules 2 (socket), 3 (capabilities):
    ///   <https://cheatsheetseries.owasp.org/cheatsheets/Docker_Security_Cheat_Sheet.html>
    /// - MCP specification, Security Best Practices, "Local MCP Server Compromise" (sandbox
    ///   local servers with minimal default privileges):
    ///   <https://modelcontextprotocol.io/specification/draft/basic/security_best_practices>
    DOCKER_PRIVILEGED, "exec/docker-privileged", Error, "a docker run server that lifts the container's isolation (--privileged, --cap-add ALL, the engine's socket)"
}

pub struct DockerPrivileged;

/// Capabilities that are known ways out of a container (Docker run reference; OWASP rule 3).
const ESCAPE_CAPS: &[&str] = &[
    "ALL",
    "SYS_ADMIN",
    "SYS_MODULE",
    "SYS_PTRACE",
    "DAC_READ_SEARCH",
];

/// Sockets of a container engine: whoever holds one runs containers of their choosing.
const SOCKETS: &[&str] = &[
    "/var/run/docker.sock",
    "/run/docker.sock",
    "//./pipe/docker_engine",
    "\\\\.\\pipe\\docker_engine",
    "/run/podman/podman.sock",
    "/var/run/podman/podman.sock",
    "/run/containerd/containerd.sock",
];

impl Check for DockerPrivileged {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&DOCKER_PRIVILEGED]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some(run) = cx.docker_run() else {
            return;
        };
        let mut report = |index: usize, label: &str, why: String, help: String, sev: Severity| {
            out.push(
                at_arg(cx, &DOCKER_PRIVILEGED, index, why)
                    .severity(sev)
                    .label(label)
                    .help(help),
            );
        };
        for o in &run.options {
            match o.name {
                "privileged" if o.is_on() => report(
                    o.index,
                    "every capability and host device",
                    format!(
                        "server `{}` runs its container with `{}`: every capability and every host \
                         device, so the server can do almost anything the host can",
                        cx.name, o.written
                    ),
                    format!(
                        "remove `{}`; if the server documents a capability it needs, add only \
                         that one (`--cap-add NET_ADMIN`)",
                        o.written
                    ),
                    Severity::Error,
                ),
                "cap-add" => cap_add(cx, o, &mut report),
                "security-opt" => security_opt(cx, o, &mut report),
                _ => {}
            }
        }
        for m in run.mounts() {
            let source = m.source.trim_end_matches('/');
            let socket = SOCKETS.iter().any(|s| s.eq_ignore_ascii_case(source))
                || source.ends_with("/docker.sock")
                || source.ends_with("/podman.sock");
            if socket {
                report(
                    m.index,
                    "the engine's socket",
                    format!(
                        "server `{}` mounts `{}` into its container: whoever holds a container \
                         engine's socket can start a privileged container of their own, which \
                         is root on the host",
                        cx.name, m.source
                    ),
                    "remove this mount; a server that must manage containers needs a \
                     socket proxy that allows only the calls it makes, or a rootless engine"
                        .to_owned(),
                    Severity::Error,
                );
            }
        }
    }
}

type Report<'r> = dyn FnMut(usize, &str, String, String, Severity) + 'r;

fn cap_add(cx: &EntryContext, o: &Opt, report: &mut Report) {
    let (Some(value), Some(index)) = (o.value, o.value_index) else {
        return;
    };
    for cap in value.split(',') {
        let upper = cap.trim().to_ascii_uppercase();
        let bare = upper.strip_prefix("CAP_").unwrap_or(&upper);
        if ESCAPE_CAPS.contains(&bare) {
            let what = if bare == "ALL" {
                "every capability".to_owned()
            } else {
                format!("`{bare}`, a known way out of a container")
            };
            report(
                index,
                "a capability that escapes the container",
                format!(
                    "server `{}` gives its container {what} (`--cap-add {}`)",
                    cx.name,
                    cap.trim()
                ),
                format!(
                    "remove `--cap-add {}`; if the server documents a narrower capability it \
                     needs, add only that one",
                    cap.trim()
                ),
                Severity::Error,
            );
        }
    }
}

fn security_opt(cx: &EntryContext, o: &Opt, report: &mut Report) {
    let (Some(value), Some(index)) = (o.value, o.value_index) else {
        return;
    };
    let v = value.to_ascii_lowercase().replace(':', "=");
    let what = match v.as_str() {
        "seccomp=unconfined" => "seccomp (the filter of system calls)",
        "apparmor=unconfined" => "AppArmor",
        "label=disable" => "SELinux labels",
        "systempaths=unconfined" => "the masking of /proc and /sys",
        "no-new-privileges=false" => return,
        _ => return,
    };
    report(
        index,
        "a protection turned off",
        format!(
            "server `{}` turns {what} off for its container (`--security-opt {value}`)",
            cx.name
        ),
        format!(
            "remove `--security-opt {value}`; if the default profile blocks a call the server \
             needs, give it a custom profile that allows that call (`--security-opt \
             seccomp=profile.json`)"
        ),
        Severity::Warning,
    );
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capabilities_that_escape() {
        assert!(ESCAPE_CAPS.contains(&"SYS_ADMIN"));
        assert!(!ESCAPE_CAPS.contains(&"NET_BIND_SERVICE"));
    }
}
