//! `env/variable-in-key`: `${` in an object key, which nothing expands.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports `${` in an object key.
    ///
    /// ## Why is this bad?
    /// Keys are never expanded, by mcplint or by clients: the server gets a variable literally
    /// named `${NAME}`.
    ///
    /// ## Example
    /// ```json
    /// { "api": { "command": "node", "env": { "${PREFIX}_TOKEN": "x" } } }
    /// ```
    ///
    /// Use instead: write the key out: `"API_TOKEN": "${API_TOKEN}"`.
    /// ```json
    /// { "api": { "command": "node", "env": { "API_TOKEN": "${API_TOKEN}" } } }
    /// ```
    /// ```dotenv
    /// API_TOKEN=...
    /// ```
    VARIABLE_IN_KEY, "env/variable-in-key", Warning, "`${` in an object key, which nothing expands"
}

pub struct VariableInKey;

impl Check for VariableInKey {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&VARIABLE_IN_KEY]
    }
}

/// `${` at `start` in the key `name`, whose pointer is `pointer`.
pub fn diagnostic(id: FileId, start: usize, pointer: String, name: &str) -> Diagnostic {
    Diagnostic::new(
        &VARIABLE_IN_KEY,
        id,
        Span::new(start, start + 2),
        pointer,
        format!("`${{` in the key `{name}` is not expanded"),
    )
    .label("keys are taken literally")
    .help("write the key out in full; only values are expanded")
}
