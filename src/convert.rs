//! `render --to`: the same servers in another client's config format.
//!
//! Shapes (`mcpServers` vs `servers` + `inputs` vs a bare map), reference syntaxes (`${VAR}` vs
//! `${env:VAR}`), transport names (`streamable-http` vs `http`) and fields differ between
//! clients. Whatever the target cannot express is reported as a warning, never dropped silently.

use serde_json::{Map, Value, json};

use crate::env::template::{self, Grammar, Op, Piece, Reference};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// `claude_desktop_config.json`: stdio only; remote servers through `mcp-remote`.
    ClaudeDesktop,
    /// `.mcp.json`: `${VAR}` and `${VAR:-default}`; types stdio, http, sse.
    ClaudeCode,
    /// `.cursor/mcp.json`: `${env:VAR}`.
    Cursor,
    /// `.vscode/mcp.json`: `servers` and `inputs`, `${env:VAR}`.
    Vscode,
    /// An MCP hub's `mcp-servers.json`: a bare map, `${VAR}`, `streamable-http`.
    McpHub,
}

impl Target {
    pub const ALL: &[Target] = &[
        Target::ClaudeDesktop,
        Target::ClaudeCode,
        Target::Cursor,
        Target::Vscode,
        Target::McpHub,
    ];

    /// The name `render --to` takes.
    pub fn name(self) -> &'static str {
        match self {
            Target::ClaudeDesktop => "claude-desktop",
            Target::ClaudeCode => "claude-code",
            Target::Cursor => "cursor",
            Target::Vscode => "vscode",
            Target::McpHub => "mcp-hub",
        }
    }

    /// One line for `--help`: the file and what the format allows.
    pub fn help(self) -> &'static str {
        match self {
            Target::ClaudeDesktop => {
                "`claude_desktop_config.json`: stdio only; remote servers through `mcp-remote`"
            }
            Target::ClaudeCode => {
                "`.mcp.json`: `${VAR}` and `${VAR:-default}`; types stdio, http, sse"
            }
            Target::Cursor => "`.cursor/mcp.json`: `${env:VAR}`",
            Target::Vscode => "`.vscode/mcp.json`: `servers` and `inputs`, `${env:VAR}`",
            Target::McpHub => {
                "An MCP hub's `mcp-servers.json`: a bare map, `${VAR}`, `streamable-http`"
            }
        }
    }

    fn title(self) -> &'static str {
        match self {
            Target::ClaudeDesktop => "Claude Desktop",
            Target::ClaudeCode => "Claude Code",
            Target::Cursor => "Cursor",
            Target::Vscode => "VS Code",
            Target::McpHub => "an MCP hub",
        }
    }

    /// The fields an entry may carry in the target, besides the transport's own.
    fn fields(self) -> &'static [&'static str] {
        match self {
            Target::ClaudeDesktop => &["command", "args", "env"],
            Target::ClaudeCode => &["type", "command", "args", "env", "url", "headers", "oauth"],
            Target::Cursor => &["command", "args", "env", "url", "headers"],
            Target::Vscode => &[
                "type", "command", "args", "env", "envFile", "cwd", "url", "headers",
            ],
            Target::McpHub => &[
                "type",
                "command",
                "args",
                "env",
                "cwd",
                "url",
                "headers",
                "disabled",
                "note",
                "description",
                "autoApprove",
                "alwaysAllow",
                "disabledTools",
                "timeout",
                "envFile",
                "oauth",
            ],
        }
    }
}

pub struct Converted {
    pub root: Value,
    pub warnings: Vec<String>,
}

struct Ctx {
    target: Target,
    keep_vars: bool,
    warnings: Vec<String>,
}

/// Converts a config to `target`'s format: `root` as written with `keep_vars`, else resolved.
/// `resolved` is the resolved config, used where the target cannot express a reference.
pub fn convert(root: &Value, resolved: &Value, target: Target, keep_vars: bool) -> Converted {
    let mut ctx = Ctx {
        target,
        keep_vars,
        warnings: Vec::new(),
    };
    let (servers, inputs) = split(root);
    let (resolved_servers, _) = split(resolved);
    let mut out = Map::new();
    for (name, entry) in servers {
        let resolved_entry = resolved_servers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, e)| *e);
        if let Some(converted) = ctx.entry(name, entry, resolved_entry) {
            out.insert(name.clone(), converted);
        }
    }
    if inputs.is_some() && target != Target::Vscode {
        ctx.warnings.push(format!(
            "`inputs` (VS Code prompts) have no equivalent in {}: dropped",
            target.title()
        ));
    }
    let root = match target {
        Target::Vscode => {
            let mut m = Map::new();
            m.insert("servers".into(), Value::Object(out));
            m.insert(
                "inputs".into(),
                inputs.cloned().unwrap_or_else(|| json!([])),
            );
            Value::Object(m)
        }
        Target::McpHub => Value::Object(out),
        _ => json!({ "mcpServers": out }),
    };
    let mut warnings = ctx.warnings;
    let mut seen = std::collections::HashSet::new();
    warnings.retain(|w| seen.insert(w.clone()));
    Converted { root, warnings }
}

/// The servers of any shape, and VS Code's inputs.
fn split(root: &Value) -> (Vec<(&String, &Value)>, Option<&Value>) {
    let servers = crate::pipeline::servers_in(root)
        .map(|map| {
            map.iter()
                .filter(|(k, _)| k.as_str() != "$schema")
                .collect()
        })
        .unwrap_or_default();
    (servers, root.get("inputs"))
}

impl Ctx {
    fn entry(&mut self, name: &str, entry: &Value, resolved: Option<&Value>) -> Option<Value> {
        let Value::Object(e) = entry else {
            return Some(entry.clone());
        };
        let target = self.target;
        if e.get("disabled") == Some(&Value::Bool(true)) && !target.fields().contains(&"disabled") {
            self.warnings.push(format!(
                "server `{name}` is disabled, which {} cannot say: left out",
                target.title()
            ));
            return None;
        }
        let remote = e.contains_key("url") && !e.contains_key("command");
        let mut out = Map::new();
        if remote && target == Target::ClaudeDesktop {
            return Some(self.bridge(name, e, resolved));
        }
        for (key, value) in e {
            match key.as_str() {
                "type" => {
                    let t = value.as_str().unwrap_or("stdio");
                    if let Some(t) = self.transport(t, remote) {
                        out.insert("type".into(), json!(t));
                    }
                }
                "env" if remote && target != Target::McpHub => {
                    self.warnings.push(format!(
                        "the `env` of remote server `{name}` has no meaning in {}: dropped{}",
                        target.title(),
                        if self.keep_vars {
                            " (references to it are not resolved)"
                        } else {
                            " (its values are already resolved into the other fields)"
                        }
                    ));
                }
                "disabled"
                    if value == &Value::Bool(false) && !target.fields().contains(&"disabled") => {}
                k if target.fields().contains(&k) => {
                    let r = resolved.and_then(|r| r.get(key));
                    out.insert(key.clone(), self.value(name, value, r));
                }
                _ => self.warnings.push(format!(
                    "`{key}` of server `{name}` has no place in {}: dropped",
                    target.title()
                )),
            }
        }
        if !out.contains_key("type") && matches!(target, Target::ClaudeCode | Target::Vscode) {
            out.insert("type".into(), json!(if remote { "http" } else { "stdio" }));
        }
        Some(Value::Object(out))
    }

    /// The transport name in the target, or none where the target infers it.
    fn transport(&mut self, t: &str, remote: bool) -> Option<&'static str> {
        let http = matches!(t, "http" | "streamable-http" | "streamableHttp");
        match (self.target, remote) {
            (Target::Cursor, _) => None,
            (_, false) => (self.target != Target::McpHub).then_some("stdio"),
            (Target::McpHub, true) => Some(if http { "streamable-http" } else { "sse" }),
            (_, true) => Some(if http { "http" } else { "sse" }),
        }
    }

    /// A remote server for Claude Desktop, through the `mcp-remote` stdio bridge.
    fn bridge(&mut self, name: &str, e: &Map<String, Value>, resolved: Option<&Value>) -> Value {
        let r = |key: &str| resolved.and_then(|r| r.get(key));
        let mut args = vec![json!("-y"), json!("mcp-remote")];
        if let Some(url) = e.get("url") {
            args.push(self.value(name, url, r("url")));
        }
        if e.get("type").and_then(Value::as_str) == Some("sse") {
            args.extend([json!("--transport"), json!("sse-only")]);
        }
        if let Some(Value::Object(headers)) = e.get("headers") {
            for (h, v) in headers {
                let v = self.value(name, v, r("headers").and_then(|r| r.get(h)));
                args.extend([
                    json!("--header"),
                    json!(format!("{h}: {}", v.as_str().unwrap_or(""))),
                ]);
            }
        }
        for key in e.keys() {
            if !["type", "url", "headers", "env", "disabled"].contains(&key.as_str()) {
                self.warnings.push(format!(
                    "`{key}` of server `{name}` has no place in Claude Desktop: dropped"
                ));
            }
        }
        let mut out = Map::new();
        out.insert("command".into(), json!("npx"));
        out.insert("args".into(), Value::Array(args));
        if let Some(env) = e.get("env") {
            out.insert("env".into(), self.value(name, env, r("env")));
        }
        Value::Object(out)
    }

    /// `v` as written (references rewritten), or its `resolved` twin where the target cannot
    /// write a reference.
    fn value(&mut self, server: &str, v: &Value, resolved: Option<&Value>) -> Value {
        match v {
            Value::String(s) if self.keep_vars => match self.references(server, s) {
                Some(written) => json!(written),
                None => {
                    let value = resolved.cloned().unwrap_or_else(|| v.clone());
                    self.warnings.push(format!(
                        "`{s}` in server `{server}` cannot be written as a reference in {}: its \
                         resolved value is written instead",
                        self.target.title()
                    ));
                    value
                }
            },
            Value::Array(items) => Value::Array(
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| self.value(server, item, resolved.and_then(|r| r.get(i))))
                    .collect(),
            ),
            Value::Object(m) => Value::Object(
                m.iter()
                    .map(|(k, v)| {
                        let r = resolved.and_then(|r| r.get(k));
                        (k.clone(), self.value(server, v, r))
                    })
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    /// Rewrites `${...}` references in the target's syntax; `None` when the target has no way
    /// to write one of them.
    fn references(&mut self, server: &str, s: &str) -> Option<String> {
        if !template::has_dollar(s) {
            return Some(s.to_owned());
        }
        let Ok(pieces) = template::parse(s, Grammar::Config) else {
            return Some(s.to_owned());
        };
        let mut out = String::new();
        self.write_pieces(server, s, &pieces, &mut out)
            .then_some(out)
    }

    fn write_pieces(
        &mut self,
        server: &str,
        src: &str,
        pieces: &[Piece],
        out: &mut String,
    ) -> bool {
        let target = self.target;
        for piece in pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Dollar => out.push_str(if target == Target::McpHub { "$$" } else { "$" }),
                Piece::Expr(e) => match &e.kind {
                    Reference::Var { name, op } => {
                        let reference = match target {
                            Target::Vscode | Target::Cursor => format!("${{env:{name}}}"),
                            _ => format!("${{{name}}}"),
                        };
                        match op {
                            None => out.push_str(&reference),
                            Some((op, operand))
                                if matches!(target, Target::ClaudeCode | Target::McpHub)
                                    && matches!(op, Op::Default { .. })
                                    || target == Target::McpHub =>
                            {
                                out.push_str(&format!("${{{name}{}", op.as_str()));
                                if !self.write_pieces(server, src, operand, out) {
                                    return false;
                                }
                                out.push('}');
                            }
                            Some(_) => return false,
                        }
                    }
                    Reference::Runtime if target != Target::Vscode => {
                        self.warnings.push(format!(
                            "`{}` in server `{server}` is filled in by VS Code only: left as written",
                            &src[e.span.clone()]
                        ));
                        out.push_str(&src[e.span.clone()]);
                    }
                    _ => out.push_str(&src[e.span.clone()]),
                },
            }
        }
        if target == Target::ClaudeDesktop && pieces.iter().any(|p| matches!(p, Piece::Expr(_))) {
            self.warnings.push(format!(
                "Claude Desktop does not expand variables: server `{server}` gets `{src}` as written"
            ));
        }
        true
    }
}
