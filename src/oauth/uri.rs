//! Redirect URIs as a provider compares them: split into parts as written, and told apart in
//! the words a person needs ("a trailing slash", "the port", ...).

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
    /// The parts of an absolute URI with a host; `None` for anything else.
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

    /// Whether the host is a loopback IP literal (`127.0.0.1`, `[::1]`, ...).
    pub fn loopback_ip(&self) -> bool {
        crate::net::is_loopback_ip(&self.host)
    }

    /// Whether the host is this machine: `localhost`, `*.localhost` or a loopback IP.
    pub fn loopback(&self) -> bool {
        crate::net::is_loopback_host(&self.host.to_ascii_lowercase())
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

/// [`differences`] from an expected callback in which `<port>` stands for any port.
pub fn matches_expected(actual: &str, expected: &str) -> Vec<String> {
    if !expected.contains("<port>") {
        return differences(actual, expected);
    }
    let Some(a) = Parts::parse(actual) else {
        return vec!["it is not a URI".to_owned()];
    };
    let port = a.port.clone().unwrap_or_default();
    differences(actual, &expected.replace("<port>", &port))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn differences_explain_the_mismatch() {
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
    }
}
