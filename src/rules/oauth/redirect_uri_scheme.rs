//! `oauth/redirect-uri-scheme`: a redirect URI that is not http(s).

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};

use super::{invalid_redirect_uri, redirects};

rule! {
    /// ## What it does
    /// Reports a redirect URI whose scheme is not `http` or `https`.
    ///
    /// ## Why is this bad?
    /// A hub receives the redirect in a browser; custom schemes (RFC 8252 §7.1) belong to
    /// native apps and reach no hub.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=myapp://oauth/callback
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=http://localhost:7000/oauth/callback
    /// ```
    REDIRECT_URI_SCHEME, "oauth/redirect-uri-scheme", Warning, "a redirect URI that is not http(s)"
}

/// Raises [`REDIRECT_URI_SCHEME`] once a file's OAuth clients are known.
pub struct RedirectUriScheme;

impl Check for RedirectUriScheme {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&REDIRECT_URI_SCHEME]
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
            let scheme = parts.scheme.to_ascii_lowercase();
            if scheme != "http" && scheme != "https" {
                out.push(
                    r.finding(&REDIRECT_URI_SCHEME, cx.id, format!("{}, `{}`, is not http(s)", r.what(), r.uri))
                        .help("a hub receives the redirect in a browser: use `http://localhost:...` or `https://...`"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::oauth::tests::*;

    #[test]
    fn scheme() {
        assert!(has(
            "myapp://oauth/callback",
            &plain(),
            "oauth/redirect-uri-scheme"
        ));
        assert!(has(
            "ftp://hub.example.com/cb",
            &plain(),
            "oauth/redirect-uri-scheme"
        ));
        assert!(!has(
            "https://hub.example.com/cb",
            &plain(),
            "oauth/redirect-uri-scheme"
        ));
    }
}
