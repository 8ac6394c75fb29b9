//! `config/command-and-url`: an entry has both `command` and `url`.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};

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

pub struct CommandAndUrl;

impl Check for CommandAndUrl {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&COMMAND_AND_URL]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some(url) = cx.url_field() else {
            return;
        };
        let (Some((command_key, _)), Some((url_key, _))) = (cx.field("command"), cx.field(url))
        else {
            return;
        };
        out.push(
            cx.diagnostic(
                &COMMAND_AND_URL,
                url_key,
                url,
                format!("server `{}` has both `command` and `{url}`", cx.name),
            )
            .label(format!("`{url}` makes it a remote server"))
            .related(command_key, "`command` makes it a stdio server")
            .help(format!(
                "keep `command` for a local process or `{url}` for a remote endpoint; \
                     clients disagree on which one wins"
            )),
        );
    }
}
