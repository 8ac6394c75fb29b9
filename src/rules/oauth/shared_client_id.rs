//! `oauth/shared-client-id`: one client id, different redirect URIs.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};

use super::finding;

rule! {
    /// ## What it does
    /// Reports two servers that use the same OAuth client id with different redirect URIs.
    ///
    /// ## Why is this bad?
    /// Both URIs must be registered for that client, and a copy-paste between servers is the
    /// usual cause; one of the two logins fails (RFC 6749 §3.1.2.3).
    ///
    /// ## Example
    /// `HF_CLIENT_ID` and `HF2_CLIENT_ID` with the same value, different `*_REDIRECT_URI`s.
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } },
    ///   "hf2": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///            "env": { "HF2_CLIENT_ID": "${HF2_CLIENT_ID}",
    ///                     "HF2_REDIRECT_URI": "${HF2_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=http://127.0.0.1:7000/oauth/callback
    /// HF2_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF2_REDIRECT_URI=http://127.0.0.1:7001/oauth/callback
    /// ```
    ///
    /// Use instead: one redirect URI per client id, or register each.
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///           "env": { "HF_CLIENT_ID": "${HF_CLIENT_ID}",
    ///                    "HF_REDIRECT_URI": "${HF_REDIRECT_URI}" } },
    ///   "hf2": { "type": "streamable-http", "url": "https://huggingface.co/mcp",
    ///            "env": { "HF2_CLIENT_ID": "${HF2_CLIENT_ID}",
    ///                     "HF2_REDIRECT_URI": "${HF2_REDIRECT_URI}" } } }
    /// ```
    /// ```dotenv
    /// HF_CLIENT_ID=3bc8b81d-905e-4a54-a46a-eaced2d0f416
    /// HF_REDIRECT_URI=http://127.0.0.1:7000/oauth/callback
    /// HF2_CLIENT_ID=9d2f6a4e-1c3b-4e5f-8a7b-0c1d2e3f4a5b
    /// HF2_REDIRECT_URI=http://127.0.0.1:7001/oauth/callback
    /// ```
    SHARED_CLIENT_ID, "oauth/shared-client-id", Warning, "one client id, different redirect URIs"
}

/// Raises [`SHARED_CLIENT_ID`] once a file's OAuth clients are known.
pub struct SharedClientId;

impl Check for SharedClientId {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&SHARED_CLIENT_ID]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    /// One client id, several redirect URIs: each server is compared with the ones before it.
    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        let apps = cx.apps;
        for (i, a) in apps.iter().enumerate() {
            let (Some(a_id), Some(a_uri)) = (&a.client_id, &a.redirect) else {
                continue;
            };
            if let Some(b) = apps[..i].iter().find(|b| {
                b.client_id
                    .as_ref()
                    .is_some_and(|c| c.value == a_id.value && !c.value.is_empty())
                    && b.redirect.as_ref().is_some_and(|r| r.value != a_uri.value)
            }) {
                let b_uri = b
                    .redirect
                    .as_ref()
                    .map(|r| r.value.as_str())
                    .unwrap_or_default();
                out.push(
                    finding(
                        &SHARED_CLIENT_ID,
                        cx.id,
                        a_uri,
                        format!(
                            "server `{}` uses the client id of server `{}` with another redirect URI \
                             (`{}` vs `{b_uri}`)",
                            a.server, b.server, a_uri.value
                        ),
                    )
                    .label("another redirect URI for the same client")
                    .help("register both URIs for that client, or give each server its own client"),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::oauth::App;
    use crate::rules::oauth::tests::*;

    #[test]
    fn shared_client_id() {
        let with_id = |server: &str, uri: &str, client: &str| App {
            server: server.to_owned(),
            client_id: Some(setting(client)),
            ..app(uri)
        };
        let out = check(
            &[
                with_id("a", "http://127.0.0.1:7000/a", "client-1"),
                with_id("b", "http://127.0.0.1:7000/b", "client-1"),
            ],
            &plain(),
        );
        assert!(out.iter().any(|d| d.rule.id == "oauth/shared-client-id"));
        // The third of three servers shares the first one's client.
        let out = check(
            &[
                with_id("a", "http://127.0.0.1:7000/a", "client-1"),
                with_id("b", "http://127.0.0.1:7000/b", "client-2"),
                with_id("c", "http://localhost:7000/a", "client-1"),
            ],
            &plain(),
        );
        let shared: Vec<_> = out
            .iter()
            .filter(|d| d.rule.id == "oauth/shared-client-id")
            .collect();
        assert_eq!(shared.len(), 1);
        assert!(
            shared[0]
                .message
                .contains("server `c` uses the client id of server `a`")
        );
        let out = check(
            &[
                with_id("a", "http://127.0.0.1:7000/a", "client-1"),
                with_id("b", "http://127.0.0.1:7000/a", "client-1"),
                with_id("c", "http://127.0.0.1:7000/c", "client-2"),
            ],
            &plain(),
        );
        assert!(!out.iter().any(|d| d.rule.id == "oauth/shared-client-id"));
    }
}
