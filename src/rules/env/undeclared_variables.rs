//! `env/undeclared-variables`: a config whose variables nothing declares and nothing sets.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports, once per config, the variables it references when nothing around it says what
    /// they are: no `.env` and no committed template (`.env.example`, ...) beside it, and no
    /// value in the environment. Each reference is then neither an error of its own nor
    /// silently accepted.
    ///
    /// ## Why is this bad?
    /// A new clone (or CI) cannot know which variables to set, and a misspelt name cannot be
    /// told from a missing one.
    ///
    /// ## Example
    /// ```json
    /// { "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } } }
    /// ```
    ///
    /// Use instead: commit a template that names them, without values.
    /// ```json
    /// { "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"], "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } } }
    /// ```
    /// ```dotenv .env.example
    /// GITHUB_TOKEN=
    /// ```
    UNDECLARED_VARIABLES, "env/undeclared-variables", Warning, "variables that no template declares and nothing sets"
}

pub struct UndeclaredVariables;

impl Check for UndeclaredVariables {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNDECLARED_VARIABLES]
    }
}

/// The names of a config (`file`) with no value and no declaration; `span` is the first use.
pub fn diagnostic(file: FileId, span: Span, pointer: &str, names: &[String]) -> Diagnostic {
    let list = names
        .iter()
        .map(|n| format!("`{n}`"))
        .collect::<Vec<_>>()
        .join(", ");
    let lines = names
        .iter()
        .map(|n| format!("{n}="))
        .collect::<Vec<_>>()
        .join(", ");
    let (what, them) = if names.len() == 1 {
        ("variable", "it")
    } else {
        ("variables", "them")
    };
    Diagnostic::new(
        &UNDECLARED_VARIABLES,
        file,
        span,
        pointer,
        format!(
            "the config uses {} {what} that nothing declares or sets: {list}",
            names.len()
        ),
    )
    .label("first use")
    .help(format!(
        "commit a `.env.example` beside the config that names {them} without values ({lines}), \
         and set the values in `.env` (not committed) or in the environment"
    ))
}
