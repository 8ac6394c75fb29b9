//! Turning a subtree of the parse into a `serde_json::Value`, in the one pass that also
//! reports duplicate keys and raw control characters.

use jsonc_parser::ast::Value;

use crate::diagnostic::Diagnostic;
use crate::rules::parse::{duplicate_key, syntax};
use crate::source::{FileId, SourceFile, Span};
use crate::tree::{Path, Strings, Verbatim, prop_name_span};

/// Converts a subtree for schema validation, reporting every duplicate key on the way.
#[derive(Clone, Copy)]
pub struct Converter<'f> {
    pub file: &'f SourceFile,
    pub id: FileId,
    /// Whether strings may hold raw control characters (see `parse::Parsed`).
    pub raw_controls: bool,
}

impl Converter<'_> {
    /// The `parse/syntax` finding for a raw control character in the string at `span`.
    pub fn control_character(&self, span: Span) -> Option<Diagnostic> {
        self.raw_controls
            .then(|| syntax::control_character(self.file, self.id, span))
            .flatten()
    }

    pub fn convert(
        &self,
        value: &Value,
        path: &Path,
        out: &mut Vec<Diagnostic>,
    ) -> serde_json::Value {
        self.convert_with(value, path, out, &mut Verbatim)
    }

    pub fn convert_with(
        &self,
        value: &Value,
        path: &Path,
        out: &mut Vec<Diagnostic>,
        strings: &mut dyn Strings,
    ) -> serde_json::Value {
        match value {
            Value::Object(obj) => {
                duplicate_key::report(self.file, self.id, &obj.properties, path, false, out);
                let mut map = serde_json::Map::with_capacity(obj.properties.len());
                for prop in &obj.properties {
                    let key = prop.name.as_str();
                    if let Some(d) = self.control_character(prop_name_span(prop)) {
                        out.push(d);
                    }
                    strings.key(prop, path, out);
                    let child = self.convert_with(&prop.value, &Path::Key(path, key), out, strings);
                    map.insert(key.to_owned(), child);
                }
                serde_json::Value::Object(map)
            }
            Value::Array(arr) => serde_json::Value::Array(
                arr.elements
                    .iter()
                    .enumerate()
                    .map(|(i, v)| self.convert_with(v, &Path::Index(path, i), out, strings))
                    .collect(),
            ),
            Value::StringLit(s) => {
                if let Some(d) = self.control_character(s.range.into()) {
                    out.push(d);
                }
                serde_json::Value::String(strings.string(s, path, out))
            }
            // TOML's and YAML's forms too (`1_000`, `0x1F`).
            Value::NumberLit(n) => crate::tree::number(n.value)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Value::BooleanLit(b) => serde_json::Value::Bool(b.value),
            Value::NullKeyword(_) => serde_json::Value::Null,
        }
    }
}
