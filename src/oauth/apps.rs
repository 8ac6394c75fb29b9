//! Each server's OAuth clients, gathered from its entry after expansion: `HF_REDIRECT_URI`,
//! `HF_CLIENT_ID`, ... grouped by prefix in `env` and `headers`, and the structured `oauth`
//! object of Claude Code and Gemini CLI.

use jsonc_parser::ast::{Object, Value as Node};

use crate::source::{FileId, Span};
use crate::tree::Path;

/// A value of the config that holds a redirect URI or a client id, after expansion.
#[derive(Debug, Clone)]
pub struct Setting {
    pub value: String,
    /// The config literal it comes from.
    pub span: Span,
    pub pointer: String,
    /// The `.env` line that defines it, when it came from one.
    pub defined_at: Option<(FileId, Span)>,
    /// The variable the value comes from, when it is one `${NAME}`.
    pub variable: Option<String>,
    /// The variable or field name, for messages.
    pub name: String,
}

/// One OAuth client of one server.
#[derive(Debug, Clone)]
pub struct App {
    pub server: String,
    pub prefix: String,
    pub redirect: Option<Setting>,
    pub client_id: Option<Setting>,
    /// `oauth.callbackPort`, for the `claude-code` profile.
    pub callback_port: Option<u16>,
}

const REDIRECT_SUFFIXES: &[&str] = &[
    "_REDIRECT_URI",
    "_REDIRECT_URL",
    "_CALLBACK_URL",
    "_CALLBACK_URI",
];
const CLIENT_ID_SUFFIX: &str = "_CLIENT_ID";

/// The OAuth clients of one server entry. `resolved` is the entry after expansion;
/// `origin` tells where a variable's value was defined.
pub fn apps(
    server: &str,
    node: &Object,
    resolved: &serde_json::Map<String, serde_json::Value>,
    path: &Path,
    origin: &dyn Fn(&str) -> Option<(FileId, Span)>,
) -> Vec<App> {
    let mut apps: Vec<App> = Vec::new();
    fn app_for<'a>(apps: &'a mut Vec<App>, server: &str, prefix: &str) -> &'a mut App {
        let i = match apps.iter().position(|a| a.prefix == prefix) {
            Some(i) => i,
            None => {
                apps.push(App {
                    server: server.to_owned(),
                    prefix: prefix.to_owned(),
                    redirect: None,
                    client_id: None,
                    callback_port: None,
                });
                apps.len() - 1
            }
        };
        &mut apps[i]
    }
    for block in ["env", "headers"] {
        let (Some(Node::Object(map)), Some(values)) = (
            node.properties
                .iter()
                .rev()
                .find(|p| p.name.as_str() == block)
                .map(|p| &p.value),
            crate::tree::get(resolved, block).and_then(serde_json::Value::as_object),
        ) else {
            continue;
        };
        let block_path = Path::Key(path, block);
        for prop in &map.properties {
            let key = prop.name.as_str();
            let Node::StringLit(lit) = &prop.value else {
                continue;
            };
            let Some(value) = crate::tree::get(values, key).and_then(serde_json::Value::as_str)
            else {
                continue;
            };
            let setting = || Setting {
                value: value.to_owned(),
                span: lit.range.into(),
                pointer: Path::Key(&block_path, key).pointer(),
                defined_at: single_reference(&lit.value).and_then(origin),
                variable: single_reference(&lit.value).map(str::to_owned),
                name: key.to_owned(),
            };
            // The app is named by the key's upper-cased prefix, made only for a key that has
            // one of the suffixes (every env key and header is looked at).
            if let Some(prefix) = REDIRECT_SUFFIXES
                .iter()
                .find_map(|s| crate::ascii::strip_suffix_ignore_case(key, s))
            {
                app_for(&mut apps, server, &prefix.to_ascii_uppercase()).redirect = Some(setting());
            } else if let Some(prefix) =
                crate::ascii::strip_suffix_ignore_case(key, CLIENT_ID_SUFFIX)
            {
                app_for(&mut apps, server, &prefix.to_ascii_uppercase()).client_id =
                    Some(setting());
            }
        }
    }
    // The structured form of Claude Code and Gemini CLI.
    if let (Some(Node::Object(map)), Some(values)) = (
        node.properties
            .iter()
            .rev()
            .find(|p| p.name.as_str() == "oauth")
            .map(|p| &p.value),
        crate::tree::get(resolved, "oauth").and_then(serde_json::Value::as_object),
    ) {
        let oauth_path = Path::Key(path, "oauth");
        let app = app_for(&mut apps, server, "oauth");
        for prop in &map.properties {
            let key = prop.name.as_str();
            match (&prop.value, crate::tree::get(values, key)) {
                (Node::StringLit(lit), Some(serde_json::Value::String(value))) => {
                    let setting = Setting {
                        value: value.clone(),
                        span: lit.range.into(),
                        pointer: Path::Key(&oauth_path, key).pointer(),
                        defined_at: single_reference(&lit.value).and_then(origin),
                        variable: single_reference(&lit.value).map(str::to_owned),
                        name: format!("oauth.{key}"),
                    };
                    match key {
                        "redirectUri" | "redirect_uri" => app.redirect = Some(setting),
                        "clientId" | "client_id" => app.client_id = Some(setting),
                        _ => {}
                    }
                }
                (Node::NumberLit(_), Some(v)) if key == "callbackPort" => {
                    app.callback_port = v.as_u64().and_then(|p| u16::try_from(p).ok());
                }
                _ => {}
            }
        }
    }
    apps
}

/// `NAME` when a value is exactly `${NAME}` (or `${env:NAME}`).
fn single_reference(raw: &str) -> Option<&str> {
    let inner = raw.strip_prefix("${")?.strip_suffix('}')?;
    let inner = inner.strip_prefix("env:").unwrap_or(inner);
    inner
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        .then_some(inner)
}
