//! A template as one client reads it: the references it does not expand become literal text,
//! each with the reason, before the template is evaluated.
//!
//! mcplint's own grammar (templates) is the full one of `template.rs`; a client reads a subset
//! (VS Code only `${env:NAME}`, Claude Code `${NAME}` and `${NAME:-default}`, ...), in some
//! fields only. What it leaves alone reaches the server as written.

use crate::hash::HashSet;
use std::ops::Range;

use super::template::{Op, Piece, Reference};
use crate::clients::{Client, Mode};

/// A reference the client leaves as written, or names wrongly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Judgement {
    /// The client does not expand it: why, and what to write instead.
    Unexpanded {
        span: Range<usize>,
        why: String,
        fix: Option<String>,
        /// True when the field, not the form, is what the client does not expand.
        by_field: bool,
    },
    /// `${input:id}` with no input `id` declared in the file's `inputs`.
    UndeclaredInput { span: Range<usize>, id: String },
}

/// Where the template is: the client, the entry field, and the inputs the file declares.
pub struct Reader<'r> {
    pub client: &'static Client,
    /// The field of the server entry the string is in (`env`, `args`, ...).
    pub field: Option<&'r str>,
    /// The ids of the file's `inputs` (VS Code), when it has any.
    pub inputs: Option<&'r HashSet<String>>,
}

impl Reader<'_> {
    /// Whether a client's own rules apply at all (templates use mcplint's full grammar).
    pub fn direct(&self) -> bool {
        self.client.mode == Mode::Direct
    }

    /// Whether the client leaves the field's value alone: run by a shell, which expands its
    /// own variables, or a field it does not read at all (reported as an unknown field).
    pub fn leaves_alone(&self) -> bool {
        self.field
            .is_some_and(|f| self.client.shell_fields.value.contains(&f) || !self.client.reads(f))
    }

    /// `pieces` as the client reads them.
    pub fn judge<'s>(
        &self,
        src: &'s str,
        pieces: Vec<Piece<'s>>,
        out: &mut Vec<Judgement>,
    ) -> Vec<Piece<'s>> {
        if !self.direct() || self.leaves_alone() {
            return pieces;
        }
        let client = self.client;
        let field_expanded = self.field.is_none_or(|f| client.expands(f));
        // Where the next piece starts: `$$` carries no span of its own.
        let mut at = 0;
        let mut judged = Vec::with_capacity(pieces.len());
        for piece in pieces {
            match piece {
                Piece::Text(t) => {
                    at = offset_in(src, t) + t.len();
                    judged.push(Piece::Text(t));
                }
                Piece::Dollar => {
                    let span = at..at + 2;
                    at += 2;
                    if client.grammar.value.dollar_escape {
                        judged.push(Piece::Dollar);
                    } else {
                        out.push(Judgement::Unexpanded {
                            span: span.clone(),
                            why: format!("{} does not read `$$` as an escaped `$`", client.name),
                            fix: Some("write a single `$`".to_owned()),
                            by_field: false,
                        });
                        judged.push(Piece::Text(&src[span]));
                    }
                }
                Piece::Expr(mut expr) => {
                    at = expr.span.end;
                    let text = &src[expr.span.clone()];
                    let verdict = if field_expanded {
                        self.verdict(text, &expr.kind)
                    } else {
                        Verdict::Literal(
                            format!(
                                "{} does not expand references in `{}`",
                                client.name,
                                self.field.unwrap_or("")
                            ),
                            None,
                        )
                    };
                    match verdict {
                        Verdict::Expanded => {
                            // A client that expands `$NAME` itself looks it up like `${NAME}`.
                            if let Reference::Bare { name } = expr.kind
                                && client.grammar.value.bare
                            {
                                expr.kind = Reference::Var { name, op: None };
                            }
                            judged.push(Piece::Expr(expr));
                        }
                        Verdict::Filled => judged.push(Piece::Text(text)),
                        Verdict::Literal(why, fix) => {
                            out.push(Judgement::Unexpanded {
                                span: expr.span.clone(),
                                why,
                                fix,
                                by_field: !field_expanded,
                            });
                            judged.push(Piece::Text(text));
                        }
                        Verdict::Undeclared(id) => {
                            out.push(Judgement::UndeclaredInput {
                                span: expr.span.clone(),
                                id,
                            });
                            judged.push(Piece::Text(text));
                        }
                    }
                }
            }
        }
        judged
    }

    fn verdict(&self, text: &str, kind: &Reference) -> Verdict {
        let client = self.client;
        let g = client.grammar.value;
        let reference_to = |name: &str| client.reference.value.to(name);
        match kind {
            Reference::Var { name, op } => {
                if client.predefined.value.contains(name) {
                    return Verdict::Filled;
                }
                // Continue's `${{ secrets.NAME }}`.
                let secrets_form = text.starts_with("${{");
                if secrets_form {
                    return if g.secrets {
                        Verdict::Expanded
                    } else {
                        Verdict::Literal(
                            format!("{} does not expand `${{{{ secrets.NAME }}}}`", client.name),
                            reference_to(name).map(|r| format!("write `{r}`")),
                        )
                    };
                }
                let env_prefix = text.starts_with("${env:");
                if env_prefix && !g.env_prefix {
                    let why = if g.braced {
                        format!("{} expands `${{NAME}}`, not `${{env:NAME}}`", client.name)
                    } else {
                        format!("{} does not expand `${{env:...}}`", client.name)
                    };
                    return Verdict::Literal(
                        why,
                        reference_to(name).map(|r| format!("write `{r}`")),
                    );
                }
                if !env_prefix && !g.braced {
                    let why = if g.env_prefix {
                        format!("{} expands `${{env:NAME}}`, not `${{NAME}}`", client.name)
                    } else {
                        format!("{} does not expand `${{NAME}}`", client.name)
                    };
                    return Verdict::Literal(
                        why,
                        reference_to(name).map(|r| format!("write `{r}`")),
                    );
                }
                match op {
                    Some((op, _)) if !g.default => Verdict::Literal(
                        format!("{} has no `{}` operator", client.name, op.as_str()),
                        reference_to(name).map(|r| {
                            format!("write `{r}` and give `{name}` its value where the client runs")
                        }),
                    ),
                    Some((op, _)) if !g.all_operators && *op != Op::Default { colon: true } => {
                        Verdict::Literal(
                            format!("{} knows only the `:-` operator", client.name),
                            Some(format!("write `${{{name}:-default}}`, or no operator")),
                        )
                    }
                    _ => Verdict::Expanded,
                }
            }
            Reference::Runtime => {
                let body = text
                    .strip_prefix("${")
                    .and_then(|t| t.strip_suffix('}'))
                    .unwrap_or(text);
                if let Some(id) = body.strip_prefix("input:") {
                    if !g.inputs {
                        return Verdict::Literal(
                            format!("{} has no `${{input:...}}` variables", client.name),
                            None,
                        );
                    }
                    return match self.inputs {
                        Some(ids) if !ids.contains(id) => Verdict::Undeclared(id.to_owned()),
                        None => Verdict::Undeclared(id.to_owned()),
                        _ => Verdict::Filled,
                    };
                }
                let name = body.split(':').next().unwrap_or(body);
                if client.predefined.value.contains(&name) {
                    Verdict::Filled
                } else {
                    Verdict::Literal(format!("{} does not fill in `{text}`", client.name), None)
                }
            }
            Reference::Command if !g.command => Verdict::Literal(
                format!("{} does not run `${{cmd: ...}}`", client.name),
                None,
            ),
            Reference::Bare { name } if g.bare => {
                // The client expands `$NAME` itself: judged as `${NAME}` would be.
                if client.predefined.value.contains(name) {
                    Verdict::Filled
                } else {
                    Verdict::Expanded
                }
            }
            _ => Verdict::Expanded,
        }
    }
}

enum Verdict {
    /// The client expands it: evaluate it.
    Expanded,
    /// The client fills it in itself (a predefined variable, a declared input).
    Filled,
    /// Left as written: why, and the fix.
    Literal(String, Option<String>),
    Undeclared(String),
}

/// The byte offset of `part`, a slice of `src`, in `src`.
fn offset_in(src: &str, part: &str) -> usize {
    (part.as_ptr() as usize).saturating_sub(src.as_ptr() as usize)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clients;
    use crate::env::template::{Grammar, parse};

    /// What `client` leaves unexpanded in `src`, written in `field`: the texts, in order.
    fn unexpanded(client: &'static Client, field: &str, src: &str) -> Vec<String> {
        let inputs: HashSet<String> = ["api-key".to_owned()].into_iter().collect();
        let reader = Reader {
            client,
            field: Some(field),
            inputs: Some(&inputs),
        };
        let pieces = parse(src, Grammar::Config).expect("the example parses");
        let mut out = Vec::new();
        reader.judge(src, pieces, &mut out);
        out.iter()
            .map(|j| match j {
                Judgement::Unexpanded { span, .. } | Judgement::UndeclaredInput { span, .. } => {
                    src[span.clone()].to_owned()
                }
            })
            .collect()
    }

    #[test]
    fn claude_code_expands_its_documented_forms() {
        let cc = &clients::claude_code::CLAUDE_CODE;
        // https://code.claude.com/docs/en/mcp, "Environment variable expansion in .mcp.json":
        // `${VAR}` and `${VAR:-default}`, in command, args, env, url and headers.
        assert!(unexpanded(cc, "url", "${API_BASE_URL:-https://api.example.com}/mcp").is_empty());
        assert!(unexpanded(cc, "headers", "Bearer ${API_KEY}").is_empty());
        // VS Code's form and other operators are not Claude Code's.
        assert_eq!(
            unexpanded(cc, "headers", "Bearer ${env:API_KEY}"),
            ["${env:API_KEY}"]
        );
        assert_eq!(
            unexpanded(cc, "args", "${DIR:?set DIR}"),
            ["${DIR:?set DIR}"]
        );
        // Plugins' `${CLAUDE_PLUGIN_ROOT}` is filled in by Claude Code (same page).
        assert!(unexpanded(cc, "args", "${CLAUDE_PLUGIN_ROOT}/server.js").is_empty());
        // `headersHelper` is run by a shell, whose variables these are.
        assert!(unexpanded(cc, "headersHelper", "echo $HOME ${TOKEN:?}").is_empty());
    }

    #[test]
    fn vscode_expands_its_documented_forms() {
        let vs = &clients::vscode::VSCODE;
        // https://code.visualstudio.com/docs/copilot/reference/mcp-configuration: inputs,
        // `${env:NAME}` and predefined variables such as `${workspaceFolder}`.
        assert!(unexpanded(vs, "env", "${input:api-key}").is_empty());
        assert!(unexpanded(vs, "headers", "Bearer ${env:GITHUB_TOKEN}").is_empty());
        assert!(unexpanded(vs, "cwd", "${workspaceFolder}/server").is_empty());
        // Claude Code's form stays as written in VS Code (variableResolver: unknown
        // variables are returned as they are), and so do operators and `$$`.
        assert_eq!(
            unexpanded(vs, "headers", "Bearer ${GITHUB_TOKEN}"),
            ["${GITHUB_TOKEN}"]
        );
        assert_eq!(unexpanded(vs, "args", "${env:X:-y}"), ["${env:X:-y}"]);
        assert_eq!(unexpanded(vs, "args", "price $$5"), ["$$"]);
        // An input the file does not declare.
        assert_eq!(
            unexpanded(vs, "env", "${input:apikey}"),
            ["${input:apikey}"]
        );
    }

    #[test]
    fn cline_and_roo_expand_env_prefixed_references_only() {
        // cline/cline src/services/mcp/envExpansion.ts; RooCodeInc/Roo-Code
        // src/utils/config.ts: `${env:NAME}` only.
        for client in [&clients::cline::CLINE, &clients::roo::ROO] {
            assert!(
                unexpanded(client, "env", "${env:API_KEY}").is_empty(),
                "{}",
                client.id
            );
            assert_eq!(
                unexpanded(client, "env", "${API_KEY}"),
                ["${API_KEY}"],
                "{}",
                client.id
            );
        }
    }

    #[test]
    fn gemini_cli_expands_bare_and_braced_variables() {
        let gemini = &clients::gemini_cli::GEMINI_CLI;
        // google-gemini/gemini-cli docs/tools/mcp-server.md: `$VAR` and `${VAR}` in settings.
        assert!(unexpanded(gemini, "headers", "Bearer $GITHUB_MCP_PAT").is_empty());
        assert!(unexpanded(gemini, "env", "${API_KEY}").is_empty());
        assert_eq!(
            unexpanded(gemini, "env", "${env:API_KEY}"),
            ["${env:API_KEY}"]
        );
    }

    #[test]
    fn mcp_hub_has_no_operators() {
        let hub = &clients::mcp_hub::MCP_HUB;
        // ravitemer/mcp-hub src/utils/env-resolver.js: `${VAR}`, `${env:VAR}`, `${cmd: ...}`;
        // `${VAR:-default}` is an error there.
        assert!(unexpanded(hub, "env", "${env:TOKEN}").is_empty());
        assert!(unexpanded(hub, "env", "${cmd: op read op://vault/item/key}").is_empty());
        assert_eq!(
            unexpanded(hub, "url", "${URL:-https://x}"),
            ["${URL:-https://x}"]
        );
    }

    #[test]
    fn templates_use_the_full_grammar() {
        let t = &clients::template::TEMPLATE;
        for src in [
            "${A:-${B:-x}}",
            "${env:A}",
            "$$",
            "${A:+y}",
            "${input:api-key}",
        ] {
            assert!(unexpanded(t, "env", src).is_empty(), "{src}");
        }
    }
}
