//! `config/missing-type`: a remote entry does not say its transport.

use crate::diagnostic::Diagnostic;
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
        let Some((_, url)) = cx.string("url") else {
            return;
        };
        if cx.ignored_field() == Some("url")
            || cx.string("type").is_some()
            || cx.field("command").is_some()
        {
            return;
        }
        let suggested = if url.trim_end_matches('/').ends_with("/sse") {
            "sse"
        } else {
            "streamable-http"
        };
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
            .label("no `type`")
            .help(format!(
                "add `\"type\": \"{suggested}\"`; clients disagree on the default \
                 transport for a bare `url`"
            )),
        );
    }
}
