//! `env/command-substitution`: `${cmd: ...}`, which mcplint never runs.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports `${cmd: ...}`, a command some clients run to produce a value. mcplint never runs
    /// it, so the value cannot be checked.
    ///
    /// ## Why is this bad?
    /// A config that runs commands when it is loaded is a config that runs whatever someone
    /// writes into it; it also makes the resolved value invisible to review.
    ///
    /// ## Example
    /// ```json
    /// { "gh": { "command": "npx", "env": { "GITHUB_TOKEN": "${cmd: gh auth token}" } } }
    /// ```
    ///
    /// Use instead: put the value in `.env` and write `${GITHUB_TOKEN}`.
    /// ```json
    /// { "gh": { "command": "npx", "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } } }
    /// ```
    /// ```dotenv
    /// GITHUB_TOKEN=ghp_...
    /// ```
    COMMAND_SUBSTITUTION, "env/command-substitution", Warning, "`${cmd: ...}`, which mcplint never runs"
}

pub struct CommandSubstitution;

impl Check for CommandSubstitution {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&COMMAND_SUBSTITUTION]
    }
}

pub fn diagnostic(id: FileId, span: Span, pointer: &str) -> Diagnostic {
    Diagnostic::new(
        &COMMAND_SUBSTITUTION,
        id,
        span,
        pointer,
        "`${cmd: ...}` is never run by mcplint, so its value is not checked",
    )
    .label("not run")
    .help(
        "put the value in `.env` and reference it as `${NAME}`: a config that runs commands \
         runs whatever is written into it",
    )
}
