//! `oauth/`: redirect URIs that a provider will reject at login.
//!
//! Providers compare the `redirect_uri` of an authorization request with the registered list
//! by exact string (RFC 6749 §3.1.2.3, RFC 9700 §2.1 and §4.1.3); only the port of a loopback
//! IP redirect may vary (RFC 8252 §7.3, §8.4). Each server's OAuth settings are gathered after
//! expansion (`HF_REDIRECT_URI`, `HF_CLIENT_ID`, ... grouped by prefix, and the structured
//! `oauth` object), and each redirect URI is checked on its own, against the registered list
//! (`--registered-redirect-uri`) and against the callback the hub really serves (`--hub`,
//! `--hub-url`, `--callback-path`).

use jsonc_parser::ast::{Object, Value as Node};

use crate::diagnostic::Diagnostic;
use crate::registry::rule;
use crate::source::{FileId, Span};
use crate::tree::Path;

rule! {
    /// ## What it does
    /// Reports a redirect URI that is not an absolute URI with a scheme and a host.
    ///
    /// ## Why is this bad?
    /// RFC 6749 §3.1.2: "The redirection endpoint URI MUST be an absolute URI". A relative or
    /// malformed value is rejected by every provider.
    ///
    /// ## Example
    /// `HF_REDIRECT_URI=localhost:7000/oauth/callback`
    ///
    /// Use instead: `HF_REDIRECT_URI=http://localhost:7000/oauth/callback`
    INVALID_REDIRECT_URI, "oauth/invalid-redirect-uri", Error, "a redirect URI that is not an absolute URI"
}

rule! {
    /// ## What it does
    /// Reports a redirect URI with a `#fragment`.
    ///
    /// ## Why is this bad?
    /// RFC 6749 §3.1.2: the endpoint URI "MUST NOT include a fragment component".
    ///
    /// ## Example
    /// `HF_REDIRECT_URI=http://localhost:7000/oauth/callback#done`
    ///
    /// Use instead: `HF_REDIRECT_URI=http://localhost:7000/oauth/callback`
    REDIRECT_URI_FRAGMENT, "oauth/redirect-uri-fragment", Error, "a redirect URI with a fragment"
}

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
    /// `HF_REDIRECT_URI=http://hub.example.com/oauth/callback`
    ///
    /// Use instead: `HF_REDIRECT_URI=https://hub.example.com/oauth/callback`
    INSECURE_REDIRECT_URI, "oauth/insecure-redirect-uri", Error, "a redirect URI over plain http to a remote host"
}

rule! {
    /// ## What it does
    /// Reports a `*` in a redirect URI.
    ///
    /// ## Why is this bad?
    /// RFC 9700 §2.1 and §4.1.3: redirect URIs are compared by exact string; patterns are not
    /// supported, and where a provider once allowed them they enabled code theft.
    ///
    /// ## Example
    /// `HF_REDIRECT_URI=https://*.example.com/oauth/callback`
    ///
    /// Use instead: the one exact URI the hub serves.
    WILDCARD_REDIRECT_URI, "oauth/wildcard-redirect-uri", Error, "a wildcard in a redirect URI"
}

rule! {
    /// ## What it does
    /// Reports a redirect URI with `user:password@` before its host.
    ///
    /// ## Why is this bad?
    /// RFC 3986 §3.2.1 deprecates passwords in URIs, RFC 9700 §4.1.3 requires exact matching,
    /// and userinfo is a classic way to disguise the real host of a redirect.
    ///
    /// ## Example
    /// `HF_REDIRECT_URI=https://user@hub.example.com/oauth/callback`
    ///
    /// Use instead: `HF_REDIRECT_URI=https://hub.example.com/oauth/callback`
    REDIRECT_URI_USERINFO, "oauth/redirect-uri-userinfo", Error, "userinfo in a redirect URI"
}

rule! {
    /// ## What it does
    /// Reports a redirect URI whose scheme is not `http` or `https`.
    ///
    /// ## Why is this bad?
    /// A hub receives the redirect in a browser; custom schemes (RFC 8252 §7.1) belong to
    /// native apps and reach no hub.
    ///
    /// ## Example
    /// `HF_REDIRECT_URI=myapp://oauth/callback`
    ///
    /// Use instead: `HF_REDIRECT_URI=http://localhost:7000/oauth/callback`
    REDIRECT_URI_SCHEME, "oauth/redirect-uri-scheme", Warning, "a redirect URI that is not http(s)"
}

rule! {
    /// ## What it does
    /// Reports a redirect URI variable that resolves to an empty string.
    ///
    /// ## Why is this bad?
    /// The client sends no `redirect_uri` or an empty one; the provider rejects the login
    /// (RFC 6749 §3.1.2.3).
    ///
    /// ## Example
    /// `.env`: `HF_REDIRECT_URI=`
    ///
    /// Use instead: `HF_REDIRECT_URI=http://localhost:7000/oauth/callback`
    EMPTY_REDIRECT_URI, "oauth/empty-redirect-uri", Error, "a redirect URI that resolves to nothing"
}

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
    /// Registered `http://127.0.0.1:7000/oauth/callback`, configured
    /// `HF_REDIRECT_URI=http://localhost:7000/oauth/callback`.
    ///
    /// Use instead: the registered string, character for character.
    REDIRECT_URI_MISMATCH, "oauth/redirect-uri-mismatch", Error, "a redirect URI the provider has not registered"
}

rule! {
    /// ## What it does
    /// Compares each redirect URI with the callback the hub or client really serves:
    /// `--hub-url` plus `--callback-path` (the `generic` profile), or the shape of a known
    /// client with `--hub`: `mcp-hub` (`<hub-url>/api/oauth/callback?server_name=<name>`),
    /// `mcp-remote` (`http://localhost:<port>/oauth/callback`), `claude-code`
    /// (`http://localhost:<port>/callback`), `gemini-cli` (`http://localhost:7777/oauth/callback`).
    ///
    /// ## Why is this bad?
    /// The provider redirects the browser to the registered URI; if the hub does not listen
    /// there, the login ends on an error page, or the provider rejects the URI the hub sends
    /// (RFC 6749 §3.1.2.3).
    ///
    /// ## Example
    /// `--hub mcp-hub --hub-url http://localhost:7000` with
    /// `HF_REDIRECT_URI=http://localhost:7000/oauth/callback`.
    ///
    /// Use instead:
    /// `HF_REDIRECT_URI=http://localhost:7000/api/oauth/callback?server_name=hf-transformers`
    HUB_CALLBACK_MISMATCH, "oauth/hub-callback-mismatch", Error, "a redirect URI the hub does not serve"
}

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
    ///
    /// Use instead: one redirect URI per client id, or register each.
    SHARED_CLIENT_ID, "oauth/shared-client-id", Warning, "one client id, different redirect URIs"
}

rule! {
    /// ## What it does
    /// Notes a loopback redirect URI written with `localhost`.
    ///
    /// ## Why is this bad?
    /// RFC 8252 §8.3: `localhost` may resolve to another interface or be intercepted by a
    /// firewall; `127.0.0.1` (or `[::1]`) is recommended, and some providers let only loopback
    /// IP literals vary their port (§7.3).
    ///
    /// ## Example
    /// `HF_REDIRECT_URI=http://localhost:7000/oauth/callback`
    ///
    /// Use instead: `http://127.0.0.1:7000/oauth/callback`, registered the same way.
    LOCALHOST_REDIRECT, "oauth/localhost-redirect", Info, "`localhost` in a loopback redirect URI"
}

/// The client whose callback shape the redirect must have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Profile {
    /// `<hub-url><callback-path>`
    #[default]
    Generic,
    /// `<hub-url>/api/oauth/callback?server_name=<entry name>`
    McpHub,
    /// `http://localhost:<port>/oauth/callback`
    McpRemote,
    /// `http://localhost:<port>/callback`
    ClaudeCode,
    /// `http://localhost:7777/oauth/callback`
    GeminiCli,
}

/// What is expected of redirect URIs.
#[derive(Debug, Clone)]
pub struct OAuthOptions {
    pub hub_url: Option<String>,
    pub callback_path: String,
    pub registered: Vec<String>,
    pub profile: Profile,
}

impl Default for OAuthOptions {
    fn default() -> Self {
        OAuthOptions {
            hub_url: None,
            callback_path: "/oauth/callback".to_owned(),
            registered: Vec::new(),
            profile: Profile::Generic,
        }
    }
}

/// A URI split into its components, as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Parts {
    pub scheme: String,
    pub userinfo: Option<String>,
    pub host: String,
    pub port: Option<String>,
    pub path: String,
    pub query: Option<String>,
    pub fragment: Option<String>,
}

impl Parts {
    pub fn parse(s: &str) -> Option<Parts> {
        let iri = fluent_uri::Iri::parse(s).ok()?;
        let authority = iri.authority()?;
        Some(Parts {
            scheme: iri.scheme().as_str().to_owned(),
            userinfo: authority.userinfo().map(|u| u.as_str().to_owned()),
            host: authority.host().to_owned(),
            port: authority.port().map(|p| p.as_str().to_owned()),
            path: iri.path().as_str().to_owned(),
            query: iri.query().map(|q| q.as_str().to_owned()),
            fragment: iri.fragment().map(|f| f.as_str().to_owned()),
        })
    }

    fn loopback_ip(&self) -> bool {
        let bare = self.host.trim_start_matches('[').trim_end_matches(']');
        bare.parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
    }

    fn loopback(&self) -> bool {
        let h = self.host.to_ascii_lowercase();
        h == "localhost" || h.ends_with(".localhost") || self.loopback_ip()
    }

    fn default_port(&self) -> Option<&'static str> {
        match self.scheme.to_ascii_lowercase().as_str() {
            "http" => Some("80"),
            "https" => Some("443"),
            _ => None,
        }
    }
}

fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(b) = s
                .get(i + 1..i + 3)
                .and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(b);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Why `actual` does not equal `registered`, in the words a person needs; empty when a
/// provider accepts it (equal strings, or a loopback IP that differs only in its port).
pub fn differences(actual: &str, registered: &str) -> Vec<String> {
    if actual == registered {
        return Vec::new();
    }
    let (Some(a), Some(r)) = (Parts::parse(actual), Parts::parse(registered)) else {
        return vec!["they are different strings".to_owned()];
    };
    let mut out = Vec::new();
    if a.scheme != r.scheme {
        out.push(if a.scheme.eq_ignore_ascii_case(&r.scheme) {
            format!("the scheme's case: `{}` vs `{}`", a.scheme, r.scheme)
        } else {
            format!("the scheme: `{}` vs `{}`", a.scheme, r.scheme)
        });
    }
    if a.host != r.host {
        out.push(if a.host.eq_ignore_ascii_case(&r.host) {
            format!("the host's case: `{}` vs `{}`", a.host, r.host)
        } else if a.loopback() && r.loopback() {
            format!(
                "the host: `{}` vs `{}`; both are this machine, but providers compare the text, \
                 not where it resolves",
                a.host, r.host
            )
        } else {
            format!("the host: `{}` vs `{}`", a.host, r.host)
        });
    }
    if a.port != r.port {
        let default = a.default_port();
        let port_only = a.scheme == r.scheme && a.host == r.host;
        match (&a.port, &r.port) {
            (Some(p), None) | (None, Some(p)) if Some(p.as_str()) == default => out.push(format!(
                "the default port {p} is written out in one and not the other; the strings differ"
            )),
            // RFC 8252 §7.3: a loopback IP redirect may use any port.
            _ if port_only && a.loopback_ip() && r.loopback_ip() => {}
            (a_port, r_port) => out.push(format!(
                "the port: {} vs {}",
                a_port.as_deref().unwrap_or("(none)"),
                r_port.as_deref().unwrap_or("(none)")
            )),
        }
    }
    if a.path != r.path {
        let (ap, rp) = (&a.path, &r.path);
        out.push(if ap.trim_end_matches('/') == rp.trim_end_matches('/') {
            format!("a trailing slash: path `{ap}` vs `{rp}`")
        } else if ap.eq_ignore_ascii_case(rp) {
            format!("the path's case: `{ap}` vs `{rp}`")
        } else if percent_decode(ap) == percent_decode(rp) {
            format!("percent-encoding: path `{ap}` vs `{rp}`")
        } else {
            format!("the path: `{ap}` vs `{rp}`")
        });
    }
    if a.query != r.query {
        out.push(match (&a.query, &r.query) {
            (Some(q), None) => format!("an extra query `?{q}`"),
            (None, Some(q)) => format!("the missing query `?{q}`"),
            (Some(x), Some(y)) => format!("the query: `?{x}` vs `?{y}`"),
            (None, None) => unreachable!(),
        });
    }
    if a.userinfo != r.userinfo || a.fragment != r.fragment {
        out.push("userinfo or fragment".to_owned());
    }
    out
}

/// A value of the config that holds a redirect URI or a client id, after expansion.
#[derive(Debug, Clone)]
pub struct Setting {
    pub value: String,
    /// The config literal it comes from.
    pub span: Span,
    pub pointer: String,
    /// The `.env` line that defines it, when it came from one.
    pub defined_at: Option<(FileId, Span)>,
    /// The variable or field name, for messages.
    pub name: String,
}

/// One OAuth client of one server.
#[derive(Debug, Clone)]
pub struct App {
    pub server: String,
    pub prefix: String,
    pub redirect: Option<Setting>,
    pub client_id: Option<Setting>,
    /// `oauth.callbackPort`, for the `claude-code` profile.
    pub callback_port: Option<u16>,
}

const REDIRECT_SUFFIXES: &[&str] = &[
    "_REDIRECT_URI",
    "_REDIRECT_URL",
    "_CALLBACK_URL",
    "_CALLBACK_URI",
];
const CLIENT_ID_SUFFIX: &str = "_CLIENT_ID";

/// The OAuth clients of one server entry. `resolved` is the entry after expansion;
/// `origin` tells where a variable's value was defined.
pub fn apps(
    server: &str,
    node: &Object,
    resolved: &serde_json::Map<String, serde_json::Value>,
    path: &Path,
    origin: &dyn Fn(&str) -> Option<(FileId, Span)>,
) -> Vec<App> {
    let mut apps: Vec<App> = Vec::new();
    fn app_for<'a>(apps: &'a mut Vec<App>, server: &str, prefix: &str) -> &'a mut App {
        let i = match apps.iter().position(|a| a.prefix == prefix) {
            Some(i) => i,
            None => {
                apps.push(App {
                    server: server.to_owned(),
                    prefix: prefix.to_owned(),
                    redirect: None,
                    client_id: None,
                    callback_port: None,
                });
                apps.len() - 1
            }
        };
        &mut apps[i]
    }
    for block in ["env", "headers"] {
        let (Some(Node::Object(map)), Some(values)) = (
            node.properties
                .iter()
                .rev()
                .find(|p| p.name.as_str() == block)
                .map(|p| &p.value),
            resolved.get(block).and_then(serde_json::Value::as_object),
        ) else {
            continue;
        };
        let block_path = Path::Key(path, block);
        for prop in &map.properties {
            let key = prop.name.as_str();
            let upper = key.to_ascii_uppercase();
            let Node::StringLit(lit) = &prop.value else {
                continue;
            };
            let Some(value) = values.get(key).and_then(serde_json::Value::as_str) else {
                continue;
            };
            let setting = || Setting {
                value: value.to_owned(),
                span: lit.range.into(),
                pointer: Path::Key(&block_path, key).pointer(),
                defined_at: single_reference(&lit.value).and_then(origin),
                name: key.to_owned(),
            };
            if let Some(suffix) = REDIRECT_SUFFIXES.iter().find(|s| upper.ends_with(*s)) {
                app_for(&mut apps, server, &upper[..upper.len() - suffix.len()]).redirect =
                    Some(setting());
            } else if upper.ends_with(CLIENT_ID_SUFFIX) {
                app_for(
                    &mut apps,
                    server,
                    &upper[..upper.len() - CLIENT_ID_SUFFIX.len()],
                )
                .client_id = Some(setting());
            }
        }
    }
    // The structured form of Claude Code and Gemini CLI.
    if let (Some(Node::Object(map)), Some(values)) = (
        node.properties
            .iter()
            .rev()
            .find(|p| p.name.as_str() == "oauth")
            .map(|p| &p.value),
        resolved.get("oauth").and_then(serde_json::Value::as_object),
    ) {
        let oauth_path = Path::Key(path, "oauth");
        let app = app_for(&mut apps, server, "oauth");
        for prop in &map.properties {
            let key = prop.name.as_str();
            match (&prop.value, values.get(key)) {
                (Node::StringLit(lit), Some(serde_json::Value::String(value))) => {
                    let setting = Setting {
                        value: value.clone(),
                        span: lit.range.into(),
                        pointer: Path::Key(&oauth_path, key).pointer(),
                        defined_at: single_reference(&lit.value).and_then(origin),
                        name: format!("oauth.{key}"),
                    };
                    match key {
                        "redirectUri" | "redirect_uri" => app.redirect = Some(setting),
                        "clientId" | "client_id" => app.client_id = Some(setting),
                        _ => {}
                    }
                }
                (Node::NumberLit(_), Some(v)) if key == "callbackPort" => {
                    app.callback_port = v.as_u64().and_then(|p| u16::try_from(p).ok());
                }
                _ => {}
            }
        }
    }
    apps
}

/// `NAME` when a value is exactly `${NAME}` (or `${env:NAME}`).
fn single_reference(raw: &str) -> Option<&str> {
    let inner = raw.strip_prefix("${")?.strip_suffix('}')?;
    let inner = inner.strip_prefix("env:").unwrap_or(inner);
    inner
        .bytes()
        .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        .then_some(inner)
}

/// The callback the hub serves for `server`, per profile; `None` when it cannot be known.
pub fn expected_callback(options: &OAuthOptions, server: &str, app: &App) -> Option<String> {
    let hub = options.hub_url.as_deref().map(|h| h.trim_end_matches('/'));
    match options.profile {
        Profile::Generic => Some(format!("{}{}", hub?, options.callback_path)),
        Profile::McpHub => Some(format!("{}/api/oauth/callback?server_name={server}", hub?)),
        Profile::McpRemote => Some("http://localhost:<port>/oauth/callback".to_owned()),
        Profile::ClaudeCode => Some(match app.callback_port {
            Some(port) => format!("http://localhost:{port}/callback"),
            None => "http://localhost:<port>/callback".to_owned(),
        }),
        Profile::GeminiCli => Some("http://localhost:7777/oauth/callback".to_owned()),
    }
}

/// Compares with an expected callback in which `<port>` stands for any port.
fn matches_expected(actual: &str, expected: &str) -> Vec<String> {
    if !expected.contains("<port>") {
        return differences(actual, expected);
    }
    let Some(a) = Parts::parse(actual) else {
        return vec!["it is not a URI".to_owned()];
    };
    let port = a.port.clone().unwrap_or_default();
    differences(actual, &expected.replace("<port>", &port))
}

fn diag(
    rule: &'static crate::registry::Rule,
    id: FileId,
    s: &Setting,
    message: String,
) -> Diagnostic {
    let mut d = Diagnostic::new(rule, id, s.span, s.pointer.clone(), message);
    if let Some((file, span)) = s.defined_at {
        d = d.related_in(file, span, format!("`{}` is set here", s.name));
    }
    d
}

/// Runs every check on the OAuth clients of one config.
pub fn check(apps: &[App], options: &OAuthOptions, id: FileId, out: &mut Vec<Diagnostic>) {
    for app in apps {
        let Some(redirect) = &app.redirect else {
            continue;
        };
        check_redirect(app, redirect, options, id, out);
    }
    // One client id, several redirect URIs.
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
                diag(
                    &SHARED_CLIENT_ID,
                    id,
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

fn check_redirect(
    app: &App,
    s: &Setting,
    options: &OAuthOptions,
    id: FileId,
    out: &mut Vec<Diagnostic>,
) {
    let uri = s.value.trim();
    let server = &app.server;
    let what = format!("the redirect URI of server `{server}`");
    if uri.contains("${") {
        return; // Filled in by the client at run time: nothing to compare.
    }
    if uri.is_empty() {
        out.push(
            diag(
                &EMPTY_REDIRECT_URI,
                id,
                s,
                format!("{what} (`{}`) is empty", s.name),
            )
            .label("empty")
            .help(format!(
                "set `{}` to the URI registered with the provider",
                s.name
            )),
        );
        return;
    }
    let Some(parts) = Parts::parse(uri) else {
        out.push(
            diag(
                &INVALID_REDIRECT_URI,
                id,
                s,
                format!("{what}, `{uri}`, is not an absolute URI"),
            )
            .label("not an absolute URI")
            .help("write the scheme and host: `http://localhost:7000/oauth/callback`"),
        );
        return;
    };
    let mut findings = Vec::new();
    if parts.fragment.is_some() {
        findings.push(
            diag(
                &REDIRECT_URI_FRAGMENT,
                id,
                s,
                format!("{what}, `{uri}`, has a `#fragment`"),
            )
            .help("remove everything from `#`: RFC 6749 §3.1.2 forbids a fragment"),
        );
    }
    if uri.contains('*') {
        findings.push(
            diag(&WILDCARD_REDIRECT_URI, id, s, format!("{what}, `{uri}`, has a wildcard"))
                .help("providers compare exact strings (RFC 9700 §4.1.3): write the one URI the hub serves"),
        );
    }
    if parts.userinfo.is_some() {
        findings.push(
            diag(
                &REDIRECT_URI_USERINFO,
                id,
                s,
                format!("{what} has userinfo (`…@`) before its host"),
            )
            .help("remove the `user@` part: it hides the real host and breaks exact matching"),
        );
    }
    let scheme = parts.scheme.to_ascii_lowercase();
    if scheme != "http" && scheme != "https" {
        findings.push(
            diag(&REDIRECT_URI_SCHEME, id, s, format!("{what}, `{uri}`, is not http(s)"))
                .help("a hub receives the redirect in a browser: use `http://localhost:...` or `https://...`"),
        );
    } else if scheme == "http" && !parts.loopback() {
        findings.push(
            diag(
                &INSECURE_REDIRECT_URI,
                id,
                s,
                format!("{what} sends the authorization code over plain http to `{}`", parts.host),
            )
            .help(format!(
                "use `https://{}`: only loopback redirects may use http (RFC 8252 §8.3, RFC 6749 §3.1.2.1)",
                &uri["http://".len().min(uri.len())..]
            )),
        );
    }
    // Not where the hub or the registered list already says `localhost`: the advice would
    // contradict the finding that matters.
    let expected = expected_callback(options, server, app);
    let localhost_expected = expected
        .as_deref()
        .and_then(|e| Parts::parse(&e.replace("<port>", "1")))
        .is_some_and(|e| e.host.eq_ignore_ascii_case("localhost"));
    if parts.host.eq_ignore_ascii_case("localhost")
        && !localhost_expected
        && !options.registered.iter().any(|r| r == uri)
    {
        findings.push(
            diag(
                &LOCALHOST_REDIRECT,
                id,
                s,
                format!("{what} uses `localhost`"),
            )
            .help(format!(
                "RFC 8252 §8.3 recommends `127.0.0.1`: `{}`, registered the same way",
                uri.replacen(&parts.host, "127.0.0.1", 1)
            )),
        );
    }
    // Against the registered list.
    if !options.registered.is_empty() {
        let best = options
            .registered
            .iter()
            .map(|r| (differences(uri, r), r))
            .min_by_key(|(d, _)| d.len());
        if let Some((diffs, closest)) = best
            && !diffs.is_empty()
        {
            findings.push(
                diag(
                    &REDIRECT_URI_MISMATCH,
                    id,
                    s,
                    format!(
                        "{what}, `{uri}`, is not registered with the provider: it differs from \
                         the registered `{closest}` in {}",
                        diffs.join("; ")
                    ),
                )
                .label("not registered")
                .help(format!(
                    "the provider will answer \"Invalid redirect_uri\"; set `{}` to `{closest}`, \
                     or register `{uri}` with the provider",
                    s.name
                )),
            );
        }
    }
    // Against the callback the hub serves.
    if let Some(expected) = expected {
        let diffs = matches_expected(uri, &expected);
        if !diffs.is_empty() {
            findings.push(
                diag(
                    &HUB_CALLBACK_MISMATCH,
                    id,
                    s,
                    format!(
                        "{what}, `{uri}`, is not where the hub receives the login: it expects \
                         `{expected}` (differs in {})",
                        diffs.join("; ")
                    ),
                )
                .label("not the hub's callback")
                .help(format!(
                    "set `{}` to `{expected}` and register that exact URI with the provider",
                    s.name
                )),
            );
        }
    }
    for f in &mut findings {
        if f.label.is_none() {
            f.label = Some("redirect URI".to_owned());
        }
    }
    out.extend(findings);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn setting(value: &str) -> Setting {
        Setting {
            value: value.to_owned(),
            span: Span::new(0, 0),
            pointer: "/hf/env/HF_REDIRECT_URI".to_owned(),
            defined_at: None,
            name: "HF_REDIRECT_URI".to_owned(),
        }
    }

    fn app(uri: &str) -> App {
        App {
            server: "hf".to_owned(),
            prefix: "HF".to_owned(),
            redirect: Some(setting(uri)),
            client_id: None,
            callback_port: None,
        }
    }

    fn rules_for(uri: &str, options: &OAuthOptions) -> Vec<&'static str> {
        let mut out = Vec::new();
        check(&[app(uri)], options, 0, &mut out);
        out.iter().map(|d| d.rule.id).collect()
    }

    fn has(uri: &str, options: &OAuthOptions, rule: &str) -> bool {
        rules_for(uri, options).contains(&rule)
    }

    fn plain() -> OAuthOptions {
        OAuthOptions::default()
    }

    fn registered(uris: &[&str]) -> OAuthOptions {
        OAuthOptions {
            registered: uris.iter().map(|s| (*s).to_owned()).collect(),
            ..OAuthOptions::default()
        }
    }

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

    #[test]
    fn empty_and_runtime() {
        assert!(has("", &plain(), "oauth/empty-redirect-uri"));
        assert!(has("  ", &plain(), "oauth/empty-redirect-uri"));
        assert!(rules_for("${input:redirect}", &plain()).is_empty());
    }

    #[test]
    fn localhost_is_noted() {
        assert!(has(
            "http://localhost:7000/cb",
            &plain(),
            "oauth/localhost-redirect"
        ));
        assert!(has(
            "http://LOCALHOST/cb",
            &plain(),
            "oauth/localhost-redirect"
        ));
        assert!(!has(
            "http://127.0.0.1:7000/cb",
            &plain(),
            "oauth/localhost-redirect"
        ));
    }

    #[test]
    fn mismatch_explains_the_difference() {
        let d = |a, r| differences(a, r).join("; ");
        assert!(
            d("http://localhost:7000/cb", "http://127.0.0.1:7000/cb")
                .contains("`localhost` vs `127.0.0.1`")
        );
        assert!(
            d("http://127.0.0.1:7000/cb", "http://[::1]:7000/cb").contains("both are this machine")
        );
        assert!(
            d("http://localhost:7001/cb", "http://localhost:7000/cb")
                .contains("port: 7001 vs 7000")
        );
        assert!(
            d("https://hub.example.com/cb/", "https://hub.example.com/cb")
                .contains("trailing slash")
        );
        assert!(
            d("https://hub.example.com/CB", "https://hub.example.com/cb").contains("path's case")
        );
        assert!(
            d("https://Hub.example.com/cb", "https://hub.example.com/cb").contains("host's case")
        );
        assert!(
            d(
                "https://hub.example.com:443/cb",
                "https://hub.example.com/cb"
            )
            .contains("default port 443")
        );
        assert!(
            d(
                "https://hub.example.com/a%2Fb",
                "https://hub.example.com/a/b"
            )
            .contains("percent-encoding")
        );
        assert!(
            d(
                "https://hub.example.com/cb?x=1",
                "https://hub.example.com/cb"
            )
            .contains("query")
        );
        assert!(
            d(
                "https://hub.example.com/other",
                "https://hub.example.com/cb"
            )
            .contains("the path")
        );
        // RFC 8252 §7.3: a loopback IP may vary its port.
        assert!(differences("http://127.0.0.1:53123/cb", "http://127.0.0.1/cb").is_empty());
        assert!(!differences("http://localhost:53123/cb", "http://localhost/cb").is_empty());

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
        let mut out = Vec::new();
        check(
            &[app("http://localhost:7000/oauth/callback")],
            &opts,
            0,
            &mut out,
        );
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

    #[test]
    fn hub_callback_per_profile() {
        let hub = |profile, url: Option<&str>| OAuthOptions {
            hub_url: url.map(str::to_owned),
            profile,
            ..OAuthOptions::default()
        };
        let generic = hub(Profile::Generic, Some("http://localhost:7000"));
        assert!(!has(
            "http://localhost:7000/oauth/callback",
            &generic,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://localhost:7000/api/oauth/callback",
            &generic,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://localhost:7001/oauth/callback",
            &generic,
            "oauth/hub-callback-mismatch"
        ));

        let mcp_hub = hub(Profile::McpHub, Some("http://localhost:7000/"));
        assert!(has(
            "http://localhost:7000/oauth/callback",
            &mcp_hub,
            "oauth/hub-callback-mismatch"
        ));
        assert!(!has(
            "http://localhost:7000/api/oauth/callback?server_name=hf",
            &mcp_hub,
            "oauth/hub-callback-mismatch"
        ));
        // Without a hub URL the generic callback is unknown.
        assert!(!has(
            "http://localhost:7001/x",
            &hub(Profile::Generic, None),
            "oauth/hub-callback-mismatch"
        ));

        let remote = hub(Profile::McpRemote, None);
        assert!(!has(
            "http://localhost:3334/oauth/callback",
            &remote,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://localhost:3334/callback",
            &remote,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://127.0.0.1:3334/oauth/callback",
            &remote,
            "oauth/hub-callback-mismatch"
        ));

        let claude = hub(Profile::ClaudeCode, None);
        assert!(!has(
            "http://localhost:8080/callback",
            &claude,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://localhost:8080/oauth/callback",
            &claude,
            "oauth/hub-callback-mismatch"
        ));

        let gemini = hub(Profile::GeminiCli, None);
        assert!(!has(
            "http://localhost:7777/oauth/callback",
            &gemini,
            "oauth/hub-callback-mismatch"
        ));
        assert!(has(
            "http://localhost:7778/oauth/callback",
            &gemini,
            "oauth/hub-callback-mismatch"
        ));
    }

    #[test]
    fn shared_client_id() {
        let with_id = |server: &str, uri: &str, client: &str| App {
            server: server.to_owned(),
            client_id: Some(setting(client)),
            ..app(uri)
        };
        let mut out = Vec::new();
        check(
            &[
                with_id("a", "http://127.0.0.1:7000/a", "client-1"),
                with_id("b", "http://127.0.0.1:7000/b", "client-1"),
            ],
            &plain(),
            0,
            &mut out,
        );
        assert!(out.iter().any(|d| d.rule.id == "oauth/shared-client-id"));
        // The third of three servers shares the first one's client.
        let mut out = Vec::new();
        check(
            &[
                with_id("a", "http://127.0.0.1:7000/a", "client-1"),
                with_id("b", "http://127.0.0.1:7000/b", "client-2"),
                with_id("c", "http://localhost:7000/a", "client-1"),
            ],
            &plain(),
            0,
            &mut out,
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
        let mut out = Vec::new();
        check(
            &[
                with_id("a", "http://127.0.0.1:7000/a", "client-1"),
                with_id("b", "http://127.0.0.1:7000/a", "client-1"),
                with_id("c", "http://127.0.0.1:7000/c", "client-2"),
            ],
            &plain(),
            0,
            &mut out,
        );
        assert!(!out.iter().any(|d| d.rule.id == "oauth/shared-client-id"));
    }
}
