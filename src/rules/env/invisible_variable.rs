//! `env/invisible-variable`: a variable defined only where the file's client does not look.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, Severity, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a reference to a variable that only a `.env` file defines, in a config whose
    /// client does not read `.env` (Claude Code and VS Code read their own process
    /// environment).
    ///
    /// ## Why is this bad?
    /// mcplint finds the value, the client does not: the server starts with the reference as
    /// written or an empty value, depending on the client.
    ///
    /// ## Example
    /// ```json .mcp.json
    /// { "mcpServers": { "hf": { "type": "http", "url": "https://huggingface.co/mcp", "headers": { "Authorization": "Bearer ${HF_TOKEN}" } } } }
    /// ```
    /// ```dotenv
    /// HF_TOKEN=hf_...
    /// ```
    ///
    /// Use instead: export the variable before starting the client (`export HF_TOKEN=...`,
    /// or your shell's profile), and keep `.env` out of it, or render the config from a
    /// template with `mcplint render`.
    /// ```json .mcp.json
    /// { "mcpServers": { "hf": { "type": "http", "url": "https://huggingface.co/mcp", "headers": { "Authorization": "Bearer ${HF_TOKEN}" } } } }
    /// ```
    ///
    /// ## References
    /// - Claude Code: <https://code.claude.com/docs/en/mcp> ("Environment variable expansion")
    INVISIBLE_VARIABLE, "env/invisible-variable", Warning, "a variable only a `.env` defines, which the client does not read"
}

pub struct InvisibleVariable;

impl Check for InvisibleVariable {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INVISIBLE_VARIABLE]
    }
}

/// `${name}` at `span`, defined only in `.env`, which `client` does not read.
pub fn diagnostic(
    file: FileId,
    span: Span,
    pointer: &str,
    name: &str,
    client: &str,
    severity: Severity,
) -> Diagnostic {
    Diagnostic::new(
        &INVISIBLE_VARIABLE,
        file,
        span,
        pointer,
        format!("`{name}` is defined only in `.env`, which {client} does not read"),
    )
    .severity(severity)
    .label("not visible to the client")
    .help(format!(
        "export `{name}` in the environment {client} starts from, or render this file from a \
         template with `mcplint render`"
    ))
}
