//! `oauth/empty-redirect-uri`: a redirect URI that resolves to nothing.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};

use super::{Redirect, redirects};

rule! {
    /// ## What it does
    /// Reports a redirect URI variable that resolves to an empty string.
    ///
    /// ## Why is this bad?
    /// The client sends no `redirect_uri` or an empty one; the provider rejects the login
    /// (RFC 6749 §3.1.2.3).
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=
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
    EMPTY_REDIRECT_URI, "oauth/empty-redirect-uri", Error, "a redirect URI that resolves to nothing"
}

/// Raises [`EMPTY_REDIRECT_URI`] once a file's OAuth clients are known.
pub struct EmptyRedirectUri;

impl Check for EmptyRedirectUri {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&EMPTY_REDIRECT_URI]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        for r in redirects(cx.apps).filter(|r| applies(r)) {
            let name = &r.setting.name;
            out.push(
                r.finding(
                    &EMPTY_REDIRECT_URI,
                    cx.id,
                    format!("{} (`{name}`) is empty", r.what()),
                )
                .label("empty")
                .help(format!(
                    "set `{name}` to the URI registered with the provider"
                )),
            );
        }
    }
}

/// Whether this rule reports `r`: a value that is blank once trimmed.
pub fn applies(r: &Redirect) -> bool {
    r.uri.is_empty()
}

#[cfg(test)]
mod tests {
    use crate::rules::oauth::tests::*;

    #[test]
    fn empty_and_runtime() {
        assert!(has("", &plain(), "oauth/empty-redirect-uri"));
        assert!(has("  ", &plain(), "oauth/empty-redirect-uri"));
        assert!(rules_for("${input:redirect}", &plain()).is_empty());
    }
}
