//! Parsing a config into a tree that keeps the byte span of every key and value.
//!
//! jsonc-parser does the scanning of JSON; this module chooses strict JSON or JSONC, parses
//! each file once (keeping its comments, for suppressions), and hands its errors to the
//! `parse/` rules. TOML (`toml.rs`) and YAML (`yaml.rs`) are read into the same tree, its
//! ranges pointing into the TOML or YAML text, so nothing after the parse knows the format.

pub mod fast;
pub mod toml;
pub mod yaml;

use std::sync::atomic::{AtomicBool, Ordering};

use jsonc_parser::ast::Value;
use jsonc_parser::errors::ParseError;
use jsonc_parser::{CollectOptions, CommentCollectionStrategy, ParseOptions};

use crate::diagnostic::Diagnostic;
use crate::rules::parse as rules;
use crate::source::{FileId, SourceFile, Span};

/// Which dialect a file is read in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Dialect {
    /// RFC 8259 JSON: what Claude Desktop, Cursor and most hubs read.
    Json,
    /// JSON with `//` and `/* */` comments and trailing commas, as VS Code reads `mcp.json`.
    Jsonc,
    /// TOML (`.toml`): Codex's `config.toml`.
    Toml,
    /// YAML (`.yaml`, `.yml`): Continue's and Goose's files.
    Yaml,
}

impl Dialect {
    /// `.toml` files are TOML, `.yaml` and `.yml` YAML; `.jsonc` files and VS Code's
    /// `mcp.json` are JSONC; everything else is strict JSON.
    pub fn for_path(name: &str) -> Dialect {
        let path = std::path::Path::new(name);
        let ext = path.extension().and_then(|e| e.to_str()).unwrap_or("");
        let file = path.file_name().and_then(|f| f.to_str()).unwrap_or("");
        if ext.eq_ignore_ascii_case("toml") {
            Dialect::Toml
        } else if ext.eq_ignore_ascii_case("yaml") || ext.eq_ignore_ascii_case("yml") {
            Dialect::Yaml
        } else if ext.eq_ignore_ascii_case("jsonc") || file == "mcp.json" {
            Dialect::Jsonc
        } else {
            Dialect::Json
        }
    }
}

/// A config that parsed: its root object, and its comments (JSONC only) in file order.
pub struct Parsed<'a> {
    pub root: Value<'a>,
    pub comments: Vec<(Span, String)>,
    /// Whether a string may hold a raw control character (`parse/syntax` looks for them):
    /// not when the fast path read the file, as it takes no such string.
    pub raw_controls: bool,
}

/// From this size on, [`parse_alongside`] runs its other work on another core (below it, a
/// thread costs more than it saves).
pub const ALONGSIDE_BYTES: usize = 256 * 1024;

/// [`parse`], with `other` run on another core meanwhile when the file is large: work done
/// lazily otherwise, which the caller needs next (compiling schemas takes about as long as
/// parsing 1 MB). `other` is told when the parse is done, so that optional work can stop.
pub fn parse_alongside<'a>(
    file: &'a SourceFile,
    id: FileId,
    dialect: Dialect,
    out: &mut Vec<Diagnostic>,
    other: impl FnOnce(&AtomicBool) + Send,
) -> Option<Parsed<'a>> {
    if file.text.len() < ALONGSIDE_BYTES {
        return parse(file, id, dialect, out);
    }
    let parsed_yet = AtomicBool::new(false);
    std::thread::scope(|scope| {
        let other = scope.spawn(|| other(&parsed_yet));
        let parsed = parse(file, id, dialect, out);
        parsed_yet.store(true, Ordering::Relaxed);
        other
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        parsed
    })
}

/// Parses `file` once; on failure pushes one `parse/` finding and returns `None`.
/// The returned root is always an object.
pub fn parse<'a>(
    file: &'a SourceFile,
    id: FileId,
    dialect: Dialect,
    out: &mut Vec<Diagnostic>,
) -> Option<Parsed<'a>> {
    let text = file.text.as_str();
    let other = match dialect {
        Dialect::Toml => Some(toml::parse(text).map(Some).map_err(|e| (e.message, e.span))),
        Dialect::Yaml => Some(yaml::parse(text).map_err(|e| (e.message, e.span))),
        Dialect::Json | Dialect::Jsonc => None,
    };
    if let Some(result) = other {
        let format = if dialect == Dialect::Toml {
            "TOML"
        } else {
            "YAML"
        };
        return match result {
            Err((message, span)) => {
                out.push(rules::syntax::other_format(id, format, &message, span));
                None
            }
            Ok(None) => {
                out.push(rules::empty_file::diagnostic(id, text));
                None
            }
            Ok(Some(Value::Object(obj))) if obj.properties.is_empty() && text.trim().is_empty() => {
                out.push(rules::empty_file::diagnostic(id, text));
                None
            }
            Ok(Some(Value::Object(obj))) => Some(Parsed {
                root: Value::Object(obj),
                comments: hash_comments(text),
                raw_controls: true,
            }),
            Ok(Some(other)) => {
                out.push(rules::invalid_root::diagnostic(id, text, &other));
                None
            }
        };
    }
    if let Some((root, comments)) = fast::parse(text, dialect == Dialect::Jsonc)
        && matches!(root, Value::Object(_))
    {
        return Some(Parsed {
            root,
            comments,
            raw_controls: false,
        });
    }
    let parsed = match jsonc_parser_reading(text, dialect == Dialect::Jsonc) {
        Ok(parsed) => parsed,
        Err(err) => {
            out.push(rules::syntax::diagnostic(
                file,
                id,
                dialect == Dialect::Jsonc,
                &err,
            ));
            return None;
        }
    };
    match parsed.value {
        None => {
            out.push(rules::empty_file::diagnostic(id, text));
            None
        }
        Some(Value::Object(obj)) => Some(Parsed {
            root: Value::Object(obj),
            comments: parsed.comments,
            raw_controls: true,
        }),
        Some(other) => {
            out.push(rules::invalid_root::diagnostic(id, text, &other));
            None
        }
    }
}

/// A text as jsonc-parser reads it with the options mcplint's JSON and JSONC follow (comments
/// and trailing commas in JSONC only, nothing of JSON5): the root value, if any, and the
/// comments in file order. The fast path's reference (its tests and `fuzz/.../parse_fast.rs`).
pub fn jsonc_parser_reading(text: &str, jsonc: bool) -> Result<Reading<'_>, ParseError> {
    let collect = CollectOptions {
        comments: if jsonc {
            CommentCollectionStrategy::Separate
        } else {
            CommentCollectionStrategy::Off
        },
        tokens: false,
    };
    let options = ParseOptions {
        allow_comments: jsonc,
        allow_trailing_commas: jsonc,
        allow_loose_object_property_names: false,
        allow_missing_commas: false,
        allow_single_quoted_strings: false,
        allow_hexadecimal_numbers: false,
        allow_unary_plus_numbers: false,
        allow_bare_decimal_point_numbers: false,
        allow_non_finite_numbers: false,
        allow_extended_string_escapes: false,
    };
    let parsed = jsonc_parser::parse_to_ast(text, &collect, &options)?;
    let mut comments: Vec<(Span, String)> = parsed
        .comments
        .into_iter()
        .flat_map(|map| map.into_values())
        .flat_map(|list| {
            list.iter()
                .map(|c| {
                    let r = match c {
                        jsonc_parser::ast::Comment::Line(l) => l.range,
                        jsonc_parser::ast::Comment::Block(b) => b.range,
                    };
                    (Span::from(r), c.text().to_owned())
                })
                .collect::<Vec<_>>()
        })
        .collect();
    // A comment is filed under the tokens before and after it: keep it once.
    comments.sort_by_key(|(s, _)| s.start);
    comments.dedup_by_key(|(s, _)| s.start);
    Ok(Reading {
        value: parsed.value,
        comments,
    })
}

/// What [`jsonc_parser_reading`] gives.
pub struct Reading<'a> {
    pub value: Option<Value<'a>>,
    pub comments: Vec<(Span, String)>,
}

/// The `#` comments of a TOML or YAML text, for suppressions: a `#` at the start of a line or
/// after a blank, outside a quoted string on its line. (A `#` inside a multi-line string that
/// looks like a comment is taken as one; only `mcplint-ignore` comments are acted on.)
fn hash_comments(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let mut line_start = 0;
    for line in text.split_inclusive('\n') {
        let bytes = line.as_bytes();
        let mut quote: Option<u8> = None;
        let mut i = 0;
        while i < bytes.len() {
            let b = bytes[i];
            match quote {
                Some(b'"') if b == b'\\' => i += 1,
                Some(q) if b == q => quote = None,
                Some(_) => {}
                None if b == b'"' || b == b'\'' => quote = Some(b),
                None if b == b'#' && (i == 0 || bytes[i - 1].is_ascii_whitespace()) => {
                    let body = line[i + 1..].trim_end_matches(['\n', '\r']);
                    let start = line_start + i;
                    out.push((Span::new(start, start + 1 + body.len()), body.to_owned()));
                    break;
                }
                None => {}
            }
            i += 1;
        }
        line_start += line.len();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::hash_comments;

    #[test]
    fn hash_comments_outside_strings() {
        let text = "# top\nk = \"a # not\" # mcplint-ignore x\nurl: http://h/#frag\n";
        let found: Vec<String> = hash_comments(text).into_iter().map(|(_, t)| t).collect();
        assert_eq!(found, [" top", " mcplint-ignore x"]);
    }
}
