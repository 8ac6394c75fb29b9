//! The parsed tree: JSON pointers, look-ups by pointer (the one way from a value to its span),
//! and the offsets of decoded string bytes in the file.

use std::fmt::Write as _;

use jsonc_parser::ast::{Object, ObjectProp, StringLit, Value};

use crate::diagnostic::Diagnostic;
use crate::source::Span;

/// Where a value sits, as a chain of borrowed segments: the pointer string is built only
/// when a finding needs it.
#[derive(Clone, Copy)]
pub enum Path<'p> {
    Root,
    Key(&'p Path<'p>, &'p str),
    Index(&'p Path<'p>, usize),
}

impl<'p> Path<'p> {
    /// How many steps lead from the root to here.
    pub fn depth(&self) -> usize {
        match self {
            Path::Root => 0,
            Path::Key(parent, _) | Path::Index(parent, _) => parent.depth() + 1,
        }
    }

    /// The key of the step at `depth` (0: the first step from the root), if it is a key.
    pub fn key_at(&self, depth: usize) -> Option<&'p str> {
        let mut here = *self;
        let mut at = self.depth();
        loop {
            match here {
                Path::Root => return None,
                Path::Key(parent, key) => {
                    if at == depth + 1 {
                        return Some(key);
                    }
                    here = *parent;
                }
                Path::Index(parent, _) => {
                    if at == depth + 1 {
                        return None;
                    }
                    here = *parent;
                }
            }
            at -= 1;
        }
    }

    /// RFC 6901 JSON pointer, `~` and `/` escaped.
    pub fn pointer(&self) -> String {
        let mut out = String::new();
        self.write_pointer(&mut out);
        out
    }

    fn write_pointer(&self, out: &mut String) {
        match self {
            Path::Root => {}
            Path::Key(parent, key) => {
                parent.write_pointer(out);
                push_segment(out, key);
            }
            Path::Index(parent, index) => {
                parent.write_pointer(out);
                let _ = write!(out, "/{index}");
            }
        }
    }
}

/// Appends `/segment` to a pointer, escaping `~` as `~0` and `/` as `~1`.
pub fn push_segment(pointer: &mut String, segment: &str) {
    pointer.push('/');
    if !segment.contains(['~', '/']) {
        pointer.push_str(segment);
        return;
    }
    for c in segment.chars() {
        match c {
            '~' => pointer.push_str("~0"),
            '/' => pointer.push_str("~1"),
            c => pointer.push(c),
        }
    }
}

/// Unescapes one RFC 6901 segment.
pub fn unescape_segment(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// `map.get(key)` by comparing the keys in order: for the handful of keys of a server entry
/// this is several times cheaper than hashing `key` (serde_json's ordered map hashes with
/// SipHash), and the answer is the same (a map holds each key once).
pub fn get<'m>(
    map: &'m serde_json::Map<String, serde_json::Value>,
    key: &str,
) -> Option<&'m serde_json::Value> {
    if map.len() > 16 {
        return map.get(key);
    }
    map.iter().find(|(k, _)| k.as_str() == key).map(|(_, v)| v)
}

/// "a string", "an object", ...: a value's kind in words.
pub fn kind_with_article(value: &Value) -> &'static str {
    match value {
        Value::StringLit(_) => "a string",
        Value::NumberLit(_) => "a number",
        Value::BooleanLit(_) => "a boolean",
        Value::Object(_) => "an object",
        Value::Array(_) => "an array",
        Value::NullKeyword(_) => "null",
    }
}

/// The number a literal is written as: JSON's form, or TOML's and YAML's (`1_000`, `+1`,
/// `0x1F`, `0o17`, `0b101`, `.5`); `None` when it is none of them or too large to hold.
pub fn number(raw: &str) -> Option<serde_json::Number> {
    if let Ok(n) = raw.parse::<serde_json::Number>() {
        return Some(n);
    }
    let plain = raw.replace('_', "");
    let (negative, digits) = match plain.as_bytes().first() {
        Some(b'-') => (true, &plain[1..]),
        Some(b'+') => (false, &plain[1..]),
        _ => (false, plain.as_str()),
    };
    let radix = [("0x", 16), ("0o", 8), ("0b", 2)]
        .iter()
        .find_map(|(p, r)| digits.strip_prefix(p).map(|d| (d, *r)));
    if let Some((d, r)) = radix {
        let v = i64::from_str_radix(d, r).ok()?;
        return Some(serde_json::Number::from(if negative { -v } else { v }));
    }
    let is_decimal = !digits.is_empty()
        && digits.bytes().any(|b| b.is_ascii_digit())
        && digits
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'E' | b'-' | b'+'));
    if !is_decimal {
        return None;
    }
    let v: f64 = digits.parse().ok()?;
    let v = if negative { -v } else { v };
    if v.fract() == 0.0 && v.abs() < 9e15 && !digits.contains(['.', 'e', 'E']) {
        // Whole numbers stay integers, as JSON writes them.
        #[allow(clippy::cast_possible_truncation)]
        return Some(serde_json::Number::from(v as i64));
    }
    serde_json::Number::from_f64(v)
}

/// One step into a value.
pub enum Step<'s> {
    Key(&'s str),
    Index(usize),
}

/// Properties looked up by name, the last one winning as it does for every JSON parser. An
/// object with many properties (the map of servers) is indexed on its first look-up, so that
/// a file hook looking up one entry per finding stays linear in the size of the file.
#[derive(Default)]
pub struct Props<'f> {
    /// Read-locked for a look-up, so that the file hooks on two threads do not wait on each
    /// other (a mutex made them trade a futex per finding); hashed with foldhash.
    indexed: std::sync::RwLock<crate::hash::HashMap<usize, crate::hash::HashMap<&'f str, usize>>>,
}

impl<'f> Props<'f> {
    /// Below this many properties a scan costs less than an index.
    const SCAN: usize = 32;

    /// The last property of `object` named `name`.
    pub fn last<'a>(&self, object: &'f Object<'a>, name: &str) -> Option<&'f ObjectProp<'a>> {
        let props = &object.properties;
        if props.len() < Self::SCAN {
            return props.iter().rev().find(|p| p.name.as_str() == name);
        }
        let key = std::ptr::from_ref(object) as usize;
        let find = |indexed: &crate::hash::HashMap<usize, crate::hash::HashMap<&str, usize>>| {
            indexed
                .get(&key)
                .map(|index| index.get(name).map(|&i| &props[i]))
        };
        {
            let read = self.indexed.read();
            let read = read.unwrap_or_else(std::sync::PoisonError::into_inner);
            if let Some(found) = find(&read) {
                return found;
            }
        }
        // Not indexed yet: the read lock is released before the write lock is taken.
        let mut indexed = self
            .indexed
            .write()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        indexed.entry(key).or_insert_with(|| {
            // A later duplicate overwrites an earlier one: the last wins.
            props
                .iter()
                .enumerate()
                .map(|(i, p)| (p.name.as_str(), i))
                .collect()
        });
        find(&indexed).flatten()
    }
}

/// The node a path leads to, and the span of the key that holds it (when it is a property).
/// With duplicate keys the last one wins, as it does for every JSON parser.
pub fn lookup<'v, 'a, 's>(
    mut value: &'v Value<'a>,
    steps: impl IntoIterator<Item = Step<'s>>,
) -> Option<(&'v Value<'a>, Option<Span>)> {
    let mut key_span = None;
    for step in steps {
        match (value, step) {
            (Value::Object(obj), Step::Key(key)) => {
                let prop = obj
                    .properties
                    .iter()
                    .rev()
                    .find(|p| p.name.as_str() == key)?;
                key_span = Some(prop_name_span(prop));
                value = &prop.value;
            }
            (Value::Array(arr), Step::Index(i)) => {
                value = arr.elements.get(i)?;
                key_span = None;
            }
            (Value::Object(obj), Step::Index(i)) => {
                let key = i.to_string();
                let prop = obj
                    .properties
                    .iter()
                    .rev()
                    .find(|p| p.name.as_str() == key)?;
                key_span = Some(prop_name_span(prop));
                value = &prop.value;
            }
            _ => return None,
        }
    }
    Some((value, key_span))
}

pub fn prop_name_span(prop: &ObjectProp) -> Span {
    match &prop.name {
        jsonc_parser::ast::ObjectPropName::String(s) => s.range.into(),
        jsonc_parser::ast::ObjectPropName::Word(w) => w.range.into(),
    }
}

/// What the walk does with each string value and key: keep it, or expand it.
pub trait Strings {
    fn string(&mut self, lit: &StringLit, path: &Path, out: &mut Vec<Diagnostic>) -> String;
    fn key(&mut self, _prop: &ObjectProp, _path: &Path, _out: &mut Vec<Diagnostic>) {}
}

/// Strings as written.
pub struct Verbatim;

impl Strings for Verbatim {
    fn string(&mut self, lit: &StringLit, _: &Path, _: &mut Vec<Diagnostic>) -> String {
        lit.value.to_string()
    }
}

/// The span in the file of bytes `range` of a string literal's decoded value; `lit` spans
/// the literal with its quotes. The one way from a piece of a value to where it is written.
pub fn decoded_span(text: &str, lit: Span, range: std::ops::Range<usize>) -> Span {
    Span::new(
        string_offset(text, lit, range.start),
        string_offset(text, lit, range.end),
    )
}

/// The file offset of byte `decoded` of a string literal's value, through its escapes
/// (`\"`, `\\`, `\u00e9`, surrogate pairs). `lit` spans the literal with its quotes: `"`
/// (JSON, a TOML basic string, YAML double-quoted), `'` (TOML literal, YAML single-quoted,
/// `''` standing for one quote), `"""` or `'''` (TOML multi-line), or none (a YAML plain
/// scalar). A YAML block scalar or folded line maps as if written on one line, clamped.
pub fn string_offset(text: &str, lit: Span, decoded: usize) -> usize {
    let written = text.get(lit.start..lit.end).unwrap_or("");
    let (open, escapes) = if written.starts_with("\"\"\"") {
        (3, true)
    } else if written.starts_with("'''") {
        (3, false)
    } else if written.starts_with('"') {
        (1, true)
    } else if written.starts_with('\'') {
        (1, false)
    } else {
        (0, false)
    };
    let raw_start = lit.start + open;
    let raw = text
        .get(raw_start..lit.end.saturating_sub(open))
        .unwrap_or("");
    if !escapes {
        // No escapes but YAML's `''` in a single-quoted scalar.
        let (mut r, mut d) = (0, 0);
        let bytes = raw.as_bytes();
        while r < bytes.len() && d < decoded {
            if open == 1 && bytes[r] == b'\'' && bytes.get(r + 1) == Some(&b'\'') {
                r += 2;
                d += 1;
                continue;
            }
            let len = raw[r..].chars().next().map_or(1, char::len_utf8);
            r += len;
            d += len;
        }
        return (raw_start + r).min(lit.end);
    }
    let bytes = raw.as_bytes();
    let (mut r, mut d) = (0, 0);
    while r < bytes.len() && d < decoded {
        if bytes[r] != b'\\' {
            let len = raw[r..].chars().next().map_or(1, char::len_utf8);
            r += len;
            d += len;
            continue;
        }
        match bytes.get(r + 1) {
            Some(b'u') => {
                let unit = |at: usize| {
                    raw.get(at..at + 4)
                        .and_then(|h| u32::from_str_radix(h, 16).ok())
                };
                let high = unit(r + 2).unwrap_or(0xFFFD);
                let low = if (0xD800..0xDC00).contains(&high)
                    && raw.get(r + 6..).is_some_and(|t| t.starts_with("\\u"))
                {
                    unit(r + 8).filter(|l| (0xDC00..0xE000).contains(l))
                } else {
                    None
                };
                match low {
                    Some(low) => {
                        let c = 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
                        d += char::from_u32(c).map_or(3, char::len_utf8);
                        r += 12;
                    }
                    None => {
                        d += char::from_u32(high).map_or(3, char::len_utf8);
                        r += 6;
                    }
                }
            }
            // TOML's `\UXXXXXXXX`.
            Some(b'U') => {
                let c = raw
                    .get(r + 2..r + 10)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32);
                d += c.map_or(3, char::len_utf8);
                r += 10;
            }
            _ => {
                d += 1;
                r += 2;
            }
        }
    }
    (raw_start + r).min(lit.end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn props_find_the_last_of_duplicates_small_or_indexed() {
        for n in [3, 100] {
            let mut text = String::from("{");
            for i in 0..n {
                text.push_str(&format!("\"k{i}\": {i}, "));
            }
            text.push_str("\"k1\": \"last\", \"a/b\": 0}");
            let parsed =
                jsonc_parser::parse_to_ast(&text, &Default::default(), &Default::default())
                    .unwrap();
            let Some(Value::Object(root)) = &parsed.value else {
                panic!("an object")
            };
            let props = Props::default();
            for _ in 0..2 {
                let last = props.last(root, "k1").unwrap();
                assert!(matches!(&last.value, Value::StringLit(s) if s.value == "last"));
                assert!(props.last(root, "a/b").is_some());
                assert!(props.last(root, "missing").is_none());
            }
        }
    }

    #[test]
    fn string_offsets_go_through_escapes() {
        let text = r#"{"k": "a\"b\\c\u00e9d\ud83d\ude00e${X}"}"#;
        let start = text.find("\"a").unwrap();
        let lit = Span::new(start, text.len() - 1);
        let decoded = "a\"b\\céd\u{1f600}e${X}";
        let at = decoded.find("${X}").unwrap();
        assert_eq!(&text[string_offset(text, lit, at)..][..4], "${X}");
        let e = decoded.find('e').unwrap();
        assert_eq!(&text[string_offset(text, lit, e)..][..1], "e");
        assert_eq!(string_offset(text, lit, 0), start + 1);
    }

    #[test]
    fn string_offsets_in_toml_and_yaml_literals() {
        let text = "a = 'x${Y}' b: p${Y} c: 'it''s ${Y}'";
        for (lit, want) in [("'x${Y}'", 1), ("p${Y}", 1), ("'it''s ${Y}'", 5)] {
            let start = text.find(lit).unwrap();
            let span = Span::new(start, start + lit.len());
            assert_eq!(
                &text[string_offset(text, span, want)..][..4],
                "${Y}",
                "{lit}"
            );
        }
    }

    #[test]
    fn numbers_as_toml_and_yaml_write_them() {
        let n = |s: &str| number(s).map(|n| n.to_string());
        assert_eq!(n("30").as_deref(), Some("30"));
        assert_eq!(n("1_000").as_deref(), Some("1000"));
        assert_eq!(n("+5").as_deref(), Some("5"));
        assert_eq!(n("0x1F").as_deref(), Some("31"));
        assert_eq!(n(".5").as_deref(), Some("0.5"));
        assert_eq!(n("1e3").as_deref(), Some("1000.0"));
        assert_eq!(n("12abc"), None);
        assert_eq!(n("1.2.3"), None);
        assert_eq!(n("inf"), None);
    }

    #[test]
    fn keys_by_depth() {
        let root = Path::Root;
        let servers = Path::Key(&root, "mcpServers");
        let entry = Path::Key(&servers, "github");
        let env = Path::Key(&entry, "env");
        let var = Path::Key(&env, "TOKEN");
        assert_eq!(var.depth(), 4);
        assert_eq!(var.key_at(2), Some("env"));
        assert_eq!(var.key_at(0), Some("mcpServers"));
        assert_eq!(var.key_at(9), None);
        let arg = Path::Index(&Path::Key(&entry, "args"), 1);
        assert_eq!(arg.key_at(2), Some("args"));
        assert_eq!(arg.key_at(3), None);
    }

    #[test]
    fn pointer_escapes_tilde_and_slash() {
        let root = Path::Root;
        let a = Path::Key(&root, "a/b");
        let b = Path::Key(&a, "m~n");
        let c = Path::Index(&b, 3);
        assert_eq!(c.pointer(), "/a~1b/m~0n/3");
        assert_eq!(unescape_segment("a~1b"), "a/b");
        assert_eq!(unescape_segment("m~0n"), "m~n");
        assert_eq!(unescape_segment("~01"), "~1");
    }

    #[test]
    fn lookup_takes_the_last_duplicate() {
        let text = r#"{"a": {"x": 1}, "a": {"x": [true, "s"]}}"#;
        let parsed = jsonc_parser::parse_to_ast(text, &Default::default(), &Default::default())
            .unwrap()
            .value
            .unwrap();
        let (v, key) = lookup(&parsed, [Step::Key("a"), Step::Key("x"), Step::Index(1)]).unwrap();
        assert!(matches!(v, Value::StringLit(_)));
        assert_eq!(key, None);
        let (_, key) = lookup(&parsed, [Step::Key("a")]).unwrap();
        assert_eq!(key, Some(Span::new(16, 19)));
    }
}
