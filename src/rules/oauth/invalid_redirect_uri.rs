//! `The redirection endpoint URI MUST be an absolute URI`: a redirect URI that is not an absolute URI.

use crate::diagnostic::Diagnostic;
use crate::oauth::Parts;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};

use super::{Redirect, empty_redirect_uri, redirects};

rule! {
    /// ## What it does
    /// Reports a redirect URI that is not an absolute URI with a scheme and a host.
    ///
    /// ## Why is this bad?
    /// RFC 6749 §3.1.2: "The redirection endpoint URI MUST be an absolute URI". A relative or
    /// malformed value is rejected by every provider.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=localhost:7000/oauth/callback
    /// ```
    ///
    /// Use instead: an absolute URI, scheme included.
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=http://localhost:7000/oauth/callback
    /// ```
    INVALID_REDIRECT_URI, "oauth/invalid-redirect-uri", Error, "a redirect URI that is not an absolute URI"
}

/// Raises [`INVALID_REDIRECT_URI`] once a file's OAuth clients are known.
pub struct InvalidRedirectUri;

impl Check for InvalidRedirectUri {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INVALID_REDIRECT_URI]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        for r in redirects(cx.apps).filter(|r| applies(r)) {
            out.push(
                r.finding(
                    &INVALID_REDIRECT_URI,
                    cx.id,
                    format!("{}, `{}`, is not an absolute URI", r.what(), r.uri),
                )
                .label("not an absolute URI")
                .help("write the scheme and host: `http://localhost:7000/oauth/callback`"),
            );
        }
    }
}

/// Whether this rule reports `r`: a value that is not an absolute URI with a host. An empty
/// value is `empty-redirect-uri`'s alone.
pub fn applies(r: &Redirect) -> bool {
    !empty_redirect_uri::applies(r) && r.parts.is_none()
}

/// The parts of `r` for the other redirect rules, which say nothing of a URI that
/// `empty-redirect-uri` or this rule reports: `None` then.
pub fn well_formed<'r>(r: &'r Redirect) -> Option<&'r Parts> {
    if empty_redirect_uri::applies(r) || applies(r) {
        return None;
    }
    r.parts.as_ref()
}

#[cfg(test)]
mod tests {
    use crate::rules::oauth::tests::*;

    #[test]
    fn invalid_uri() {
        assert!(has(
            "localhost:7000/cb",
            &plain(),
            "oauth/invalid-redirect-uri"
        ));
        assert!(has(
            "/oauth/callback",
            &plain(),
            "oauth/invalid-redirect-uri"
        ));
        assert!(!has(
            "http://127.0.0.1:7000/cb",
            &plain(),
            "oauth/invalid-redirect-uri"
        ));
    }
}
