//! `env/undefined-variable`: a `${VAR}` that nothing defines.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a `${NAME}` that neither the environment nor any `.env` file defines, and
    /// suggests the name that was probably meant. References inside a `.env` file are
    /// checked too.
    ///
    /// ## Why is this bad?
    /// Clients substitute an empty string: the server starts without its token and fails
    /// later with a 401 that says nothing about the missing variable.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "http", "url": "https://huggingface.co/mcp",
    ///           "headers": { "Authorization": "Bearer ${HF_TOKN}" } } }
    /// ```
    /// ```dotenv
    /// HF_TOKEN=hf_...
    /// ```
    ///
    /// Use instead: the name `.env` defines (`HF_TOKEN=...`), or a default:
    /// `${HF_TOKEN}`, `${LOG_LEVEL:-info}`.
    /// ```json
    /// { "hf": { "type": "http", "url": "https://huggingface.co/mcp",
    ///           "headers": { "Authorization": "Bearer ${HF_TOKEN}" } } }
    /// ```
    /// ```dotenv
    /// HF_TOKEN=hf_...
    /// ```
    UNDEFINED_VARIABLE, "env/undefined-variable", Error, "a `${VAR}` that nothing defines"
}

pub struct UndefinedVariable;

impl Check for UndefinedVariable {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNDEFINED_VARIABLE]
    }
}

/// An undefined `${name}` in a config value; `help` says where it could be defined.
pub fn in_config(id: FileId, span: Span, pointer: &str, name: &str, help: String) -> Diagnostic {
    Diagnostic::new(
        &UNDEFINED_VARIABLE,
        id,
        span,
        pointer,
        format!("undefined variable `{name}`"),
    )
    .label("not defined")
    .help(help)
}

/// An undefined `${name}` in the value of `key` in a `.env` file.
pub fn in_dotenv(id: FileId, span: Span, name: &str, key: &str, help: String) -> Diagnostic {
    Diagnostic::new(
        &UNDEFINED_VARIABLE,
        id,
        span,
        "",
        format!("undefined variable `{name}` in the value of `{key}`"),
    )
    .label("not defined before this line")
    .help(help)
}
