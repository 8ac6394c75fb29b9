//! `oauth/wildcard-redirect-uri`: a wildcard in a redirect URI.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};

use super::{invalid_redirect_uri, redirects};

rule! {
    /// ## What it does
    /// Reports a `*` in a redirect URI.
    ///
    /// ## Why is this bad?
    /// RFC 9700 §2.1 and §4.1.3: redirect URIs are compared by exact string; patterns are not
    /// supported, and where a provider once allowed them they enabled code theft.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=https://*.example.com/oauth/callback
    /// ```
    ///
    /// Use instead: the one exact URI the hub serves.
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=https://hub.example.com/oauth/callback
    /// ```
    WILDCARD_REDIRECT_URI, "oauth/wildcard-redirect-uri", Error, "a wildcard in a redirect URI"
}

/// Raises [`WILDCARD_REDIRECT_URI`] once a file's OAuth clients are known.
pub struct WildcardRedirectUri;

impl Check for WildcardRedirectUri {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&WILDCARD_REDIRECT_URI]
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
            if r.uri.contains('*') {
                out.push(
                    r.finding(&WILDCARD_REDIRECT_URI, cx.id, format!("{}, `{}`, has a wildcard", r.what(), r.uri))
                        .help("providers compare exact strings (RFC 9700 §4.1.3): write the one URI the hub serves"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::oauth::tests::*;

    #[test]
    fn wildcard() {
        assert!(has(
            "https://*.example.com/cb",
            &plain(),
            "oauth/wildcard-redirect-uri"
        ));
        assert!(has(
            "https://hub.example.com/*",
            &plain(),
            "oauth/wildcard-redirect-uri"
        ));
        assert!(!has(
            "https://hub.example.com/cb",
            &plain(),
            "oauth/wildcard-redirect-uri"
        ));
    }
}
