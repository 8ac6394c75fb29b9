//! Advisories in the OSV format (<https://ossf.github.io/osv-schema/>): the records shipped in
//! the binary (`advisories/`, sources in its README) and those a user loads with
//! `--advisories FILE`, and the one question asked of them: which advisories affect this
//! exact version of this package, and which version fixes them all.

use std::sync::LazyLock;

use serde::Deserialize;

use super::version::Version;

/// The part of an OSV record mcplint reads.
#[derive(Debug, Clone, Deserialize)]
pub struct Advisory {
    pub id: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub withdrawn: Option<String>,
    #[serde(default)]
    pub affected: Vec<Affected>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Affected {
    pub package: Option<Package>,
    #[serde(default)]
    pub ranges: Vec<Range>,
    /// Versions listed one by one.
    #[serde(default)]
    pub versions: Vec<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Package {
    pub ecosystem: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Range {
    #[serde(rename = "type")]
    pub kind: String,
    pub events: Vec<Event>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Event {
    pub introduced: Option<String>,
    pub fixed: Option<String>,
    pub last_affected: Option<String>,
}

/// The records shipped in the binary (their sources: `advisories/README.md`).
const SHIPPED: &[&str] = &[
    include_str!("advisories/GHSA-3q26-f695-pp76.json"),
    include_str!("advisories/GHSA-3qhf-m339-9g5v.json"),
    include_str!("advisories/GHSA-5cgr-j3jf-jw3v.json"),
    include_str!("advisories/GHSA-6f6r-m9pv-67jw.json"),
    include_str!("advisories/GHSA-6xpm-ggf7-wc3p.json"),
    include_str!("advisories/GHSA-7f8r-222p-6f5g.json"),
    include_str!("advisories/GHSA-8r9q-7v3j-jr4g.json"),
    include_str!("advisories/GHSA-9h52-p55h-vw2f.json"),
    include_str!("advisories/GHSA-9xwc-hfwc-8w59.json"),
    include_str!("advisories/GHSA-gjv4-ghm7-q58q.json"),
    include_str!("advisories/GHSA-hc55-p739-j48w.json"),
    include_str!("advisories/GHSA-j22h-9j4x-23w5.json"),
    include_str!("advisories/GHSA-j975-95f5-7wqh.json"),
    include_str!("advisories/GHSA-q66q-fx2p-7w4m.json"),
    include_str!("advisories/GHSA-w48q-cv73-mx4w.json"),
];

static SHIPPED_RECORDS: LazyLock<Vec<Advisory>> = LazyLock::new(|| {
    SHIPPED
        .iter()
        .map(|text| serde_json::from_str(text).expect("a shipped advisory is an OSV record"))
        .collect()
});

/// The advisories a run checks against: the shipped ones and those loaded from files.
#[derive(Debug, Clone, Default)]
pub struct Advisories {
    pub extra: Vec<Advisory>,
}

/// What the advisories say about one version of a package.
#[derive(Debug, PartialEq, Eq)]
pub struct Verdict<'a> {
    /// The advisories whose ranges hold the version, in id order.
    pub advisories: Vec<&'a Advisory>,
    /// The lowest version above it that none of the package's advisories affects, among
    /// their `fixed` events.
    pub fixed: Option<String>,
    /// When no `fixed` event helps: the highest `last_affected` of the advisories.
    pub last_affected: Option<String>,
}

impl PartialEq for Advisory {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl Eq for Advisory {}

impl Advisories {
    /// Every record, shipped first; a loaded record with the id of a shipped one replaces it.
    pub fn all(&self) -> impl Iterator<Item = &Advisory> {
        SHIPPED_RECORDS
            .iter()
            .filter(|a| !self.extra.iter().any(|e| e.id == a.id))
            .chain(&self.extra)
            .filter(|a| a.withdrawn.is_none())
    }

    /// What the advisories say about `name` at exactly `version` in `ecosystem` (OSV's name:
    /// `npm`, `PyPI`); `None` when none affects it or the version does not parse.
    pub fn check(&self, ecosystem: &str, name: &str, version: &str) -> Option<Verdict<'_>> {
        let v = Version::parse(ecosystem, version)?;
        let of_package: Vec<(&Advisory, Vec<&Affected>)> = self
            .all()
            .map(|a| {
                let entries = a
                    .affected
                    .iter()
                    .filter(|x| {
                        x.package.as_ref().is_some_and(|p| {
                            p.ecosystem == ecosystem && same_name(ecosystem, &p.name, name)
                        })
                    })
                    .collect();
                (a, entries)
            })
            .filter(|(_, entries): &(_, Vec<_>)| !entries.is_empty())
            .collect();
        let hits = |v: &Version, raw: &str| -> Vec<&Advisory> {
            of_package
                .iter()
                .filter(|(_, entries)| entries.iter().any(|x| affects(x, ecosystem, v, raw)))
                .map(|(a, _)| *a)
                .collect()
        };
        let mut advisories = hits(&v, version);
        if advisories.is_empty() {
            return None;
        }
        advisories.sort_by(|a, b| a.id.cmp(&b.id));
        let events = || {
            of_package
                .iter()
                .flat_map(|(_, e)| e.iter().flat_map(|x| &x.ranges))
                .flat_map(|r| &r.events)
        };
        let mut fixes: Vec<(Version, &str)> = events()
            .filter_map(|e| e.fixed.as_deref())
            .filter_map(|f| Some((Version::parse(ecosystem, f)?, f)))
            .filter(|(f, _)| *f > v)
            .collect();
        fixes.sort();
        let fixed = fixes
            .into_iter()
            .find(|(f, raw)| hits(f, raw).is_empty())
            .map(|(_, raw)| raw.to_owned());
        let last_affected = events()
            .filter_map(|e| e.last_affected.as_deref())
            .filter_map(|l| Some((Version::parse(ecosystem, l)?, l)))
            .max()
            .map(|(_, raw)| raw.to_owned())
            .filter(|_| fixed.is_none());
        Some(Verdict {
            advisories,
            fixed,
            last_affected,
        })
    }
}

/// Package names as the registry compares them: PyPI's normalised (PEP 503), npm's as is.
pub fn same_name(ecosystem: &str, a: &str, b: &str) -> bool {
    if ecosystem == "PyPI" {
        normalise_pypi(a) == normalise_pypi(b)
    } else {
        a == b
    }
}

/// PEP 503: lower case, runs of `-`, `_`, `.` as one `-`.
pub fn normalise_pypi(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        if matches!(c, '-' | '_' | '.') {
            if !out.ends_with('-') {
                out.push('-');
            }
        } else {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// Whether one `affected` entry holds version `v` (`raw` as written), by the evaluation the
/// OSV schema gives: events in version order, `introduced` opens, `fixed` (from it on) and
/// `last_affected` (after it) close (<https://ossf.github.io/osv-schema/#evaluation>).
fn affects(entry: &Affected, ecosystem: &str, v: &Version, raw: &str) -> bool {
    if entry.versions.iter().any(|x| x == raw) {
        return true;
    }
    entry
        .ranges
        .iter()
        .filter(|r| r.kind == "SEMVER" || r.kind == "ECOSYSTEM")
        .any(|range| {
            // `None` is "0", below every version.
            let mut events: Vec<(Option<Version>, u8)> = Vec::new();
            for e in &range.events {
                let (text, kind) = match (&e.introduced, &e.fixed, &e.last_affected) {
                    (Some(t), _, _) => (t, 0),
                    (_, Some(t), _) => (t, 1),
                    (_, _, Some(t)) => (t, 2),
                    _ => continue,
                };
                let at = if text == "0" {
                    None
                } else {
                    match Version::parse(ecosystem, text) {
                        Some(at) => Some(at),
                        None => continue,
                    }
                };
                events.push((at, kind));
            }
            events.sort();
            let mut affected = false;
            for (at, kind) in events {
                let at = at.as_ref();
                match kind {
                    0 if at.is_none_or(|at| v >= at) => affected = true,
                    1 if at.is_some_and(|at| v >= at) => affected = false,
                    2 if at.is_some_and(|at| v > at) => affected = false,
                    _ => {}
                }
            }
            affected
        })
}

/// Reads the OSV records of the file at `path` (`--advisories`).
pub fn load(path: &std::path::Path) -> Result<Vec<Advisory>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read: {e}"))?;
    parse_records(&text)
}

/// Reads the OSV records in `text` (one record, or an array of them); the error says which
/// record and why.
pub fn parse_records(text: &str) -> Result<Vec<Advisory>, String> {
    let value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    let records = match value {
        serde_json::Value::Array(items) => items,
        record @ serde_json::Value::Object(_) => vec![record],
        _ => return Err("expected an OSV record (an object) or an array of them".to_owned()),
    };
    let mut out = Vec::with_capacity(records.len());
    for (i, record) in records.into_iter().enumerate() {
        let id = record.get("id").and_then(|v| v.as_str()).map(str::to_owned);
        let advisory: Advisory = serde_json::from_value(record).map_err(|e| {
            let which = id.clone().unwrap_or_else(|| format!("record {}", i + 1));
            format!("{which} is not an OSV record: {e}")
        })?;
        if advisory.affected.iter().all(|a| a.package.is_none()) {
            return Err(format!("{} names no affected package", advisory.id));
        }
        out.push(advisory);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids<'a>(v: &'a Verdict) -> Vec<&'a str> {
        v.advisories.iter().map(|a| a.id.as_str()).collect()
    }

    #[test]
    fn shipped_records_parse() {
        assert_eq!(SHIPPED_RECORDS.len(), SHIPPED.len());
        assert!(SHIPPED_RECORDS.iter().all(|a| a.id.starts_with("GHSA-")));
    }

    #[test]
    fn only_a_version_inside_a_range() {
        let db = Advisories::default();
        let v = db.check("npm", "mcp-remote", "0.1.15").unwrap();
        assert_eq!(ids(&v), ["GHSA-6xpm-ggf7-wc3p"]);
        assert_eq!(v.fixed.as_deref(), Some("0.1.16"));
        assert!(db.check("npm", "mcp-remote", "0.1.16").is_none());
        // Introduced at 0.0.5.
        assert!(db.check("npm", "mcp-remote", "0.0.4").is_none());
        assert!(db.check("npm", "mcp-remote", "latest").is_none());
        let inspector = db.check("npm", "@modelcontextprotocol/inspector", "0.14.0");
        assert_eq!(inspector.unwrap().fixed.as_deref(), Some("0.14.1"));
    }

    #[test]
    fn two_ranges_and_last_affected() {
        let db = Advisories::default();
        let fs = "@modelcontextprotocol/server-filesystem";
        let old = db.check("npm", fs, "0.6.2").unwrap();
        assert_eq!(ids(&old), ["GHSA-hc55-p739-j48w", "GHSA-q66q-fx2p-7w4m"]);
        assert_eq!(old.fixed.as_deref(), Some("2025.7.1"));
        assert!(db.check("npm", fs, "2025.3.28").is_some());
        assert!(db.check("npm", fs, "2025.7.1").is_none());
        // mcp-server-git: a fixed version for one advisory, `last_affected` for two others.
        let git = db.check("PyPI", "mcp_server_git", "2025.9.25").unwrap();
        assert_eq!(ids(&git), ["GHSA-9xwc-hfwc-8w59", "GHSA-j22h-9j4x-23w5"]);
        assert_eq!(git.fixed, None);
        assert_eq!(git.last_affected.as_deref(), Some("2025.11.25"));
        let sdk = db.check("PyPI", "mcp", "1.9.0").unwrap();
        assert_eq!(sdk.advisories.len(), 3);
        assert_eq!(sdk.fixed.as_deref(), Some("1.23.0"));
    }

    #[test]
    fn loaded_records() {
        let record = r#"{"id": "X-1", "aliases": ["CVE-0-1"], "affected": [{"package":
            {"ecosystem": "npm", "name": "pkg"}, "ranges": [{"type": "SEMVER", "events":
            [{"introduced": "1.0.0"}, {"fixed": "1.2.0"}]}]}]}"#;
        let db = Advisories {
            extra: parse_records(record).unwrap(),
        };
        assert_eq!(
            db.check("npm", "pkg", "1.1.0").unwrap().advisories[0].id,
            "X-1"
        );
        assert!(db.check("npm", "pkg", "1.2.0").is_none());
        assert!(parse_records("[1]").unwrap_err().contains("record 1"));
        assert!(
            parse_records(r#"{"id": "Y"}"#)
                .unwrap_err()
                .contains("Y names no")
        );
        assert!(parse_records("{").unwrap_err().starts_with("not JSON"));
    }
}
