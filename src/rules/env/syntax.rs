//! `env/syntax`: a `.env` line that is not `NAME=value`.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a `.env` line that is not `NAME=value`: a space in an unquoted value, an unknown
    /// escape, a name that starts with a digit or holds a `-`. (A quote never closed is
    /// `env/unbalanced-quotes`, a name without `=` is `env/missing-equals`.)
    ///
    /// ## Why is this bad?
    /// The line is skipped or the whole file is rejected, depending on the tool that reads it;
    /// the variables it defines are missing at run time.
    ///
    /// ## Example
    /// ```dotenv
    /// GREETING=hello world
    /// ```
    /// ```json
    /// { "hi": { "command": "node", "env": { "GREETING": "${GREETING}" } } }
    /// ```
    ///
    /// Use instead:
    /// ```dotenv
    /// GREETING="hello world"
    /// ```
    /// ```json
    /// { "hi": { "command": "node", "env": { "GREETING": "${GREETING}" } } }
    /// ```
    SYNTAX, "env/syntax", Error, "a `.env` line that is not `NAME=value`"
}

pub struct Syntax;

impl Check for Syntax {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&SYNTAX]
    }
}

/// A `.env` that is not UTF-8; `offset` is where the first bad byte is.
pub fn not_utf8(id: FileId, offset: usize) -> Diagnostic {
    Diagnostic::new(
        &SYNTAX,
        id,
        Span::new(0, 0),
        "",
        format!("the file is not valid UTF-8 (byte offset {offset})"),
    )
    .help("save the .env file as UTF-8")
}

/// A `.env` line the loader cannot read; the message never quotes the line.
pub fn diagnostic(id: FileId, span: Span, message: String, help: String) -> Diagnostic {
    Diagnostic::new(&SYNTAX, id, span, "", message)
        .label("here")
        .help(help)
}
