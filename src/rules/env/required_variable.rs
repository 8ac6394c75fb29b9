//! `env/required-variable`: a required `${VAR:?message}` is not set.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports `${NAME:?message}` (or `${NAME?message}`) whose variable is unset (or empty),
    /// with the author's message.
    ///
    /// ## Why is this bad?
    /// The config's author marked the variable as required; the server cannot work without it.
    ///
    /// ## Example
    /// ```json
    /// { "db": { "command": "uvx", "args": ["mcp-server-postgres", "${PG_URL:?set PG_URL in .env}"] } }
    /// ```
    ///
    /// Use instead: define it, in `.env` (`PG_URL=...`) or in the environment.
    /// ```json
    /// { "db": { "command": "uvx", "args": ["mcp-server-postgres", "${PG_URL:?set PG_URL in .env}"] } }
    /// ```
    /// ```dotenv
    /// PG_URL=postgresql://db.internal:5432/app
    /// ```
    REQUIRED_VARIABLE, "env/required-variable", Error, "a required `${VAR:?message}` is not set"
}

pub struct RequiredVariable;

impl Check for RequiredVariable {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&REQUIRED_VARIABLE]
    }
}

/// `${name:?message}` (or `${name?message}`) with `name` unset, or empty (`set`).
pub fn diagnostic(
    id: FileId,
    span: Span,
    pointer: &str,
    name: &str,
    message: &str,
    set: bool,
) -> Diagnostic {
    let state = if set { "empty" } else { "not set" };
    let message = if message.is_empty() {
        format!("`{name}` is required but {state}")
    } else {
        format!("`{name}` is required ({state}): {message}")
    };
    Diagnostic::new(&REQUIRED_VARIABLE, id, span, pointer, message)
        .label(state)
        .help(format!(
            "give `{name}` a value in `.env` or in the environment"
        ))
}
