//! `env/invalid-key-name`: a `.env` key that dotenvy reads but other loaders do not.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a `.env` key with a `.` or with lowercase letters. (A key that starts with a
    /// digit or holds a `-` is rejected by dotenvy itself: `env/syntax` reports it.)
    ///
    /// ## Why is this bad?
    /// dotenvy accepts `.` in a name, but a POSIX shell cannot `export` it and a `${my.key}`
    /// reference cannot name it, so the variable is set for one tool and out of reach for
    /// another. Lowercase names are valid, but environment names are case-insensitive on
    /// Windows and case-sensitive elsewhere: `token` and `TOKEN` are one variable on one
    /// machine and two on the next.
    ///
    /// ## Example
    /// ```dotenv
    /// HF_TOKEN=abc123
    /// hf.endpoint=https://huggingface.co
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"], "env": { "HF_TOKEN": "${HF_TOKEN}" } } }
    /// ```
    ///
    /// Use instead:
    /// ```dotenv
    /// HF_TOKEN=abc123
    /// HF_ENDPOINT=https://huggingface.co
    /// ```
    /// ```json
    /// { "hf": { "command": "npx", "args": ["-y", "hf-mcp"],
    ///           "env": { "HF_TOKEN": "${HF_TOKEN}", "HF_ENDPOINT": "${HF_ENDPOINT}" } } }
    /// ```
    ///
    /// ## References
    /// - dotenv-linter: `LowercaseKey`, `IncorrectDelimiter`.
    /// - dotenvy 0.15.7 `parse.rs`: a name is letters, digits, `_` and `.`.
    /// - POSIX, Base Definitions 3.235 "Name": letters, digits and `_`.
    INVALID_KEY_NAME, "env/invalid-key-name", Warning, "a `.env` key with a `.` or lowercase letters"
}

pub struct InvalidKeyName;

impl Check for InvalidKeyName {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INVALID_KEY_NAME]
    }
}

/// `key` (at `span`) has a `.` (`dotted`) or lowercase letters.
pub fn diagnostic(id: FileId, span: Span, key: &str, dotted: bool) -> Diagnostic {
    let upper: String = key
        .chars()
        .map(|c| {
            if c == '.' {
                '_'
            } else {
                c.to_ascii_uppercase()
            }
        })
        .collect();
    let (message, label) = if dotted {
        (
            format!("`{key}` has a `.`: a shell cannot set it and `${{...}}` cannot name it"),
            "`.` in a name",
        )
    } else {
        (
            format!(
                "`{key}` has lowercase letters: Windows and other systems disagree on its case"
            ),
            "lowercase name",
        )
    };
    Diagnostic::new(&INVALID_KEY_NAME, id, span, "", message)
        .label(label)
        .help(format!(
            "name it `{upper}`: uppercase letters, digits and `_`"
        ))
}
