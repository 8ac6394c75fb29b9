//! `env/undeclared-input`: `${input:id}` with no input `id` in the file's `inputs`.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, Severity, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports an `${input:id}` reference in a VS Code `mcp.json` whose `id` no entry of the
    /// file's `inputs` declares.
    ///
    /// ## Why is this bad?
    /// VS Code asks for an input's value (and stores it securely) only when `inputs` declares
    /// it; an undeclared one cannot be resolved, and the server does not start.
    ///
    /// ## Example
    /// ```json .vscode/mcp.json
    /// {
    ///   "inputs": [{ "type": "promptString", "id": "api-key", "password": true }],
    ///   "servers": {
    ///     "search": { "command": "npx", "args": ["-y", "search-mcp"], "env": { "API_KEY": "${input:apikey}" } }
    ///   }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json .vscode/mcp.json
    /// {
    ///   "inputs": [{ "type": "promptString", "id": "api-key", "password": true }],
    ///   "servers": {
    ///     "search": { "command": "npx", "args": ["-y", "search-mcp"], "env": { "API_KEY": "${input:api-key}" } }
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - <https://code.visualstudio.com/docs/copilot/reference/mcp-configuration> ("Input variables")
    UNDECLARED_INPUT, "env/undeclared-input", Error, "an `${input:id}` that `inputs` does not declare"
}

pub struct UndeclaredInput;

impl Check for UndeclaredInput {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNDECLARED_INPUT]
    }
}

/// `${input:<id>}` at `span`; `declared` are the ids `inputs` has.
pub fn diagnostic(
    file: FileId,
    span: Span,
    pointer: &str,
    id: &str,
    declared: &[&str],
    severity: Severity,
) -> Diagnostic {
    let help = match crate::suggest::closest(id, declared.iter().copied()) {
        Some(near) => format!("did you mean `${{input:{near}}}`?"),
        None => format!(
            "declare it: `\"inputs\": [{{ \"type\": \"promptString\", \"id\": \"{id}\", \"password\": true }}]`"
        ),
    };
    Diagnostic::new(
        &UNDECLARED_INPUT,
        file,
        span,
        pointer,
        format!("no input `{id}` is declared in `inputs`"),
    )
    .severity(severity)
    .label("undeclared")
    .help(help)
}
