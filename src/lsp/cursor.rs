//! What is under the cursor, read from the text alone (a document being typed rarely
//! parses): a `${VAR}` reference, a key, or a string value, with the keys of the objects
//! around it.

use crate::source::Span;

/// The place of an offset in a JSON(C) text.
#[derive(Debug, PartialEq, Eq)]
pub enum At {
    /// Inside a key's quotes: the key (as typed so far, escapes left as written) and the
    /// span of its text, quotes excluded.
    Key {
        name: String,
        span: Span,
    },
    /// Inside a string value: the key it is the value of (the array's key for an element)
    /// and the span of its text, quotes excluded.
    Value {
        key: Option<String>,
        span: Span,
    },
    Nothing,
}

/// Where `offset` is, and the keys of the objects and arrays that hold it, outermost first
/// (`["mcpServers", "github", "headers"]` for a header's value).
pub fn at(text: &str, offset: usize) -> (At, Vec<String>) {
    let bytes = text.as_bytes();
    // Each open container: `{` or `[`, and the key it is the value of.
    let mut stack: Vec<(u8, Option<String>)> = Vec::new();
    let mut expecting_key = false;
    let mut last_key: Option<String> = None;
    let mut i = 0;
    let path = |stack: &[(u8, Option<String>)]| -> Vec<String> {
        stack
            .iter()
            .skip(1)
            .map(|(_, k)| k.clone().unwrap_or_default())
            .collect()
    };
    while i < bytes.len() && i < offset {
        match bytes[i] {
            b'"' | b'\'' => {
                let quote = bytes[i];
                let open = i + 1;
                let mut j = open;
                while j < bytes.len() && bytes[j] != quote && bytes[j] != b'\n' {
                    j += if bytes[j] == b'\\' { 2 } else { 1 };
                }
                let close = j.min(bytes.len());
                let in_object = stack.last().is_some_and(|(c, _)| *c == b'{');
                let content = text.get(open..close).unwrap_or("").to_owned();
                if offset >= open && offset <= close {
                    let span = Span::new(open, close);
                    let at = if in_object && expecting_key {
                        At::Key {
                            name: content,
                            span,
                        }
                    } else if in_object {
                        At::Value {
                            key: last_key,
                            span,
                        }
                    } else {
                        At::Value {
                            key: stack.last().and_then(|(_, k)| k.clone()),
                            span,
                        }
                    };
                    return (at, path(&stack));
                }
                if in_object && expecting_key {
                    last_key = Some(content);
                    expecting_key = false;
                }
                i = close + 1;
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'/') => {
                i = memchr::memchr(b'\n', &bytes[i..]).map_or(bytes.len(), |n| i + n);
                continue;
            }
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = memchr::memmem::find(&bytes[i + 2..], b"*/").map_or(bytes.len(), |n| i + n + 4);
                continue;
            }
            b'{' => {
                let key = if stack.last().is_some_and(|(c, _)| *c == b'[') {
                    stack.last().and_then(|(_, k)| k.clone())
                } else {
                    last_key.take()
                };
                stack.push((b'{', key));
                expecting_key = true;
            }
            b'[' => {
                stack.push((b'[', last_key.take()));
            }
            b'}' | b']' => {
                stack.pop();
                expecting_key = false;
            }
            b',' if stack.last().is_some_and(|(c, _)| *c == b'{') => {
                expecting_key = true;
                last_key = None;
            }
            _ => {}
        }
        i += 1;
    }
    // Between tokens: a key may start here (completion after `{` or `,`).
    if stack.last().is_some_and(|(c, _)| *c == b'{') && expecting_key {
        let span = Span::new(offset, offset);
        return (
            At::Key {
                name: String::new(),
                span,
            },
            path(&stack),
        );
    }
    (At::Nothing, path(&stack))
}

/// The `${...}` reference of a string around `offset`, if the cursor is in one: the
/// variable's name (without `env:` and any operator) and the reference's span.
pub fn reference(text: &str, string: Span, offset: usize) -> Option<(String, Span)> {
    let inner = text.get(string.start..string.end)?;
    let rel = offset.checked_sub(string.start)?;
    let start = inner.get(..rel.min(inner.len()))?.rfind("${")?;
    let end = inner[start..].find('}').map(|n| start + n + 1);
    if end.is_some_and(|e| e < rel) {
        return None;
    }
    let body = &inner[start + 2..end.map_or(inner.len(), |e| e - 1)];
    let body = body.strip_prefix("env:").unwrap_or(body);
    let name: String = body
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    // `${input:id}`, `${workspaceFolder:x}`: a client's own reference, no variable.
    let rest = &body[name.len()..];
    if rest.starts_with(':') && !rest[1..].starts_with(['-', '=', '?', '+']) {
        return None;
    }
    let span = Span::new(
        string.start + start,
        string.start + end.unwrap_or(inner.len()),
    );
    Some((name, span))
}

/// Whether keys at `path` are a server entry's fields: `{"mcpServers": {"name": {…}}}`,
/// VS Code's `servers`, or a bare map of servers.
pub fn in_server(path: &[String]) -> bool {
    match path {
        [root, _name] => root == "mcpServers" || root == "servers",
        [_name] => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at_marker(text: &str) -> (At, Vec<String>, String) {
        let offset = text.find('|').unwrap();
        let clean = text.replacen('|', "", 1);
        let (at, path) = at(&clean, offset);
        (at, path, clean)
    }

    #[test]
    fn keys_values_and_the_path_to_them() {
        let (a, path, _) = at_marker(r#"{ "mcpServers": { "gh": { "comm|and": "npx" } } }"#);
        assert!(matches!(a, At::Key { ref name, .. } if name == "command"));
        assert_eq!(path, ["mcpServers", "gh"]);
        assert!(in_server(&path));

        let (a, path, _) = at_marker(r#"{ "gh": { "type": "ht|tp", "args": [] } }"#);
        assert!(matches!(a, At::Value { key: Some(ref k), .. } if k == "type"));
        assert_eq!(path, ["gh"]);

        let (a, path, _) = at_marker("{ \"gh\": { // note: \"x\"\n \"args\": [\"a\", \"|\"] } }");
        assert!(matches!(a, At::Value { key: Some(ref k), .. } if k == "args"));
        assert_eq!(path, ["gh", "args"]);
    }

    #[test]
    fn a_key_being_typed_in_a_document_that_does_not_parse() {
        let (a, path, _) = at_marker("{ \"servers\": { \"gh\": { \"type\": \"http\", \"|");
        assert!(matches!(a, At::Key { ref name, .. } if name.is_empty()));
        assert_eq!(path, ["servers", "gh"]);
        let (a, _, _) = at_marker("{ \"gh\": { |");
        assert!(matches!(a, At::Key { .. }));
    }

    #[test]
    fn every_offset_of_odd_texts_is_answered() {
        for text in [
            "{ \"é😀\": \"${é😀\", /* \"x\" */ 'a\\'b': [\"${env:X}}\", {",
            "\"\\",
            "{ \"a\": \"${\"\n  \"b\": \"$${X:-é}\" // ${Y}\n}",
            "]]}}{{[[\"",
        ] {
            for offset in 0..=text.len() + 2 {
                if let (At::Value { span, .. } | At::Key { span, .. }, _) = at(text, offset) {
                    let _ = reference(text, span, offset);
                }
            }
        }
    }

    #[test]
    fn references_in_a_string() {
        let text = r#"{ "a": "Bearer ${env:GH_TOKEN} x" }"#;
        let string = Span::new(8, text.len() - 3);
        let offset = text.find("TOKEN").unwrap();
        let (name, span) = reference(text, string, offset).unwrap();
        assert_eq!(name, "GH_TOKEN");
        assert_eq!(&text[span.start..span.end], "${env:GH_TOKEN}");
        assert_eq!(reference(text, string, text.find(" x").unwrap() + 1), None);
        let input = r#"{ "a": "${input:token} ${X:-d}" }"#;
        let string = Span::new(8, input.len() - 3);
        assert_eq!(reference(input, string, input.find("token").unwrap()), None);
        let (name, _) = reference(input, string, input.find("X:").unwrap()).unwrap();
        assert_eq!(name, "X");
        let typing = r#"{ "a": "${GH_TO"#;
        let (name, _) = reference(typing, Span::new(8, typing.len()), typing.len()).unwrap();
        assert_eq!(name, "GH_TO");
    }
}
