//! `config/invalid-url`: `url` is not an absolute http(s) URL.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};

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

pub struct InvalidUrl;

impl Check for InvalidUrl {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INVALID_URL]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some(url) = super::entry_url(cx) else {
            return;
        };
        let (field, span, templated) = (url.field, url.span, url.templated);
        if super::is_http_url(url.scheme.as_deref(), url.host.as_deref()) {
            return;
        }
        let resolved = if templated { " (as resolved)" } else { "" };
        out.push(
            cx.diagnostic(
                &INVALID_URL,
                span,
                field,
                format!(
                    "the `url` of server `{}` is not an absolute http(s) URL{resolved}",
                    cx.name
                ),
            )
            .label("not an http(s) URL")
            .help("write the full endpoint with its scheme, e.g. `https://example.com/mcp`"),
        );
    }
}
