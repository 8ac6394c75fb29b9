//! What is validated, and where one validation error sits in the file.

use jsonc_parser::ast::Value as Node;
use jsonc_parser::common::Ranged;
use jsonschema::paths::LocationSegment;

use crate::diagnostic::Diagnostic;
use crate::registry::Rule;
use crate::schema::Part;
use crate::source::{FileId, Span};
use crate::tree::Path;

/// What is validated: an entry (or a VS Code input) and how findings name it.
pub struct Validated<'t, 'a> {
    pub id: FileId,
    pub node: &'t Node<'a>,
    pub path: &'t Path<'t>,
    /// Where a finding about the whole value points (the server's name).
    pub anchor: Span,
    /// The value in words: "stdio server `fs`".
    pub name: String,
    pub part: Part,
    /// A top-level field another rule reports and the schema leaves alone.
    pub ignored: Option<&'static str>,
    /// The client the file is read as, and its schemas.
    pub client: &'static crate::clients::Client,
    pub schemas: &'static crate::schema::Schemas,
}

/// Where one validation error sits in the file.
pub(crate) struct Location<'l, 't, 'a> {
    pub(super) target: &'l Validated<'t, 'a>,
    pub(super) node: &'l Node<'a>,
    pub(super) key_span: Option<Span>,
    pub(super) pointer: String,
    /// The field in words: `env.TOKEN`, `args[2]`.
    pub(super) field: String,
    pub(super) top_level: bool,
}

impl Location<'_, '_, '_> {
    pub(super) fn value_span(&self) -> Span {
        self.node.range().into()
    }

    pub(super) fn anchor_span(&self) -> Span {
        if self.top_level {
            self.target.anchor
        } else {
            self.key_span.unwrap_or_else(|| {
                let start = self.node.range().start;
                Span::new(start, start + 1)
            })
        }
    }

    pub(super) fn diag(&self, rule: &'static Rule, span: Span, message: String) -> Diagnostic {
        Diagnostic::new(rule, self.target.id, span, self.pointer.clone(), message)
    }

    pub(super) fn where_(&self) -> String {
        if self.top_level {
            self.target.name.clone()
        } else {
            format!("`{}` of {}", self.field, self.target.name)
        }
    }
}

/// The field in words: `env.TOKEN`, `args[2]`.
pub(super) fn display_path(segments: &[LocationSegment]) -> String {
    let mut out = String::new();
    for s in segments {
        match s {
            LocationSegment::Property(p) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(p);
            }
            LocationSegment::Index(i) => {
                out.push_str(&format!("[{i}]"));
            }
        }
    }
    out
}
