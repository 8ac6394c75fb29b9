//! `env/runtime-input`: a reference the client fills in at run time.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Notes `${input:id}`, `${workspaceFolder}`, `${config:...}` and the other references a
    /// client such as VS Code fills in itself when the server starts. They are left as written.
    ///
    /// ## Why is this bad?
    /// It is not: this is information, so that a rendered config that still holds such a
    /// reference is not a surprise.
    ///
    /// ## Example
    /// ```json
    /// { "servers": { "api": { "command": "node", "env": { "KEY": "${input:api-key}" } } } }
    /// ```
    ///
    /// Use instead: nothing to change; use `${NAME}` when the value should come from `.env`.
    /// ```json
    /// { "servers": { "api": { "command": "node", "env": { "KEY": "${API_KEY}" } } } }
    /// ```
    /// ```dotenv
    /// API_KEY=...
    /// ```
    RUNTIME_INPUT, "env/runtime-input", Info, "a reference the client fills in at run time"
}

pub struct RuntimeInput;

impl Check for RuntimeInput {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&RUNTIME_INPUT]
    }
}

/// `reference` (`${input:id}`, `${workspaceFolder}`) is left for the client to fill in.
pub fn diagnostic(id: FileId, span: Span, pointer: &str, reference: &str) -> Diagnostic {
    Diagnostic::new(
        &RUNTIME_INPUT,
        id,
        span,
        pointer,
        format!("`{reference}` is filled in by the client when the server starts"),
    )
    .label("left as written")
}
