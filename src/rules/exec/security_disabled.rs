//! `exec/security-disabled`: a server started with TLS verification, a sandbox or a
//! permission check switched off.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, Severity, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::rules::exec::{at_arg, at_env, env_vars, program};

rule! {
    /// ## What it does
    /// Reports a server started with a protection switched off:
    ///
    /// - TLS certificate checks, by `env`: `NODE_TLS_REJECT_UNAUTHORIZED=0`,
    ///   `PYTHONHTTPSVERIFY=0`, `GIT_SSL_NO_VERIFY` (any value), and, as `info` (what an empty
    ///   value does depends on the library's version: unconfirmed), `CURL_CA_BUNDLE=""` and
    ///   `REQUESTS_CA_BUNDLE=""`;
    /// - TLS certificate checks, by argument: `--insecure`, `--ignore-certificate-errors`,
    ///   `--ignore-https-errors`, and `-k` when the program is `curl`;
    /// - a sandbox: `--no-sandbox`, `--disable-web-security` (Chromium), deno's `-A` and
    ///   `--allow-all`;
    /// - `mcp-remote --allow-http`, which lets it send the OAuth flow and the tokens to a
    ///   server over plain HTTP (not reported when every `http://` URL on the line is a
    ///   loopback address, which never leaves the machine).
    ///
    /// ## Why is this bad?
    /// Without certificate checks, anyone on the network path (a café's Wi-Fi, a proxy) can
    /// answer in the server's name, read the token it sends and feed the model what they
    /// like. Without Chromium's sandbox, a page the browser server opens (and the model
    /// picks the pages) runs its exploits with the user's rights. Deno's `--allow-all` turns
    /// off the permission system that is the point of running a server with Deno. These
    /// switches are added to get past an error once and then stay. A `warning`.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "crm": {
    ///     "command": "npx",
    ///     "args": ["-y", "mcp-remote@0.1.29", "http://crm.example.com/mcp", "--allow-http"],
    ///     "env": { "NODE_TLS_REJECT_UNAUTHORIZED": "0" }
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: HTTPS, and the company's CA added rather than checks removed.
    /// ```json
    /// {
    ///   "crm": {
    ///     "command": "npx",
    ///     "args": ["-y", "mcp-remote@0.1.29", "https://crm.example.com/mcp"],
    ///     "env": { "NODE_EXTRA_CA_CERTS": "/etc/ssl/certs/company-ca.pem" }
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - Node.js, `NODE_TLS_REJECT_UNAUTHORIZED` ("certificate validation is disabled for TLS
    ///   connections. This makes TLS, and HTTPS by extension, insecure"), `NODE_EXTRA_CA_CERTS`:
    ///   <https://nodejs.org/api/cli.html#node_tls_reject_unauthorizedvalue>
    /// - PEP 493, `PYTHONHTTPSVERIFY`: <https://peps.python.org/pep-0493/>
    /// - git-config, `GIT_SSL_NO_VERIFY` / `http.sslVerify`: <https://git-scm.com/docs/git-config#Documentation/git-config.txt-httpsslVerify>
    /// - curl, `-k, --insecure`: <https://curl.se/docs/manpage.html#-k>
    /// - Chromium, sandbox ("--no-sandbox" disables it): <https://chromium.googlesource.com/chromium/src/+/main/docs/linux/sandboxing.md>
    /// - Deno, Security and permissions (`-A`, `--allow-all`): <https://docs.deno.com/runtime/fundamentals/security/>
    /// - mcp-remote README: "To allow HTTP connections in trusted private networks, add the
    ///   `--allow-http` flag. Note: This should only be used in secure private networks where
    ///   traffic cannot be intercepted." (geelen/mcp-remote README.md@008b087e99221d1530c84d9a34c5554534d57908):
    ///   <https://github.com/geelen/mcp-remote#readme>
    /// - MCP specification, Authorization, "Communication Security" (HTTPS for every
    ///   authorization endpoint): <https://modelcontextprotocol.io/specification/2025-06-18/basic/authorization>
    SECURITY_DISABLED, "exec/security-disabled", Warning, "a server started with TLS checks, a sandbox or permissions switched off"
}

pub struct SecurityDisabled;

/// Arguments that turn a check off, whatever the program, and what they turn off.
const FLAGS: &[(&str, &str)] = &[
    ("--insecure", "TLS certificate checks"),
    ("--ignore-certificate-errors", "TLS certificate checks"),
    ("--ignore-https-errors", "TLS certificate checks"),
    ("--no-sandbox", "the browser's sandbox"),
    ("--disable-web-security", "the browser's same-origin policy"),
];

impl Check for SecurityDisabled {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&SECURITY_DISABLED]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        for var in env_vars(cx) {
            let name = &var.upper;
            let value = var.value.trim();
            let (what, severity, help) = match name.as_str() {
                "NODE_TLS_REJECT_UNAUTHORIZED" if value == "0" => (
                    "turns off TLS certificate checks for every Node connection",
                    Severity::Warning,
                    "remove it; if the server's certificate is signed by a private CA, add that \
                     CA with `NODE_EXTRA_CA_CERTS`",
                ),
                "PYTHONHTTPSVERIFY" if value == "0" => (
                    "turns off TLS certificate checks of Python's standard library",
                    Severity::Warning,
                    "remove it; if the server's certificate is signed by a private CA, add that \
                     CA with `SSL_CERT_FILE`",
                ),
                "GIT_SSL_NO_VERIFY" if !value.is_empty() => (
                    "turns off TLS certificate checks of git",
                    Severity::Warning,
                    "remove it; add a private CA with `GIT_SSL_CAINFO`",
                ),
                // requests: an empty bundle falls back to the default in some versions and
                // turned checks off in others (unconfirmed for the version a server pins).
                "CURL_CA_BUNDLE" | "REQUESTS_CA_BUNDLE" if value.is_empty() => (
                    "may turn off TLS certificate checks (an empty CA bundle; what it does \
                     depends on the library's version)",
                    Severity::Info,
                    "remove it, or name a CA bundle file",
                ),
                _ => continue,
            };
            out.push(
                at_env(
                    cx,
                    &SECURITY_DISABLED,
                    var,
                    true,
                    format!("server `{}`: `{}` {what}", cx.name, var.name),
                )
                .severity(severity)
                .label("a check switched off")
                .help(help),
            );
        }
        let Some((command, args)) = cx.command_line() else {
            return;
        };
        let prog = program(command);
        let mut seen_mcp_remote = prog == "mcp-remote";
        for (k, &(index, arg)) in args.iter().enumerate() {
            let flag = arg.split('=').next().unwrap_or(arg);
            seen_mcp_remote |= arg == "mcp-remote" || arg.starts_with("mcp-remote@");
            let (what, help) = if let Some((_, what)) = FLAGS.iter().find(|(f, _)| *f == flag) {
                let help = if what.starts_with("TLS") {
                    format!(
                        "remove `{flag}`; if the certificate is signed by a private CA, trust \
                         that CA (`NODE_EXTRA_CA_CERTS`, `SSL_CERT_FILE`) instead"
                    )
                } else {
                    format!("remove `{flag}`")
                };
                (*what, help)
            } else if prog == "curl" && arg == "-k" {
                (
                    "TLS certificate checks",
                    "remove `-k`; give a private CA with `--cacert`".to_owned(),
                )
            } else if prog == "deno" && (arg == "-A" || arg == "--allow-all") {
                // Deno's options come before the script: stop at the first other argument
                // after `run`.
                let before_script = args[..k].iter().skip(1).all(|(_, a)| a.starts_with('-'));
                if !before_script {
                    continue;
                }
                (
                    "Deno's permission checks",
                    format!(
                        "replace `{arg}` with the permissions the server needs \
                         (`--allow-net=api.example.com`, `--allow-read=./data`)"
                    ),
                )
            } else if seen_mcp_remote && arg == "--allow-http" && !loopback_only(args) {
                (
                    "the HTTPS requirement of mcp-remote (tokens may cross the network in plain \
                     text)",
                    "remove `--allow-http` and use the server's `https://` URL".to_owned(),
                )
            } else {
                continue;
            };
            out.push(
                at_arg(
                    cx,
                    &SECURITY_DISABLED,
                    index,
                    format!(
                        "server `{}` is started with {what} switched off (`{arg}`)",
                        cx.name
                    ),
                )
                .label("a check switched off")
                .help(help),
            );
        }
    }
}

/// Whether every `http://` URL among the arguments names this machine.
fn loopback_only(args: &[(usize, &str)]) -> bool {
    args.iter()
        .filter_map(|(_, a)| a.strip_prefix("http://"))
        .all(|rest| {
            let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
            let host = authority.rsplit('@').next().unwrap_or("");
            let host = match host.rfind(':') {
                Some(at) if !host.ends_with(']') => &host[..at],
                _ => host,
            };
            crate::net::is_loopback_host(&host.to_ascii_lowercase())
        })
}

#[cfg(test)]
mod tests {
    use super::FLAGS;

    #[test]
    fn flags_say_what_they_turn_off() {
        assert!(
            FLAGS
                .iter()
                .all(|(f, w)| f.starts_with("--") && !w.is_empty())
        );
    }
}
