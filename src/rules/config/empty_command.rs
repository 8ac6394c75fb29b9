//! `config/empty-command`: `command` is empty.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};

rule! {
    /// ## What it does
    /// Reports a `command` that is empty or only whitespace.
    ///
    /// ## Why is this bad?
    /// The client has no program to start; the server fails with a spawn error that does not
    /// name the entry.
    ///
    /// ## Example
    /// ```json
    /// { "fs": { "command": "", "args": ["@modelcontextprotocol/server-filesystem"] } }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"] } }
    /// ```
    EMPTY_COMMAND, "config/empty-command", Error, "`command` is empty"
}

pub struct EmptyCommand;

impl Check for EmptyCommand {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&EMPTY_COMMAND]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some((span, command)) = cx.string("command") else {
            return;
        };
        if command.trim().is_empty() {
            out.push(
                cx.diagnostic(
                    &EMPTY_COMMAND,
                    span,
                    "command",
                    format!("server `{}` has an empty `command`", cx.name),
                )
                .label("empty")
                .help("set the program to start, e.g. `\"command\": \"npx\"`"),
            );
        }
    }
}
