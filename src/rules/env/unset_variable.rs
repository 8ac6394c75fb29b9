//! `env/unset-variable`: a variable a committed template declares, with no value in this run.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, Severity, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Notes a `${VAR}` that a committed template declares (`.env.example`, `.env.sample`,
    /// `.env.template`, `.env.dist` beside the config, or a file `.mcplint.json` lists in
    /// `"declareFiles"`) but that has no value in this run: no `.env` sets it and the
    /// environment does not either. This is the normal state of a clean clone and of CI, where
    /// secrets are not checked in, so it is `info`; `--require-set` (or `"requireSet": true`)
    /// makes it an error for the step that must have every value, and `render` always needs
    /// them.
    ///
    /// A name that nothing declares and nothing sets is `env/undefined-variable`: most often a
    /// misspelt name.
    ///
    /// ## Why is this bad?
    /// Where the config is used, the server starts with an empty value or the reference as
    /// written, depending on the client.
    ///
    /// ## Example
    /// ```json
    /// { "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } } }
    /// ```
    /// ```dotenv .env.example
    /// GITHUB_TOKEN=
    /// ```
    ///
    /// Use instead: set it where the config is used, in `.env` (never committed) or in the
    /// environment (a CI secret).
    /// ```json
    /// { "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } } }
    /// ```
    /// ```dotenv .env.example
    /// GITHUB_TOKEN=
    /// ```
    /// ```dotenv
    /// GITHUB_TOKEN=ghp_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGhIj
    /// ```
    UNSET_VARIABLE, "env/unset-variable", Info, "a declared variable with no value in this run"
}

pub struct UnsetVariable;

impl Check for UnsetVariable {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNSET_VARIABLE]
    }
}

/// `${name}` at `span`, declared in `template`, with no value.
pub fn diagnostic(
    id: FileId,
    span: Span,
    pointer: &str,
    name: &str,
    template: &str,
    required: bool,
) -> Diagnostic {
    let severity = if required {
        Severity::Error
    } else {
        UNSET_VARIABLE.severity
    };
    Diagnostic::new(
        &UNSET_VARIABLE,
        id,
        span,
        pointer,
        format!("`{name}` is declared in `{template}` but has no value here"),
    )
    .severity(severity)
    .label("no value")
    .help(format!(
        "set `{name}` where this config is used: in `.env` (not committed), or in the \
         environment (in CI, a secret); `--require-set` makes this an error"
    ))
}
