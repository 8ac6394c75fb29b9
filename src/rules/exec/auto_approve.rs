//! `exec/auto-approve`: tools a client runs without asking the user.

use jsonc_parser::ast::Value;
use jsonc_parser::common::Ranged;

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, Severity, rule};
use crate::rules::context::{Check, EntryContext, Hooks};

rule! {
    /// ## What it does
    /// Reports a server whose tools the client runs without asking: Cline's `autoApprove`
    /// and Roo Code's `alwaysAllow` listing `*` or a tool that changes things (its name has a
    /// word such as `write`, `edit`, `delete`, `exec`, `run`, `shell`, `push`, `create`,
    /// `update`, `deploy`, `send`), and Gemini CLI's `"trust": true`. Read-only tools
    /// (`read_file`, `list_issues`, `search`) are not reported.
    ///
    /// What each field does is taken from each client's code or docs (cited in the source);
    /// where it is not confirmed (Cline treating `*` as every tool, Kiro's `autoApprove`, a
    /// file whose client is unknown) the finding is `info`.
    ///
    /// ## Why is this bad?
    /// The confirmation prompt is the one moment a person sees what the model is about to do
    /// with a tool. A prompt injection in a web page, an issue or a file can ask the model to
    /// push code, delete data or run a command; with the tool approved in advance nobody is
    /// asked. The MCP specification asks that a human can deny a tool invocation, and names
    /// tool calls that change things as the ones to confirm. A `warning`: approving read-only
    /// tools is a reasonable convenience and passes.
    ///
    /// ## Example
    /// ```json .roo/mcp.json
    /// {
    ///   "mcpServers": {
    ///     "github": {
    ///       "command": "github-mcp-server",
    ///       "args": ["stdio"],
    ///       "alwaysAllow": ["*"]
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: approve the tools that only read, and let the client ask for the rest.
    /// ```json .roo/mcp.json
    /// {
    ///   "mcpServers": {
    ///     "github": {
    ///       "command": "github-mcp-server",
    ///       "args": ["stdio"],
    ///       "alwaysAllow": ["get_issue", "list_pull_requests", "search_code"]
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - MCP specification, Tools, "Security Considerations" ("there SHOULD always be a human
    ///   in the loop with the ability to deny tool invocations"):
    ///   <https://modelcontextprotocol.io/specification/2025-06-18/server/tools#security-considerations>
    /// - MCP specification, Security Best Practices:
    ///   <https://modelcontextprotocol.io/specification/draft/basic/security_best_practices>
    /// - Cline, `autoApprove: string[]`, tool names (cline/cline
    ///   apps/vscode/src/services/mcp/schemas.ts@21cb8d2525bcedf1f4b6890b27a74a14fe7451e4, l.10, 18)
    /// - Roo Code, `alwaysAllow`, `"*"` for every tool (RooCodeInc/Roo-Code
    ///   src/services/mcp/McpHub.ts@cb836567180a3ff1da6d082f3178b90c3bd22a70, l.1015-1030)
    /// - Gemini CLI, `trust` "bypasses all tool call confirmations for this server"
    ///   (google-gemini/gemini-cli docs/tools/mcp-server.md@5411f113cafae26161b4969b0237b8e1e024e2c2, l.173-174):
    ///   <https://geminicli.com/docs/tools/mcp-server>
    AUTO_APPROVE, "exec/auto-approve", Warning, "tools the client runs without asking: autoApprove/alwaysAllow with * or write-capable tools, Gemini CLI trust"
}

pub struct AutoApprove;

/// What a client does with an approval list: its field, whether the list approves its tools
/// without asking (confirmed), and whether `*` means every tool (confirmed).
struct ListField {
    client: &'static str,
    field: &'static str,
    confirmed: bool,
    wildcard: bool,
}

/// Per client, from its code or docs; `confirmed: false` where only a third party says so.
const LISTS: &[ListField] = &[
    // cline/cline apps/vscode/src/services/mcp/schemas.ts@21cb8d25 l.10, 18: tool names;
    // no wildcard handling found (research/clients/cline.md §6): `*` is unconfirmed.
    ListField {
        client: "cline",
        field: "autoApprove",
        confirmed: true,
        wildcard: false,
    },
    // RooCodeInc/Roo-Code src/services/mcp/McpHub.ts@cb836567 l.1015-1030:
    // `hasWildcard = alwaysAllowConfig.includes("*")`.
    ListField {
        client: "roo",
        field: "alwaysAllow",
        confirmed: true,
        wildcard: true,
    },
    // https://kiro.dev/docs/mcp/configuration lists `autoApprove` (tool names); `*` only in a
    // third-party converter's docs: both unconfirmed.
    ListField {
        client: "kiro",
        field: "autoApprove",
        confirmed: false,
        wildcard: false,
    },
    // A template is rendered for either client: each field means what its client says.
    ListField {
        client: "template",
        field: "autoApprove",
        confirmed: true,
        wildcard: false,
    },
    ListField {
        client: "template",
        field: "alwaysAllow",
        confirmed: true,
        wildcard: true,
    },
];

/// Words in a tool's name that say it changes something.
const WRITE_WORDS: &[&str] = &[
    "write", "edit", "delete", "del", "remove", "rm", "exec", "execute", "run", "shell", "command",
    "cmd", "terminal", "push", "create", "update", "insert", "upsert", "drop", "deploy", "commit",
    "merge", "move", "rename", "kill", "send", "post", "publish", "upload", "install", "put",
    "patch", "modify", "replace", "apply", "eval", "truncate", "transfer", "pay", "purchase",
    "approve", "close", "archive", "fork", "invite",
];

/// Whether a tool's name says it changes something (`create_issue`, `writeFile`).
fn writes(tool: &str) -> bool {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in tool.chars() {
        if !c.is_ascii_alphanumeric() {
            words.push(std::mem::take(&mut word));
            prev_lower = false;
            continue;
        }
        if c.is_ascii_uppercase() && prev_lower {
            words.push(std::mem::take(&mut word));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        word.push(c.to_ascii_lowercase());
    }
    words.push(word);
    words.iter().any(|w| WRITE_WORDS.contains(&w.as_str()))
}

impl Check for AutoApprove {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&AUTO_APPROVE]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let id = cx.client.id;
        // Gemini CLI: google-gemini/gemini-cli docs/tools/mcp-server.md@5411f113 l.173-174,
        // "trust: bypasses all tool call confirmations for this server".
        // Which clients read `trust` is the registry's; what it does is cited for Gemini CLI
        // only, so another client's `trust` stays `info`.
        if cx.client.reads("trust")
            && let Some((_, Value::BooleanLit(b))) = cx.field("trust")
            && b.value
        {
            let severity = if id == "gemini-cli" {
                Severity::Warning
            } else {
                Severity::Info
            };
            out.push(
                cx.diagnostic(
                    &AUTO_APPROVE,
                    b.range.into(),
                    "trust",
                    format!(
                        "server `{}` is trusted (`\"trust\": true`): {} runs every one of its \
                         tools without asking",
                        cx.name, cx.client.name
                    ),
                )
                .severity(severity)
                .label("no confirmation")
                .help(
                    "remove `\"trust\": true`; keep the server's tools to those it needs with \
                     `includeTools`/`excludeTools`, and let the client ask before each call",
                ),
            );
        }
        for field in ["autoApprove", "alwaysAllow"] {
            let Some((_, Value::Array(items))) = cx.field(field) else {
                continue;
            };
            // Whether the client reads the field at all is the registry's (`src/clients/`);
            // what it does with it is the table above.
            let known = LISTS.iter().find(|l| l.client == id && l.field == field);
            if !cx.client.reads(field) || (known.is_none() && id != "generic") {
                // A field this client does not read: `schema/` reports it.
                continue;
            }
            let confirmed = known.is_some_and(|l| l.confirmed);
            let wildcard = known.is_some_and(|l| l.wildcard);
            for (i, item) in items.elements.iter().enumerate() {
                let Value::StringLit(tool) = item else {
                    continue;
                };
                let name: &str = &tool.value;
                let (what, sure) = if name == "*" {
                    ("every tool of the server".to_owned(), confirmed && wildcard)
                } else if writes(name) {
                    (format!("`{name}`, a tool that changes things,"), confirmed)
                } else {
                    continue;
                };
                let client = match id {
                    "generic" | "template" => "the client",
                    _ => cx.client.name,
                };
                let mut message = format!(
                    "`{field}` of server `{}` lets {client} run {what} without asking",
                    cx.name
                );
                if id == "generic" {
                    message.push_str(" (the file's client is unknown: name it with `--client`)");
                } else if !sure {
                    message.push_str(if name == "*" {
                        " (unconfirmed: no source says this client reads `*` as every tool)"
                    } else {
                        " (unconfirmed: only a third party documents what this field does here)"
                    });
                }
                out.push(
                    Diagnostic::new(
                        &AUTO_APPROVE,
                        cx.id,
                        item.range().into(),
                        format!("{}/{i}", cx.pointer(field)),
                        message,
                    )
                    .severity(if sure {
                        Severity::Warning
                    } else {
                        Severity::Info
                    })
                    .label("no confirmation")
                    .help(format!(
                        "list in `{field}` only tools that read (`get_…`, `list_…`, `search_…`), \
                         and let the client ask before the others"
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::writes;

    #[test]
    fn tools_that_change_things() {
        for t in [
            "create_issue",
            "writeFile",
            "push_files",
            "execute-command",
            "delete",
        ] {
            assert!(writes(t), "{t}");
        }
        for t in [
            "read_file",
            "list_issues",
            "search_code",
            "get_me",
            "browser_snapshot",
        ] {
            assert!(!writes(t), "{t}");
        }
    }
}
