//! `oauth/redirect-uri-userinfo`: userinfo in a redirect URI.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};

use super::{invalid_redirect_uri, redirects};

rule! {
    /// ## What it does
    /// Reports a redirect URI with `user:password@` before its host.
    ///
    /// ## Why is this bad?
    /// RFC 3986 §3.2.1 deprecates passwords in URIs, RFC 9700 §4.1.3 requires exact matching,
    /// and userinfo is a classic way to disguise the real host of a redirect.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=https://user@hub.example.com/oauth/callback
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
    REDIRECT_URI_USERINFO, "oauth/redirect-uri-userinfo", Error, "userinfo in a redirect URI"
}

/// Raises [`REDIRECT_URI_USERINFO`] once a file's OAuth clients are known.
pub struct RedirectUriUserinfo;

impl Check for RedirectUriUserinfo {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&REDIRECT_URI_USERINFO]
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
            if parts.userinfo.is_some() {
                out.push(
                    r.finding(
                        &REDIRECT_URI_USERINFO,
                        cx.id,
                        format!("{} has userinfo (`…@`) before its host", r.what()),
                    )
                    .help(
                        "remove the `user@` part: it hides the real host and breaks exact matching",
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::oauth::tests::*;

    #[test]
    fn userinfo() {
        assert!(has(
            "https://user@hub.example.com/cb",
            &plain(),
            "oauth/redirect-uri-userinfo"
        ));
        assert!(has(
            "https://a:b@hub.example.com/cb",
            &plain(),
            "oauth/redirect-uri-userinfo"
        ));
        assert!(!has(
            "https://hub.example.com/cb",
            &plain(),
            "oauth/redirect-uri-userinfo"
        ));
    }
}
