//! `oauth/`: redirect URIs that a provider will reject at login.
//!
//! Each server's OAuth settings are gathered during the walk (`crate::oauth::apps`); after a
//! file's last entry, each rule's [`Check::file`](crate::rules::context::Check::file) hook
//! judges every redirect URI on its own, against the registered list
//! (`--registered-redirect-uri`) and against the callback the hub really serves (`--hub`,
//! `--hub-url`, `--callback-path`).
//!
//! Some rules keep quiet where another one says it better; each such condition is written in
//! the rule that keeps quiet:
//! - a redirect URI filled in by the client at run time (`${...}` after expansion) is judged by
//!   no rule ([`redirects`] skips it);
//! - after `empty-redirect-uri` or `invalid-redirect-uri`, no other rule speaks of that URI,
//!   and `invalid-redirect-uri` does not repeat `empty-redirect-uri`;
//! - `localhost-redirect` is not noted where the hub's callback or the registered list says
//!   `localhost`.

mod empty_redirect_uri;
mod hub_callback_mismatch;
mod insecure_redirect_uri;
mod invalid_redirect_uri;
mod localhost_redirect;
mod redirect_uri_fragment;
mod redirect_uri_mismatch;
mod redirect_uri_scheme;
mod redirect_uri_userinfo;
mod shared_client_id;
mod wildcard_redirect_uri;

pub use empty_redirect_uri::{EMPTY_REDIRECT_URI, EmptyRedirectUri};
pub use hub_callback_mismatch::{HUB_CALLBACK_MISMATCH, HubCallbackMismatch};
pub use insecure_redirect_uri::{INSECURE_REDIRECT_URI, InsecureRedirectUri};
pub use invalid_redirect_uri::{INVALID_REDIRECT_URI, InvalidRedirectUri};
pub use localhost_redirect::{LOCALHOST_REDIRECT, LocalhostRedirect};
pub use redirect_uri_fragment::{REDIRECT_URI_FRAGMENT, RedirectUriFragment};
pub use redirect_uri_mismatch::{REDIRECT_URI_MISMATCH, RedirectUriMismatch};
pub use redirect_uri_scheme::{REDIRECT_URI_SCHEME, RedirectUriScheme};
pub use redirect_uri_userinfo::{REDIRECT_URI_USERINFO, RedirectUriUserinfo};
pub use shared_client_id::{SHARED_CLIENT_ID, SharedClientId};
pub use wildcard_redirect_uri::{WILDCARD_REDIRECT_URI, WildcardRedirectUri};

use crate::diagnostic::Diagnostic;
use crate::oauth::{App, Parts, Setting};
use crate::registry::Rule;
use crate::source::FileId;

/// One configured redirect URI, as the redirect rules see it.
pub struct Redirect<'a> {
    pub app: &'a App,
    pub setting: &'a Setting,
    /// The value, trimmed.
    pub uri: &'a str,
    /// Its parts, parsed once; `None` when it is not an absolute URI with a host.
    pub parts: Option<Parts>,
}

impl Redirect<'_> {
    /// How messages name it.
    pub fn what(&self) -> String {
        format!("the redirect URI of server `{}`", self.app.server)
    }

    /// A finding of `rule` on this redirect URI, labelled "redirect URI" unless the rule
    /// labels it otherwise.
    pub fn finding(&self, rule: &'static Rule, id: FileId, message: String) -> Diagnostic {
        finding(rule, id, self.setting, message).label("redirect URI")
    }
}

/// Whether a value is filled in by the client at run time (a `${...}` left after expansion):
/// there is nothing to compare.
pub fn is_runtime(uri: &str) -> bool {
    crate::env::dollar::find_open(uri).is_some()
}

/// Every redirect URI of a config's OAuth clients, in order, except those filled in at run
/// time.
pub fn redirects(apps: &[App]) -> impl Iterator<Item = Redirect<'_>> {
    apps.iter().filter_map(|app| {
        let setting = app.redirect.as_ref()?;
        let uri = setting.value.trim();
        if is_runtime(uri) {
            return None;
        }
        Some(Redirect {
            app,
            setting,
            uri,
            parts: Parts::parse(uri),
        })
    })
}

/// A finding of `rule` on setting `s`, pointing also to the `.env` line that defines it.
pub fn finding(rule: &'static Rule, id: FileId, s: &Setting, message: String) -> Diagnostic {
    let mut d = Diagnostic::new(rule, id, s.span, s.pointer.clone(), message);
    if let Some((file, span)) = s.defined_at {
        let name = s.variable.as_deref().unwrap_or(&s.name);
        d = d.related_in(file, span, format!("`{name}` is set here"));
    }
    d
}

#[cfg(test)]
mod tests {
    //! What the rules' tests share: a one-server config and the findings of every check.

    use super::*;
    use crate::oauth::OAuthOptions;
    use crate::rules::context::FileContext;
    use crate::source::{SourceFile, Span};

    pub fn setting(value: &str) -> Setting {
        Setting {
            value: value.to_owned(),
            span: Span::new(0, 0),
            pointer: "/hf/env/HF_REDIRECT_URI".to_owned(),
            defined_at: None,
            variable: None,
            name: "HF_REDIRECT_URI".to_owned(),
        }
    }

    pub fn app(uri: &str) -> App {
        App {
            server: "hf".to_owned(),
            prefix: "HF".to_owned(),
            redirect: Some(setting(uri)),
            client_id: None,
            callback_port: None,
        }
    }

    /// What every file hook reports on `apps`.
    pub fn check(apps: &[App], options: &OAuthOptions) -> Vec<Diagnostic> {
        let file = SourceFile::new("mcp-servers.json", "{}");
        let parsed = jsonc_parser::parse_to_ast("{}", &Default::default(), &Default::default())
            .expect("`{}` parses");
        let Some(jsonc_parser::ast::Value::Object(root)) = &parsed.value else {
            unreachable!("`{{}}` is an object")
        };
        let cx = FileContext {
            file: &file,
            id: 0,
            client: &crate::clients::template::TEMPLATE,
            root,
            apps,
            oauth: options,
            secrets: &[],
            props: crate::tree::Props::default(),
        };
        let mut out = Vec::new();
        crate::rules::run_file_hooks(&cx, &mut out);
        out
    }

    pub fn rules_for(uri: &str, options: &OAuthOptions) -> Vec<&'static str> {
        check(&[app(uri)], options)
            .iter()
            .map(|d| d.rule.id)
            .collect()
    }

    pub fn has(uri: &str, options: &OAuthOptions, rule: &str) -> bool {
        rules_for(uri, options).contains(&rule)
    }

    pub fn plain() -> OAuthOptions {
        OAuthOptions::default()
    }

    pub fn registered(uris: &[&str]) -> OAuthOptions {
        OAuthOptions {
            registered: uris.iter().map(|s| (*s).to_owned()).collect(),
            ..OAuthOptions::default()
        }
    }

    #[test]
    fn a_uri_that_is_not_one_gets_one_finding() {
        let opts = OAuthOptions {
            hub_url: Some("http://localhost:7000".to_owned()),
            ..registered(&["http://127.0.0.1:7000/oauth/callback"])
        };
        assert_eq!(rules_for("", &opts), ["oauth/empty-redirect-uri"]);
        assert_eq!(rules_for(" ", &opts), ["oauth/empty-redirect-uri"]);
        assert_eq!(
            rules_for("localhost:7000/*#x", &opts),
            ["oauth/invalid-redirect-uri"]
        );
        assert!(rules_for("http://localhost:${PORT}/x#y", &opts).is_empty());
    }

    #[test]
    fn every_redirect_finding_has_a_label() {
        let opts = OAuthOptions {
            hub_url: Some("http://hub.example.com".to_owned()),
            ..registered(&["https://hub.example.com/cb"])
        };
        let found = check(
            &[app("http://u@*.localhost:1/x#f"), app("ftp://x/cb")],
            &opts,
        );
        assert!(found.len() >= 6, "{found:?}");
        for d in &found {
            let label = d.label.as_deref().unwrap_or_default();
            match d.rule.id {
                "oauth/redirect-uri-mismatch" => assert_eq!(label, "not registered"),
                "oauth/hub-callback-mismatch" => assert_eq!(label, "not the hub's callback"),
                _ => assert_eq!(label, "redirect URI", "{}", d.rule.id),
            }
        }
    }
}
