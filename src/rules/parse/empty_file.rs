//! `parse/empty-file`: the config file is empty.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a config file that is empty or holds only whitespace (or only comments).
    ///
    /// ## Why is this bad?
    /// Clients fail to start on an empty config, or start with no servers at all.
    ///
    /// ## Example
    /// An empty `mcp-servers.json`:
    /// ```json
    /// ```
    ///
    /// Use instead: an object of servers, even if empty:
    /// ```json
    /// {}
    /// ```
    EMPTY_FILE, "parse/empty-file", Error, "the config file is empty"
}

pub struct EmptyFile;

impl Check for EmptyFile {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&EMPTY_FILE]
    }
}

/// The finding for a file that holds no value; `text` is the file's.
pub fn diagnostic(id: FileId, text: &str) -> Diagnostic {
    let what = if text.trim().is_empty() {
        "the file is empty"
    } else {
        "the file holds only comments"
    };
    Diagnostic::new(&EMPTY_FILE, id, Span::new(0, 0), "", what)
        .help("write an object of servers, `{}` when there are none yet")
}
