//! `exec/listen-all-interfaces`: a local server that listens on every network interface.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::rules::exec::{at_arg, at_env, env_vars, program};

rule! {
    /// ## What it does
    /// Reports a server told to listen on every interface: `--host 0.0.0.0`, `--host ::`,
    /// `--bind`, `--listen` or `--address` with `0.0.0.0`, `::`, `[::]` or `*` (also
    /// `--host=0.0.0.0` and `0.0.0.0:8080`); an `env` variable named `HOST` or ending in
    /// `_HOST`, `_BIND`, `_LISTEN`, `_ADDRESS`, `_ADDR` with such a value; and a `docker run`
    /// port published without a host address (`-p 8080:8080`, `-P`), which Docker opens on
    /// every interface of the host.
    ///
    /// A loopback address (`127.0.0.1`, `::1`, `localhost`, `-p 127.0.0.1:8080:8080`) is not
    /// reported. Arguments after a `docker run` image are the container's own (inside a
    /// container, `0.0.0.0` is what makes a published port reachable) and are not judged.
    ///
    /// ## Why is this bad?
    /// A server the client starts for one user then answers anyone on the same network (an
    /// office, a café, a VPN), usually without authentication, with the user's tokens behind
    /// it. Browsers also reach `0.0.0.0` from any web page ("0.0.0.0 day"), and the MCP
    /// specification's transport section tells local servers to bind only to localhost. A
    /// `warning`: a server meant for other machines belongs behind a proxy with authorization,
    /// not in a client's config.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "browser": {
    ///     "command": "npx",
    ///     "args": ["-y", "@playwright/mcp@0.0.41", "--port", "8931", "--host", "0.0.0.0"]
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: loopback.
    /// ```json
    /// {
    ///   "browser": {
    ///     "command": "npx",
    ///     "args": ["-y", "@playwright/mcp@0.0.41", "--port", "8931", "--host", "127.0.0.1"]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - MCP specification, Transports, Streamable HTTP, "Security Warning" ("When running
    ///   locally, servers SHOULD bind only to localhost (127.0.0.1) rather than all network
    ///   interfaces (0.0.0.0)"):
    ///   <https://modelcontextprotocol.io/specification/2025-06-18/basic/transports#security-warning>
    /// - Docker, Port publishing ("Publishing container ports is insecure by default"; without
    ///   a host address a port is published on every address of the host):
    ///   <https://docs.docker.com/engine/network/port-publishing/>
    /// - Oligo Security, "0.0.0.0 Day" (browsers reaching services on 0.0.0.0):
    ///   <https://www.oligo.security/blog/0-0-0-0-day-exploiting-localhost-apis-from-the-browser>
    LISTEN_ALL_INTERFACES, "exec/listen-all-interfaces", Warning, "a server that listens on every network interface (0.0.0.0, ::, docker -p without an address)"
}

pub struct ListenAllInterfaces;

/// Options that name the address a server listens on.
const HOST_FLAGS: &[&str] = &["--host", "--bind", "--listen", "--address", "--hostname"];

/// Whether a listening address (maybe with a port) means every interface.
fn every_interface(value: &str) -> bool {
    let v = value.trim();
    let host = if v.starts_with('[') {
        v.split(']').next().map_or(v, |h| h.trim_start_matches('['))
    } else if v.matches(':').count() == 1 {
        v.split(':').next().unwrap_or(v)
    } else {
        v
    };
    matches!(host, "0.0.0.0" | "::" | "*" | "0:0:0:0:0:0:0:0")
}

/// The host address of a `-p` value (`[IP:]HOST_PORT:CONTAINER_PORT[/proto]`), if given.
fn published_address(value: &str) -> Option<&str> {
    let v = value.split('/').next().unwrap_or(value);
    if let Some(rest) = v.strip_prefix('[') {
        return rest.split(']').next();
    }
    let parts: Vec<&str> = v.split(':').collect();
    (parts.len() >= 3).then(|| parts[0])
}

impl Check for ListenAllInterfaces {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&LISTEN_ALL_INTERFACES]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        for var in env_vars(cx) {
            let upper = &var.upper;
            let named = upper == "HOST"
                || ["_HOST", "_BIND", "_LISTEN", "_ADDRESS", "_ADDR"]
                    .iter()
                    .any(|s| upper.ends_with(s));
            if named && every_interface(var.value) {
                out.push(
                    at_env(
                        cx,
                        &LISTEN_ALL_INTERFACES,
                        var,
                        true,
                        format!(
                            "server `{}` listens on every network interface (`{}={}`): anyone on \
                             the same network can call it",
                            cx.name, var.name, var.value
                        ),
                    )
                    .label("every interface")
                    .help(format!(
                        "listen on loopback only: `\"{}\": \"127.0.0.1\"`",
                        var.name
                    )),
                );
            }
        }
        let Some((command, args)) = cx.command_line() else {
            return;
        };
        if let Some(run) = cx.docker_run() {
            for o in &run.options {
                let (index, what) = (o.value_index.unwrap_or(o.index), o.name);
                let port = match (what, o.value) {
                    ("publish", Some(v)) => match published_address(v) {
                        Some(a) if !every_interface(a) && !a.is_empty() => continue,
                        _ => format!("`{v}`"),
                    },
                    ("publish-all", _) if o.is_on() => {
                        format!("every exposed port (`{}`)", o.written)
                    }
                    _ => continue,
                };
                let fix = if what == "publish" {
                    format!(
                        "publish on loopback only: `-p 127.0.0.1:{}`",
                        strip_address(o.value.unwrap_or_default())
                    )
                } else {
                    "publish each port on loopback instead: `-p 127.0.0.1:8080:8080`".to_owned()
                };
                out.push(
                    at_arg(
                        cx,
                        &LISTEN_ALL_INTERFACES,
                        index,
                        format!(
                            "server `{}` publishes {port} on every network interface of the \
                             host: anyone on the same network can call it",
                            cx.name
                        ),
                    )
                    .label("every interface")
                    .help(fix),
                );
            }
            return;
        }
        // mcp-remote's `--host` is the host of its OAuth callback URL, not an address it binds
        // (geelen/mcp-remote README.md@008b087e99221d1530c84d9a34c5554534d57908).
        if program(command) == "mcp-remote" || args.iter().any(|(_, a)| a.starts_with("mcp-remote"))
        {
            return;
        }
        for (k, &(index, arg)) in args.iter().enumerate() {
            let (flag, value, value_index) = match arg.split_once('=') {
                Some((f, v)) if HOST_FLAGS.contains(&f) => (f, v, index),
                None if HOST_FLAGS.contains(&arg) => match args.get(k + 1) {
                    Some(&(i, v)) => (arg, v, i),
                    None => continue,
                },
                _ => continue,
            };
            if !every_interface(value) {
                continue;
            }
            out.push(
                at_arg(
                    cx,
                    &LISTEN_ALL_INTERFACES,
                    value_index,
                    format!(
                        "server `{}` listens on every network interface (`{flag} {value}`): \
                         anyone on the same network can call it",
                        cx.name
                    ),
                )
                .label("every interface")
                .help(format!("listen on loopback only: `{flag} 127.0.0.1`")),
            );
        }
    }
}

/// A `-p` value without its host address: `0.0.0.0:8080:80` → `8080:80`.
fn strip_address(value: &str) -> &str {
    match value.strip_prefix('[') {
        Some(rest) => rest.split_once("]:").map_or(value, |(_, r)| r),
        None if value
            .split('/')
            .next()
            .unwrap_or(value)
            .matches(':')
            .count()
            >= 2 =>
        {
            value.split_once(':').map_or(value, |(_, r)| r)
        }
        None => value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses() {
        for v in ["0.0.0.0", "::", "[::]", "0.0.0.0:8080", "*"] {
            assert!(every_interface(v), "{v}");
        }
        for v in [
            "127.0.0.1",
            "::1",
            "localhost",
            "127.0.0.1:8080",
            "[::1]:80",
        ] {
            assert!(!every_interface(v), "{v}");
        }
    }

    #[test]
    fn published_ports() {
        assert_eq!(published_address("8080:8080"), None);
        assert_eq!(published_address("8080"), None);
        assert_eq!(published_address("127.0.0.1:8080:80"), Some("127.0.0.1"));
        assert_eq!(published_address("[::1]:8080:80/tcp"), Some("::1"));
        assert_eq!(strip_address("0.0.0.0:8080:80"), "8080:80");
        assert_eq!(strip_address("8080:80"), "8080:80");
    }
}
