//! The one value every check produces and every printer reads.

use crate::registry::{Rule, Severity};
use crate::source::{FileId, Span};

/// A secondary location, such as the first of two duplicate keys.
#[derive(Debug, Clone)]
pub struct Related {
    pub file: FileId,
    pub span: Span,
    pub message: String,
}

#[derive(Debug, Clone)]
pub struct Diagnostic {
    pub rule: &'static Rule,
    pub severity: Severity,
    /// What is wrong, in one sentence.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
    /// A few words shown under the underlined text in the human report.
    pub label: Option<String>,
    pub file: FileId,
    /// RFC 6901 pointer of the value (or key) concerned, as written in the file.
    pub pointer: String,
    pub span: Span,
    pub related: Vec<Related>,
    /// The text that fixes the finding when it replaces `span`, when there is one sure fix
    /// (a did-you-mean, the client's own reference syntax): the editor's quick fix.
    pub replacement: Option<String>,
}

impl Diagnostic {
    pub fn new(
        rule: &'static Rule,
        file: FileId,
        span: Span,
        pointer: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity: rule.severity,
            message: message.into(),
            help: None,
            label: None,
            file,
            pointer: pointer.into(),
            span,
            related: Vec::new(),
            replacement: None,
        }
    }

    /// The text that fixes the finding when it replaces the span (see `replacement`).
    pub fn replace_with(mut self, text: impl Into<String>) -> Self {
        self.replacement = Some(text.into());
        self
    }

    pub fn help(mut self, help: impl Into<String>) -> Self {
        self.help = Some(help.into());
        self
    }

    /// Overrides the rule's default severity for this finding.
    pub fn severity(mut self, severity: Severity) -> Self {
        self.severity = severity;
        self
    }

    pub fn label(mut self, label: impl Into<String>) -> Self {
        self.label = Some(label.into());
        self
    }

    pub fn related(self, span: Span, message: impl Into<String>) -> Self {
        let file = self.file;
        self.related_in(file, span, message)
    }

    /// A secondary location in another file, such as the `.env` line that defines a value.
    pub fn related_in(mut self, file: FileId, span: Span, message: impl Into<String>) -> Self {
        self.related.push(Related {
            file,
            span,
            message: message.into(),
        });
        self
    }
}
