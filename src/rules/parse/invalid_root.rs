//! `parse/invalid-root`: the top-level value is not an object.

use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a config whose top-level value is not an object (an array, a string, a number).
    ///
    /// ## Why is this bad?
    /// Every MCP client expects an object: a map of server name to entry, or one under
    /// `mcpServers` (Claude, Cursor, Cline) or `servers` (VS Code).
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "github", "command": "npx" }]
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "github": { "command": "npx" } }
    /// ```
    INVALID_ROOT, "parse/invalid-root", Error, "the top-level value is not an object"
}

pub struct InvalidRoot;

impl Check for InvalidRoot {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INVALID_ROOT]
    }
}

/// The finding for a top-level value that is not an object.
pub fn diagnostic(id: FileId, text: &str, root: &Value) -> Diagnostic {
    let start = root.range().start;
    let first_char = text[start..].chars().next().map_or(0, char::len_utf8);
    Diagnostic::new(
        &INVALID_ROOT,
        id,
        Span::new(start, start + first_char),
        "",
        format!(
            "the top-level value is {}, but a config must be an object",
            crate::tree::kind_with_article(root)
        ),
    )
    .label("expected `{`")
    .help(
        "write `{ \"server-name\": { ... } }`, or `{ \"mcpServers\": { ... } }` as Claude and \
         Cursor do",
    )
}
