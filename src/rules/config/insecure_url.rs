//! `config/insecure-url`: a remote server is reached over plain http.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};

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

pub struct InsecureUrl;

impl Check for InsecureUrl {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INSECURE_URL]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some(url) = super::entry_url(cx) else {
            return;
        };
        let (field, span, templated) = (url.field, url.span, url.templated);
        let (Some("http"), Some(host)) = (url.scheme.as_deref(), url.host.as_deref()) else {
            return;
        };
        if host.is_empty() || crate::net::is_loopback_host(host) {
            return;
        }
        let resolved = if templated { " (as resolved)" } else { "" };
        out.push(
            cx.diagnostic(
                &INSECURE_URL,
                span,
                field,
                format!(
                    "server `{}` is reached over plain http at `{host}`, which is not this \
                     machine{resolved}",
                    cx.name
                ),
            )
            .label("http://")
            .help(
                "use https://: over http the Authorization header and tokens cross the network \
                 in clear text",
            ),
        );
    }
}
