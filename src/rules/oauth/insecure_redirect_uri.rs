//! `oauth/insecure-redirect-uri`: a redirect URI over plain http to a remote host.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};

use super::{invalid_redirect_uri, redirects};

rule! {
    /// ## What it does
    /// Reports a redirect URI over plain `http` to a host that is not the local machine.
    ///
    /// ## Why is this bad?
    /// The authorization code travels in the redirect; over plain http it can be read and
    /// replayed on the way. RFC 6749 §3.1.2.1 asks for TLS, RFC 9700 §2.1 forbids open
    /// transport, and only loopback redirects may use http (RFC 8252 §7.3, §8.3).
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=http://hub.example.com/oauth/callback
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
    /// HF_REDIRECT_URI=https://hub.example.com/oauth/callback
    /// ```
    INSECURE_REDIRECT_URI, "oauth/insecure-redirect-uri", Error, "a redirect URI over plain http to a remote host"
}

/// Raises [`INSECURE_REDIRECT_URI`] once a file's OAuth clients are known.
pub struct InsecureRedirectUri;

impl Check for InsecureRedirectUri {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INSECURE_REDIRECT_URI]
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
            // Another scheme than http(s) is `redirect-uri-scheme`'s.
            if parts.scheme.eq_ignore_ascii_case("http") && !parts.loopback() {
                out.push(
                    r.finding(
                        &INSECURE_REDIRECT_URI,
                        cx.id,
                        format!(
                            "{} sends the authorization code over plain http to `{}`",
                            r.what(),
                            parts.host
                        ),
                    )
                    .help(format!(
                        "use `https://{}`: only loopback redirects may use http (RFC 8252 §8.3, RFC 6749 §3.1.2.1)",
                        &r.uri["http://".len().min(r.uri.len())..]
                    )),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::oauth::tests::*;

    #[test]
    fn insecure() {
        assert!(has(
            "http://hub.example.com/cb",
            &plain(),
            "oauth/insecure-redirect-uri"
        ));
        assert!(has(
            "http://10.0.0.5:7000/cb",
            &plain(),
            "oauth/insecure-redirect-uri"
        ));
        assert!(!has(
            "http://127.0.0.1:7000/cb",
            &plain(),
            "oauth/insecure-redirect-uri"
        ));
        assert!(!has(
            "http://localhost:7000/cb",
            &plain(),
            "oauth/insecure-redirect-uri"
        ));
    }
}
