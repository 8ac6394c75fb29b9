//! `parse/unreadable`: a config that was found could not be read.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a config that `mcplint check DIR` or `check --user` found but could not read:
    /// no permission, a symbolic link that loops or points nowhere, a folder or a FIFO where a
    /// client expects a file, or a folder that could not be searched. Its path is given; the
    /// rest of the run goes on.
    ///
    /// ## Why is this bad?
    /// A file mcplint cannot read was not checked: "no problems" would be wrong about it. If
    /// the client runs as the same user it cannot read it either, and loads no servers from it
    /// without saying so.
    ///
    /// ## Example
    /// `.mcp.json` with mode `000`, or `.vscode` a symbolic link to its own parent folder.
    ///
    /// Use instead: give the file back its read permission (`chmod u+r .mcp.json`), or remove
    /// the broken link.
    ///
    /// ## References
    /// - Claude Code reads `.mcp.json` at the project root: https://code.claude.com/docs/en/mcp
    UNREADABLE, "parse/unreadable", Warning, "a config that was found could not be read"
}

pub struct Unreadable;

impl Check for Unreadable {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNREADABLE]
    }
}

/// The finding for a file (or folder) that could not be read, with why.
pub fn diagnostic(id: FileId, why: &str) -> Diagnostic {
    Diagnostic::new(
        &UNREADABLE,
        id,
        Span::new(0, 0),
        "",
        format!("could not be read, so it was not checked: {why}"),
    )
    .help(
        "make it readable by the user who runs the client (`chmod u+r` for a file, `chmod \
         u+rx` for a folder), or remove it if it is a broken or looping symbolic link",
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn says_why_and_what_to_do() {
        let d = diagnostic(0, "permission denied");
        assert!(d.message.contains("permission denied"));
        assert!(d.help.as_deref().unwrap().contains("chmod"));
    }
}
