//! A fast path for the common case: a JSON or JSONC text that parses, read into the same tree
//! jsonc-parser builds (same ranges, same borrowed strings, duplicate keys kept), in one pass
//! over the bytes and with every list allocated at its final size.
//!
//! It accepts a subset of what jsonc-parser accepts and gives up (`None`) on anything else —
//! a syntax error, a `\u` escape of a surrogate, whitespace other than JSON's four, a control
//! character in a string, nesting deeper than [`MAX_DEPTH`] — and the caller then parses with
//! jsonc-parser, so errors and the rare forms keep its exact behaviour. `fuzz/fuzz_targets/
//! parse_fast.rs` checks that wherever this accepts, jsonc-parser gives the same tree and
//! comments, and serde_json the same values.
//!
//! Why: jsonc-parser grows each object's property list by doubling, so a map of 100,000
//! servers is copied about seventeen times into fresh memory, and scans character by
//! character; this path was 2–3 times faster on `scripts/bench.sh`'s corpora. From
//! [`SPLIT_BYTES`] on, it reads a text on two cores (`split.rs`).

use std::borrow::Cow;

use jsonc_parser::ast::{
    Array, BooleanLit, NullKeyword, NumberLit, Object, ObjectProp, ObjectPropName, StringLit, Value,
};
use jsonc_parser::common::Range;

use crate::source::Span;

mod split;
pub use split::parse_split_at;
use split::{Tail, split_point};

/// Deeper nesting is left to jsonc-parser (no config nests this far).
pub const MAX_DEPTH: usize = 100;

/// The root value and the comments (JSONC only; in file order), or `None` when this path
/// gives up. A text of [`SPLIT_BYTES`] or more is read on two cores (see [`parse_split_at`]).
pub fn parse(text: &str, jsonc: bool) -> Option<Document<'_>> {
    let split = (text.len() >= SPLIT_BYTES)
        .then(|| split_point(text.as_bytes()))
        .flatten();
    match split {
        Some(at) => parse_split_at(text, jsonc, at).0,
        None => parse_on_one_core(text, jsonc),
    }
}

/// [`parse`] without the split: the reference [`parse_split_at`] is checked against.
pub fn parse_on_one_core(text: &str, jsonc: bool) -> Option<Document<'_>> {
    Parser::new(text, jsonc).document()
}

/// The root value and the comments, in file order.
pub type Document<'a> = (Value<'a>, Vec<(Span, String)>);

/// From this size on, [`parse`] reads the second half of the text on another core.
pub const SPLIT_BYTES: usize = 1 << 20;

struct Parser<'a, 'j> {
    text: &'a str,
    bytes: &'a [u8],
    at: usize,
    jsonc: bool,
    comments: Vec<(Span, String)>,
    /// Scratch stacks: the members of the objects and arrays being read, moved into a list of
    /// the right size when each closes.
    props: Vec<ObjectProp<'a>>,
    elements: Vec<Value<'a>>,
    depth: usize,
    /// The deepest `depth` reached.
    deepest: usize,
    /// Where the other core started reading ([`parse_split_at`]; `usize::MAX` when none), and
    /// how to wait for what it read.
    split_at: usize,
    join: Option<&'j mut dyn FnMut() -> Option<Tail<'a>>>,
    /// Whether the other core's reading was used.
    joined_split: bool,
}

impl<'a, 'j> Parser<'a, 'j> {
    fn new(text: &'a str, jsonc: bool) -> Self {
        Parser {
            text,
            bytes: text.as_bytes(),
            at: 0,
            jsonc,
            comments: Vec::new(),
            props: Vec::new(),
            elements: Vec::new(),
            depth: 0,
            deepest: 0,
            split_at: usize::MAX,
            join: None,
            joined_split: false,
        }
    }

    /// The whole text: one value between optional whitespace (and, in JSONC, comments).
    fn document(self) -> Option<Document<'a>> {
        self.document_split().0
    }

    /// [`Parser::document`], and whether a split was joined.
    fn document_split(mut self) -> (Option<Document<'a>>, bool) {
        let value = self.skip().and_then(|()| self.value());
        let joined = self.joined_split;
        let document = value
            .filter(|_| self.skip().is_some() && self.at == self.bytes.len())
            .map(|value| (value, self.comments));
        (document, joined)
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.at).copied()
    }

    /// Skips JSON whitespace and, in JSONC, comments.
    fn skip(&mut self) -> Option<()> {
        loop {
            // One tight scan over the run (a third of the parse went to skipping whitespace
            // a byte per step through `peek`).
            let rest = &self.bytes[self.at..];
            self.at += rest
                .iter()
                .position(|&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
                .unwrap_or(rest.len());
            match self.peek() {
                Some(b'/') if self.jsonc => self.comment()?,
                _ => return Some(()),
            }
        }
    }

    fn comment(&mut self) -> Option<()> {
        let start = self.at;
        match self.bytes.get(start + 1) {
            Some(b'/') => {
                let body = start + 2;
                let end = memchr::memchr2(b'\n', b'\r', &self.bytes[body..])
                    .map_or(self.bytes.len(), |i| body + i);
                self.comments
                    .push((Span::new(start, end), self.text[body..end].to_owned()));
                self.at = end;
            }
            Some(b'*') => {
                let body = start + 2;
                let close = memchr::memmem::find(&self.bytes[body..], b"*/")?;
                let end = body + close + 2;
                self.comments.push((
                    Span::new(start, end),
                    self.text[body..body + close].to_owned(),
                ));
                self.at = end;
            }
            _ => return None,
        }
        Some(())
    }

    fn value(&mut self) -> Option<Value<'a>> {
        match self.peek()? {
            b'{' => self.object().map(Value::Object),
            b'[' => self.array().map(Value::Array),
            b'"' => self.string().map(Value::StringLit),
            b't' => self
                .word("true")
                .map(|range| Value::BooleanLit(BooleanLit { range, value: true })),
            b'f' => self.word("false").map(|range| {
                Value::BooleanLit(BooleanLit {
                    range,
                    value: false,
                })
            }),
            b'n' => self
                .word("null")
                .map(|range| Value::NullKeyword(NullKeyword { range })),
            b'-' | b'0'..=b'9' => self.number().map(Value::NumberLit),
            _ => None,
        }
    }

    /// After a value: what may follow it without a space.
    fn delimited(&self) -> bool {
        matches!(
            self.peek(),
            None | Some(b' ' | b'\t' | b'\n' | b'\r' | b',' | b'}' | b']' | b'/')
        )
    }

    fn word(&mut self, word: &str) -> Option<Range> {
        let start = self.at;
        let end = start + word.len();
        if self.bytes.get(start..end)? != word.as_bytes() {
            return None;
        }
        self.at = end;
        self.delimited().then_some(Range { start, end })
    }

    fn digits(&mut self) -> usize {
        let start = self.at;
        while matches!(self.peek(), Some(b'0'..=b'9')) {
            self.at += 1;
        }
        self.at - start
    }

    /// RFC 8259's number grammar, kept as written.
    fn number(&mut self) -> Option<NumberLit<'a>> {
        let start = self.at;
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        match self.peek()? {
            b'0' => self.at += 1,
            b'1'..=b'9' => {
                self.digits();
            }
            _ => return None,
        }
        if self.peek() == Some(b'.') {
            self.at += 1;
            if self.digits() == 0 {
                return None;
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if self.digits() == 0 {
                return None;
            }
        }
        if !self.delimited() {
            return None;
        }
        Some(NumberLit {
            range: Range {
                start,
                end: self.at,
            },
            value: &self.text[start..self.at],
        })
    }

    fn string(&mut self) -> Option<StringLit<'a>> {
        let start = self.at;
        let body = start + 1;
        let mut i = body;
        let mut decoded: Option<String> = None;
        loop {
            let rest = &self.bytes[i..];
            let n = memchr::memchr2(b'"', b'\\', rest)?;
            // A raw control character: jsonc-parser keeps it; the rule reports it.
            if rest[..n].iter().fold(false, |any, &b| any | (b < 0x20)) {
                return None;
            }
            let b = rest[n];
            if let Some(out) = decoded.as_mut() {
                out.push_str(&self.text[i..i + n]);
            }
            i += n;
            match b {
                b'"' => break,
                b'\\' => {
                    let out = decoded.get_or_insert_with(|| self.text[body..i].to_owned());
                    let (c, len) = self.escape(i)?;
                    out.push(c);
                    i += len;
                }
                _ => unreachable!("memchr2 finds a quote or a backslash"),
            }
        }
        self.at = i + 1;
        let value = match decoded {
            Some(s) => Cow::Owned(s),
            None => Cow::Borrowed(&self.text[body..i]),
        };
        Some(StringLit {
            range: Range {
                start,
                end: self.at,
            },
            value,
        })
    }

    /// The escape at `at` (its backslash): the character and the escape's length.
    fn escape(&self, at: usize) -> Option<(char, usize)> {
        let c = match self.bytes.get(at + 1)? {
            b'"' => '"',
            b'\\' => '\\',
            b'/' => '/',
            b'b' => '\u{8}',
            b'f' => '\u{c}',
            b'n' => '\n',
            b'r' => '\r',
            b't' => '\t',
            b'u' => {
                let hex = self.bytes.get(at + 2..at + 6)?;
                if !hex.iter().all(u8::is_ascii_hexdigit) {
                    return None;
                }
                let code = u32::from_str_radix(std::str::from_utf8(hex).ok()?, 16).ok()?;
                // Surrogates (pairs or lone) are left to jsonc-parser.
                return char::from_u32(code).map(|c| (c, 6));
            }
            _ => return None,
        };
        Some((c, 2))
    }

    fn enter(&mut self) -> Option<()> {
        self.depth += 1;
        self.deepest = self.deepest.max(self.depth);
        (self.depth <= MAX_DEPTH).then_some(())
    }

    fn object(&mut self) -> Option<Object<'a>> {
        self.enter()?;
        let start = self.at;
        let first = self.props.len();
        let mut joined = None;
        self.at += 1;
        self.skip()?;
        if self.peek()? != b'}' {
            loop {
                self.member()?;
                if self.closed_after_member(b'}')? {
                    break;
                }
                if self.at == self.split_at
                    && let Some(tail) = self.joined()
                {
                    joined = Some(self.adopt(first, tail));
                    break;
                }
            }
        }
        self.at += 1;
        self.depth -= 1;
        Some(Object {
            range: Range {
                start,
                end: self.at,
            },
            properties: joined.unwrap_or_else(|| self.props.split_off(first)),
        })
    }

    /// One member of an object: a key, a colon and a value.
    fn member(&mut self) -> Option<()> {
        if self.peek()? != b'"' {
            return None;
        }
        let name = self.string()?;
        self.skip()?;
        if self.peek()? != b':' {
            return None;
        }
        self.at += 1;
        self.skip()?;
        let value = self.value()?;
        let range = Range {
            start: name.range.start,
            end: value_end(&value),
        };
        self.props.push(ObjectProp {
            range,
            name: ObjectPropName::String(name),
            value,
        });
        Some(())
    }

    /// After an object's or an array's member: a comma (and, in JSONC, a trailing one before
    /// `close`) or `close` itself, which is left for the caller. `Some(true)` when at `close`.
    fn closed_after_member(&mut self, close: u8) -> Option<bool> {
        self.skip()?;
        match self.peek()? {
            b',' => {
                self.at += 1;
                self.skip()?;
                Some(self.jsonc && self.peek() == Some(close))
            }
            b if b == close => Some(true),
            _ => None,
        }
    }

    fn array(&mut self) -> Option<Array<'a>> {
        self.enter()?;
        let start = self.at;
        let first = self.elements.len();
        self.at += 1;
        self.skip()?;
        if self.peek()? != b']' {
            loop {
                let value = self.value()?;
                self.elements.push(value);
                if self.closed_after_member(b']')? {
                    break;
                }
            }
        }
        self.at += 1;
        self.depth -= 1;
        Some(Array {
            range: Range {
                start,
                end: self.at,
            },
            elements: self.elements.split_off(first),
        })
    }
}

fn value_end(value: &Value) -> usize {
    use jsonc_parser::common::Ranged;
    value.range().end
}

#[cfg(test)]
mod tests {
    use super::*;

    /// jsonc-parser's reading of `text`, as `parse::parse` asks for it.
    fn reference(text: &str, jsonc: bool) -> Option<(Value<'_>, Vec<(Span, String)>)> {
        let reading = super::super::jsonc_parser_reading(text, jsonc).ok()?;
        Some((reading.value?, reading.comments))
    }

    fn same(text: &str, jsonc: bool) {
        let ours = parse(text, jsonc).expect("the fast path accepts");
        let theirs = reference(text, jsonc).expect("jsonc-parser accepts");
        assert_eq!(format!("{:?}", ours.0), format!("{:?}", theirs.0), "{text}");
        assert_eq!(ours.1, theirs.1, "{text}");
    }

    #[test]
    fn the_same_tree_as_jsonc_parser() {
        same(
            r#"{"a": 1, "a": [true, false, null, -0.5e+3, "x\"\u00e9\n"], "b": {}}"#,
            false,
        );
        same("{\"s\": \"caf\u{e9} \\/ \\t\", \"e\": []}\n", false);
        same(
            "// head\n{ /* a */ \"a\": [1, 2,], // tail\r\n \"b\": {\"c\": 0,}, }\n// end",
            true,
        );
        same("[]", false);
        same("  \"top\"  ", false);
    }

    #[test]
    fn gives_up_where_jsonc_parser_decides() {
        for (text, jsonc) in [
            ("", false),
            ("{\"a\": 01}", false),
            ("{\"a\": 1,}", false),
            ("{\"a\": \"\\ud83d\\ude00\"}", false),
            ("{\"a\": \"raw\ttab\"}", false),
            ("{\"a\": 1} // c", false),
            ("{\"a\": 1}\u{a0}", false),
            ("{\"a\": truex}", false),
            ("{\"a\": /* open", true),
            ("{'a': 1}", true),
        ] {
            assert!(parse(text, jsonc).is_none(), "{text:?}");
        }
        let deep = format!("{}{}", "[".repeat(MAX_DEPTH + 1), "]".repeat(MAX_DEPTH + 1));
        assert!(parse(&deep, false).is_none());
    }
}
