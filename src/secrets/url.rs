//! Credentials in URLs and connection strings: `scheme://user:password@host`, credential
//! query parameters (`?api_key=`), and `Password=...;` pairs.

use std::ops::Range;

use super::Kind;
use super::fake;

/// Whether `value` may hold a credential of the kinds below: the cheap test before
/// [`credentials`].
pub fn may_hold_credentials(value: &str) -> bool {
    // Called on every string: one look at each `:` and `=`, no searcher built.
    let b = value.as_bytes();
    memchr::memchr_iter(b':', b).any(|i| b[i + 1..].starts_with(b"//"))
        || pair_keys(value).next().is_some()
}

/// The keys of `Password=...;` pairs (ADO.NET, ODBC), before their `=`.
const PAIR_KEYS: [&str; 2] = ["password", "pwd"];

/// Where a key of [`PAIR_KEYS`] and its `=` start in `value`, in any ASCII case, with the key:
/// one look back from each `=`, in one pass.
fn pair_keys(value: &str) -> impl Iterator<Item = (usize, &'static str)> + '_ {
    memchr::memchr_iter(b'=', value.as_bytes()).filter_map(move |i| {
        PAIR_KEYS.iter().find_map(|&key| {
            crate::ascii::strip_suffix_ignore_case(&value[..i], key).map(|rest| (rest.len(), key))
        })
    })
}

/// `{PASS}`, `{{password}}`, `%PASSWORD%`, `:password` (a route parameter): a template's slot.
fn is_template(password: &str) -> bool {
    password.contains(['{', '}'])
        || (password.starts_with('%') && password.ends_with('%'))
        || password.starts_with(':')
}

/// Default credentials of a local database or broker (`postgres:postgres@localhost`,
/// `guest:guest@localhost`): what the image ships with, not a secret.
fn is_default(user: &str, password: &str, host: &str) -> bool {
    let host = host.split(':').next().unwrap_or(host);
    let local = crate::net::is_loopback_host(host)
        || matches!(
            host,
            "db" | "postgres" | "mysql" | "redis" | "mongo" | "rabbitmq"
        );
    local
        && (user == password
            || matches!(
                password,
                "postgres" | "root" | "admin" | "guest" | "mysql" | "redis" | "test" | "pass"
            ))
}

/// Query parameters that carry a credential.
const CREDENTIAL_PARAMS: &[&str] = &[
    "api_key",
    "apikey",
    "api-key",
    "key",
    "token",
    "access_token",
    "auth",
    "auth_token",
    "secret",
    "client_secret",
    "password",
    "sig",
    "signature",
    "private_token",
];

/// Passwords in URLs (`scheme://user:password@host`) and `Password=...;` pairs, and
/// credential query parameters: their byte ranges in `value`.
pub fn credentials(value: &str) -> Vec<(Kind, Range<usize>)> {
    let mut out = Vec::new();
    let bytes = value.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&bytes[from..], b"://") {
        let authority_start = from + i + 3;
        let rest = &value[authority_start..];
        let authority_end = rest
            .find(['/', '?', '#', ' ', '"', '\'', '`', '<', '>', '\\'])
            .unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        if let Some(at) = authority.rfind('@')
            && let Some((user, password)) = authority[..at].split_once(':')
            && !password.is_empty()
            && crate::env::dollar::find_open(password).is_none()
            && !password.starts_with('$')
            && !is_template(password)
            && !is_default(user, password, &authority[at + 1..])
        {
            let start = authority_start + authority[..at].find(':').unwrap_or(0) + 1;
            let kind = if fake::is_placeholder(password) {
                Kind::Placeholder
            } else {
                Kind::UrlPassword
            };
            out.push((kind, start..start + password.len()));
        }
        // The query of this URL.
        let url_end = authority_start + rest.find([' ', '"']).unwrap_or(rest.len());
        if let Some(q) = value[authority_start..url_end].find('?') {
            let query_start = authority_start + q + 1;
            let mut pos = query_start;
            for pair in value[query_start..url_end].split(['&', '#']) {
                if let Some((name, v)) = pair.split_once('=')
                    && CREDENTIAL_PARAMS.contains(&name.to_ascii_lowercase().as_str())
                    && !v.is_empty()
                    && crate::env::dollar::find_open(v).is_none()
                {
                    let start = pos + name.len() + 1;
                    if fake::is_placeholder(v) {
                        out.push((Kind::Placeholder, start..start + v.len()));
                    } else if fake::looks_secret(v)
                        || (v.len() >= 16 && !fake::is_decoy(v) && !fake::looks_fake(v))
                    {
                        out.push((Kind::Generic, start..start + v.len()));
                    }
                }
                pos += pair.len() + 1;
            }
        }
        from = authority_start;
    }
    // `Server=...;User Id=...;Password=...;` (ADO.NET, ODBC).
    // Key by key, as the findings have always been listed.
    for key in PAIR_KEYS {
        for (at, _) in pair_keys(value).filter(|&(_, k)| k == key) {
            let start = at + key.len() + 1;
            let boundary = at == 0 || matches!(bytes[at - 1], b';' | b' ');
            let end = value[start..].find(';').map_or(value.len(), |e| start + e);
            let password = &value[start..end];
            if boundary && !password.is_empty() && crate::env::dollar::find_open(password).is_none()
            {
                let kind = if fake::is_placeholder(password) {
                    Kind::Placeholder
                } else {
                    Kind::UrlPassword
                };
                out.push((kind, start..end));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pair_keys_are_every_place_of_the_key_and_its_equals_sign() {
        let naive = |v: &str, key: &str| -> Vec<usize> {
            let (lower, needle) = (v.to_ascii_lowercase(), format!("{key}="));
            (0..v.len())
                .filter(|&i| lower.get(i..).is_some_and(|r| r.starts_with(&needle)))
                .collect()
        };
        for v in [
            "Server=db;Password=a;PWD=b",
            "password=password=x",
            "xpwd=1; pwd==2",
            "é;PassWord=é",
            "pwd",
            "",
        ] {
            for key in PAIR_KEYS {
                let found: Vec<usize> = pair_keys(v)
                    .filter(|&(_, k)| k == key)
                    .map(|(at, _)| at)
                    .collect();
                assert_eq!(found, naive(v, key), "{v} {key}");
            }
        }
    }

    #[test]
    fn the_pre_check_lets_through_what_may_hold_credentials() {
        for v in ["a://b", "x;PassWord=1", "PWD=", "https://h", "k=v;pwd=x"] {
            assert!(may_hold_credentials(v), "{v}");
        }
        for v in [
            "",
            "a:/b",
            "password",
            "pw=d",
            "c:\\dir",
            "key=value:1",
            "sword=",
        ] {
            assert!(!may_hold_credentials(v), "{v}");
        }
    }

    #[test]
    fn url_credentials_are_located() {
        let v = "postgresql://app:s3cr3t-Pa55@db:5432/app";
        let found = credentials(v);
        assert_eq!(&v[found[0].1.clone()], "s3cr3t-Pa55");
        let v = "https://api.example.com/x?region=eu&api_key=Zt8qLw2mN4vB7xK1pR9s";
        assert_eq!(&v[credentials(v)[0].1.clone()], "Zt8qLw2mN4vB7xK1pR9s");
        assert!(credentials("https://api.example.com/x?page=2").is_empty());
        assert!(credentials("postgresql://app:${PGPASSWORD}@db/app").is_empty());
        let v = "Server=db;User Id=sa;Password=Hunter2-Secret;";
        assert_eq!(&v[credentials(v)[0].1.clone()], "Hunter2-Secret");
    }

    #[test]
    fn templates_defaults_and_quoted_urls_are_not_passwords() {
        // Each quiet case beside one that must still be found.
        assert!(credentials("postgres://{USER}:{PASS}@db.example.com/app").is_empty());
        let placeholder = credentials("mysql://root:REPLACE_WITH_PASSWORD@db.example.com/x");
        assert!(
            placeholder
                .iter()
                .all(|(k, _)| matches!(k, Kind::Placeholder))
        );
        assert!(credentials("postgres://postgres:postgres@localhost:5432/app").is_empty());
        assert!(credentials("amqp://guest:guest@127.0.0.1:5672").is_empty());
        let found = credentials("postgres://postgres:Zt8qLw2mN4vB@localhost:5432/app");
        assert!(matches!(found[0].0, Kind::UrlPassword));
        let found = credentials("postgres://app:app@db.example.com/app");
        assert!(matches!(found[0].0, Kind::UrlPassword));
        assert!(credentials("fetch('https://url:8000';@x)").is_empty());
        assert!(!credentials("https://user:Zt8qLw2mN4vB@x.example.com").is_empty());
    }

    #[test]
    fn a_name_in_capitals_is_a_placeholder_in_a_query() {
        let v = "https://api.example.com/x?access_token=ACCESS_TOKEN";
        assert!(
            credentials(v)
                .iter()
                .all(|(k, _)| matches!(k, Kind::Placeholder))
        );
        let v = "https://api.example.com/x?access_token=Zt8qLw2mN4vB7xK1pR9s";
        assert!(matches!(credentials(v)[0].0, Kind::Generic));
    }
}
