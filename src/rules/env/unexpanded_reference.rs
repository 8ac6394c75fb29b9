//! `env/unexpanded-reference`: a reference the file's client leaves as written.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, Severity, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a `${...}` reference that the client reading the file does not expand: a form
    /// it does not know (`${NAME}` in VS Code, which expands `${env:NAME}`; `${env:NAME}` in
    /// Claude Code, which expands `${NAME}`), an operator it lacks (`${NAME:-default}` in
    /// mcp-hub), `$$` where no client reads it as an escape, or any reference in a field the
    /// client does not expand. `mcplint clients` lists what each client expands.
    ///
    /// ## Why is this bad?
    /// The server receives the text as written: an `Authorization: Bearer ${env:TOKEN}` header
    /// in Claude Code sends the literal `${env:TOKEN}`, and the login fails with an error that
    /// says nothing about the config.
    ///
    /// ## Example
    /// ```json .vscode/mcp.json
    /// {
    ///   "servers": {
    ///     "github": {
    ///       "type": "http",
    ///       "url": "https://api.githubcopilot.com/mcp/",
    ///       "headers": { "Authorization": "Bearer ${GITHUB_TOKEN}" }
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: the client's own form.
    /// ```json .vscode/mcp.json
    /// {
    ///   "servers": {
    ///     "github": {
    ///       "type": "http",
    ///       "url": "https://api.githubcopilot.com/mcp/",
    ///       "headers": { "Authorization": "Bearer ${env:GITHUB_TOKEN}" }
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - VS Code: <https://code.visualstudio.com/docs/copilot/reference/mcp-configuration>
    /// - Claude Code: <https://code.claude.com/docs/en/mcp>
    UNEXPANDED_REFERENCE, "env/unexpanded-reference", Error, "a reference the file's client does not expand"
}

pub struct UnexpandedReference;

impl Check for UnexpandedReference {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNEXPANDED_REFERENCE]
    }
}

/// `text` at `span` is left as written because `why`; `fix` says what to write.
pub fn diagnostic(
    id: FileId,
    span: Span,
    pointer: &str,
    text: &str,
    why: &str,
    fix: Option<&str>,
    severity: Severity,
) -> Diagnostic {
    let help = match fix {
        Some(fix) => format!("{fix}: the server receives `{text}` as written otherwise"),
        None => format!(
            "the server receives `{text}` as written; put the value itself here, or use what the client expands (`mcplint clients`)"
        ),
    };
    // A fix that is only "write `X`" is X in place of the reference.
    let replacement = fix
        .and_then(|f| f.strip_prefix("write `")?.strip_suffix('`'))
        .filter(|r| !r.contains('`'));
    let d = Diagnostic::new(
        &UNEXPANDED_REFERENCE,
        id,
        span,
        pointer,
        if text == "$$" {
            format!("`$$` reaches the server as two `$`: {why}")
        } else {
            format!("`{text}` is not expanded: {why}")
        },
    )
    .severity(severity)
    .label("left as written")
    .help(help);
    match replacement {
        Some(r) => d.replace_with(r),
        None => d,
    }
}
