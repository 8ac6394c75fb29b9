//! `oauth/hub-callback-mismatch`: a redirect URI the hub does not serve.

use crate::diagnostic::Diagnostic;
use crate::oauth::expected_callback;
use crate::oauth::uri::matches_expected;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};

use super::{invalid_redirect_uri, redirects};

rule! {
    /// ## What it does
    /// Compares each redirect URI with the callback the hub or client really serves:
    /// `--hub-url` plus `--callback-path` (the `generic` profile), or the shape of a known
    /// client with `--hub`: `mcp-hub` (`<hub-url>/api/oauth/callback?server_name=<name>`),
    /// `mcp-remote` (`http://localhost:<port>/oauth/callback`), `claude-code`
    /// (`http://localhost:<port>/callback`), `gemini-cli` (`http://localhost:7777/oauth/callback`).
    ///
    /// ## Why is this bad?
    /// The provider redirects the browser to the registered URI; if the hub does not listen
    /// there, the login ends on an error page, or the provider rejects the URI the hub sends
    /// (RFC 6749 §3.1.2.3).
    ///
    /// ## Example
    /// `--hub mcp-hub --hub-url http://localhost:7000` (or `oauth.hub` and `oauth.hubUrl` in
    /// `.mcplint.json`) with `HF_REDIRECT_URI=http://localhost:7000/oauth/callback`.
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=http://localhost:7000/oauth/callback
    /// ```
    /// ```jsonc .mcplint.json
    /// { "oauth": { "hub": "mcp-hub", "hubUrl": "http://localhost:7000" } }
    /// ```
    ///
    /// Use instead: the hub's callback for this server (`hf`).
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=http://localhost:7000/api/oauth/callback?server_name=hf
    /// ```
    /// ```jsonc .mcplint.json
    /// { "oauth": { "hub": "mcp-hub", "hubUrl": "http://localhost:7000" } }
    /// ```
    HUB_CALLBACK_MISMATCH, "oauth/hub-callback-mismatch", Error, "a redirect URI the hub does not serve"
}

/// Raises [`HUB_CALLBACK_MISMATCH`] once a file's OAuth clients are known.
pub struct HubCallbackMismatch;

impl Check for HubCallbackMismatch {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&HUB_CALLBACK_MISMATCH]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        for r in redirects(cx.apps) {
            // Empty or not a URI: that finding alone is reported.
            if invalid_redirect_uri::well_formed(&r).is_none() {
                continue;
            }
            let Some(expected) = expected_callback(cx.oauth, &r.app.server, r.app) else {
                continue;
            };
            let uri = r.uri;
            let diffs = matches_expected(uri, &expected);
            if !diffs.is_empty() {
                out.push(
                    r.finding(
                        &HUB_CALLBACK_MISMATCH,
                        cx.id,
                        format!(
                            "{}, `{uri}`, is not where the hub receives the login: it expects \
                             `{expected}` (differs in {})",
                            r.what(),
                            diffs.join("; ")
                        ),
                    )
                    .label("not the hub's callback")
                    .help(format!(
                        "set `{}` to `{expected}` and register that exact URI with the provider",
                        r.setting.name
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::oauth::{OAuthOptions, Profile};
    use crate::rules::oauth::tests::*;

    #[test]
    fn hub_callback_per_profile() {
        let hub = |profile, url: Option<&str>| OAuthOptions {
            hub_url: url.map(str::to_owned),
            profile,
            ..OAuthOptions::default()
        };
        let generic = hub(Profile::Generic, Some("http://localhost:7000"));
        assert!(!has(
            "http://localhost:7000/oauth/callback",
            &generic,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://localhost:7000/api/oauth/callback",
            &generic,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://localhost:7001/oauth/callback",
            &generic,
            "oauth/hub-callback-mismatch"
        ));

        let mcp_hub = hub(Profile::McpHub, Some("http://localhost:7000/"));
        assert!(has(
            "http://localhost:7000/oauth/callback",
            &mcp_hub,
            "oauth/hub-callback-mismatch"
        ));
        assert!(!has(
            "http://localhost:7000/api/oauth/callback?server_name=hf",
            &mcp_hub,
            "oauth/hub-callback-mismatch"
        ));
        // Without a hub URL the generic callback is unknown.
        assert!(!has(
            "http://localhost:7001/x",
            &hub(Profile::Generic, None),
            "oauth/hub-callback-mismatch"
        ));

        let remote = hub(Profile::McpRemote, None);
        assert!(!has(
            "http://localhost:3334/oauth/callback",
            &remote,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://localhost:3334/callback",
            &remote,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://127.0.0.1:3334/oauth/callback",
            &remote,
            "oauth/hub-callback-mismatch"
        ));

        let claude = hub(Profile::ClaudeCode, None);
        assert!(!has(
            "http://localhost:8080/callback",
            &claude,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://localhost:8080/oauth/callback",
            &claude,
            "oauth/hub-callback-mismatch"
        ));

        let gemini = hub(Profile::GeminiCli, None);
        assert!(!has(
            "http://localhost:7777/oauth/callback",
            &gemini,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://localhost:7778/oauth/callback",
            &gemini,
            "oauth/hub-callback-mismatch"
        ));
    }
}
