//! Reading a large text on two cores: the second half of its largest object (a map of
//! servers, as configs are written) is read on another core from a guessed key, and used only
//! where reading on one core arrives at that key in the same state.

use std::sync::atomic::{AtomicBool, Ordering};

use jsonc_parser::ast::ObjectProp;

use super::{Document, MAX_DEPTH, Parser};
use crate::source::Span;

/// [`parse`](super::parse), with the members of an object from byte `at` on read on another
/// core while this one reads up to `at`. The other core guesses: it takes `at` for the start
/// of an object's member (a key) and reads members up to that object's closing brace. Its
/// reading is used only if this core, reading from the start, arrives at `at` in that very
/// state (inside an object, after a comma, at the next key) with room for its depth; then
/// reading on from `at` would have done the same steps from the same state. Otherwise its work
/// is dropped and this core reads on alone: the result is always the one-core result (the
/// `parse_split` fuzz target checks it for any text and any `at`). Also says whether the other
/// core's reading was used.
pub fn parse_split_at(text: &str, jsonc: bool, at: usize) -> (Option<Document<'_>>, bool) {
    let stop = &AtomicBool::new(false);
    // The other core's reading comes by a channel as soon as it is done (waiting for its
    // thread to end could wait on the scheduler for milliseconds).
    let (send, receive) = std::sync::mpsc::sync_channel(1);
    std::thread::scope(|scope| {
        scope.spawn(move || send.send(Parser::new(text, jsonc).tail(at, stop)));
        let mut join = || receive.recv().ok().flatten();
        let _stop = StopOnDrop(stop);
        let mut parser = Parser::new(text, jsonc);
        parser.split_at = at;
        parser.join = Some(&mut join);
        parser.document_split()
    })
}

/// Tells the other core to stop when the one-core reading ends (or unwinds) without having
/// used it: it stops at its next member.
struct StopOnDrop<'s>(&'s AtomicBool);

impl Drop for StopOnDrop<'_> {
    fn drop(&mut self) {
        self.0.store(true, Ordering::Relaxed);
    }
}

/// Where [`parse`](super::parse) splits a text: the start of the least indented key after a
/// comma that ends its line, in the 64 KiB from the middle (a server's name in a map of
/// servers, as configs are written). Only a guess: [`parse_split_at`] checks it.
pub(super) fn split_point(bytes: &[u8]) -> Option<usize> {
    let from = bytes.len() / 2;
    let window = &bytes[from..bytes.len().min(from + (64 << 10))];
    let mut best: Option<(usize, usize)> = None;
    for newline in memchr::memchr_iter(b'\n', window) {
        let before = window[..newline].trim_ascii_end();
        if before.last() != Some(&b',') {
            continue;
        }
        let line = &window[newline + 1..];
        let indent = line
            .iter()
            .position(|&b| !matches!(b, b' ' | b'\t'))
            .unwrap_or(line.len());
        if line.get(indent) == Some(&b'"') && best.is_none_or(|(_, least)| indent < least) {
            best = Some((from + newline + 1 + indent, indent));
        }
    }
    best.map(|(at, _)| at)
}

/// What the other core read from the split point: the members up to the closing brace (at
/// `end`), the comments among them, and the deepest nesting below the object.
pub(super) struct Tail<'a> {
    props: Vec<ObjectProp<'a>>,
    comments: Vec<(Span, String)>,
    end: usize,
    deepest: usize,
}

impl<'a> Parser<'a, '_> {
    /// The other core's part of [`parse_split_at`]: members of an object from `at` to its
    /// closing brace, depths counted from that object.
    fn tail(mut self, at: usize, stop: &AtomicBool) -> Option<Tail<'a>> {
        self.at = at;
        loop {
            self.member()?;
            if self.closed_after_member(b'}')? {
                break;
            }
            if stop.load(Ordering::Relaxed) {
                return None;
            }
        }
        Some(Tail {
            props: self.props,
            comments: self.comments,
            end: self.at,
            deepest: self.deepest,
        })
    }

    /// Takes the other core's members after this object's first ones (from `first` in the
    /// scratch stack): the object's list, allocated once. Leaves `at` on the closing brace.
    pub(super) fn adopt(&mut self, first: usize, tail: Tail<'a>) -> Vec<ObjectProp<'a>> {
        let mut properties = Vec::with_capacity(self.props.len() - first + tail.props.len());
        properties.extend(self.props.drain(first..));
        properties.extend(tail.props);
        self.comments.extend(tail.comments);
        self.joined_split = true;
        self.at = tail.end;
        properties
    }

    /// At the split point in an object at `self.depth`: what the other core read, if it
    /// read members to a closing brace and its depth fits under this one.
    pub(super) fn joined(&mut self) -> Option<Tail<'a>> {
        let tail = self.join.take()?()?;
        (self.depth + tail.deepest <= MAX_DEPTH).then_some(tail)
    }
}

#[cfg(test)]
mod tests {
    use super::super::parse_on_one_core;
    use super::*;

    /// Every split point gives the one-core reading, used or not; a text that parses is
    /// split somewhere.
    fn split_agrees(text: &str, jsonc: bool) {
        let one = parse_on_one_core(text, jsonc);
        let mut used = 0;
        for at in 0..=text.len() + 1 {
            let (split, joined) = parse_split_at(text, jsonc, at);
            assert_eq!(format!("{split:?}"), format!("{one:?}"), "{text:?} at {at}");
            used += usize::from(joined);
        }
        assert!(one.is_none() || used > 0, "{text:?} was never split");
    }

    #[test]
    fn a_split_reading_is_the_one_core_reading() {
        let deep = |n: usize| format!("{}{}", "[".repeat(n), "]".repeat(n));
        for (text, jsonc) in [
            (
                r#"{"s": {"a": {"x": 1}, "b": [2, "q,"], "a": {}}, "t": true}"#,
                false,
            ),
            (
                "{\n \"s\": {\n  \"a\": 1,\n  \"b\": \"2\",\n  \"c\": null\n }\n}",
                false,
            ),
            // A trailing comma and comments on both sides of the split (JSONC only).
            (
                "{\"s\": {\"a\": 1, /* m */ \"b\": 2, // n\n \"c\": 3,}, }",
                true,
            ),
            (
                "{\"s\": {\"a\": 1, /* m */ \"b\": 2, // n\n \"c\": 3,}, }",
                false,
            ),
            // Errors before, at and after any split point.
            (r#"{"s": {"a": 1, "b": 2,, "c": 3}}"#, false),
            (r#"{"s": {"a": 1, "b": 2, "c" 3}}"#, false),
            (r#"{"s": {"a": 1, "b": 2, "c": 3}"#, false),
            // Keys that are values: an array's strings, a string holding `, "`.
            (r#"{"s": ["a", "b", "c"], "t": "x, \"y\": 1"}"#, false),
        ] {
            split_agrees(text, jsonc);
        }
        // Depth: a split is used only where the depth it read fits under the one-core depth.
        for n in [MAX_DEPTH - 2, MAX_DEPTH - 1, MAX_DEPTH] {
            split_agrees(
                &format!(r#"{{"a": 1, "b": {{"c": 2, "d": {}}}}}"#, deep(n)),
                false,
            );
        }
    }

    #[test]
    fn a_map_of_servers_is_split_between_two_servers() {
        let mut text = String::from("{\n  \"mcpServers\": {\n");
        for i in 0..3000 {
            text.push_str(&format!(
                "    \"s{i}\": {{\n      \"command\": \"npx\",\n      \"args\": [\"-y\", \"p{i}\"]\n    }},\n"
            ));
        }
        text.push_str("    \"last\": {}\n  }\n}\n");
        let at = split_point(text.as_bytes()).expect("a split point");
        assert!(text[at..].starts_with("\"s1"), "{}", &text[at..at + 20]);
        let (split, used) = parse_split_at(&text, false, at);
        assert!(used);
        assert_eq!(
            format!("{split:?}"),
            format!("{:?}", parse_on_one_core(&text, false))
        );
    }
}
