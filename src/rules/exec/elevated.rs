//! `exec/elevated`: a server started through `sudo` and its kin, as root or another user.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::rules::exec::{at_command, program};

rule! {
    /// ## What it does
    /// Reports a server whose `command` raises privileges: `sudo`, `doas`, `pkexec`,
    /// `gsudo`, Windows `runas`, or `su` with `-c`.
    ///
    /// ## Why is this bad?
    /// The server runs as root (or as the account named), and so does every tool call the
    /// model makes through it: a prompt injection that reaches a file or shell tool reaches
    /// the whole machine. It also only starts unattended where the elevation asks for no
    /// password (a `NOPASSWD` rule, a cached `sudo` ticket), which is exactly where nothing
    /// stands between the model and root. An `error` by default: no MCP server's documented
    /// setup needs it, and the MCP specification's security best practices name `sudo` among
    /// the dangerous patterns a client should warn about before starting a local server, and
    /// ask for servers run with minimal privileges.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "system": {
    ///     "command": "sudo",
    ///     "args": ["npx", "-y", "@acme/system-mcp@1.2.0"]
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: the program itself, as your own user; give that user (or a container) the
    /// one permission the server needs.
    /// ```json
    /// {
    ///   "system": {
    ///     "command": "npx",
    ///     "args": ["-y", "@acme/system-mcp@1.2.0"]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - MCP specification, Security Best Practices, "Local MCP Server Compromise" (warn about
    ///   `sudo`; run local servers with minimal default privileges):
    ///   <https://modelcontextprotocol.io/specification/draft/basic/security_best_practices>
    /// - sudoers(5), `NOPASSWD`: <https://www.sudo.ws/docs/man/sudoers.man/>
    ELEVATED, "exec/elevated", Error, "a server started through sudo, doas, pkexec, runas or su -c"
}

pub struct Elevated;

/// Options of `sudo` and `doas` that take a value (sudo(8), doas(1)).
const VALUE_OPTIONS: &[&str] = &[
    "-u",
    "-g",
    "-p",
    "-C",
    "-D",
    "-r",
    "-t",
    "-U",
    "-T",
    "-h",
    "--user",
    "--group",
    "--prompt",
    "--chdir",
    "--close-from",
    "--role",
    "--type",
    "--other-user",
    "--command-timeout",
    "--host",
];

/// Programs that run their arguments as another user (root by default).
const ELEVATORS: &[&str] = &["sudo", "doas", "pkexec", "gsudo", "runas"];

impl Check for Elevated {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&ELEVATED]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some((command, args)) = cx.command_line() else {
            return;
        };
        let prog = program(command);
        let elevated = ELEVATORS.contains(&&*prog)
            || (prog == "su" && args.iter().any(|(_, a)| *a == "-c" || *a == "--command"));
        if !elevated {
            return;
        }
        // The program it starts: the first argument that is neither an option of the
        // elevator nor an option's value (`sudo -u admin`, `doas -u root`).
        let mut inner = None;
        let mut rest = args.iter().map(|(_, a)| *a);
        while let Some(a) = rest.next() {
            if VALUE_OPTIONS.contains(&a) {
                rest.next();
            } else if !(a.starts_with('-') || (prog == "runas" && a.starts_with('/'))) {
                inner = Some(a);
                break;
            }
        }
        let inner = inner.filter(|_| prog != "su" && prog != "runas");
        let help = match inner {
            Some(inner) => format!(
                "make the program itself the command (`\"command\": \"{inner}\"` with the \
                 arguments after it) and run it as your own user; if it needs one permission, \
                 grant that one (a group, a capability, a container)"
            ),
            None => "start the server's program as your own user; if it needs one permission, \
                     grant that one (a group, a capability, a container)"
                .to_owned(),
        };
        out.push(
            at_command(
                cx,
                &ELEVATED,
                format!(
                    "server `{}` is started through `{prog}`: the server, and every tool call \
                     the model makes through it, run with raised privileges",
                    cx.name
                ),
            )
            .label("raises privileges")
            .help(help),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::ELEVATORS;
    use crate::rules::exec::program;

    #[test]
    fn elevators_by_file_name() {
        for c in [
            "sudo",
            "/usr/bin/sudo",
            "doas",
            "C:\\Windows\\System32\\runas.exe",
        ] {
            assert!(ELEVATORS.contains(&&*program(c)), "{c}");
        }
        assert!(!ELEVATORS.contains(&&*program("sudoku")));
    }
}
