//! `config/ignored-root`: servers under a top-level key the file's client does not read.

use jsonc_parser::ast::Value as Node;

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, Severity, rule};
use crate::rules::context::{Check, FileContext, Hooks};
use crate::tree::prop_name_span;

rule! {
    /// ## What it does
    /// Reports servers written under a top-level key that the file's client does not read:
    /// `mcpServers` in VS Code's `mcp.json` (which reads `servers`), `servers` in Claude
    /// Code's `.mcp.json` (which reads `mcpServers`). mcplint still checks them, so a token
    /// pasted there is found.
    ///
    /// ## Why is this bad?
    /// The client starts none of them, and says little or nothing about it: the servers
    /// simply do not appear.
    ///
    /// ## Example
    /// ```json .vscode/mcp.json
    /// { "mcpServers": { "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] } } }
    /// ```
    ///
    /// Use instead:
    /// ```json .vscode/mcp.json
    /// { "servers": { "memory": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-memory"] } } }
    /// ```
    ///
    /// ## References
    /// - VS Code: <https://code.visualstudio.com/docs/copilot/reference/mcp-configuration>
    /// - Claude Code: <https://code.claude.com/docs/en/mcp>
    IGNORED_ROOT, "config/ignored-root", Error, "servers under a top-level key the client does not read"
}

pub struct IgnoredRoot;

/// The keys that hold servers in some client's format.
const SERVER_KEYS: &[&str] = &["mcpServers", "servers"];

impl Check for IgnoredRoot {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&IGNORED_ROOT]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        let client = cx.client;
        let read = client.roots.value;
        if read.is_empty() {
            return; // mcplint's own formats take every shape
        }
        let reads_some = read.iter().any(|k| cx.root.get(k).is_some());
        for prop in &cx.root.properties {
            let key = prop.name.as_str();
            if !SERVER_KEYS.contains(&key) || read.contains(&key) {
                continue;
            }
            let Node::Object(servers) = &prop.value else {
                continue;
            };
            if servers.properties.is_empty() {
                continue;
            }
            let want = read[0];
            let (severity, consequence) = if reads_some {
                (Severity::Warning, "these servers never start")
            } else {
                (Severity::Error, "no server in this file starts")
            };
            out.push(
                Diagnostic::new(
                    &IGNORED_ROOT,
                    cx.id,
                    prop_name_span(prop),
                    format!("/{key}"),
                    format!(
                        "{} reads servers from `{want}`, not `{key}`: {consequence}",
                        client.name
                    ),
                )
                .severity(client.roots.cap(severity))
                .label("not read")
                .help(if reads_some {
                    format!("move these servers into `{want}`")
                } else {
                    format!("rename `{key}` to `{want}`")
                }),
            );
        }
    }
}
