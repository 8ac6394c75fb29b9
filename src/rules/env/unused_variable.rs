//! `env/unused-variable`: a `.env` variable no config references.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Notes a variable of the `.env` beside the config that no config (and no other `.env`
    /// value) references.
    ///
    /// ## Why is this bad?
    /// Often a leftover, or a misspelling of a name the config does use; a secret nobody uses
    /// is a secret that should not be lying around.
    ///
    /// ## Example
    /// `.env` defines `HF_TOKEN` and `HF_TOKN`; the config references only `${HF_TOKEN}`.
    /// ```json
    /// { "hf": { "command": "npx", "env": { "HF_TOKEN": "${HF_TOKEN}" } } }
    /// ```
    /// ```dotenv
    /// HF_TOKEN=hf_...
    /// HF_TOKN=hf_...
    /// ```
    ///
    /// Use instead: remove the unused line, or reference it.
    /// ```json
    /// { "hf": { "command": "npx", "env": { "HF_TOKEN": "${HF_TOKEN}" } } }
    /// ```
    /// ```dotenv
    /// HF_TOKEN=hf_...
    /// ```
    UNUSED_VARIABLE, "env/unused-variable", Info, "a `.env` variable no config references"
}

pub struct UnusedVariable;

impl Check for UnusedVariable {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNUSED_VARIABLE]
    }
}

pub fn diagnostic(file: FileId, span: Span, name: &str, help: String) -> Diagnostic {
    Diagnostic::new(
        &UNUSED_VARIABLE,
        file,
        span,
        "",
        format!("`{name}` is defined but no config references it"),
    )
    .label("unused")
    .help(help)
}
