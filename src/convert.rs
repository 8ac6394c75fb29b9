//! `render --to`: the same servers in another client's config format.
//!
//! Shapes (`mcpServers` vs `servers` + `inputs` vs a bare map), reference syntaxes (`${VAR}` vs
//! `${env:VAR}`), transport names (`streamable-http` vs `http`) and fields differ between
//! clients. Whatever the target cannot express is reported as a warning, never dropped silently.

use serde_json::{Map, Value, json};

use crate::clients::{Client, Kind, Mode, Servers, Untyped};
use crate::env::template::{self, Grammar, Op, Piece, Reference};
use crate::schema::URL_FIELDS;

/// A client `render --to` can write for: one that reads its file directly, or mcplint's own
/// template format; `generic` is not a target.
pub fn is_target(client: &Client) -> bool {
    client.id != "generic"
}

pub struct Converted {
    pub root: Value,
    pub warnings: Vec<String>,
}

struct Ctx {
    target: &'static Client,
    keep_vars: bool,
    warnings: Vec<String>,
}

/// Converts a config to `target`'s format: `root` as written with `keep_vars`, else resolved.
/// `resolved` is the resolved config, used where the target cannot express a reference.
pub fn convert(
    root: &Value,
    resolved: &Value,
    target: &'static Client,
    keep_vars: bool,
) -> Converted {
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
    let has_inputs = target.grammar.value.inputs && target.mode == Mode::Direct;
    if inputs.is_some() && !has_inputs && target.mode == Mode::Direct {
        ctx.warnings.push(format!(
            "`inputs` (VS Code prompts) have no equivalent in {}: dropped",
            target.name
        ));
    }
    let servers = match target.servers.value {
        Servers::Map => Value::Object(out),
        // Continue: a list, each server named by a field of its own.
        Servers::List { name_field } => Value::Array(
            out.into_iter()
                .map(|(name, entry)| {
                    let mut named = Map::new();
                    named.insert(name_field.into(), json!(name));
                    if let Value::Object(fields) = entry {
                        named.extend(fields);
                    }
                    Value::Object(named)
                })
                .collect(),
        ),
    };
    let root = match target.roots.value.first() {
        None => servers,
        Some(key) => {
            let mut m = Map::new();
            for (k, v) in target.preamble.value {
                m.insert((*k).into(), json!(v));
            }
            m.insert((*key).into(), servers);
            if has_inputs {
                m.insert(
                    "inputs".into(),
                    inputs.cloned().unwrap_or_else(|| json!([])),
                );
            }
            Value::Object(m)
        }
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
        let disabled = e.get("disabled") == Some(&Value::Bool(true));
        if disabled && !target.reads("disabled") && !target.reads("enabled") {
            self.warnings.push(format!(
                "server `{name}` is disabled, which {} cannot say: left out",
                target.name
            ));
            return None;
        }
        let url_key = URL_FIELDS.iter().copied().find(|k| e.contains_key(*k));
        let remote = url_key.is_some() && !e.contains_key("command");
        let mut out = Map::new();
        let starts_remote = target
            .transports
            .value
            .iter()
            .any(|(_, k)| *k == Kind::Remote);
        if remote && !starts_remote {
            return Some(self.bridge(name, e, resolved));
        }
        let (named_rest, named) = self.named(e);
        let e = &named_rest;
        if e.get("type").and_then(Value::as_str) == Some("sse") && target.transport("sse").is_none()
        {
            self.warnings.push(format!(
                "server `{name}` is an SSE server, which {} does not start: it is written as a \
                 Streamable HTTP server, which its URL may not serve",
                target.name
            ));
        }
        let required = |field: &str| target.required.value.contains(&field);
        if target.reads("enabled") && !target.reads("disabled") && (disabled || required("enabled"))
        {
            // Codex, Zed and Goose say `enabled` (Goose requires it).
            out.insert("enabled".into(), json!(!disabled));
        }
        if required("name") && target.servers.value == Servers::Map {
            out.insert("name".into(), json!(name));
        }
        for (key, value) in e {
            match key.as_str() {
                "type" => {
                    let t = value.as_str().unwrap_or("stdio");
                    if let Some(t) = self.transport(t, remote) {
                        out.insert("type".into(), json!(t));
                    }
                }
                // A URL goes under the name the target gives it (`serverUrl` for Windsurf).
                k if Some(k) == url_key && remote => {
                    let own = target.url_fields.value.first().copied().unwrap_or("url");
                    let r = resolved.and_then(|r| r.get(key));
                    out.insert(own.to_owned(), self.value(name, value, r));
                }
                "env" if remote && target.mode == Mode::Direct => {
                    self.warnings.push(format!(
                        "the `env` of remote server `{name}` has no meaning in {}: dropped{}",
                        target.name,
                        if self.keep_vars {
                            " (references to it are not resolved)"
                        } else {
                            " (its values are already resolved into the other fields)"
                        }
                    ));
                }
                "disabled" if !target.reads("disabled") && target.reads("enabled") => {}
                "disabled" if value == &Value::Bool(false) && !target.reads("disabled") => {}
                k if target.reads(k) => {
                    let r = resolved.and_then(|r| r.get(key));
                    out.insert(key.clone(), self.value(name, value, r));
                }
                // The same field under the target's name (`cmd`, `envs`, `http_headers`).
                k if let Some(own) = crate::clients::own_name_for(target, k) => {
                    let r = resolved.and_then(|r| r.get(key));
                    out.insert(own.to_owned(), self.value(name, value, r));
                }
                // Continue keeps a remote server's headers in `requestOptions`.
                "headers" if target.reads("requestOptions") => {
                    let r = resolved.and_then(|r| r.get(key));
                    out.insert(
                        "requestOptions".into(),
                        json!({ "headers": self.value(name, value, r) }),
                    );
                }
                _ => self.warnings.push(format!(
                    "`{key}` of server `{name}` has no place in {}: dropped",
                    target.name
                )),
            }
        }
        if !out.contains_key("type") && writes_type(target) {
            let sse = url_key
                .and_then(|k| e.get(k))
                .and_then(Value::as_str)
                .is_some_and(|u| u.trim_end_matches('/').ends_with("/sse"));
            if let Some(t) = target.transport_name(remote, sse) {
                out.insert("type".into(), json!(t));
            }
        }
        if !remote && required("args") && !out.contains_key("args") {
            out.insert("args".into(), json!([]));
        }
        out.extend(named);
        Some(Value::Object(out))
    }

    /// Codex and Goose name a secret's variable in a field instead of referencing it inside a
    /// string. With `--keep-vars`, `KEY: ${KEY}` in `env` goes to `env_vars` (`env_keys`),
    /// `Authorization: Bearer ${X}` to `bearer_token_env_var`, a header that is only `${X}` to
    /// `env_http_headers`, where the target reads those fields. Returns the entry without what
    /// moved, and the fields to add.
    fn named(&self, e: &Map<String, Value>) -> (Map<String, Value>, Map<String, Value>) {
        let target = self.target;
        let mut rest = e.clone();
        let mut extra = Map::new();
        if !self.keep_vars
            || !matches!(
                target.reference.value,
                crate::clients::Reference::Named { .. }
            )
        {
            return (rest, extra);
        }
        let var = |s: &str| -> Option<String> {
            let inner = s.strip_prefix("${")?.strip_suffix('}')?;
            let inner = inner.strip_prefix("env:").unwrap_or(inner);
            let ok = inner.bytes().next().is_some_and(|b| !b.is_ascii_digit())
                && inner
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_');
            ok.then(|| inner.to_owned())
        };
        let list = ["env_vars", "env_keys"]
            .into_iter()
            .find(|f| target.reads(f));
        if let (Some(list), Some(Value::Object(env))) = (list, rest.get_mut("env")) {
            let names: Vec<String> = env
                .iter()
                .filter_map(|(k, v)| v.as_str().and_then(var).filter(|n| n == k))
                .collect();
            for n in &names {
                env.remove(n);
            }
            if !names.is_empty() {
                extra.insert(list.into(), json!(names));
            }
            if env.is_empty() {
                rest.remove("env");
            }
        }
        if let Some(Value::Object(headers)) = rest.get_mut("headers") {
            let bearer = headers
                .get("Authorization")
                .and_then(Value::as_str)
                .and_then(|v| v.strip_prefix("Bearer "))
                .and_then(var);
            if let Some(n) = bearer.filter(|_| target.reads("bearer_token_env_var")) {
                headers.remove("Authorization");
                extra.insert("bearer_token_env_var".into(), json!(n));
            }
            if target.reads("env_http_headers") {
                let from_env: Map<String, Value> = headers
                    .iter()
                    .filter_map(|(h, v)| Some((h.clone(), json!(v.as_str().and_then(var)?))))
                    .collect();
                for h in from_env.keys() {
                    headers.remove(h);
                }
                if !from_env.is_empty() {
                    extra.insert("env_http_headers".into(), Value::Object(from_env));
                }
            }
            if headers.is_empty() {
                rest.remove("headers");
            }
        }
        (rest, extra)
    }

    /// The transport name in the target, or none where the target infers it.
    fn transport(&mut self, t: &str, remote: bool) -> Option<&'static str> {
        let target = self.target;
        if !target.reads("type")
            || (!remote && !writes_type(target) && target.mode == Mode::Template)
        {
            return None;
        }
        if target.mode == Mode::Template {
            return Some(if matches!(t, "sse") {
                "sse"
            } else {
                "streamable-http"
            });
        }
        target.transport_name(remote, t == "sse")
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
                    "`{key}` of server `{name}` has no place in {}: dropped",
                    self.target.name
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
                        self.target.name
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
        if !crate::env::dollar::has_dollar(s) {
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
        let g = target.grammar.value;
        for piece in pieces {
            match piece {
                Piece::Text(t) => out.push_str(t),
                Piece::Dollar => out.push_str(if g.dollar_escape { "$$" } else { "$" }),
                Piece::Expr(e) => match &e.kind {
                    Reference::Var { name, op } => {
                        let Some(reference) = (match target.mode {
                            Mode::Template => Some(format!("${{{name}}}")),
                            Mode::Direct => target.reference.value.to(name),
                        }) else {
                            return false;
                        };
                        match op {
                            None => out.push_str(&reference),
                            Some((op, operand))
                                if g.all_operators
                                    || g.default && *op == Op::Default { colon: true } =>
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
                    Reference::Runtime if !g.inputs => {
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
        if target.mode == Mode::Direct
            && target.grammar.value == crate::clients::Grammar::NONE
            && pieces.iter().any(|p| matches!(p, Piece::Expr(_)))
        {
            self.warnings.push(format!(
                "{} does not expand variables: server `{server}` gets `{src}` as written",
                target.name
            ));
        }
        true
    }
}

/// Whether entries for `target` say their transport even where it could be inferred.
fn writes_type(target: &Client) -> bool {
    target.reads("type")
        && (target.writes_type.value || target.untyped.value == Untyped::UrlNeedsType)
}
