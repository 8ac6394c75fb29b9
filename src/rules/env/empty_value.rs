//! `env/empty-value`: a referenced variable is set but empty.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a plain `${NAME}` whose variable is set to the empty string.
    ///
    /// ## Why is this bad?
    /// The server starts with an empty token or URL, which fails later and far from the cause.
    ///
    /// ## Example
    /// A `.env` with `GITHUB_TOKEN=` and a config with `"${GITHUB_TOKEN}"`:
    /// ```json
    /// { "gh": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"],
    ///           "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } } }
    /// ```
    /// ```dotenv
    /// GITHUB_TOKEN=
    /// ```
    ///
    /// Use instead: give it a value, or make the intent explicit: `${NAME:-fallback}` for a
    /// default, `${NAME:?NAME must be set}` to fail when it is empty.
    /// ```json
    /// { "gh": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"],
    ///           "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } } }
    /// ```
    /// ```dotenv
    /// GITHUB_TOKEN=ghp_...
    /// ```
    EMPTY_VALUE, "env/empty-value", Warning, "a referenced variable is set but empty"
}

pub struct EmptyValue;

impl Check for EmptyValue {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&EMPTY_VALUE]
    }
}

/// `${name}` is set to an empty value `whence` (" in the env file", ...); `defined` is the
/// `.env` line that sets it, when that is where.
pub fn diagnostic(
    id: FileId,
    span: Span,
    pointer: &str,
    name: &str,
    whence: &str,
    defined: Option<(FileId, Span)>,
) -> Diagnostic {
    let mut d = Diagnostic::new(
        &EMPTY_VALUE,
        id,
        span,
        pointer,
        format!("`{name}` is set but empty{whence}"),
    )
    .label("empty")
    .help(format!(
        "give it a value, or say what empty means: `${{{name}:-default}}` for a default, \
         `${{{name}:?message}}` to make it an error"
    ));
    if let Some((file, key_span)) = defined {
        d = d.related_in(file, key_span, "set to an empty value here");
    }
    d
}
