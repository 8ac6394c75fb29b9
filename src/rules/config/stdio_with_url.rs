//! `config/stdio-with-url`: `type: stdio` on an entry with a `url`.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};

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

pub struct StdioWithUrl;

impl Check for StdioWithUrl {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&STDIO_WITH_URL]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        if cx.field("command").is_some() {
            return; // config/command-and-url says it
        }
        let Some(url) = cx.url_field() else {
            return;
        };
        let (Some((type_span, "stdio")), Some((url_key, _))) = (cx.string("type"), cx.field(url))
        else {
            return;
        };
        out.push(
            cx.diagnostic(
                &STDIO_WITH_URL,
                type_span,
                "type",
                format!(
                    "server `{}` is `\"type\": \"stdio\"` but has a `url`",
                    cx.name
                ),
            )
            .label("stdio")
            .related(url_key, "a stdio server has no URL")
            .help(
                "for a remote server use `\"type\": \"streamable-http\"` (or \"sse\"); for a \
                 local one, give `command` and remove the URL",
            ),
        );
    }
}
