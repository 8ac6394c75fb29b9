//! `exec/shell-wrapper`: a server started through a shell with a script, not a program.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::source::Span;

rule! {
    /// ## What it does
    /// Reports a server whose `command` is a shell (`sh`, `bash`, `zsh`, `cmd`, `powershell`,
    /// ...) given a script (`-c`, `/c`, `-Command`, `-EncodedCommand`) that chains, pipes,
    /// redirects or substitutes: `curl … | sh`, `a && b`, `$(…)`, backticks.
    ///
    /// A shell that starts one plain program (`cmd /c npx -y @scope/server`, the usual way to
    /// start `npx` on Windows) is not reported, nor a `<YOUR_API_KEY>` placeholder as READMEs
    /// write them (a value to fill in, not two redirections).
    ///
    /// ## Why is this bad?
    /// The client starts whatever the script says, with the user's tokens in its environment,
    /// every time the editor opens; a script is much harder to review than a program and its
    /// arguments, and `curl … | sh` runs code that nobody reviewed at all. The MCP
    /// specification's security best practices ask clients to show the exact command before
    /// running a local server, which a script defeats.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "tools": {
    ///     "command": "bash",
    ///     "args": ["-c", "curl -fsSL https://example.com/install.sh | sh && my-mcp-server"]
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: install once, by hand, and start the program itself.
    /// ```json
    /// { "tools": { "command": "my-mcp-server", "args": [] } }
    /// ```
    ///
    /// ## References
    /// - MCP specification, Security Best Practices, "Local MCP Server Compromise":
    ///   <https://modelcontextprotocol.io/specification/draft/basic/security_best_practices>
    SHELL_WRAPPER, "exec/shell-wrapper", Warning, "a server started as a shell script that chains, pipes or substitutes"
}

pub struct ShellWrapper;

impl Check for ShellWrapper {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&SHELL_WRAPPER]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some((command, args)) = cx.command_line() else {
            return;
        };
        let Some(shell) = shell_of(command) else {
            return;
        };
        // Indices as written, so that spans and pointers name the argument itself.
        let (index, args): (Vec<usize>, Vec<&str>) = args.iter().copied().unzip();
        let Some(flag) = args.iter().position(|a| shell.takes_script(a)) else {
            return;
        };
        // A POSIX shell's script is the one argument after the flag (the next ones are
        // `$0`, `$1`, ...); cmd and PowerShell take the rest of the line.
        let last = if shell.rest_of_line {
            args.len().saturating_sub(1)
        } else {
            flag + 1
        };
        if last <= flag {
            return;
        }
        let script = args[flag + 1..=last].join(" ");
        let Some(what) = script_syntax(&script) else {
            return;
        };
        let span = match (cx.arg_span(index[flag + 1]), cx.arg_span(index[last])) {
            (Some(first), Some(last)) => Span::new(first.start, last.end),
            _ => cx.name_span,
        };
        let pointer = format!("{}/{}", cx.pointer("args"), index[flag + 1]);
        out.push(
            Diagnostic::new(
                &SHELL_WRAPPER,
                cx.id,
                span,
                pointer,
                format!(
                    "server `{}` runs a {} script with {what}, not a program",
                    cx.name, shell.name
                ),
            )
            .label(what)
            .help(
                "start the server's own program with its arguments (`\"command\": \"<program>\", \
                 \"args\": [...]`); run an install step once, by hand, and put values the script \
                 computes in `env`",
            ),
        );
    }
}

/// A shell, and the flags after which it reads a script.
struct Shell {
    name: &'static str,
    flags: &'static [&'static str],
    /// Whether the script is the rest of the line rather than one argument.
    rest_of_line: bool,
}

impl Shell {
    fn takes_script(&self, arg: &str) -> bool {
        self.flags.iter().any(|f| f.eq_ignore_ascii_case(arg))
    }
}

const SHELLS: &[(&[&str], Shell)] = &[
    (
        &["sh", "bash", "zsh", "dash", "ksh", "ash", "fish"],
        Shell {
            name: "shell",
            flags: &["-c", "-lc", "-ic"],
            rest_of_line: false,
        },
    ),
    (
        &["cmd", "cmd.exe"],
        Shell {
            name: "cmd",
            flags: &["/c", "/k"],
            rest_of_line: true,
        },
    ),
    (
        &["powershell", "powershell.exe", "pwsh", "pwsh.exe"],
        Shell {
            name: "PowerShell",
            flags: &["-Command", "-c", "-EncodedCommand", "-enc", "-ec"],
            rest_of_line: true,
        },
    ),
];

/// The shell `command` names (by its file name, any folder), if it is one.
fn shell_of(command: &str) -> Option<&'static Shell> {
    let program = command.rsplit(['/', '\\']).next().unwrap_or(command);
    SHELLS
        .iter()
        .find(|(names, _)| names.iter().any(|n| n.eq_ignore_ascii_case(program)))
        .map(|(_, shell)| shell)
}

/// What in `script` makes it more than one plain command, in words.
fn script_syntax(script: &str) -> Option<&'static str> {
    const SYNTAX: &[(&str, &str)] = &[
        ("$(", "a command substitution"),
        ("`", "a command substitution"),
        ("&&", "a chain of commands"),
        ("||", "a chain of commands"),
        (";", "a chain of commands"),
        ("|", "a pipe"),
        (">", "a redirection"),
        ("<", "a redirection"),
    ];
    // A README's `<YOUR_API_KEY>` is a value to fill in, not two redirections.
    let script = &without_placeholders(script);
    // Code fetched and run unseen is the worst of them: name it first.
    let piped_to_shell = script.split('|').skip(1).any(|after| {
        let program = after.split_whitespace().next().unwrap_or("");
        let program = program.rsplit('/').next().unwrap_or(program);
        matches!(
            program,
            "sh" | "bash" | "zsh" | "dash" | "iex" | "Invoke-Expression"
        )
    });
    if piped_to_shell {
        return Some("a pipe into a shell");
    }
    SYNTAX
        .iter()
        .find(|(token, _)| script.contains(token))
        .map(|(_, what)| *what)
}

/// `script` with every `<NAME>` placeholder (letters, digits, `_`, `-`, `.`) taken out.
fn without_placeholders(script: &str) -> String {
    let mut out = String::with_capacity(script.len());
    let mut rest = script;
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let name_len = after
            .find(|c: char| !(c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '.')))
            .unwrap_or(after.len());
        if name_len > 0 && after[name_len..].starts_with('>') {
            out.push_str(&rest[..open]);
            out.push_str("PLACEHOLDER");
            rest = &after[name_len + 1..];
        } else {
            out.push_str(&rest[..=open]);
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::{script_syntax, shell_of};

    #[test]
    fn shells_by_file_name() {
        for c in [
            "bash",
            "/bin/sh",
            "C:\\Windows\\System32\\cmd.exe",
            "pwsh",
            "ZSH",
        ] {
            assert!(shell_of(c).is_some(), "{c}");
        }
        for c in ["npx", "uvx", "bashful", "docker", "/usr/bin/node"] {
            assert!(shell_of(c).is_none(), "{c}");
        }
    }

    #[test]
    fn scripts_that_are_more_than_a_command() {
        assert_eq!(
            script_syntax("curl -fsSL https://x | sh"),
            Some("a pipe into a shell")
        );
        assert_eq!(script_syntax("cat a | grep b"), Some("a pipe"));
        assert_eq!(
            script_syntax("cd /srv && ./run"),
            Some("a chain of commands")
        );
        assert_eq!(
            script_syntax("run $(cat token)"),
            Some("a command substitution")
        );
        assert_eq!(script_syntax("run > /tmp/log"), Some("a redirection"));
        assert_eq!(
            script_syntax("npx -y @modelcontextprotocol/server-memory"),
            None
        );
        // A vendor README's placeholder (neondatabase/mcp-server-neon, Windows section).
        assert_eq!(
            script_syntax("npx -y @neondatabase/mcp-server-neon start <YOUR_NEON_API_KEY>"),
            None
        );
        assert_eq!(script_syntax("run < input.txt"), Some("a redirection"));
    }
}
