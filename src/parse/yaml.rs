//! YAML (Continue's and Goose's files) read into the same tree as JSON: every key and value
//! keeps its byte span in the YAML text, so every rule runs on it unchanged.
//!
//! saphyr-parser does the scanning (YAML 1.2, events with start and end markers); this module
//! builds the tree from its events, resolving plain scalars by YAML 1.2's core schema
//! (`null`, `true`, numbers). Anchors and aliases are followed; only the first document is read.

use std::borrow::Cow;
use std::collections::HashMap;

use jsonc_parser::ast::{
    Array, BooleanLit, NullKeyword, NumberLit, Object, ObjectProp, ObjectPropName, StringLit, Value,
};
use jsonc_parser::common::Range;
use saphyr_parser::{Event, Marker, Parser, ScalarStyle};

use crate::source::Span;

/// A YAML syntax error, or a construct the tree cannot hold (a key that is not a scalar).
pub struct Error {
    pub message: String,
    pub span: Span,
}

/// Byte offsets of saphyr's character indexes.
struct Offsets<'t> {
    text: &'t str,
    /// `None` when the text is ASCII: an index is then its offset.
    table: Option<Vec<usize>>,
}

impl Offsets<'_> {
    fn of(&self, m: &Marker) -> usize {
        match &self.table {
            None => m.index().min(self.text.len()),
            Some(t) => t.get(m.index()).copied().unwrap_or(self.text.len()),
        }
    }
}

enum Frame<'a> {
    Map {
        start: usize,
        anchor: usize,
        props: Vec<ObjectProp<'a>>,
        key: Option<StringLit<'a>>,
    },
    Seq {
        start: usize,
        anchor: usize,
        items: Vec<Value<'a>>,
    },
}

/// Parses the first document of `text` into a tree whose ranges point into `text`; `None` for
/// an empty document.
pub fn parse(text: &str) -> Result<Option<Value<'_>>, Error> {
    let offsets = Offsets {
        text,
        table: (!text.is_ascii()).then(|| {
            let mut t: Vec<usize> = text.char_indices().map(|(i, _)| i).collect();
            t.push(text.len());
            t
        }),
    };
    let mut stack: Vec<Frame> = Vec::new();
    let mut anchors: HashMap<usize, Value> = HashMap::new();
    let mut root = None;
    for event in Parser::new_from_str(text) {
        let (event, span) = event.map_err(|e| {
            let at = offsets.of(e.marker());
            Error {
                message: e.info().to_owned(),
                span: Span::new(at, at),
            }
        })?;
        let (start, end) = (offsets.of(&span.start), offsets.of(&span.end));
        let node = match event {
            Event::DocumentEnd if root.is_some() => break,
            Event::MappingStart(anchor, _) => {
                stack.push(Frame::Map {
                    start,
                    anchor,
                    props: Vec::new(),
                    key: None,
                });
                continue;
            }
            Event::SequenceStart(anchor, _) => {
                stack.push(Frame::Seq {
                    start,
                    anchor,
                    items: Vec::new(),
                });
                continue;
            }
            Event::MappingEnd | Event::SequenceEnd => {
                let (node, anchor) = match stack.pop() {
                    Some(Frame::Map {
                        start,
                        anchor,
                        props,
                        ..
                    }) => {
                        let end = props.last().map_or(end, |p| p.range.end.max(start));
                        let node = Value::Object(Object {
                            range: Range::new(start, end),
                            properties: props,
                        });
                        (node, anchor)
                    }
                    Some(Frame::Seq {
                        start,
                        anchor,
                        items,
                    }) => {
                        let end = items.last().map_or(end, |v| value_end(v).max(start));
                        let node = Value::Array(Array {
                            range: Range::new(start, end),
                            elements: items,
                        });
                        (node, anchor)
                    }
                    None => continue,
                };
                if anchor != 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::Scalar(value, style, anchor, tag) => {
                let quoted = style != ScalarStyle::Plain || tag.is_some();
                let node = scalar(text, value, quoted, Range::new(start, end));
                if anchor != 0 {
                    anchors.insert(anchor, node.clone());
                }
                node
            }
            Event::Alias(id) => match anchors.get(&id) {
                Some(node) => node.clone(),
                None => continue,
            },
            _ => continue,
        };
        match stack.last_mut() {
            None => root = Some(node),
            Some(Frame::Seq { items, .. }) => items.push(node),
            Some(Frame::Map { props, key, .. }) => match key.take() {
                None => match node {
                    Value::StringLit(lit) => *key = Some(lit),
                    // `1: x`, `true: x`: the key as written.
                    Value::NumberLit(NumberLit { range, value }) => {
                        *key = Some(StringLit {
                            range,
                            value: Cow::Borrowed(value),
                        });
                    }
                    Value::BooleanLit(BooleanLit { range, .. })
                    | Value::NullKeyword(NullKeyword { range }) => {
                        *key = Some(StringLit {
                            range,
                            value: Cow::Borrowed(&text[range.start..range.end]),
                        });
                    }
                    other => {
                        let r = jsonc_parser::common::Ranged::range(&other);
                        return Err(Error {
                            message: "a key that is a mapping or a list is not supported here"
                                .into(),
                            span: Span::new(r.start, r.end),
                        });
                    }
                },
                Some(name) => {
                    let range = Range::new(name.range.start, value_end(&node));
                    props.push(ObjectProp {
                        range,
                        name: ObjectPropName::String(name),
                        value: node,
                    });
                }
            },
        }
    }
    Ok(root)
}

fn value_end(v: &Value) -> usize {
    jsonc_parser::common::Ranged::range(v).end
}

/// A scalar: a string when quoted, a block or tagged; a plain one resolved by YAML 1.2's
/// core schema.
fn scalar<'a>(text: &'a str, value: Cow<'a, str>, quoted: bool, range: Range) -> Value<'a> {
    if !quoted {
        let raw = text.get(range.start..range.end).unwrap_or("");
        match value.as_ref() {
            "" | "~" | "null" | "Null" | "NULL" => {
                return Value::NullKeyword(NullKeyword { range });
            }
            "true" | "True" | "TRUE" => {
                return Value::BooleanLit(BooleanLit { range, value: true });
            }
            "false" | "False" | "FALSE" => {
                return Value::BooleanLit(BooleanLit {
                    range,
                    value: false,
                });
            }
            // YAML 1.2's core schema: `1`, `-2.5`, `1e3`, `.5`, `0x1F`, `0o17`.
            // (`1_000` and `0b101` are YAML 1.1's, strings in 1.2.)
            v if v == raw
                && !v.contains('_')
                && !v.trim_start_matches(['-', '+']).starts_with("0b")
                && crate::tree::number(v).is_some() =>
            {
                return Value::NumberLit(NumberLit { range, value: raw });
            }
            _ => {}
        }
    }
    Value::StringLit(StringLit { range, value })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tree::{Step, lookup};

    fn at(text: &str, v: &Value) -> String {
        let r = jsonc_parser::common::Ranged::range(v);
        text[r.start..r.end].to_owned()
    }

    #[test]
    fn keys_and_values_keep_their_yaml_spans() {
        let text = "h: 0x1b\nname: x\nmcpServers:\n  - name: gh\n    command: \"npx\"\n    args: [-y, 'srv']\n    env:\n      TOKEN: abc\n      N: 3\n      B: true\n      Z: ~\n";
        let root = parse(text).ok().flatten().unwrap();
        let (cmd, key) = lookup(
            &root,
            [
                Step::Key("mcpServers"),
                Step::Index(0),
                Step::Key("command"),
            ],
        )
        .unwrap();
        assert_eq!(at(text, cmd), "\"npx\"");
        let key = key.unwrap();
        assert_eq!(&text[key.start..key.end], "command");
        let env = |k| {
            lookup(
                &root,
                [
                    Step::Key("mcpServers"),
                    Step::Index(0),
                    Step::Key("env"),
                    Step::Key(k),
                ],
            )
            .unwrap()
            .0
        };
        assert_eq!(at(text, env("TOKEN")), "abc");
        assert!(matches!(env("N"), Value::NumberLit(_)));
        assert!(matches!(env("B"), Value::BooleanLit(_)));
        assert!(matches!(env("Z"), Value::NullKeyword(_)));
        let (hex, _) = lookup(&root, [Step::Key("h")]).unwrap();
        assert!(matches!(hex, Value::NumberLit(_)));
        let (arg, _) = lookup(
            &root,
            [
                Step::Key("mcpServers"),
                Step::Index(0),
                Step::Key("args"),
                Step::Index(1),
            ],
        )
        .unwrap();
        assert_eq!(at(text, arg), "'srv'");
    }

    #[test]
    fn non_ascii_text_keeps_byte_offsets() {
        let text = "é: ü\nk: v\n";
        let root = parse(text).ok().flatten().unwrap();
        let (v, _) = lookup(&root, [Step::Key("k")]).unwrap();
        assert_eq!(at(text, v), "v");
    }

    #[test]
    fn errors_have_a_position() {
        let err = parse("a: [1, 2\nb: c\n").err().unwrap();
        assert!(!err.message.is_empty());
        assert!(parse("").ok().flatten().is_none());
    }
}
