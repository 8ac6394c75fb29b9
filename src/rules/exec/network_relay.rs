//! `exec/network-relay`: a server that is a raw network relay (`nc`, `socat`) to elsewhere.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::rules::exec::{at_command, program};

rule! {
    /// ## What it does
    /// Reports a server whose `command` is a network relay: `nc`, `ncat`, `netcat`, `socat`
    /// or `telnet`. A relay to a Unix socket on the same machine (`nc -U`, socat's
    /// `UNIX-CONNECT:`) is not reported.
    ///
    /// ## Why is this bad?
    /// The client then speaks MCP over a bare TCP connection: nothing is encrypted, nothing
    /// proves who answers, and whoever reaches the port (or sits on the path) reads the
    /// client's requests and writes the tool results the model believes. The same tools are
    /// also how a reverse shell is written (`nc -e /bin/sh host port`, `socat exec:…`), so a
    /// relay in a config is worth a look either way. MCP's remote transport, Streamable HTTP
    /// over HTTPS with authorization, does what the relay is used for. A `warning`.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "remote-tools": {
    ///     "command": "socat",
    ///     "args": ["STDIO", "TCP:tools.internal.example:7000"]
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: the server's HTTPS endpoint, as a remote server.
    /// ```json
    /// { "remote-tools": { "type": "http", "url": "https://tools.internal.example/mcp" } }
    /// ```
    ///
    /// ## References
    /// - MCP specification, Transports, "Streamable HTTP" (and its security warning):
    ///   <https://modelcontextprotocol.io/specification/2025-06-18/basic/transports>
    /// - MCP specification, Authorization:
    ///   <https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization>
    /// - MCP specification, Security Best Practices:
    ///   <https://modelcontextprotocol.io/specification/draft/basic/security_best_practices>
    NETWORK_RELAY, "exec/network-relay", Warning, "a server that is a raw network relay (nc, ncat, socat, telnet)"
}

pub struct NetworkRelay;

const RELAYS: &[&str] = &["nc", "ncat", "netcat", "socat", "telnet"];

impl Check for NetworkRelay {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&NETWORK_RELAY]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some((command, args)) = cx.command_line() else {
            return;
        };
        let prog = program(command);
        if !RELAYS.contains(&&*prog) || local_socket(args) {
            return;
        }
        let remote = cx
            .client
            .transport_name(true, false)
            .map_or(String::new(), |t| format!("`\"type\": \"{t}\"`, "));
        let url = cx.client.url_fields.value.first().copied().unwrap_or("url");
        out.push(
            at_command(
                cx,
                &NETWORK_RELAY,
                format!(
                    "server `{}` is a raw network relay (`{prog}`): the client's messages cross \
                     the network unencrypted and unauthenticated",
                    cx.name
                ),
            )
            .label("network relay")
            .help(format!(
                "connect to the server's HTTPS endpoint as a remote server ({remote}`\"{url}\": \
                 \"https://…\"`), or run the server locally"
            )),
        );
    }
}

/// Whether the relay connects to a Unix socket on this machine (`nc -U`, socat's `UNIX-*`
/// addresses), which never crosses the network.
fn local_socket(args: &[(usize, &str)]) -> bool {
    args.iter().any(|(_, a)| {
        let upper = a.to_ascii_uppercase();
        *a == "-U"
            || *a == "--unixsock"
            || upper.starts_with("UNIX")
            || upper.starts_with("ABSTRACT")
    })
}

#[cfg(test)]
mod tests {
    use super::{RELAYS, local_socket};
    use crate::rules::exec::program;

    #[test]
    fn relays_by_file_name() {
        assert!(RELAYS.contains(&&*program("/usr/bin/socat")));
        assert!(RELAYS.contains(&&*program("ncat.exe")));
        assert!(!RELAYS.contains(&&*program("node")));
        assert!(local_socket(&[
            (0, "STDIO"),
            (1, "UNIX-CONNECT:/run/mcp.sock")
        ]));
        assert!(local_socket(&[(0, "-U"), (1, "/run/mcp.sock")]));
        assert!(!local_socket(&[(0, "STDIO"), (1, "TCP:host:7000")]));
    }
}
