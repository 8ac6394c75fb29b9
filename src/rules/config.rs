//! `config/`: mistakes a schema expresses badly, found on each server entry.

use std::collections::HashSet;

use jsonc_parser::ast::{Object, Value as Node};

use crate::diagnostic::Diagnostic;
use crate::registry::rule;
use crate::source::{FileId, Span};
use crate::tree::{Path, prop_name_span};

rule! {
    /// ## What it does
    /// Reports an entry that has both `command` (a local stdio server) and `url` (a remote one).
    ///
    /// ## Why is this bad?
    /// A server is one or the other, and clients disagree on which field wins: one starts the
    /// process, another connects to the URL, a third rejects the entry.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "command": "npx", "args": ["mcp-remote"], "url": "https://huggingface.co/mcp" } }
    /// ```
    ///
    /// Use instead: keep the one you mean.
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp" } }
    /// ```
    COMMAND_AND_URL, "config/command-and-url", Error, "an entry has both `command` and `url`"
}

rule! {
    /// ## What it does
    /// Reports `"type": "stdio"` on an entry that has a `url`.
    ///
    /// ## Why is this bad?
    /// A stdio server is a local process; the client never connects to the URL, and without a
    /// `command` it has nothing to start.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "stdio", "url": "https://huggingface.co/mcp" } }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp" } }
    /// ```
    STDIO_WITH_URL, "config/stdio-with-url", Error, "`type: stdio` on an entry with a `url`"
}

rule! {
    /// ## What it does
    /// Reports a `command` that is empty or only whitespace.
    ///
    /// ## Why is this bad?
    /// The client has no program to start; the server fails with a spawn error that does not
    /// name the entry.
    ///
    /// ## Example
    /// ```json
    /// { "fs": { "command": "", "args": ["@modelcontextprotocol/server-filesystem"] } }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem"] } }
    /// ```
    EMPTY_COMMAND, "config/empty-command", Error, "`command` is empty"
}

rule! {
    /// ## What it does
    /// Reports a remote entry (`url`) without a `type`.
    ///
    /// ## Why is this bad?
    /// Clients disagree on the default transport for a bare `url`: some assume the older SSE
    /// transport, others Streamable HTTP. The same config then works in one client and fails
    /// to connect in another.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "url": "https://huggingface.co/mcp" } }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp" } }
    /// ```
    MISSING_TYPE, "config/missing-type", Warning, "a remote entry does not say its transport"
}

rule! {
    /// ## What it does
    /// Reports a `url` that is not an absolute `http://` or `https://` URL. URLs built from
    /// `${VAR}` references are left alone.
    ///
    /// ## Why is this bad?
    /// The client cannot connect; the error it prints rarely names the entry.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "http", "url": "huggingface.co/mcp" } }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "hf": { "type": "http", "url": "https://huggingface.co/mcp" } }
    /// ```
    INVALID_URL, "config/invalid-url", Error, "`url` is not an absolute http(s) URL"
}

rule! {
    /// ## What it does
    /// Reports a remote `url` over plain `http://` to a host that is not the local machine
    /// (`localhost`, `127.0.0.0/8`, `::1`).
    ///
    /// ## Why is this bad?
    /// Everything the client sends, including the `Authorization` header and OAuth tokens,
    /// crosses the network in clear text.
    ///
    /// ## Example
    /// ```json
    /// { "tools": { "type": "sse", "url": "http://mcp.example.com/sse" } }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "tools": { "type": "sse", "url": "https://mcp.example.com/sse" } }
    /// ```
    INSECURE_URL, "config/insecure-url", Warning, "a remote server is reached over plain http"
}

rule! {
    /// ## What it does
    /// Reports a placeholder where a secret belongs: `<YOUR_API_KEY>`, `your_token_here`,
    /// `changeme`, `sk-xxxxxxxx`, in an `env` variable or header named like a secret, after
    /// `Bearer`, after `--token`, or as a URL's password.
    ///
    /// ## Why is this bad?
    /// The server starts and fails to authenticate, often with an error that does not say why.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "http", "url": "https://huggingface.co/mcp",
    ///           "headers": { "Authorization": "Bearer <YOUR_HF_TOKEN>" } } }
    /// ```
    ///
    /// Use instead: `"Authorization": "Bearer ${HF_TOKEN}"` with the real value in `.env`.
    PLACEHOLDER_VALUE, "config/placeholder-value", Warning, "a placeholder where a real secret belongs"
}

rule! {
    /// ## What it does
    /// Notes a `// mcplint-ignore RULE: reason` comment that suppressed no finding: the rule
    /// named does not fire on the line it applies to (the next line, or its own line when the
    /// comment ends a line).
    ///
    /// ## Why is this bad?
    /// A stale suppression hides the next real finding of that rule on that line.
    ///
    /// ## Example
    /// ```jsonc
    /// // mcplint-ignore secret/generic: test fixture
    /// "LOG_LEVEL": "debug",
    /// ```
    ///
    /// Use instead: remove the comment.
    UNUSED_SUPPRESSION, "config/unused-suppression", Info, "a suppression that suppresses nothing"
}

rule! {
    /// ## What it does
    /// Reports a mistake in mcplint's own `.mcplint.json`: an unknown key, a value of the
    /// wrong type, a rule id that does not exist, a severity that is not `off`, `info`,
    /// `warning` or `error`.
    ///
    /// ## Why is this bad?
    /// A setting that is not understood is not applied: a rule meant to be off stays on, or
    /// the other way round.
    ///
    /// ## Example
    /// ```json
    /// { "rules": { "secret/generic": "warn" } }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "rules": { "secret/generic": "warning" } }
    /// ```
    INVALID_SETTINGS, "config/invalid-settings", Error, "a mistake in `.mcplint.json`"
}

/// A server entry as it sits in the file.
pub struct Entry<'e, 'a> {
    pub id: FileId,
    pub name: &'e str,
    pub name_span: Span,
    pub node: &'e Object<'a>,
    pub path: &'e Path<'e>,
}

impl<'a> Entry<'_, 'a> {
    /// The last property called `key` (the one parsers keep), with the span of its key.
    fn field(&self, key: &str) -> Option<(Span, &Node<'a>)> {
        let prop = self
            .node
            .properties
            .iter()
            .rev()
            .find(|p| p.name.as_str() == key)?;
        Some((prop_name_span(prop), &prop.value))
    }

    fn string(&self, key: &str) -> Option<(Span, &str)> {
        match self.field(key)? {
            (_, Node::StringLit(s)) => Some((s.range.into(), s.value.as_ref())),
            _ => None,
        }
    }

    /// The pointer of a field, or of the entry itself for `""`.
    fn pointer(&self, key: &str) -> String {
        if key.is_empty() {
            self.path.pointer()
        } else {
            Path::Key(self.path, key).pointer()
        }
    }

    fn diag(
        &self,
        rule: &'static crate::registry::Rule,
        span: Span,
        key: &str,
        msg: String,
    ) -> Diagnostic {
        Diagnostic::new(rule, self.id, span, self.pointer(key), msg)
    }
}

/// Runs the `config/` rules on one entry. Returns the field the schema should not see,
/// because a finding here already covers it (so one mistake is reported once).
/// `resolved` is the entry after expansion; `failed` holds the pointers whose expansion
/// failed (their values are not checked again).
pub fn check(
    entry: &Entry,
    resolved: Option<&serde_json::Map<String, serde_json::Value>>,
    failed: &HashSet<String>,
    out: &mut Vec<Diagnostic>,
) -> Option<&'static str> {
    let name = entry.name;
    let command = entry.field("command");
    let url = entry.field("url");
    let ty = entry.string("type").map(|(_, t)| t);
    let mut hidden = None;

    if let (Some((command_key, _)), Some((url_key, _))) = (command, url) {
        out.push(
            entry
                .diag(
                    &COMMAND_AND_URL,
                    url_key,
                    "url",
                    format!("server `{name}` has both `command` and `url`"),
                )
                .label("`url` makes it a remote server")
                .related(command_key, "`command` makes it a stdio server")
                .help(
                    "keep `command` for a local process or `url` for a remote endpoint; clients \
                     disagree on which one wins",
                ),
        );
        let remote = ty.is_some_and(|t| crate::schema::REMOTE_TYPES.contains(&t));
        hidden = Some(if remote { "command" } else { "url" });
    } else if let (Some("stdio"), Some((url_key, _))) = (ty, url) {
        let (type_span, _) = entry.string("type").unwrap_or((url_key, ""));
        out.push(
            entry
                .diag(
                    &STDIO_WITH_URL,
                    type_span,
                    "type",
                    format!("server `{name}` is `\"type\": \"stdio\"` but has a `url`"),
                )
                .label("stdio")
                .related(url_key, "a stdio server has no URL")
                .help(
                    "for a remote server use `\"type\": \"streamable-http\"` (or \"sse\"); for a \
                     local one, give `command` and remove `url`",
                ),
        );
        hidden = Some("url");
    }

    if let Some((span, command)) = entry.string("command")
        && command.trim().is_empty()
    {
        out.push(
            entry
                .diag(
                    &EMPTY_COMMAND,
                    span,
                    "command",
                    format!("server `{name}` has an empty `command`"),
                )
                .label("empty")
                .help("set the program to start, e.g. `\"command\": \"npx\"`"),
        );
    }

    if let Some((url_span, url)) = entry.string("url")
        && hidden != Some("url")
    {
        if ty.is_none() && command.is_none() {
            let suggested = if url.trim_end_matches('/').ends_with("/sse") {
                "sse"
            } else {
                "streamable-http"
            };
            out.push(
                entry
                    .diag(
                        &MISSING_TYPE,
                        entry.name_span,
                        "",
                        format!("remote server `{name}` does not say its transport (`type`)"),
                    )
                    .label("no `type`")
                    .help(format!(
                        "add `\"type\": \"{suggested}\"`; clients disagree on the default \
                         transport for a bare `url`"
                    )),
            );
        }
        // A URL built from variables is checked as it resolves, unless resolving failed
        // (that is reported already) or left a reference for the client to fill in.
        let resolved_url = resolved
            .and_then(|r| r.get("url"))
            .and_then(serde_json::Value::as_str)
            .unwrap_or(url);
        let templated = url.contains('$');
        if !(templated && failed.contains(&entry.pointer("url")) || resolved_url.contains("${")) {
            check_url(entry, url_span, resolved_url, templated, out);
        }
    }
    hidden
}

fn check_url(entry: &Entry, span: Span, url: &str, templated: bool, out: &mut Vec<Diagnostic>) {
    let name = entry.name;
    let resolved = if templated { " (as resolved)" } else { "" };
    // IRIs, so that an internationalised host name is not taken for a mistake.
    let parsed = fluent_uri::Iri::parse(url.trim()).ok();
    let scheme = parsed
        .as_ref()
        .map(|u| u.scheme().as_str().to_ascii_lowercase());
    let host = parsed
        .as_ref()
        .and_then(|u| u.authority().map(|a| a.host().to_ascii_lowercase()));
    match (scheme.as_deref(), host) {
        (Some("http" | "https"), Some(host)) if !host.is_empty() => {
            if scheme.as_deref() == Some("http") && !is_loopback(&host) {
                out.push(
                    entry
                        .diag(
                            &INSECURE_URL,
                            span,
                            "url",
                            format!(
                                "server `{name}` is reached over plain http at `{host}`, which \
                                 is not this machine{resolved}"
                            ),
                        )
                        .label("http://")
                        .help(
                            "use https://: over http the Authorization header and tokens \
                             cross the network in clear text",
                        ),
                );
            }
        }
        _ => out.push(
            entry
                .diag(
                    &INVALID_URL,
                    span,
                    "url",
                    format!(
                        "the `url` of server `{name}` is not an absolute http(s) URL{resolved}"
                    ),
                )
                .label("not an http(s) URL")
                .help("write the full endpoint with its scheme, e.g. `https://example.com/mcp`"),
        ),
    }
}

/// `localhost`, `*.localhost` (RFC 6761), `127.0.0.0/8` and `[::1]`.
fn is_loopback(host: &str) -> bool {
    if host == "localhost" || host.ends_with(".localhost") {
        return true;
    }
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.parse::<std::net::IpAddr>()
        .is_ok_and(|ip| ip.is_loopback())
}

#[cfg(test)]
mod tests {
    use super::is_loopback;

    #[test]
    fn loopback_hosts() {
        for h in [
            "localhost",
            "app.localhost",
            "127.0.0.1",
            "127.1.2.3",
            "[::1]",
        ] {
            assert!(is_loopback(h), "{h}");
        }
        for h in [
            "localhost.example.com",
            "10.0.0.1",
            "example.com",
            "[::2]",
            "0.0.0.0",
        ] {
            assert!(!is_loopback(h), "{h}");
        }
    }
}
