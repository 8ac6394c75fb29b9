//! Package specs as the runners write them: npm's (`name@version|range|tag`,
//! `github:owner/repo#ref`, `owner/repo`, `git+https://…#ref`, tarball URLs, folders;
//! <https://docs.npmjs.com/cli/v10/using-npm/package-spec>) and Python's (PEP 508
//! requirements, <https://peps.python.org/pep-0508/>; uv's `name@version`,
//! <https://docs.astral.sh/uv/guides/tools/>; pip's `git+https://…@rev`,
//! <https://pip.pypa.io/en/stable/topics/vcs-support/>).

/// What a registry spec asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Version<'a> {
    /// No version: whatever the runner resolves (the newest, or what it has cached).
    Any,
    /// One exact version (`@1.2.3`, `==1.2.3`).
    Exact(&'a str),
    /// A dist-tag such as `latest` or `next`.
    Tag(&'a str),
    /// A range (`^1.2`, `>=1`, `1.x`, `==1.*`).
    Range(&'a str),
}

/// Where the package comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source<'a> {
    Registry {
        name: &'a str,
        version: Version<'a>,
    },
    /// A git repository; `rev` is what follows `#` (npm) or `@` (pip, uv), if anything.
    Git {
        url: &'a str,
        rev: Option<&'a str>,
    },
    /// An archive URL; `hashed` when it carries a `#sha256=` (or stronger) hash.
    Url {
        url: &'a str,
        hashed: bool,
    },
    /// A folder or file on this machine.
    Local(&'a str),
    /// Not a package spec: a name the registry would not accept (`k=v`, `--x`).
    Other(&'a str),
}

fn is_local(spec: &str) -> bool {
    let bytes = spec.as_bytes();
    spec.starts_with(['.', '/', '~', '\\'])
        || spec.starts_with("file:")
        || (bytes.len() > 2 && bytes[0].is_ascii_alphabetic() && bytes[1] == b':')
            && matches!(bytes[2], b'\\' | b'/')
}

fn is_url(lower: &str) -> bool {
    lower.starts_with("https://") || lower.starts_with("http://")
}

/// An npm package spec (`npm-package-arg`'s kinds, without the alias form).
pub(super) fn npm_source(spec: &str) -> Source<'_> {
    let lower = spec.to_ascii_lowercase();
    let git_prefixes = [
        "git+",
        "git://",
        "github:",
        "gitlab:",
        "bitbucket:",
        "gist:",
    ];
    if git_prefixes.iter().any(|p| lower.starts_with(p)) {
        return git_hash(spec);
    }
    if is_url(&lower) {
        let hosted = ["github.com/", "gitlab.com/", "bitbucket.org/"]
            .iter()
            .any(|h| lower.contains(h));
        let archive = [".tgz", ".tar.gz", ".tar", ".zip"]
            .iter()
            .any(|e| lower.split('#').next().unwrap_or("").ends_with(e));
        return if hosted && !archive {
            git_hash(spec)
        } else {
            Source::Url {
                url: spec,
                hashed: false,
            }
        };
    }
    if is_local(spec) {
        return Source::Local(spec);
    }
    // `owner/repo`: GitHub.
    if !spec.starts_with('@') && spec.contains('/') {
        let path = spec.split('#').next().unwrap_or(spec);
        let shorthand = path.split_once('/').is_some_and(|(owner, repo)| {
            let ok = |p: &str, extra: &[u8]| {
                !p.is_empty()
                    && p.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'-' || extra.contains(&b))
            };
            ok(owner, b"") && ok(repo, b"._")
        });
        return if shorthand {
            git_hash(spec)
        } else {
            Source::Other(spec)
        };
    }
    registry_npm(spec)
}

/// A git spec whose ref follows `#` (npm).
fn git_hash(spec: &str) -> Source<'_> {
    let (url, rev) = match spec.split_once('#') {
        Some((url, rev)) => (url, Some(rev).filter(|r| !r.is_empty())),
        None => (spec, None),
    };
    Source::Git { url, rev }
}

/// `name`, `name@1.2.3`, `@scope/name@^1`, `name@latest`.
pub(super) fn registry_npm(spec: &str) -> Source<'_> {
    let at = spec
        .get(1..)
        .and_then(|s| s.find('@'))
        .map(|i| i + 1)
        .filter(|_| !spec.is_empty());
    let (name, version) = match at {
        Some(at) => (&spec[..at], &spec[at + 1..]),
        None => (spec, ""),
    };
    if !valid_name(name, true) {
        return Source::Other(spec);
    }
    Source::Registry {
        name,
        version: npm_version(version),
    }
}

/// A name the registry accepts: npm's `[@scope/]name` of URL-safe characters
/// (<https://docs.npmjs.com/cli/v10/configuring-npm/package-json#name>), PyPI's letters,
/// digits, `.`, `_`, `-` (<https://packaging.python.org/en/latest/specifications/name-normalization/>).
fn valid_name(name: &str, npm: bool) -> bool {
    let (scope, bare) = match name.strip_prefix('@').and_then(|n| n.split_once('/')) {
        Some((scope, bare)) if npm => (Some(scope), bare),
        _ => (None, name),
    };
    let part = |p: &str| {
        !p.is_empty()
            && p.len() <= 214
            && !p.starts_with(['.', '_', '-'])
            && p.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
            && (npm || !p.contains('~'))
    };
    part(bare) && scope.is_none_or(part)
}

fn npm_version(v: &str) -> Version<'_> {
    if v.is_empty() {
        return Version::Any;
    }
    let bare = v.trim_start_matches(['v', '=']);
    if semver::Version::parse(bare).is_ok() {
        return Version::Exact(v);
    }
    let range = v.starts_with(|c: char| c.is_ascii_digit() || "^~<>=*xX".contains(c))
        || v.contains(" - ")
        || v.contains("||");
    if range {
        Version::Range(v)
    } else {
        Version::Tag(v)
    }
}

pub(super) fn py_source(spec: &str, uv_at: bool) -> Source<'_> {
    let spec = spec.split(';').next().unwrap_or("").trim();
    let lower = spec.to_ascii_lowercase();
    if lower.starts_with("git+") {
        return git_at(spec);
    }
    if is_url(&lower) || lower.starts_with("file:") {
        let hashed = ["#sha256=", "#sha384=", "#sha512="]
            .iter()
            .any(|h| lower.contains(h));
        return Source::Url { url: spec, hashed };
    }
    if is_local(spec) {
        return Source::Local(spec);
    }
    let end = spec
        .find(|c: char| !(c.is_ascii_alphanumeric() || "-_.".contains(c)))
        .unwrap_or(spec.len());
    let name = &spec[..end];
    let mut rest = spec[end..].trim_start();
    if rest.starts_with('[') {
        rest = rest.find(']').map_or("", |i| rest[i + 1..].trim_start());
    }
    // `name @ git+https://…` (a PEP 508 direct reference).
    if let Some(url) = rest.strip_prefix('@').map(str::trim)
        && (url.contains("://") || url.starts_with("git+"))
    {
        return py_source(url, false);
    }
    let version = if rest.is_empty() {
        Version::Any
    } else if let Some(v) = rest.strip_prefix('@').filter(|_| uv_at) {
        if v.starts_with(|c: char| c.is_ascii_digit()) {
            Version::Exact(v)
        } else {
            Version::Tag(v)
        }
    } else if let Some(v) = rest.strip_prefix("===") {
        Version::Exact(v.trim())
    } else if let Some(v) = rest.strip_prefix("==").map(str::trim)
        && !v.contains(['*', ','])
    {
        Version::Exact(v)
    } else {
        Version::Range(rest)
    };
    if !valid_name(name, false) {
        return Source::Other(spec);
    }
    Source::Registry { name, version }
}

/// A pip/uv git URL: `git+https://host/owner/repo.git@rev#subdirectory=…`.
fn git_at(spec: &str) -> Source<'_> {
    let url = spec.split('#').next().unwrap_or(spec);
    let path_start = match url.find("://") {
        Some(i) => url[i + 3..].find('/').map_or(url.len(), |j| i + 3 + j),
        None => url.find(':').unwrap_or(0),
    };
    match url[path_start..].rfind('@') {
        Some(at) => {
            let at = path_start + at;
            Source::Git {
                url: &url[..at],
                rev: Some(&url[at + 1..]).filter(|r| !r.is_empty()),
            }
        }
        None => Source::Git { url, rev: None },
    }
}

/// Whether a git ref is a full commit id (40 hex digits, or 64 for SHA-256 repositories).
pub fn is_commit(rev: &str) -> bool {
    matches!(rev.len(), 40 | 64) && rev.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn npm_specs() {
        let git = |url, rev| Source::Git { url, rev };
        assert_eq!(npm_source("github:o/r"), git("github:o/r", None));
        assert_eq!(npm_source("o/r#main"), git("o/r", Some("main")));
        assert_eq!(
            npm_source("git+https://github.com/o/r.git#0123456789abcdef0123456789abcdef01234567"),
            git(
                "git+https://github.com/o/r.git",
                Some("0123456789abcdef0123456789abcdef01234567")
            )
        );
        assert_eq!(
            npm_source("https://github.com/o/r"),
            git("https://github.com/o/r", None)
        );
        assert_eq!(
            npm_source("https://example.com/pkg-1.0.0.tgz"),
            Source::Url {
                url: "https://example.com/pkg-1.0.0.tgz",
                hashed: false
            }
        );
        assert_eq!(npm_source("./server"), Source::Local("./server"));
        assert_eq!(npm_source("k=v"), Source::Other("k=v"));
        assert_eq!(npm_source("k=a/b+c=="), Source::Other("k=a/b+c=="));
        assert_eq!(py_source("=x", false), Source::Other("=x"));
        assert_eq!(
            npm_source("C:\\mcp\\server"),
            Source::Local("C:\\mcp\\server")
        );
        for (v, want) in [
            ("1.2.3", Version::Exact("1.2.3")),
            ("v1.2.3", Version::Exact("v1.2.3")),
            ("1.2.3-beta.1", Version::Exact("1.2.3-beta.1")),
            ("1", Version::Range("1")),
            ("1.x", Version::Range("1.x")),
            ("~1.2.0", Version::Range("~1.2.0")),
            ("*", Version::Range("*")),
            ("latest", Version::Tag("latest")),
            ("", Version::Any),
        ] {
            assert_eq!(npm_version(v), want, "{v}");
        }
    }

    #[test]
    fn python_specs() {
        let reg = |name, version| Source::Registry { name, version };
        assert_eq!(
            py_source("pkg[cli]==1.2", false),
            reg("pkg", Version::Exact("1.2"))
        );
        assert_eq!(
            py_source("pkg==1.*", false),
            reg("pkg", Version::Range("==1.*"))
        );
        assert_eq!(
            py_source("pkg~=1.2", false),
            reg("pkg", Version::Range("~=1.2"))
        );
        assert_eq!(
            py_source("pkg===1.2", false),
            reg("pkg", Version::Exact("1.2"))
        );
        assert_eq!(
            py_source("pkg@1.2", true),
            reg("pkg", Version::Exact("1.2"))
        );
        assert_eq!(
            py_source("pkg@latest", true),
            reg("pkg", Version::Tag("latest"))
        );
        assert_eq!(
            py_source(
                "git+https://github.com/o/r.git@v1.0#subdirectory=src",
                false
            ),
            Source::Git {
                url: "git+https://github.com/o/r.git",
                rev: Some("v1.0")
            }
        );
        assert_eq!(
            py_source("git+ssh://git@github.com/o/r.git", false),
            Source::Git {
                url: "git+ssh://git@github.com/o/r.git",
                rev: None
            }
        );
        assert_eq!(
            py_source("pkg @ git+https://h/o/r@abc", false),
            Source::Git {
                url: "git+https://h/o/r",
                rev: Some("abc")
            }
        );
        assert!(matches!(
            py_source("https://h/p-1.0.tar.gz#sha256=00", false),
            Source::Url { hashed: true, .. }
        ));
        assert!(is_commit("0123456789abcdef0123456789abcdef01234567"));
        assert!(!is_commit("0123456"));
        assert!(!is_commit("main"));
    }
}
