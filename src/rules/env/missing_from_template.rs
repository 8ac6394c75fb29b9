//! `env/missing-from-template`: a `.env` key the template (`.env.example`, ...) lacks.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a key of a `.env` that its template lacks. The template is the first of
    /// `.env.example`, `.env.sample`, `.env.template`, `.env.dist` found beside the `.env`.
    ///
    /// ## Why is this bad?
    /// The `.env` is not committed; the template is what a new clone starts from. A key only in
    /// `.env` is one that nobody else will know to set, and their server fails.
    ///
    /// ## Example
    /// ```dotenv
    /// HF_TOKEN=abc123
    /// ```
    /// ```dotenv .env.example
    /// OTHER=
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"], "env": { "HF_TOKEN": "${HF_TOKEN}" } } }
    /// ```
    ///
    /// Use instead:
    /// ```dotenv
    /// HF_TOKEN=abc123
    /// ```
    /// ```dotenv .env.example
    /// HF_TOKEN=
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"], "env": { "HF_TOKEN": "${HF_TOKEN}" } } }
    /// ```
    ///
    /// ## References
    /// - dotenv-linter: `compare` (keys missing between `.env` files).
    MISSING_FROM_TEMPLATE, "env/missing-from-template", Warning, "a `.env` key the template lacks"
}

pub struct MissingFromTemplate;

impl Check for MissingFromTemplate {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&MISSING_FROM_TEMPLATE]
    }
}

/// `key` (at `span` in the `.env`) is not in `template` (its file name).
pub fn diagnostic(id: FileId, span: Span, key: &str, template: &str) -> Diagnostic {
    Diagnostic::new(
        &MISSING_FROM_TEMPLATE,
        id,
        span,
        "",
        format!("`{key}` is not in `{template}`"),
    )
    .label("only here")
    .help(format!(
        "add `{key}=` (no value) to `{template}`, so a new clone knows to set it"
    ))
}
