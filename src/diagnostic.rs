//! The one value every check produces and every printer reads.

use crate::registry::{Rule, Severity};
use crate::source::{FileId, Format, Span};

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
        }
    }

    /// Rewrites the JSON snippets of the message and help (`"key": value`, in backticks) in a
    /// TOML or YAML file's own syntax: `key = value`, `key: value`. A JSON object or array in
    /// a snippet is then a TOML inline table or a YAML flow collection. Helps about
    /// `.mcplint.json` (JSON whatever the config) are left alone.
    pub fn in_syntax(&mut self, format: Format) {
        if format == Format::Json {
            return;
        }
        self.message = snippets_in(&self.message, format);
        if let Some(help) = self.help.as_mut().filter(|h| !h.contains(".mcplint.json")) {
            *help = snippets_in(help, format);
        }
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

/// `"key": ` inside the backticks of `text`, written as `format` writes a key.
fn snippets_in(text: &str, format: Format) -> String {
    static KEY: std::sync::LazyLock<regex::Regex> =
        std::sync::LazyLock::new(|| regex::Regex::new(r#""([^"\\]+)": "#).expect("a valid regex"));
    if !text.contains("\": ") {
        return text.to_owned();
    }
    text.split('`')
        .enumerate()
        .map(|(i, part)| {
            if i % 2 == 0 {
                return part.to_owned();
            }
            KEY.replace_all(part, |c: &regex::Captures| {
                let key = &c[1];
                let bare = key
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
                match (format, bare) {
                    (Format::Toml, true) => format!("{key} = "),
                    (Format::Toml, false) => format!("\"{key}\" = "),
                    (_, true) => format!("{key}: "),
                    (_, false) => format!("\"{key}\": "),
                }
            })
            .into_owned()
        })
        .collect::<Vec<_>>()
        .join("`")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_snippets_in_toml_and_yaml() {
        let help = "add `\"command\": \"npx\"`, or `{ \"X-Key\": \"v\" }`; \"not\": code";
        assert_eq!(
            snippets_in(help, Format::Toml),
            "add `command = \"npx\"`, or `{ X-Key = \"v\" }`; \"not\": code"
        );
        assert_eq!(
            snippets_in(help, Format::Yaml),
            "add `command: \"npx\"`, or `{ X-Key: \"v\" }`; \"not\": code"
        );
        assert_eq!(snippets_in("`\"a b\": 1`", Format::Toml), "`\"a b\" = 1`");
    }
}
