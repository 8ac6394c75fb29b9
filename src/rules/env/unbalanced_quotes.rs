//! `env/unbalanced-quotes`: a quoted `.env` value whose quote is never closed.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a `.env` value whose opening quote is never closed, at the line where it opens.
    ///
    /// ## Why is this bad?
    /// A quoted value may span lines, so dotenvy reads on to the end of the file looking for
    /// the closing quote and rejects the rest: every variable after the line is missing.
    /// Other loaders stop at the end of the line or keep the quote in the value: loaders
    /// disagree.
    ///
    /// ## Example
    /// ```dotenv
    /// HF_TOKEN="abc123
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"], "env": { "HF_TOKEN": "${HF_TOKEN}" } } }
    /// ```
    ///
    /// Use instead:
    /// ```dotenv
    /// HF_TOKEN="abc123"
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"], "env": { "HF_TOKEN": "${HF_TOKEN}" } } }
    /// ```
    ///
    /// ## References
    /// - dotenv-linter: `QuoteCharacter`.
    /// - dotenvy 0.15.7 `iter.rs` (`QuotedLines`): a quoted value runs over lines to its
    ///   closing quote.
    UNBALANCED_QUOTES, "env/unbalanced-quotes", Error, "a `.env` quote never closed"
}

pub struct UnbalancedQuotes;

impl Check for UnbalancedQuotes {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNBALANCED_QUOTES]
    }
}

/// The quote opened on the line at `span` is never closed; the message never quotes the line.
pub fn diagnostic(id: FileId, span: Span, message: String, help: String) -> Diagnostic {
    Diagnostic::new(&UNBALANCED_QUOTES, id, span, "", message)
        .label("opened here")
        .help(help)
}
