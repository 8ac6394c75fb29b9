//! `env/spaces-around-equals`: blanks around the `=` of a `.env` line.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a `.env` line with a blank before or after its `=`: `KEY = value`, `KEY= value`.
    ///
    /// ## Why is this bad?
    /// Loaders disagree on what the blank belongs to. dotenvy (and so mcplint) skips blanks
    /// around `=`; a POSIX shell, which many `.env` files are also `source`d by, does not:
    /// `KEY = value` runs a command named `KEY`, and `KEY= value` sets `KEY` to empty and runs
    /// `value`. The variable may be missing, or empty, for the tool that starts the server.
    ///
    /// ## Example
    /// ```dotenv
    /// API_URL = https://example.com
    /// ```
    /// ```json
    /// { "api": { "type": "http", "url": "${API_URL}/mcp" } }
    /// ```
    ///
    /// Use instead:
    /// ```dotenv
    /// API_URL=https://example.com
    /// ```
    /// ```json
    /// { "api": { "type": "http", "url": "${API_URL}/mcp" } }
    /// ```
    ///
    /// ## References
    /// - dotenv-linter: `SpaceCharacter`.
    /// - dotenvy 0.15.7 `parse.rs`: blanks around `=` are skipped (`skip_whitespace`).
    /// - POSIX Shell Command Language 2.9.1: an assignment is a word `NAME=value`, without
    ///   blanks.
    SPACES_AROUND_EQUALS, "env/spaces-around-equals", Warning, "blanks around the `=` of a `.env` line"
}

pub struct SpacesAroundEquals;

impl Check for SpacesAroundEquals {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&SPACES_AROUND_EQUALS]
    }
}

/// The line of `key` (at `span`) has blanks around its `=`.
pub fn diagnostic(id: FileId, span: Span, key: &str) -> Diagnostic {
    Diagnostic::new(
        &SPACES_AROUND_EQUALS,
        id,
        span,
        "",
        format!("blanks around the `=` of `{key}`"),
    )
    .label("here")
    .help(format!(
        "write `{key}=value` with no blank around `=`; quote the value if it holds blanks"
    ))
}
