//! `env/bare-variable`: `$NAME` without braces, which nothing expands.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports `$NAME` without braces in a config value.
    ///
    /// ## Why is this bad?
    /// MCP clients and hubs expand only `${NAME}`; `$NAME` reaches the server as the literal
    /// text `$NAME`.
    ///
    /// ## Example
    /// ```json
    /// { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "$HOME/docs"] } }
    /// ```
    ///
    /// Use instead: `"${HOME}/docs"`, or `"$$HOME/docs"` for a literal `$`.
    /// ```json
    /// { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "${HOME}/docs"] } }
    /// ```
    /// ```dotenv
    /// HOME=/home/me
    /// ```
    BARE_VARIABLE, "env/bare-variable", Warning, "`$NAME` without braces, which nothing expands"
}

pub struct BareVariable;

impl Check for BareVariable {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&BARE_VARIABLE]
    }
}

/// `$name` at `span`; `reference` is how the file's client spells a reference (`${env:X}`),
/// when it is not mcplint's `${X}`.
pub fn diagnostic(
    id: FileId,
    span: Span,
    pointer: &str,
    name: &str,
    reference: Option<&str>,
) -> Diagnostic {
    let braced = format!("${{{name}}}");
    let help = match reference {
        Some(reference) => format!("write `{reference}` to use the variable"),
        None => format!("write `{braced}` to use the variable, or `$${name}` for a literal `$`"),
    };
    let reference = reference.unwrap_or(&braced);
    let replacement = reference.to_owned();
    Diagnostic::new(
        &BARE_VARIABLE,
        id,
        span,
        pointer,
        format!("`${name}` is not expanded: only `{reference}` is"),
    )
    .label("taken literally")
    .help(help)
    .replace_with(replacement)
}
