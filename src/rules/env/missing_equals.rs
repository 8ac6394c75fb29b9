//! `env/missing-equals`: a `.env` line that is a name without `=`.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a `.env` line that is a bare name, with no `=`.
    ///
    /// ## Why is this bad?
    /// dotenvy rejects the line and the variable is not set; other loaders skip it or set the
    /// name to an empty value: loaders disagree, and the server starts without the variable.
    ///
    /// ## Example
    /// ```dotenv
    /// HF_TOKEN
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"], "env": { "HF_TOKEN": "${HF_TOKEN}" } } }
    /// ```
    ///
    /// Use instead:
    /// ```dotenv
    /// HF_TOKEN=abc123
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"], "env": { "HF_TOKEN": "${HF_TOKEN}" } } }
    /// ```
    ///
    /// ## References
    /// - dotenv-linter: `KeyWithoutValue`.
    /// - dotenvy 0.15.7 `parse.rs` (`expect_equal`): a name must be followed by `=`.
    MISSING_EQUALS, "env/missing-equals", Error, "a `.env` name without `=`"
}

pub struct MissingEquals;

impl Check for MissingEquals {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&MISSING_EQUALS]
    }
}

/// The name at `span` has no `=`.
pub fn diagnostic(id: FileId, span: Span, message: String, help: String) -> Diagnostic {
    Diagnostic::new(&MISSING_EQUALS, id, span, "", message)
        .label("no `=`")
        .help(help)
}
