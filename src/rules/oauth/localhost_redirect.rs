//! `oauth/localhost-redirect`: `localhost` in a loopback redirect URI.

use crate::diagnostic::Diagnostic;
use crate::oauth::{OAuthOptions, Parts, expected_callback};
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};

use super::{Redirect, invalid_redirect_uri, redirects};

rule! {
    /// ## What it does
    /// Notes a loopback redirect URI written with `localhost`.
    ///
    /// ## Why is this bad?
    /// RFC 8252 §8.3: `localhost` may resolve to another interface or be intercepted by a
    /// firewall; `127.0.0.1` (or `[::1]`) is recommended, and some providers let only loopback
    /// IP literals vary their port (§7.3).
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=http://localhost:7000/oauth/callback
    /// ```
    ///
    /// Use instead: `http://127.0.0.1:7000/oauth/callback`, registered the same way.
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=http://127.0.0.1:7000/oauth/callback
    /// ```
    LOCALHOST_REDIRECT, "oauth/localhost-redirect", Info, "`localhost` in a loopback redirect URI"
}

/// Raises [`LOCALHOST_REDIRECT`] once a file's OAuth clients are known.
pub struct LocalhostRedirect;

impl Check for LocalhostRedirect {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&LOCALHOST_REDIRECT]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        for r in redirects(cx.apps) {
            // Empty or not a URI: that finding alone is reported.
            let Some(parts) = invalid_redirect_uri::well_formed(&r) else {
                continue;
            };
            if parts.host.eq_ignore_ascii_case("localhost") && !localhost_is_expected(cx.oauth, &r)
            {
                out.push(
                    r.finding(
                        &LOCALHOST_REDIRECT,
                        cx.id,
                        format!("{} uses `localhost`", r.what()),
                    )
                    .help(format!(
                        "RFC 8252 §8.3 recommends `127.0.0.1`: `{}`, registered the same way",
                        r.uri.replacen(&parts.host, "127.0.0.1", 1)
                    )),
                );
            }
        }
    }
}

/// Whether the hub's callback or the registered list already says `localhost` for `r`: then
/// the advice would contradict the finding that matters, and it is not given.
fn localhost_is_expected(options: &OAuthOptions, r: &Redirect) -> bool {
    let localhost_expected = expected_callback(options, &r.app.server, r.app)
        .as_deref()
        .and_then(|e| Parts::parse(&e.replace("<port>", "1")))
        .is_some_and(|e| e.host.eq_ignore_ascii_case("localhost"));
    localhost_expected || options.registered.iter().any(|u| u == r.uri)
}

#[cfg(test)]
mod tests {
    use crate::oauth::{OAuthOptions, Profile};
    use crate::rules::oauth::tests::*;

    #[test]
    fn localhost_is_noted() {
        assert!(has(
            "http://localhost:7000/cb",
            &plain(),
            "oauth/localhost-redirect"
        ));
        assert!(has(
            "http://LOCALHOST/cb",
            &plain(),
            "oauth/localhost-redirect"
        ));
        assert!(!has(
            "http://127.0.0.1:7000/cb",
            &plain(),
            "oauth/localhost-redirect"
        ));
    }

    #[test]
    fn not_where_the_hub_or_the_registered_list_says_localhost() {
        let uri = "http://localhost:7000/oauth/callback";
        assert!(!has(uri, &registered(&[uri]), "oauth/localhost-redirect"));
        assert!(has(
            uri,
            &registered(&["http://localhost:7000/oauth/callback/"]),
            "oauth/localhost-redirect"
        ));
        for (profile, hub_url, noted) in [
            (Profile::Generic, Some("http://LocalHost:7000"), false),
            (Profile::Generic, Some("http://127.0.0.1:7000"), true),
            (Profile::McpHub, Some("http://localhost:7000"), false),
            (Profile::McpRemote, None, false),
            (Profile::ClaudeCode, None, false),
            (Profile::GeminiCli, None, false),
        ] {
            let opts = OAuthOptions {
                hub_url: hub_url.map(str::to_owned),
                profile,
                ..OAuthOptions::default()
            };
            assert_eq!(
                has(uri, &opts, "oauth/localhost-redirect"),
                noted,
                "{profile:?}"
            );
        }
    }
}
