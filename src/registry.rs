//! The rule registry's vocabulary: what a rule is, how severe a finding is, and how a rule
//! is named on the command line. This module depends on nothing else in the crate, so every
//! other module may use it.

/// How much a finding matters; the order is the one `--fail-on` compares with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Info,
    Warning,
    Error,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Info => "info",
            Severity::Warning => "warning",
            Severity::Error => "error",
        }
    }
}

impl std::fmt::Display for Severity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// One rule: its stable id, default severity and documentation.
#[derive(Debug)]
pub struct Rule {
    /// Stable id, `family/name`.
    pub id: &'static str,
    pub severity: Severity,
    /// One line for `mcplint rules`.
    pub summary: &'static str,
    /// Whether a default run reports it; a rule off by default is reported only when asked
    /// for (`--select` naming it or its family, or a severity in `.mcplint.json`).
    pub enabled: bool,
    docs: &'static str,
}

impl Rule {
    pub const fn new(
        id: &'static str,
        severity: Severity,
        summary: &'static str,
        docs: &'static str,
    ) -> Rule {
        Rule {
            id,
            severity,
            summary,
            enabled: true,
            docs,
        }
    }

    /// The same rule, off by default.
    pub const fn off(self) -> Rule {
        Rule {
            enabled: false,
            ..self
        }
    }

    /// How `rules` names its default: `warning`, or `off (warning)`.
    pub fn default_level(&self) -> String {
        if self.enabled {
            self.severity.to_string()
        } else {
            format!("off ({})", self.severity)
        }
    }

    /// How `explain` says it: `warning by default`, or `off by default; warning when
    /// selected`.
    pub fn default_note(&self) -> String {
        if self.enabled {
            format!("{} by default", self.severity)
        } else {
            format!("off by default; {} when selected", self.severity)
        }
    }

    /// The family, the part of the id before `/`.
    pub fn family(&self) -> &'static str {
        self.id
            .split_once('/')
            .map_or(self.id, |(family, _)| family)
    }

    /// The documentation, with the headings `## What it does`, `## Why is this bad?`,
    /// `## Example` and `Use instead:`.
    pub fn docs(&self) -> String {
        let mut out = String::with_capacity(self.docs.len());
        for line in self.docs.lines() {
            out.push_str(line.strip_prefix(' ').unwrap_or(line));
            out.push('\n');
        }
        out
    }
}

/// Whether `id` is named by `pattern`: the exact id, or its family (`secret/` or `secret`).
pub fn matches(pattern: &str, id: &str) -> bool {
    let family = pattern.trim_end_matches('/');
    pattern == id
        || id
            .strip_prefix(family)
            .is_some_and(|rest| rest.starts_with('/'))
}

/// Declares a rule as a `static`; the doc comment becomes its `explain` text. `off` after
/// the severity declares a rule off by default (reported only when selected).
macro_rules! rule {
    ($(#[doc = $doc:literal])* $name:ident, $id:literal, $severity:ident, off, $summary:literal $(,)?) => {
        $(#[doc = $doc])*
        pub static $name: $crate::registry::Rule = $crate::registry::Rule::new(
            $id,
            $crate::registry::Severity::$severity,
            $summary,
            concat!($($doc, "\n"),*),
        )
        .off();
    };
    ($(#[doc = $doc:literal])* $name:ident, $id:literal, $severity:ident, $summary:literal $(,)?) => {
        $(#[doc = $doc])*
        pub static $name: $crate::registry::Rule = $crate::registry::Rule::new(
            $id,
            $crate::registry::Severity::$severity,
            $summary,
            concat!($($doc, "\n"),*),
        );
    };
}
pub(crate) use rule;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn family_patterns() {
        assert!(matches("secret/", "secret/github-token"));
        assert!(matches("secret", "secret/github-token"));
        assert!(matches("secret/github-token", "secret/github-token"));
        assert!(!matches("secret/github", "secret/github-token"));
        assert!(!matches("sec", "secret/github-token"));
    }
}
