//! `parse/syntax`: the file is not valid JSON.

use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use jsonc_parser::ParseStringErrorKind as S;
use jsonc_parser::errors::{ParseError, ParseErrorKind as K};

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, SourceFile, Span};

rule! {
    /// ## What it does
    /// Reports text that is not valid JSON: a missing comma or colon, an unterminated string,
    /// a comment or trailing comma in a strict `.json` file, and so on. mcplint stops at the
    /// first syntax error and points at the exact character.
    ///
    /// ## Why is this bad?
    /// A client that cannot parse its config starts no server at all, often with an error
    /// message that names neither the file nor the line.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "github": { "command": "npx" "args": ["-y", "@modelcontextprotocol/server-github"] }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] }
    /// }
    /// ```
    ///
    /// Comments and trailing commas are accepted in `.jsonc` files, in VS Code's `mcp.json`,
    /// and with `--jsonc`.
    SYNTAX, "parse/syntax", Error, "the file is not valid JSON"
}

pub struct Syntax;

impl Check for Syntax {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&SYNTAX]
    }
}

/// The finding for the first syntax error jsonc-parser met; `jsonc` says whether comments
/// and trailing commas were allowed.
pub fn diagnostic(file: &SourceFile, id: FileId, jsonc: bool, err: &ParseError) -> Diagnostic {
    let text = file.text.as_str();
    let range = err.range();
    let mut span = Span::new(range.start.min(text.len()), range.end.min(text.len()));
    let found = &text[span.start..span.end];
    let jsonc_hint = "or, if every client that reads this file accepts comments and trailing \
                      commas, name it `.jsonc` or pass `--jsonc`";
    let (message, label, help): (String, &str, String) = match err.kind() {
        K::CommentsNotAllowed => (
            "comments are not allowed in JSON".into(),
            "comment",
            format!("remove the comment; {jsonc_hint}"),
        ),
        K::TrailingCommasNotAllowed => (
            "trailing comma after the last member".into(),
            "remove this `,`",
            format!("delete the comma; {jsonc_hint}"),
        ),
        K::ExpectedComma => (
            "expected `,` between two members".into(),
            "expected `,`",
            "add a `,` here, after the previous value".into(),
        ),
        K::ExpectedColonAfterObjectKey => (
            "expected `:` after the key".into(),
            "expected `:`",
            "write `\"key\": value`".into(),
        ),
        K::ExpectedObjectValue => (
            "expected a value after `:`".into(),
            "expected a value",
            "write a value: a string in double quotes, a number, true, false, null, an object \
             or an array"
                .into(),
        ),
        K::ExpectedStringObjectProperty => (
            "expected a key in double quotes".into(),
            "expected `\"key\"`",
            "object keys are strings in double quotes: `\"command\": ...`".into(),
        ),
        K::UnexpectedWord => (
            "a bare word is not a JSON value".into(),
            "not a JSON value",
            "strings go in double quotes; the only bare words JSON knows are true, false and null"
                .into(),
        ),
        K::SingleQuotedStringsNotAllowed => (
            "strings must be in double quotes".into(),
            "single-quoted",
            "replace the single quotes with double quotes".into(),
        ),
        K::UnterminatedObject => {
            span = end_of_text(text);
            (
                "the file ends inside an object: expected `}`".into(),
                "expected `}`",
                "close every `{` with a `}`".into(),
            )
        }
        K::UnterminatedArray => {
            span = end_of_text(text);
            (
                "the file ends inside an array: expected `]`".into(),
                "expected `]`",
                "close every `[` with a `]`".into(),
            )
        }
        K::UnterminatedCommentBlock => (
            "unterminated `/*` comment".into(),
            "never closed",
            "close the comment with `*/`".into(),
        ),
        K::UnexpectedCloseBrace => (
            "unexpected `}`".into(),
            "unexpected",
            "check the brackets before it: a `}` closes an object opened with `{`".into(),
        ),
        K::UnexpectedCloseBracket => (
            "unexpected `]`".into(),
            "unexpected",
            "check the brackets before it: a `]` closes an array opened with `[`".into(),
        ),
        K::UnexpectedColon => (
            "unexpected `:`".into(),
            "unexpected",
            "a `:` may only follow a key inside an object".into(),
        ),
        K::UnexpectedComma => (
            "unexpected `,`".into(),
            "unexpected",
            "remove the extra comma: a `,` separates two values".into(),
        ),
        // Never echo a bare word: it may be an unquoted token.
        K::UnexpectedToken | K::UnexpectedTokenInObject
            if found
                .chars()
                .next()
                .is_some_and(|c| c.is_alphanumeric() || c == '_') =>
        {
            (
                "a bare word is not a JSON value".into(),
                "not a JSON value",
                "strings go in double quotes; the only bare words JSON knows are true, false \
                 and null"
                    .into(),
            )
        }
        K::UnexpectedToken | K::UnexpectedTokenInObject => (
            format!("unexpected `{}`", truncate(found, 1)),
            "unexpected",
            "expected a key, a value, `,`, `}` or `]` here".into(),
        ),
        K::MultipleRootJsonValues if found.starts_with(['}', ']']) => (
            format!("unexpected `{}` after the end of the config", &found[..1]),
            "one too many",
            "remove it: the top-level object is already closed; check that every `{` and `[` \
             before it is closed exactly once"
                .into(),
        ),
        K::MultipleRootJsonValues => (
            "more than one top-level value".into(),
            "a second value starts here",
            "a config holds exactly one object; merge the two or remove the extra text".into(),
        ),
        K::NestingDepthExceeded => (
            "the file is nested more than 512 levels deep".into(),
            "too deep",
            "no MCP config needs this depth; check for a generated or corrupted file".into(),
        ),
        K::HexadecimalNumbersNotAllowed => (
            "hexadecimal numbers are not JSON".into(),
            "hexadecimal",
            "write the number in decimal, e.g. 31 for 0x1F".into(),
        ),
        K::UnaryPlusNumbersNotAllowed
        | K::BareDecimalPointNumbersNotAllowed
        | K::NonFiniteNumbersNotAllowed
        | K::ExpectedDigit
        | K::ExpectedDigitFollowingNegativeSign
        | K::ExpectedPlusMinusOrDigitInNumberLiteral => (
            format!("`{}` is not a JSON number", truncate(found, 6)),
            "invalid number",
            "write a decimal number such as 30 or 2.5, or put the value in double quotes".into(),
        ),
        K::String(kind) => match kind {
            S::UnterminatedStringLiteral => (
                "unterminated string: expected a closing `\"`".into(),
                "string starts here",
                "close the string with `\"` on the same line".into(),
            ),
            S::ExpectedFourHexDigits | S::InvalidUnicodeEscapeSequence(_) => (
                "invalid `\\u` escape".into(),
                "invalid escape",
                "write `\\u` followed by exactly four hex digits, e.g. `\\u00e9`".into(),
            ),
            _ => (
                "invalid escape in a string".into(),
                "invalid escape",
                "JSON knows only \\\" \\\\ \\/ \\b \\f \\n \\r \\t and \\uXXXX; write a \
                 backslash as `\\\\`"
                    .into(),
            ),
        },
        // Only produced by the serde feature, which is off; keep a readable fallback.
        #[allow(unreachable_patterns)]
        _ => (err.kind().to_string(), "here", String::new()),
    };
    if !jsonc && matches!(err.kind(), K::CommentsNotAllowed) {
        // Point at the `//` or `/*` only, not at the whole comment.
        span.end = (span.start + 2).min(span.end.max(span.start));
    }
    // An empty span is widened to the character it stands on, unless that is a line break
    // (the caret then sits at the end of the line, where the missing `,` belongs).
    if let Some(c) = text[span.start..].chars().next()
        && span.end == span.start
        && c != '\n'
        && c != '\r'
    {
        span.end = span.start + c.len_utf8();
    }
    let rule = if matches!(err.kind(), K::NestingDepthExceeded) {
        &super::too_deep::TOO_DEEP
    } else {
        &SYNTAX
    };
    let mut diag = Diagnostic::new(rule, id, span, "", message).label(label);
    if !help.is_empty() {
        diag = diag.help(help);
    }
    diag
}

fn end_of_text(text: &str) -> Span {
    let trimmed = text.trim_end().len();
    Span::new(trimmed, trimmed)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_owned()
    } else {
        let mut out: String = s.chars().take(max).collect();
        out.push('…');
        out
    }
}

/// JSON forbids raw control characters (a line break, a tab) inside strings; jsonc-parser lets
/// them through, so they are found here, on the raw text of each string.
/// The finding for a TOML or YAML syntax error: the parser's own message, at its position.
pub fn other_format(id: FileId, format: &str, message: &str, span: Span) -> Diagnostic {
    // The parsers' messages may span lines (TOML's quotes the line): the first line says it.
    let first = message.lines().next().unwrap_or(message).trim();
    Diagnostic::new(
        &SYNTAX,
        id,
        span,
        "",
        format!("the file is not valid {format}: {first}"),
    )
    .label("here")
    .help(format!(
        "correct the {format} syntax here; the client reads none of the file's servers until it parses"
    ))
}

/// The first byte below 0x20, eight bytes at a time (every string literal of a config is
/// looked at): a word is skipped when none of its bytes is below 0x20 (the "hasless" test of
/// Bit Twiddling Hacks, exact for a bound up to 128).
fn first_control(raw: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let mut i = 0;
    while let Some(word) = raw.get(i..i + 8) {
        let x = u64::from_ne_bytes(word.try_into().expect("eight bytes"));
        if x.wrapping_sub(ONES * 0x20) & !x & HIGH != 0 {
            break;
        }
        i += 8;
    }
    raw[i..].iter().position(|b| *b < 0x20).map(|at| i + at)
}

pub fn control_character(file: &SourceFile, id: FileId, string: Span) -> Option<Diagnostic> {
    // TOML and YAML strings may hold tabs and line breaks; their parsers judge them.
    if file.format != crate::source::Format::Json {
        return None;
    }
    let raw = &file.text.as_bytes()[string.start..string.end];
    let at = first_control(raw)?;
    let byte = raw[at];
    let (name, escape) = match byte {
        b'\n' => ("a line break", "\\n"),
        b'\r' => ("a carriage return", "\\r"),
        b'\t' => ("a tab", "\\t"),
        _ => ("a control character", "\\u00XX"),
    };
    let start = string.start + at;
    Some(
        Diagnostic::new(
            &SYNTAX,
            id,
            Span::new(start, start + 1),
            "",
            format!("{name} inside a string must be escaped"),
        )
        .label("raw control character")
        .help(format!(
            "write it as `{escape}`; if the string was meant to end here, close it with `\"`"
        )),
    )
}

#[cfg(test)]
mod tests {
    use super::first_control;

    #[test]
    fn first_control_matches_a_byte_scan() {
        let bytes: Vec<u8> = (0u8..=255).collect();
        for len in 0..24 {
            for at in 0..len {
                for b in [
                    0x00, 0x09, 0x0a, 0x1f, 0x20, 0x21, 0x7f, 0x80, 0x9f, 0xa0, 0xff,
                ] {
                    let mut raw: Vec<u8> =
                        bytes[0x20..].iter().cycle().take(len).copied().collect();
                    raw[at] = b;
                    let naive = raw.iter().position(|c| *c < 0x20);
                    assert_eq!(first_control(&raw), naive, "{raw:?}");
                }
            }
        }
        assert_eq!(first_control(&bytes), Some(0));
        assert_eq!(first_control(&bytes[0x20..]), None);
    }
}
