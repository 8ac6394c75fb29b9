//! `MUST NOT include a fragment component`: a redirect URI with a fragment.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};

use super::{invalid_redirect_uri, redirects};

rule! {
    /// ## What it does
    /// Reports a redirect URI with a `#fragment`.
    ///
    /// ## Why is this bad?
    /// RFC 6749 §3.1.2: the endpoint URI "MUST NOT include a fragment component".
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=http://localhost:7000/oauth/callback#done
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
    REDIRECT_URI_FRAGMENT, "oauth/redirect-uri-fragment", Error, "a redirect URI with a fragment"
}

/// Raises [`REDIRECT_URI_FRAGMENT`] once a file's OAuth clients are known.
pub struct RedirectUriFragment;

impl Check for RedirectUriFragment {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&REDIRECT_URI_FRAGMENT]
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
            if parts.fragment.is_some() {
                out.push(
                    r.finding(
                        &REDIRECT_URI_FRAGMENT,
                        cx.id,
                        format!("{}, `{}`, has a `#fragment`", r.what(), r.uri),
                    )
                    .help("remove everything from `#`: RFC 6749 §3.1.2 forbids a fragment"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::oauth::tests::*;

    #[test]
    fn fragment() {
        assert!(has(
            "https://hub.example.com/cb#x",
            &plain(),
            "oauth/redirect-uri-fragment"
        ));
        assert!(has(
            "http://127.0.0.1/cb#",
            &plain(),
            "oauth/redirect-uri-fragment"
        ));
        assert!(!has(
            "https://hub.example.com/cb",
            &plain(),
            "oauth/redirect-uri-fragment"
        ));
    }
}
