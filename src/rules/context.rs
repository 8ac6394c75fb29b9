//! What a rule sees: the [`Check`] trait and the contexts the walk hands to its hooks.
//!
//! The walk (`crate::pipeline`) parses a file once, expands each server entry once, and then
//! calls every registered check's hooks: [`Check::entry`] once per server entry,
//! [`Check::file`] once per config file after its last entry. A rule never walks the file
//! itself and never calls another rule.
//!
//! Some rules are raised where the thing they describe is found rather than by a hook: the
//! `parse/` rules by the parser, the `env/` rules by the expansion of a `${VAR}`. Their files
//! still hold their id, docs and the one function that builds their diagnostic; their check
//! has no hooks.

use std::collections::HashSet;

use jsonc_parser::ast::Object;

use crate::diagnostic::Diagnostic;
use crate::registry::Rule;
use crate::source::{FileId, SourceFile, Span};
use crate::tree::Path;

/// Which hooks a check implements, so that the walk calls only those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Hooks {
    pub entry: bool,
    pub file: bool,
}

impl Hooks {
    pub const NONE: Hooks = Hooks {
        entry: false,
        file: false,
    };
    pub const ENTRY: Hooks = Hooks {
        entry: true,
        file: false,
    };
    pub const FILE: Hooks = Hooks {
        entry: false,
        file: true,
    };
}

/// A registered check: the rules it may raise and the hooks that raise them.
pub trait Check: Sync {
    /// Every rule this check may report (most checks have exactly one).
    fn rules(&self) -> Vec<&'static Rule>;

    /// Which of the hooks below do something.
    fn hooks(&self) -> Hooks {
        Hooks::NONE
    }

    /// Called once for every server entry, after its strings were expanded.
    fn entry(&self, _cx: &EntryContext, _out: &mut Vec<Diagnostic>) {}

    /// Called once for every config file that parsed, after its last entry.
    fn file(&self, _cx: &FileContext, _out: &mut Vec<Diagnostic>) {}
}

/// One server entry, as written and as resolved.
pub struct EntryContext<'e, 'a> {
    pub file: &'e SourceFile,
    pub id: FileId,
    /// The server's name (its key in the map of servers).
    pub name: &'e str,
    pub name_span: Span,
    /// The entry as written, with the span of every key and value.
    pub node: &'e Object<'a>,
    pub path: &'e Path<'e>,
    /// The entry after `${VAR}` expansion.
    pub resolved: &'e serde_json::Map<String, serde_json::Value>,
    /// Pointers of the values whose expansion failed (reported already, not checked again).
    pub failed: &'e HashSet<String>,
}

impl<'a> EntryContext<'_, 'a> {
    /// The last property named `key` (the one every JSON parser keeps), with its key's span.
    pub fn field(&self, key: &str) -> Option<(Span, &jsonc_parser::ast::Value<'a>)> {
        let prop = self
            .node
            .properties
            .iter()
            .rev()
            .find(|p| p.name.as_str() == key)?;
        Some((crate::tree::prop_name_span(prop), &prop.value))
    }

    /// A string field as written, with the span of the literal (quotes included).
    pub fn string(&self, key: &str) -> Option<(Span, &str)> {
        match self.field(key)? {
            (_, jsonc_parser::ast::Value::StringLit(s)) => Some((s.range.into(), s.value.as_ref())),
            _ => None,
        }
    }

    /// The pointer of one of the entry's fields, or of the entry itself for `""`.
    pub fn pointer(&self, key: &str) -> String {
        if key.is_empty() {
            self.path.pointer()
        } else {
            Path::Key(self.path, key).pointer()
        }
    }

    /// A finding of `rule` at `span`, about field `key` (`""`: the entry).
    pub fn diagnostic(
        &self,
        rule: &'static Rule,
        span: Span,
        key: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(rule, self.id, span, self.pointer(key), message)
    }
}

/// One config file, after every entry was walked.
pub struct FileContext<'f> {
    pub file: &'f SourceFile,
    pub id: FileId,
    /// The OAuth apps the entries configure.
    pub apps: &'f [crate::oauth::App],
    /// What redirect URIs are checked against.
    pub oauth: &'f crate::oauth::OAuthOptions,
}
