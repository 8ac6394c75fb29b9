//! `env/unclosed-substitution`: a `${` in a `.env` value that is never closed.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a `${NAME` in a `.env` value with no closing `}`. (In a config, the same
    /// mistake is `env/invalid-template`.)
    ///
    /// ## Why is this bad?
    /// Loaders disagree on what the value becomes: the text kept as written, an empty string,
    /// or an error. mcplint keeps it as written and cannot say what the server receives.
    ///
    /// ## Example
    /// ```dotenv
    /// HF_HOST=https://huggingface.co
    /// HF_ENDPOINT=${HF_HOST/api
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"], "env": { "HF_ENDPOINT": "${HF_ENDPOINT}" } } }
    /// ```
    ///
    /// Use instead:
    /// ```dotenv
    /// HF_HOST=https://huggingface.co
    /// HF_ENDPOINT=${HF_HOST}/api
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"], "env": { "HF_ENDPOINT": "${HF_ENDPOINT}" } } }
    /// ```
    ///
    /// ## References
    /// - dotenv-linter: `SubstitutionKey`.
    UNCLOSED_SUBSTITUTION, "env/unclosed-substitution", Error, "a `${` in a `.env` value never closed"
}

pub struct UnclosedSubstitution;

impl Check for UnclosedSubstitution {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNCLOSED_SUBSTITUTION]
    }
}

/// The `${` at `span` in the value of `key` has no `}`.
pub fn diagnostic(id: FileId, span: Span, key: &str) -> Diagnostic {
    Diagnostic::new(
        &UNCLOSED_SUBSTITUTION,
        id,
        span,
        "",
        format!("a `${{` in the value of `{key}` is never closed"),
    )
    .label("no `}`")
    .help("close the reference: `${NAME}`; write `$$` for a literal `$`")
}
