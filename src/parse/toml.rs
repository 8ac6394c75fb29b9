//! TOML (Codex's `config.toml`) read into the same tree as JSON: every key and value keeps
//! its byte span in the TOML text, so every rule runs on it unchanged.
//!
//! The `toml` crate's `DeTable::parse` does the parsing and keeps the span of each key and
//! value; this module only maps its values onto jsonc-parser's AST.

use std::borrow::Cow;

use jsonc_parser::ast::{
    Array, BooleanLit, NumberLit, Object, ObjectProp, ObjectPropName, StringLit, Value,
};
use jsonc_parser::common::Range;
use toml::de::{DeTable, DeValue};

use crate::source::Span;

/// A TOML syntax error: what is wrong and where.
pub struct Error {
    pub message: String,
    pub span: Span,
}

/// Parses `text` into a tree whose ranges point into `text`; the root is a table.
pub fn parse(text: &str) -> Result<Value<'_>, Error> {
    let root = DeTable::parse(text).map_err(|e| {
        let span = e
            .span()
            .map_or(Span::new(0, 0), |r| Span::new(r.start, r.end));
        Error {
            message: e.message().trim().to_owned(),
            span,
        }
    })?;
    let span = root.span();
    Ok(table(text, root.into_inner(), span))
}

fn range(span: std::ops::Range<usize>) -> Range {
    Range::new(span.start, span.end)
}

fn table<'a>(text: &'a str, map: DeTable<'a>, span: std::ops::Range<usize>) -> Value<'a> {
    let mut props: Vec<ObjectProp<'a>> = map
        .into_iter()
        .map(|(key, value)| {
            let key_span = key.span();
            let value_span = value.span();
            let name = StringLit {
                range: range(key_span.clone()),
                value: key.into_inner(),
            };
            let value = convert(text, value.into_inner(), value_span.clone());
            let end = value_span.end.max(key_span.end);
            ObjectProp {
                range: Range::new(key_span.start, end),
                name: ObjectPropName::String(name),
                value,
            }
        })
        .collect();
    // The crate's map is ordered by key; the tree keeps the file's order.
    props.sort_by_key(|p| p.range.start);
    // A table made only of `[a.b]` headers may have no span of its own: it starts at its
    // first key.
    let start = match props.first() {
        Some(p) if span.is_empty() || p.range.start < span.start => p.range.start,
        _ => span.start,
    };
    let end = props.iter().map(|p| p.range.end).fold(span.end, usize::max);
    Value::Object(Object {
        range: Range::new(start, end),
        properties: props,
    })
}

fn convert<'a>(text: &'a str, value: DeValue<'a>, span: std::ops::Range<usize>) -> Value<'a> {
    let raw = text.get(span.clone()).unwrap_or("");
    match value {
        DeValue::String(s) => Value::StringLit(StringLit {
            range: range(span),
            value: s,
        }),
        // The number as written; `tree::number` reads TOML's forms (`1_000`, `0x10`).
        DeValue::Integer(_) | DeValue::Float(_) => Value::NumberLit(NumberLit {
            range: range(span),
            value: raw,
        }),
        DeValue::Boolean(b) => Value::BooleanLit(BooleanLit {
            range: range(span),
            value: b,
        }),
        // JSON has no dates: a date reads as the string it is written as.
        DeValue::Datetime(d) => Value::StringLit(StringLit {
            range: range(span),
            value: Cow::Owned(d.to_string()),
        }),
        DeValue::Array(items) => Value::Array(Array {
            range: range(span),
            elements: items
                .into_iter()
                .map(|item| {
                    let s = item.span();
                    convert(text, item.into_inner(), s)
                })
                .collect(),
        }),
        DeValue::Table(map) => table(text, map, span),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::{Step, lookup};
    use jsonc_parser::common::Ranged;

    #[test]
    fn keys_and_values_keep_their_toml_spans() {
        let text = "model = \"o3\"\n\n[mcp_servers.github]\ncommand = \"npx\"\nargs = [\"-y\", 'srv']\nenv = { TOKEN = \"abc\" }\nstartup_timeout_sec = 20\n";
        let root = parse(text).ok().unwrap();
        let steps = |s: &'static [&'static str]| s.iter().map(|k| Step::Key(k));
        let (cmd, key) = lookup(&root, steps(&["mcp_servers", "github", "command"])).unwrap();
        assert_eq!(&text[key.unwrap().start..key.unwrap().end], "command");
        let Value::StringLit(cmd) = cmd else { panic!() };
        assert_eq!(&text[cmd.range.start..cmd.range.end], "\"npx\"");
        let (tok, _) = lookup(&root, steps(&["mcp_servers", "github", "env", "TOKEN"])).unwrap();
        assert_eq!(&text[tok.range().start..tok.range().end], "\"abc\"");
        let (n, _) = lookup(
            &root,
            steps(&["mcp_servers", "github", "startup_timeout_sec"]),
        )
        .unwrap();
        assert!(matches!(n, Value::NumberLit(n) if n.value == "20"));
        let Value::Object(root) = &root else { panic!() };
        assert_eq!(root.properties[0].name.as_str(), "model");
    }

    #[test]
    fn errors_have_a_span() {
        let err = parse("[mcp_servers.a]\ncommand = \"npx\nargs = []\n")
            .err()
            .unwrap();
        assert!(err.span.start > 10, "{}", err.message);
    }
}
