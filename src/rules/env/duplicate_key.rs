//! `env/duplicate-key`: a `.env` key written twice.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a key that a `.env` file defines a second time, at the second line, with the
    /// first as related location.
    ///
    /// ## Why is this bad?
    /// Loaders disagree on which value wins. dotenvy's `dotenv()` keeps the first (it never
    /// overwrites a variable already set, and the first line sets it), while its
    /// `dotenv_override()`, python-dotenv, Node's `dotenv` (its `parse` assigns each line to
    /// an object in turn) and mcplint itself keep the last. Docker Compose is not stated here.
    /// The server may start with the value you did not mean, depending on who loads the file.
    ///
    /// ## Example
    /// ```dotenv
    /// HF_TOKEN=abc123
    /// HF_TOKEN=def456
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"], "env": { "HF_TOKEN": "${HF_TOKEN}" } } }
    /// ```
    ///
    /// Use instead:
    /// ```dotenv
    /// HF_TOKEN=def456
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"], "env": { "HF_TOKEN": "${HF_TOKEN}" } } }
    /// ```
    ///
    /// ## References
    /// - dotenv-linter: `DuplicatedKey`.
    /// - dotenvy 0.15.7, `Iter::load` (sets a variable only `if env::var(&key).is_err()`) and
    ///   `Iter::load_override` (always sets it).
    /// - python-dotenv: the later value overwrites the earlier (theskumar/python-dotenv#591,
    ///   and #260, which keeps every binding in order for interpolation).
    /// - Node's dotenv: "the last occurrence wins" in `parse` (motdotla/dotenv#931).
    DUPLICATE_KEY, "env/duplicate-key", Warning, "a `.env` key written twice"
}

pub struct DuplicateKey;

impl Check for DuplicateKey {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&DUPLICATE_KEY]
    }
}

/// `key` is defined again at `span`; `first` is its first definition.
pub fn diagnostic(id: FileId, span: Span, key: &str, first: Span) -> Diagnostic {
    Diagnostic::new(
        &DUPLICATE_KEY,
        id,
        span,
        "",
        format!("`{key}` is defined twice in this file"),
    )
    .label("defined again")
    .help(format!(
        "keep one line for `{key}`: loaders disagree on which value wins (dotenvy's `dotenv()` \
         keeps the first; python-dotenv, Node's dotenv and mcplint the last)"
    ))
    .related_in(id, first, "first defined here")
}
