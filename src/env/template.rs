//! The `${VAR}` template language of config values and `.env` files: parsing and evaluation.
//!
//! The shell-like forms follow POSIX parameter expansion, so that for the same variables a
//! template gives what `bash` gives; `$$` is a literal `$`, as in Docker Compose. Evaluation
//! never re-reads a substituted value: what a variable holds is inserted as it is.

use std::ops::Range;

/// How deep `${A:-${B:-...}}` may nest; deeper is reported, never overflowing the stack.
pub const MAX_DEPTH: usize = 64;

/// Where a template is written, which decides what a bare `$NAME` means.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grammar {
    /// A config value: `$NAME` is not expanded (it is reported as a likely mistake).
    Config,
    /// A `.env` value: `$NAME` is expanded, as dotenv and Docker Compose do.
    DotEnv,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece<'s> {
    Text(&'s str),
    /// `$$`, a literal `$`.
    Dollar,
    Expr(Expr<'s>),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Expr<'s> {
    /// From the `$` to the closing `}` (or to the end of a bare `$NAME`), in bytes of the
    /// decoded string.
    pub span: Range<usize>,
    pub kind: Reference<'s>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference<'s> {
    /// `${NAME}`, `${env:NAME}`, with an optional operator and operand.
    Var {
        name: &'s str,
        op: Option<(Op, Vec<Piece<'s>>)>,
    },
    /// `$NAME` without braces.
    Bare { name: &'s str },
    /// `${input:id}`, `${workspaceFolder}`, ...: the client fills these in at run time.
    Runtime,
    /// `${cmd: ...}`: a command a client would run; mcplint never does.
    Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// `:-` (`colon`) or `-`: the operand when unset (or empty).
    Default { colon: bool },
    /// `:?` or `?`: an error with the operand as message when unset (or empty).
    Error { colon: bool },
    /// `:+` or `+`: the operand when set (and not empty), else nothing.
    Alt { colon: bool },
}

impl Op {
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Default { colon: true } => ":-",
            Op::Default { colon: false } => "-",
            Op::Error { colon: true } => ":?",
            Op::Error { colon: false } => "?",
            Op::Alt { colon: true } => ":+",
            Op::Alt { colon: false } => "+",
        }
    }
}

/// A template that cannot be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Invalid {
    /// The template itself, from its `$`, in bytes of the decoded string.
    pub span: Range<usize>,
    pub message: String,
    pub help: String,
}

/// Predefined variables a client substitutes itself: VS Code's, which other clients copy.
const RUNTIME_NAMES: &[&str] = crate::clients::vscode::PREDEFINED;

/// Prefixes of runtime references: `${input:id}`, `${config:name}`, `${command:id}`.
const RUNTIME_PREFIXES: &[&str] = &["input:", "config:", "command:", "workspaceFolder:"];

pub fn parse(s: &str, dialect: Grammar) -> Result<Vec<Piece<'_>>, Invalid> {
    let mut parser = Parser { s, pos: 0, dialect };
    parser.pieces(0, false)
}

struct Parser<'s> {
    s: &'s str,
    pos: usize,
    dialect: Grammar,
}

fn is_name_start(b: u8) -> bool {
    b.is_ascii_alphabetic() || b == b'_'
}

fn is_name_char(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

impl<'s> Parser<'s> {
    fn peek(&self, ahead: usize) -> Option<u8> {
        self.s.as_bytes().get(self.pos + ahead).copied()
    }

    /// Pieces up to the end of the text, or (in an operand) up to the `}` that closes it.
    fn pieces(&mut self, depth: usize, operand: bool) -> Result<Vec<Piece<'s>>, Invalid> {
        let mut out = Vec::new();
        let mut text_start = self.pos;
        while self.pos < self.s.len() {
            // To the next `$` (or, in an operand, `}`) in one search, not a byte per step.
            let rest = &self.s.as_bytes()[self.pos..];
            let close = if operand { b'}' } else { b'$' };
            let Some(skip) = memchr::memchr2(b'$', close, rest) else {
                self.pos = self.s.len();
                break;
            };
            self.pos += skip;
            if operand && rest[skip] == b'}' {
                break;
            }
            let dollar = self.pos;
            match self.peek(1) {
                Some(b'$') => {
                    push_text(&mut out, &self.s[text_start..dollar]);
                    out.push(Piece::Dollar);
                    self.pos += 2;
                }
                Some(b'{') => {
                    push_text(&mut out, &self.s[text_start..dollar]);
                    out.push(Piece::Expr(self.braced(depth)?));
                }
                Some(c) if is_name_start(c) => {
                    push_text(&mut out, &self.s[text_start..dollar]);
                    self.pos += 1;
                    let name = self.name();
                    let kind = match self.dialect {
                        Grammar::Config => Reference::Bare { name },
                        Grammar::DotEnv => Reference::Var { name, op: None },
                    };
                    out.push(Piece::Expr(Expr {
                        span: dollar..self.pos,
                        kind,
                    }));
                }
                // A `$` before anything else is a plain `$`.
                _ => {
                    self.pos += 1;
                    continue;
                }
            }
            text_start = self.pos;
        }
        push_text(&mut out, &self.s[text_start..self.pos]);
        Ok(out)
    }

    fn name(&mut self) -> &'s str {
        let start = self.pos;
        if !self.peek(0).is_some_and(is_name_start) {
            return "";
        }
        while self.peek(0).is_some_and(is_name_char) {
            self.pos += 1;
        }
        &self.s[start..self.pos]
    }

    /// `${...}`, with `self.pos` on the `$`.
    fn braced(&mut self, depth: usize) -> Result<Expr<'s>, Invalid> {
        let start = self.pos;
        let invalid = |end: usize, message: String, help: &str| Invalid {
            span: start..end,
            message,
            help: help.to_owned(),
        };
        if depth >= MAX_DEPTH {
            return Err(invalid(
                self.s.len(),
                format!("templates nest more than {MAX_DEPTH} levels deep"),
                "no config needs this; simplify the default values",
            ));
        }
        self.pos += 2;
        let body = &self.s[self.pos..];
        // Continue's `${{ secrets.NAME }}` (a variable) and `${{ inputs.NAME }}` (filled in by
        // the client).
        if let Some((secret, name, len)) = super::double_brace::parse(body) {
            self.pos += len;
            let kind = if secret {
                Reference::Var { name, op: None }
            } else {
                Reference::Runtime
            };
            return Ok(Expr {
                span: start..self.pos,
                kind,
            });
        }
        // Runtime and command references: the body is the client's, up to the first `}`.
        let runtime = RUNTIME_PREFIXES.iter().any(|p| body.starts_with(p))
            || RUNTIME_NAMES
                .iter()
                .any(|n| body.starts_with(n) && body[n.len()..].starts_with('}'));
        let command = body.starts_with("cmd:");
        if runtime || command {
            let Some(close) = body.find('}') else {
                return Err(invalid(
                    self.s.len(),
                    "unterminated `${`: expected `}`".into(),
                    "close the reference with `}`",
                ));
            };
            self.pos += close + 1;
            let kind = if command {
                Reference::Command
            } else {
                Reference::Runtime
            };
            return Ok(Expr {
                span: start..self.pos,
                kind,
            });
        }
        if body.starts_with("env:") {
            self.pos += 4;
        }
        let name = self.name();
        let unterminated = |this: &Self| {
            invalid(
                this.s.len(),
                "unterminated `${`: expected `}`".into(),
                "close the reference with `}`, as in `${NAME}`",
            )
        };
        if name.is_empty() {
            return Err(match self.peek(0) {
                None => unterminated(self),
                Some(b'}') => invalid(
                    self.pos + 1,
                    "empty variable name in `${}`".into(),
                    "write the variable's name, as in `${HF_TOKEN}`; for a literal `$`, write `$$`",
                ),
                Some(c) if c.is_ascii_whitespace() => invalid(
                    self.pos + 1,
                    "space after `${`".into(),
                    "remove the space: `${NAME}`",
                ),
                Some(c) if c.is_ascii_digit() => invalid(
                    self.pos + 1,
                    "a variable name cannot start with a digit".into(),
                    "names are letters, digits and `_`, starting with a letter or `_`",
                ),
                Some(_) => invalid(
                    self.pos + self.s[self.pos..].chars().next().map_or(1, char::len_utf8),
                    "invalid character at the start of a variable name".into(),
                    "names are letters, digits and `_`, starting with a letter or `_`",
                ),
            });
        }
        let op = match (self.peek(0), self.peek(1)) {
            (Some(b'}'), _) => {
                self.pos += 1;
                return Ok(Expr {
                    span: start..self.pos,
                    kind: Reference::Var { name, op: None },
                });
            }
            (None, _) => return Err(unterminated(self)),
            (Some(b':'), Some(b'-')) => Op::Default { colon: true },
            (Some(b':'), Some(b'?')) => Op::Error { colon: true },
            (Some(b':'), Some(b'+')) => Op::Alt { colon: true },
            (Some(b'-'), _) => Op::Default { colon: false },
            (Some(b'?'), _) => Op::Error { colon: false },
            (Some(b'+'), _) => Op::Alt { colon: false },
            (Some(c), _) if c.is_ascii_whitespace() => {
                return Err(invalid(
                    self.pos + 1,
                    format!("space after the name `{name}`"),
                    "remove the space: `${NAME}`",
                ));
            }
            (Some(_), _) => {
                let c = self.s[self.pos..].chars().next().unwrap_or('?');
                return Err(invalid(
                    self.pos + c.len_utf8(),
                    format!("unexpected `{c}` after the name `{name}`"),
                    "names are letters, digits and `_`; the operators are `:-` `-` `:?` `?` \
                     `:+` `+`, as in `${NAME:-default}`",
                ));
            }
        };
        self.pos += op.as_str().len();
        let operand = self.pieces(depth + 1, true)?;
        if self.peek(0) != Some(b'}') {
            return Err(unterminated(self));
        }
        self.pos += 1;
        Ok(Expr {
            span: start..self.pos,
            kind: Reference::Var {
                name,
                op: Some((op, operand)),
            },
        })
    }
}

fn push_text<'s>(out: &mut Vec<Piece<'s>>, text: &'s str) {
    if !text.is_empty() {
        out.push(Piece::Text(text));
    }
}

/// Something evaluation met, for findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Event<'s> {
    /// A variable that was looked up (for unused-variable and redaction).
    Used {
        name: &'s str,
        /// The reference, from its `$`.
        span: Range<usize>,
    },
    /// `${NAME}` (or `${NAME?}`, `${NAME:+${X}}`, ...) with `NAME` set nowhere.
    Undefined {
        name: &'s str,
        span: Range<usize>,
    },
    /// `${NAME:?message}` unset (or empty): the author's message.
    Required {
        name: &'s str,
        message: String,
        /// Set, but empty (with `:?`).
        set: bool,
        span: Range<usize>,
    },
    /// `${NAME}` set to the empty string.
    Empty {
        name: &'s str,
        span: Range<usize>,
    },
    Bare {
        name: &'s str,
        span: Range<usize>,
    },
    Command {
        span: Range<usize>,
    },
    Runtime {
        span: Range<usize>,
    },
}

/// Evaluates parsed pieces. `lookup` gives a variable's value, `None` when unset.
/// Runtime and command references are kept as written; `src` is the text they came from.
pub fn evaluate<'s, 'v, F>(
    src: &'s str,
    pieces: &[Piece<'s>],
    lookup: &F,
    events: &mut Vec<Event<'s>>,
) -> String
where
    F: Fn(&str) -> Option<&'v str>,
{
    // Room for values longer than their references: most strings are written without growing.
    let mut out = String::with_capacity(src.len() + 64);
    eval_into(src, pieces, lookup, events, &mut out);
    out
}

fn eval_into<'s, 'v, F>(
    src: &'s str,
    pieces: &[Piece<'s>],
    lookup: &F,
    events: &mut Vec<Event<'s>>,
    out: &mut String,
) where
    F: Fn(&str) -> Option<&'v str>,
{
    for piece in pieces {
        match piece {
            Piece::Text(t) => out.push_str(t),
            Piece::Dollar => out.push('$'),
            Piece::Expr(expr) => match &expr.kind {
                Reference::Bare { name } => {
                    events.push(Event::Bare {
                        name,
                        span: expr.span.clone(),
                    });
                    out.push_str(&src[expr.span.clone()]);
                }
                Reference::Runtime => {
                    events.push(Event::Runtime {
                        span: expr.span.clone(),
                    });
                    out.push_str(&src[expr.span.clone()]);
                }
                Reference::Command => {
                    events.push(Event::Command {
                        span: expr.span.clone(),
                    });
                    out.push_str(&src[expr.span.clone()]);
                }
                Reference::Var { name, op } => {
                    events.push(Event::Used {
                        name,
                        span: expr.span.clone(),
                    });
                    let value = lookup(name);
                    let span = expr.span.clone();
                    match (op, value) {
                        (None, Some(v)) => {
                            if v.is_empty() {
                                events.push(Event::Empty { name, span });
                            }
                            out.push_str(v);
                        }
                        (None, None) => events.push(Event::Undefined { name, span }),
                        (Some((op, operand)), value) => {
                            let set = value.is_some();
                            let nonempty = value.is_some_and(|v| !v.is_empty());
                            match *op {
                                Op::Default { colon } => {
                                    let use_value = if colon { nonempty } else { set };
                                    if use_value {
                                        out.push_str(value.unwrap_or_default());
                                    } else {
                                        eval_into(src, operand, lookup, events, out);
                                    }
                                }
                                Op::Alt { colon } => {
                                    let use_alt = if colon { nonempty } else { set };
                                    if use_alt {
                                        eval_into(src, operand, lookup, events, out);
                                    }
                                }
                                Op::Error { colon } => {
                                    let ok = if colon { nonempty } else { set };
                                    if ok {
                                        out.push_str(value.unwrap_or_default());
                                    } else {
                                        let mut message = String::new();
                                        eval_into(src, operand, lookup, events, &mut message);
                                        events.push(Event::Required {
                                            name,
                                            message,
                                            set,
                                            span,
                                        });
                                    }
                                }
                            }
                        }
                    }
                }
            },
        }
    }
}

/// Errors among events: what makes a template unusable (for tests and `render`).
pub fn is_error(event: &Event) -> bool {
    matches!(event, Event::Undefined { .. } | Event::Required { .. })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn expand(s: &str, vars: &[(&str, &str)]) -> Result<String, Vec<String>> {
        let pieces = parse(s, Grammar::Config).map_err(|e| vec![e.message])?;
        let lookup = |n: &str| vars.iter().find(|(k, _)| *k == n).map(|(_, v)| *v);
        let mut events = Vec::new();
        let value = evaluate(s, &pieces, &lookup, &mut events);
        let errors: Vec<String> = events
            .iter()
            .filter(|e| is_error(e))
            .map(|e| format!("{e:?}"))
            .collect();
        if errors.is_empty() {
            Ok(value)
        } else {
            Err(errors)
        }
    }

    const VARS: &[(&str, &str)] = &[("SET", "v"), ("EMPTY", ""), ("NESTED", "${SET}")];

    #[test]
    fn every_form() {
        let ok = |s: &str| expand(s, VARS).unwrap();
        assert_eq!(ok("${SET}"), "v");
        assert_eq!(ok("${env:SET}"), "v");
        assert_eq!(ok("a${SET}b"), "avb");
        assert_eq!(ok("${EMPTY}"), "");
        assert_eq!(ok("${SET:-d}"), "v");
        assert_eq!(ok("${EMPTY:-d}"), "d");
        assert_eq!(ok("${UNSET:-d}"), "d");
        assert_eq!(ok("${EMPTY-d}"), "");
        assert_eq!(ok("${UNSET-d}"), "d");
        assert_eq!(ok("${SET:+alt}"), "alt");
        assert_eq!(ok("${EMPTY:+alt}"), "");
        assert_eq!(ok("${EMPTY+alt}"), "alt");
        assert_eq!(ok("${UNSET+alt}"), "");
        assert_eq!(ok("${SET:?msg}"), "v");
        assert_eq!(ok("${EMPTY?msg}"), "");
        assert_eq!(ok("${UNSET:-${EMPTY:-x}}"), "x");
        assert_eq!(ok("${UNSET:-${SET}-y}"), "v-y");
        assert_eq!(ok("${UNSET:-a:b-c?d+e}"), "a:b-c?d+e");
        assert_eq!(ok("$$"), "$");
        assert_eq!(ok("$${SET}"), "${SET}");
        assert_eq!(ok("cost: 5$"), "cost: 5$");
        assert_eq!(ok("$1 and $"), "$1 and $");
        assert_eq!(ok("${input:token}"), "${input:token}");
        assert_eq!(ok("${workspaceFolder}/x"), "${workspaceFolder}/x");
        assert_eq!(ok("${cmd: cat /etc/passwd}"), "${cmd: cat /etc/passwd}");
        assert_eq!(ok("$SET"), "$SET");
    }

    #[test]
    fn substituted_values_are_not_expanded_again() {
        assert_eq!(expand("${NESTED}", VARS).unwrap(), "${SET}");
        assert_eq!(expand("${UNSET:-${NESTED}}", VARS).unwrap(), "${SET}");
    }

    #[test]
    fn errors_and_their_events() {
        assert!(expand("${UNSET}", VARS).is_err());
        assert!(
            expand("${UNSET:?you must set it}", VARS).unwrap_err()[0].contains("you must set it")
        );
        assert!(expand("${EMPTY:?msg}", VARS).is_err());
        assert!(expand("${UNSET?msg}", VARS).is_err());
        // An operand that is not taken is not evaluated, as in the shell.
        assert!(expand("${SET:-${UNSET}}", VARS).is_ok());
        assert!(expand("${SET:+${UNSET}}", VARS).is_err());
    }

    #[test]
    fn invalid_templates_and_their_spans() {
        let invalid = |s: &str| parse(s, Grammar::Config).unwrap_err();
        for (s, span, needle) in [
            ("${", 0..2, "unterminated"),
            ("a ${", 2..4, "unterminated"),
            ("${}", 0..3, "empty"),
            ("${ foo}", 0..3, "space"),
            ("${foo }", 0..6, "space"),
            ("${foo!}", 0..6, "`!`"),
            ("x${A:-x", 1..7, "unterminated"),
            ("${A:-${B:-x}", 0..12, "unterminated"),
            ("${1A}", 0..3, "digit"),
            ("${A:x}", 0..4, "`:`"),
            ("${A:=x}", 0..4, "`:`"),
            ("${input:x", 0..9, "unterminated"),
            // Found by fuzzing: a multi-byte character right after `${`.
            ("${\u{389}}", 0..4, "invalid character"),
        ] {
            let e = invalid(s);
            assert_eq!(e.span, span, "{s}");
            assert!(e.message.contains(needle), "{s}: {}", e.message);
        }
    }

    #[test]
    fn nesting_is_bounded() {
        let deep = "${A:-".repeat(100_000) + &"}".repeat(100_000);
        assert!(
            parse(&deep, Grammar::Config)
                .unwrap_err()
                .message
                .contains("nest")
        );
    }

    #[test]
    fn bare_names_expand_only_in_dotenv() {
        let pieces = parse("$HOME/x", Grammar::DotEnv).unwrap();
        let mut events = Vec::new();
        let v = evaluate("$HOME/x", &pieces, &|_| Some("/h"), &mut events);
        assert_eq!(v, "/h/x");
        let pieces = parse("$HOME/x", Grammar::Config).unwrap();
        let v = evaluate("$HOME/x", &pieces, &|_| Some("/h"), &mut events);
        assert_eq!(v, "$HOME/x");
        assert!(
            events
                .iter()
                .any(|e| matches!(e, Event::Bare { name: "HOME", .. }))
        );
    }
}
