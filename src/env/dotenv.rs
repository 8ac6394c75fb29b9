//! Reading `.env` files with dotenvy, and making up for its quirks.
//!
//! dotenvy 0.15.7 parses keys, quotes, escapes, `export` and multi-line values well, but:
//! - it substitutes `$VAR` and `${VAR}` itself, from the process environment first, and turns
//!   an undefined name into an empty string without a word;
//! - its syntax errors carry the line's text (which may hold a secret) and no line number;
//! - its iterators do not skip a byte order mark.
//!
//! So each logical line is found here, with the state machine dotenvy uses to join multi-line
//! quoted values, and every `$` is escaped before dotenvy sees it: dotenvy hands back the
//! value with its references untouched, and mcplint's own engine expands them with its own
//! lookup order, reporting what is undefined. Errors are located here, by line and column,
//! and never quote the line.

use crate::source::Span;

/// One `NAME=value` line of a `.env` file.
#[derive(Debug, Clone)]
pub struct Assignment {
    pub name: String,
    /// The value after dotenvy's unquoting, references not yet expanded (a literal `$` is
    /// written `$$` here, so the template engine reads it back as `$`).
    pub template: String,
    pub key_span: Span,
    /// The value as written, for locating references in it.
    pub value_span: Span,
}

/// A line dotenvy rejects.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    /// The name the line defines, when it can be made out.
    pub name: Option<String>,
    pub span: Span,
    pub message: String,
    pub help: String,
    pub kind: ErrorKind,
}

/// Which rule a syntax error is: `env/unbalanced-quotes`, `env/missing-equals`, or
/// `env/syntax` for the rest.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    Other,
    UnclosedQuote,
    MissingEquals,
}

#[derive(Debug, Default)]
pub struct Parsed {
    pub entries: Vec<Assignment>,
    pub errors: Vec<SyntaxError>,
    /// The text with every value masked (references kept), for code frames.
    pub masked: String,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum State {
    Complete,
    WhiteSpace,
    Escape,
    Weak,
    WeakEscape,
    Strong,
    StrongEscape,
}

/// A logical line: its range in the text, and the text handed to dotenvy.
struct Logical {
    start: usize,
    end: usize,
    escaped: String,
    /// Offsets in `escaped` of the bytes added by escaping, ascending.
    added: Vec<usize>,
}

impl Logical {
    /// The offset in the file of an offset in `escaped`.
    fn to_file(&self, escaped_offset: usize) -> usize {
        let added = self.added.partition_point(|&a| a < escaped_offset);
        (self.start + escaped_offset - added).min(self.end)
    }
}

pub fn parse(text: &str) -> Parsed {
    let mut parsed = Parsed {
        masked: text.to_owned(),
        ..Parsed::default()
    };
    let (lines, unterminated) = logical_lines(text);
    for line in &lines {
        parse_logical(text, line, &mut parsed);
    }
    if let Some(start) = unterminated {
        let line_end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        // Whatever follows its `=`, to the end of the file, may be the value.
        if let Some(eq) = text[start..line_end].find('=') {
            mask(
                &mut parsed.masked,
                text,
                Span::new(start + eq + 1, text.len()),
            );
        }
        parsed.errors.push(SyntaxError {
            name: None,
            span: Span::new(start, line_end),
            message: "a quoted value is never closed".into(),
            help: "close the quote; a value in quotes may span lines, up to its closing quote"
                .into(),
            kind: ErrorKind::UnclosedQuote,
        });
    }
    parsed
}

/// Splits `text` as dotenvy's `QuotedLines` does, escaping each `$` on the way.
/// Also returns the start of a trailing line whose quote is never closed.
fn logical_lines(text: &str) -> (Vec<Logical>, Option<usize>) {
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let start = pos;
        let mut state = State::Complete;
        let mut escaped = String::new();
        let mut added = Vec::new();
        let end;
        loop {
            let line_end = text[pos..].find('\n').map_or(text.len(), |i| pos + i + 1);
            let physical = &text[pos..line_end];
            if escaped.is_empty() && physical.trim_start().starts_with('#') {
                pos = line_end;
                end = line_end;
                break;
            }
            let mut comment_at = None;
            for (i, c) in physical.char_indices() {
                let before = state;
                state = match state {
                    State::WhiteSpace if c == '#' => {
                        comment_at = Some(i);
                        break;
                    }
                    State::WhiteSpace | State::Complete => match c {
                        c if state == State::Complete
                            && c.is_whitespace()
                            && c != '\n'
                            && c != '\r' =>
                        {
                            State::WhiteSpace
                        }
                        '\\' => State::Escape,
                        '"' => State::Weak,
                        '\'' => State::Strong,
                        _ => State::Complete,
                    },
                    State::Escape => State::Complete,
                    State::Weak => match c {
                        '\\' => State::WeakEscape,
                        '"' => State::Complete,
                        _ => State::Weak,
                    },
                    State::WeakEscape => State::Weak,
                    State::Strong => match c {
                        '\\' => State::StrongEscape,
                        '\'' => State::Complete,
                        _ => State::Strong,
                    },
                    State::StrongEscape => State::Strong,
                };
                if c == '$' {
                    // dotenvy then yields `$` where the engine must see `$`, and `$$` where
                    // it must see a literal `$`.
                    match before {
                        State::Complete | State::WhiteSpace | State::Weak => {
                            added.push(escaped.len());
                            escaped.push('\\');
                            escaped.push('$');
                        }
                        State::Escape | State::WeakEscape => {
                            escaped.push('$');
                            added.push(escaped.len());
                            escaped.push('\\');
                            added.push(escaped.len());
                            escaped.push('$');
                        }
                        State::Strong | State::StrongEscape => {
                            escaped.push('$');
                            added.push(escaped.len());
                            escaped.push('$');
                        }
                    }
                } else {
                    escaped.push(c);
                }
            }
            pos = line_end;
            if comment_at.is_some() {
                // The comment is dropped from the logical line, as dotenvy does.
                end = start + escaped.len() - added.len();
                break;
            }
            if state == State::Complete || state == State::WhiteSpace {
                end = line_end;
                break;
            }
            if pos >= text.len() {
                return (out, Some(start));
            }
        }
        // Drop the line break, as dotenvy does.
        if escaped.ends_with('\n') {
            escaped.pop();
            if escaped.ends_with('\r') {
                escaped.pop();
            }
        }
        let end = end.min(text.len());
        let trimmed_end = text[start..end].trim_end_matches(['\n', '\r']).len() + start;
        out.push(Logical {
            start,
            end: trimmed_end,
            escaped,
            added,
        });
    }
    (out, None)
}

fn parse_logical(text: &str, line: &Logical, parsed: &mut Parsed) {
    let escaped = line.escaped.as_str();
    if escaped.trim().is_empty() || escaped.trim_start().starts_with('#') {
        return;
    }
    // With its line break back: without one, dotenvy rejects a value followed by blanks at the
    // end of the file.
    let fed = format!("{escaped}\n");
    let mut items = dotenvy::from_read_iter(fed.as_bytes());
    match items.next() {
        None => {}
        Some(Ok((name, template))) => {
            let key_start = key_offset(escaped);
            let key_span = Span::new(
                line.to_file(key_start),
                line.to_file(key_start + name.len()),
            );
            let value_start = escaped[key_start..]
                .find('=')
                .map_or(escaped.len(), |i| key_start + i + 1);
            let value_start = escaped.len() - escaped[value_start..].trim_start().len();
            let value_span = Span::new(line.to_file(value_start), line.end);
            mask(&mut parsed.masked, text, value_span);
            parsed.entries.push(Assignment {
                name,
                template,
                key_span,
                value_span,
            });
        }
        Some(Err(err)) => {
            // A line that does not parse still hides what follows its `=`.
            if let Some(eq) = escaped.find('=') {
                mask(
                    &mut parsed.masked,
                    text,
                    Span::new(line.to_file(eq + 1), line.end),
                );
            }
            parsed.errors.push(locate(text, line, &err));
        }
    }
}

/// Where the key starts: after leading blanks and an `export ` prefix.
fn key_offset(line: &str) -> usize {
    let lead = line.len() - line.trim_start().len();
    let rest = &line[lead..];
    match rest.strip_prefix("export") {
        Some(after) if after.starts_with([' ', '\t']) && !after.trim_start().starts_with('=') => {
            line.len() - after.trim_start().len()
        }
        _ => lead,
    }
}

/// A finding for dotenvy's error, at the right line and column, without quoting the line.
fn locate(text: &str, line: &Logical, err: &dotenvy::Error) -> SyntaxError {
    let escaped = line.escaped.as_str();
    let offset = match err {
        dotenvy::Error::LineParse(part, index) => {
            // dotenvy reports either the whole line with a byte offset, or the value alone
            // with a character index.
            if part == escaped.trim_end() {
                (*index).min(escaped.len())
            } else if let Some(value_at) = escaped.rfind(part.as_str()) {
                value_at
                    + part
                        .char_indices()
                        .nth(*index)
                        .map_or(part.len(), |(i, _)| i)
            } else {
                0
            }
        }
        _ => 0,
    };
    // dotenvy stops on the word after a blank; the blank is the mistake.
    let offset =
        offset - (escaped[..offset].len() - escaped[..offset].trim_end_matches([' ', '\t']).len());
    let at = line.to_file(offset);
    let c = text[at..].chars().next().unwrap_or('\n');
    let key_end = key_offset(escaped);
    let (message, help) = if offset <= key_end || !escaped[..offset].contains('=') {
        (
            "expected `NAME=value`".to_owned(),
            "a line is a name (letters, digits, `_`, `.`), `=`, and a value; comments start \
             with `#`"
                .to_owned(),
        )
    } else if c == ' ' || c == '\t' || escaped[..offset].ends_with([' ', '\t']) {
        (
            "a space inside an unquoted value".to_owned(),
            "put the value in quotes: `NAME=\"two words\"`".to_owned(),
        )
    } else if escaped[..offset].ends_with('\\') || c == '\\' {
        (
            "an escape dotenv does not know".to_owned(),
            "inside a value, `\\` may only precede `\\`, `'`, `\"`, `$`, a space or `n`".to_owned(),
        )
    } else {
        (
            "this line is not valid .env syntax".to_owned(),
            "write `NAME=value`; quote values that hold spaces, `#` or quotes".to_owned(),
        )
    };
    let name: String = escaped[key_end..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '.')
        .collect();
    let bare = escaped[key_end..].trim_end();
    if !escaped.contains('=') && !name.is_empty() && bare == name {
        let start = line.to_file(key_end);
        return SyntaxError {
            span: Span::new(start, start + name.len()),
            message: format!("`{name}` has no `=`"),
            help: format!("write `{name}=` for an empty value, or `{name}=value`"),
            name: Some(name),
            kind: ErrorKind::MissingEquals,
        };
    }
    SyntaxError {
        kind: ErrorKind::Other,
        name: (!name.is_empty()
            && escaped[key_end + name.len()..]
                .trim_start()
                .starts_with('='))
        .then_some(name),
        span: Span::new(at, at + c.len_utf8().min(text.len() - at)),
        message,
        help,
    }
}

/// Replaces the bytes of a value with `*`, keeping `${...}` and `$NAME` references readable,
/// so that a code frame of a `.env` never shows a secret.
fn mask(masked: &mut String, text: &str, span: Span) {
    let bytes = text.as_bytes();
    let mut out: Vec<u8> = Vec::with_capacity(span.end - span.start);
    let mut i = span.start;
    while i < span.end {
        if bytes[i] == b'$' {
            let rest = &text[i..span.end];
            let keep = if rest.starts_with("${") {
                rest.find('}').map_or(2, |e| e + 1)
            } else {
                1 + rest[1..]
                    .bytes()
                    .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
                    .count()
            };
            out.extend_from_slice(&bytes[i..i + keep]);
            i += keep;
        } else {
            out.push(if bytes[i] == b'\n' || bytes[i] == b'\r' {
                bytes[i]
            } else {
                b'*'
            });
            i += 1;
        }
    }
    // Same length, ASCII where it was masked: offsets stay valid and the text stays UTF-8.
    let replacement = String::from_utf8(out).unwrap_or_default();
    if replacement.len() == span.end - span.start {
        masked.replace_range(span.start..span.end, &replacement);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(text: &str) -> Vec<(String, String)> {
        let p = parse(text);
        assert!(p.errors.is_empty(), "{:?}", p.errors);
        p.entries
            .into_iter()
            .map(|e| (e.name, e.template))
            .collect()
    }

    #[test]
    fn values_keep_their_references_for_the_engine() {
        let got = entries(
            "A=1\nB=${A}/x\nC=\"$A and \\$A\"\nD='$A'\nexport E=plain # comment\n# F=no\n\nG=\"multi\nline\"\n",
        );
        let want = [
            ("A", "1"),
            ("B", "${A}/x"),
            ("C", "$A and $$A"),
            ("D", "$$A"),
            ("E", "plain"),
            ("G", "multi\nline"),
        ];
        assert_eq!(
            got,
            want.iter()
                .map(|(a, b)| (a.to_string(), b.to_string()))
                .collect::<Vec<_>>()
        );
    }

    #[test]
    fn spans_point_into_the_file() {
        let text = "# c\n  export TOKEN = \"a$b\"\nX=1";
        let p = parse(text);
        let e = &p.entries[0];
        assert_eq!(&text[e.key_span.start..e.key_span.end], "TOKEN");
        assert_eq!(&text[e.value_span.start..e.value_span.end], "\"a$b\"");
        assert_eq!(
            &text[p.entries[1].key_span.start..p.entries[1].key_span.end],
            "X"
        );
    }

    #[test]
    fn errors_are_located_and_never_quote_the_line() {
        let text = "A=1\nB=two words\n3C=x\nD=\"open\n";
        let p = parse(text);
        let at: Vec<(usize, &str)> = p
            .errors
            .iter()
            .map(|e| (e.span.start, e.message.as_str()))
            .collect();
        assert_eq!(at[0], (9, "a space inside an unquoted value"));
        assert_eq!(at[1], (16, "expected `NAME=value`"));
        assert_eq!(at[2].0, 21);
        assert!(p.errors.iter().all(|e| !e.message.contains("words")));
    }

    #[test]
    fn an_unclosed_quote_and_a_bare_name_have_their_own_kind() {
        let p = parse("A\nexport B\nC D\nE=\"open\n");
        let kinds: Vec<ErrorKind> = p.errors.iter().map(|e| e.kind).collect();
        assert_eq!(
            kinds,
            [
                ErrorKind::MissingEquals,
                ErrorKind::MissingEquals,
                ErrorKind::Other,
                ErrorKind::UnclosedQuote
            ]
        );
        assert_eq!(p.errors[1].span, Span::new(9, 10));
        assert!(parse("A=\nB=\"two\nlines\"\n").errors.is_empty());
    }

    #[test]
    fn masked_text_hides_values_but_not_references() {
        let text = "TOKEN=hf_secret\nURL=${BASE}/x\n";
        let p = parse(text);
        assert_eq!(p.masked, "TOKEN=*********\nURL=${BASE}**\n");
        assert_eq!(p.masked.len(), text.len());
    }

    #[test]
    fn a_bom_is_the_caller_s_to_strip() {
        // SourceFile drops it; what reaches here starts with the first key.
        assert_eq!(entries("A=1")[0].0, "A");
    }
}
