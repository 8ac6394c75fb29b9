//! `env/invalid-template`: a `${...}` that cannot be read.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a `${...}` that cannot be read: `${`, `${}`, `${ NAME}`, `${NAME }`, an unknown
    /// operator as in `${NAME!}` or `${NAME:=x}`, an unterminated `${NAME:-x`.
    ///
    /// ## Why is this bad?
    /// Clients pass such text through unexpanded, or fail to load the config.
    ///
    /// ## Example
    /// ```json
    /// { "api": { "url": "https://${ HOST}/mcp", "type": "http" } }
    /// ```
    ///
    /// Use instead: `${HOST}`; operators are `:-` `-` `:?` `?` `:+` `+`; `$$` is a literal `$`.
    /// ```json
    /// { "api": { "url": "https://${HOST}/mcp", "type": "http" } }
    /// ```
    /// ```dotenv
    /// HOST=mcp.example.com
    /// ```
    INVALID_TEMPLATE, "env/invalid-template", Error, "a `${...}` that cannot be read"
}

pub struct InvalidTemplate;

impl Check for InvalidTemplate {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INVALID_TEMPLATE]
    }
}

pub fn diagnostic(
    id: FileId,
    span: Span,
    pointer: &str,
    message: String,
    help: String,
) -> Diagnostic {
    Diagnostic::new(&INVALID_TEMPLATE, id, span, pointer, message)
        .label("here")
        .help(help)
}
