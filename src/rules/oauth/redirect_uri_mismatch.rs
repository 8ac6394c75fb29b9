//! `Invalid redirect_uri`: a redirect URI the provider has not registered.

use crate::diagnostic::Diagnostic;
use crate::oauth::differences;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};

use super::{invalid_redirect_uri, redirects};

rule! {
    /// ## What it does
    /// Compares each redirect URI with the list registered with the provider
    /// (`--registered-redirect-uri`, repeatable) and, when none matches, names the registered
    /// URI it is closest to and what differs: `localhost` vs `127.0.0.1` vs `[::1]`, the port,
    /// the path, a trailing slash, case, a default port written out, percent-encoding, the
    /// query.
    ///
    /// ## Why is this bad?
    /// RFC 6749 §3.1.2.3 and RFC 9700 §4.1.3: the provider compares by exact string and answers
    /// "Invalid redirect_uri". Only a loopback IP's port may vary (RFC 8252 §7.3).
    ///
    /// ## Example
    /// Registered `http://127.0.0.1:7000/oauth/callback` (`--registered-redirect-uri`, or
    /// `oauth.registeredRedirectUris` in `.mcplint.json`), configured
    /// `HF_REDIRECT_URI=http://localhost:7000/oauth/callback`.
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
    /// { "oauth": { "registeredRedirectUris": ["http://127.0.0.1:7000/oauth/callback"] } }
    /// ```
    ///
    /// Use instead: the registered string, character for character.
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=http://127.0.0.1:7000/oauth/callback
    /// ```
    /// ```jsonc .mcplint.json
    /// { "oauth": { "registeredRedirectUris": ["http://127.0.0.1:7000/oauth/callback"] } }
    /// ```
    REDIRECT_URI_MISMATCH, "oauth/redirect-uri-mismatch", Error, "a redirect URI the provider has not registered"
}

/// Raises [`REDIRECT_URI_MISMATCH`] once a file's OAuth clients are known.
pub struct RedirectUriMismatch;

impl Check for RedirectUriMismatch {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&REDIRECT_URI_MISMATCH]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        let registered = &cx.oauth.registered;
        if registered.is_empty() {
            return;
        }
        for r in redirects(cx.apps) {
            // Empty or not a URI: that finding alone is reported.
            if invalid_redirect_uri::well_formed(&r).is_none() {
                continue;
            }
            let uri = r.uri;
            let best = registered
                .iter()
                .map(|reg| (differences(uri, reg), reg))
                .min_by_key(|(d, _)| d.len());
            if let Some((diffs, closest)) = best
                && !diffs.is_empty()
            {
                out.push(
                    r.finding(
                        &REDIRECT_URI_MISMATCH,
                        cx.id,
                        format!(
                            "{}, `{uri}`, is not registered with the provider: it differs from \
                             the registered `{closest}` in {}",
                            r.what(),
                            diffs.join("; ")
                        ),
                    )
                    .label("not registered")
                    .help(format!(
                        "the provider will answer \"Invalid redirect_uri\"; set `{}` to `{closest}`, \
                         or register `{uri}` with the provider",
                        r.setting.name
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
    fn mismatch_explains_the_difference() {
        let opts = registered(&[
            "http://127.0.0.1:7000/oauth/callback",
            "https://hub.example.com/cb",
        ]);
        assert!(has(
            "http://localhost:7000/oauth/callback",
            &opts,
            "oauth/redirect-uri-mismatch"
        ));
        assert!(has(
            "https://hub.example.com/cb/",
            &opts,
            "oauth/redirect-uri-mismatch"
        ));
        assert!(!has(
            "http://127.0.0.1:7000/oauth/callback",
            &opts,
            "oauth/redirect-uri-mismatch"
        ));
        let out = check(&[app("http://localhost:7000/oauth/callback")], &opts);
        let m = out
            .iter()
            .find(|d| d.rule.id == "oauth/redirect-uri-mismatch")
            .unwrap();
        assert!(
            m.message
                .contains("registered `http://127.0.0.1:7000/oauth/callback`"),
            "{}",
            m.message
        );
    }
}
