//! `env/missing-from-dotenv`: a template key the `.env` lacks.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a key of the template (the first of `.env.example`, `.env.sample`,
    /// `.env.template`, `.env.dist` beside the `.env`) that the `.env` does not define, at its
    /// line in the template.
    ///
    /// ## Why is this bad?
    /// The template says the project needs the variable; a `.env` without it was made from an
    /// older template, or the line was lost.
    ///
    /// ## Example
    /// ```dotenv
    /// HF_TOKEN=abc123
    /// ```
    /// ```dotenv .env.example
    /// HF_TOKEN=
    /// HF_ENDPOINT=
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
    MISSING_FROM_DOTENV, "env/missing-from-dotenv", Info, "a template key the `.env` lacks"
}

pub struct MissingFromDotenv;

impl Check for MissingFromDotenv {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&MISSING_FROM_DOTENV]
    }
}

/// `key` (at `span` in the template) is not in the `.env`.
pub fn diagnostic(id: FileId, span: Span, key: &str) -> Diagnostic {
    Diagnostic::new(
        &MISSING_FROM_DOTENV,
        id,
        span,
        "",
        format!("`{key}` is in the template but not in `.env`"),
    )
    .label("not in .env")
    .help(format!(
        "add `{key}=...` to `.env`, or remove it from the template if it is no longer needed"
    ))
}
