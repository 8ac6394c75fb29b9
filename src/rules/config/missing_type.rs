//! `config/missing-type`: a remote entry does not say its transport.

use crate::clients::{Client, Mode, Untyped};
use crate::diagnostic::Diagnostic;
use crate::registry::Severity;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};

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

pub struct MissingType;

impl Check for MissingType {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&MISSING_TYPE]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some(field) = cx.url_field() else {
            return;
        };
        let Some((_, url)) = cx.string(field) else {
            return;
        };
        if cx.ignored_field() == Some(field)
            || cx.string("type").is_some()
            || cx.field("command").is_some()
        {
            return;
        }
        let client = cx.client;
        let (severity, why) = match (client.mode, client.untyped.value) {
            // mcplint's own formats: every client reads the entry its own way.
            (Mode::Template, _) => (
                MISSING_TYPE.severity,
                "clients disagree on the default transport for a bare `url`".to_owned(),
            ),
            (Mode::Direct, Untyped::UrlNeedsType) => (
                client.untyped.cap(Severity::Error),
                format!(
                    "{} does not start an entry with a URL and no `type`",
                    client.name
                ),
            ),
            // The client infers the transport, or (stdio only) the schema says what is wrong.
            (Mode::Direct, Untyped::Infer | Untyped::StdioOnly) => return,
        };
        let suggested = suggested_type(client, url);
        out.push(
            cx.diagnostic(
                &MISSING_TYPE,
                cx.name_span,
                "",
                format!(
                    "remote server `{}` does not say its transport (`type`)",
                    cx.name
                ),
            )
            .severity(severity)
            .label("no `type`")
            .help(format!("add `\"type\": \"{suggested}\"`; {why}")),
        );
    }
}

/// The `type` to write: SSE for a URL ending in `/sse`, else the client's Streamable HTTP name.
fn suggested_type(client: &Client, url: &str) -> &'static str {
    let sse = url.trim_end_matches('/').ends_with("/sse");
    match client.mode {
        Mode::Template => {
            if sse {
                "sse"
            } else {
                "streamable-http"
            }
        }
        Mode::Direct => {
            client
                .transport_name(true, sse)
                .unwrap_or(if sse { "sse" } else { "http" })
        }
    }
}
