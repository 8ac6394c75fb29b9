//! Version order in the two ecosystems the advisories cover: npm's (SemVer 2.0,
//! <https://semver.org/#spec-item-11>, through the `semver` crate) and Python's (PEP 440,
//! <https://peps.python.org/pep-0440/#summary-of-permitted-suffixes-and-relative-ordering>).
//! OSV ranges of type `SEMVER` and npm's `ECOSYSTEM` use the first, PyPI's `ECOSYSTEM` the
//! second (<https://ossf.github.io/osv-schema/#affectedrangestype-field>).

use std::cmp::Ordering;

/// A version that can be compared within its ecosystem.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum Version {
    Npm(semver::Version),
    Pep440(Pep440),
}

impl Version {
    /// `version` in `ecosystem` (OSV's name: `npm`, `PyPI`); `None` when it is not a version
    /// there, or the ecosystem is neither.
    pub fn parse(ecosystem: &str, version: &str) -> Option<Version> {
        let v = version.trim();
        match ecosystem {
            "npm" | "JSR" => semver::Version::parse(v.trim_start_matches(['v', '=']))
                .ok()
                .map(Version::Npm),
            "PyPI" => Pep440::parse(v).map(Version::Pep440),
            _ => None,
        }
    }
}

/// A PEP 440 version, as its sort key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pep440 {
    epoch: u64,
    /// The release numbers without trailing zeros (`1.0` equals `1`).
    release: Vec<u64>,
    /// `a`, `b`, `rc` as 0, 1, 2, with their number.
    pre: Option<(u8, u64)>,
    post: Option<u64>,
    dev: Option<u64>,
}

impl Pep440 {
    /// Parses the normalised form and its permitted spellings (`v1.0`, `1.0-alpha.1`,
    /// `1.0.post1`, `1.0-1`, `1.0.dev0`, a local `+label`, which does not take part in
    /// comparison here).
    pub fn parse(text: &str) -> Option<Pep440> {
        let lower = text.trim().to_ascii_lowercase();
        let s = lower.strip_prefix('v').unwrap_or(&lower);
        let s = s.split('+').next().unwrap_or(s);
        let (epoch, s) = match s.split_once('!') {
            Some((e, rest)) => (e.parse().ok()?, rest),
            None => (0, s),
        };
        let end = s
            .find(|c: char| !(c.is_ascii_digit() || c == '.'))
            .unwrap_or(s.len());
        let (numbers, suffix) = (s[..end].trim_end_matches('.'), &s[end..]);
        let mut release = numbers
            .split('.')
            .map(|n| n.parse().ok())
            .collect::<Option<Vec<u64>>>()?;
        while release.len() > 1 && release.last() == Some(&0) {
            release.pop();
        }
        let mut v = Pep440 {
            epoch,
            release,
            pre: None,
            post: None,
            dev: None,
        };
        const PRE: &[(&str, u8)] = &[
            ("alpha", 0),
            ("a", 0),
            ("beta", 1),
            ("b", 1),
            ("preview", 2),
            ("pre", 2),
            ("rc", 2),
            ("c", 2),
        ];
        let sep = |r: &str| r.trim_start_matches(['.', '-', '_']).to_owned();
        let mut r = sep(suffix);
        if let Some((word, rank)) = PRE.iter().find(|(w, _)| r.starts_with(w)) {
            let (n, after) = number(&sep(&r[word.len()..]));
            v.pre = Some((*rank, n));
            r = sep(&after);
        }
        for word in ["post", "rev", "r"] {
            if let Some(after) = r.strip_prefix(word) {
                let (n, after) = number(&sep(after));
                v.post = Some(n);
                r = sep(&after);
                break;
            }
        }
        // `1.0-1`: an implicit post release.
        if v.post.is_none()
            && suffix.starts_with('-')
            && r.starts_with(|c: char| c.is_ascii_digit())
        {
            let (n, after) = number(&r);
            v.post = Some(n);
            r = sep(&after);
        }
        if let Some(after) = r.strip_prefix("dev") {
            let (n, after) = number(&sep(after));
            v.dev = Some(n);
            r = after;
        }
        r.is_empty().then_some(v)
    }

    /// The sort key of the suffixes: a dev release of a final sorts before its pre-releases,
    /// a final after them; a post release after its base; a dev release before its base.
    fn key(&self) -> ((u8, u64), (u8, u64), (u8, u64)) {
        let pre = match (self.pre, self.post, self.dev) {
            (Some((rank, n)), _, _) => (1 + rank, n),
            (None, None, Some(_)) => (0, 0),
            (None, _, _) => (9, 0),
        };
        let post = self.post.map_or((0, 0), |n| (1, n));
        let dev = self.dev.map_or((1, 0), |n| (0, n));
        (pre, post, dev)
    }
}

/// The leading digits of `s` (0 when none) and what follows.
fn number(s: &str) -> (u64, String) {
    let end = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    (s[..end].parse().unwrap_or(0), s[end..].to_owned())
}

impl Ord for Pep440 {
    fn cmp(&self, other: &Self) -> Ordering {
        self.epoch
            .cmp(&other.epoch)
            .then_with(|| {
                let len = self.release.len().max(other.release.len());
                let at = |v: &Vec<u64>, i: usize| v.get(i).copied().unwrap_or(0);
                (0..len)
                    .map(|i| at(&self.release, i).cmp(&at(&other.release, i)))
                    .find(|o| o.is_ne())
                    .unwrap_or(Ordering::Equal)
            })
            .then_with(|| self.key().cmp(&other.key()))
    }
}

impl PartialOrd for Pep440 {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn py(s: &str) -> Pep440 {
        Pep440::parse(s).unwrap_or_else(|| panic!("{s}"))
    }

    #[test]
    fn pep440_order() {
        // The order PEP 440 gives as its example, lowest first.
        let ordered = [
            "1.0.dev456",
            "1.0a1",
            "1.0a2.dev456",
            "1.0a12.dev456",
            "1.0a12",
            "1.0b1.dev456",
            "1.0b2",
            "1.0b2.post345.dev456",
            "1.0b2.post345",
            "1.0rc1.dev456",
            "1.0rc1",
            "1.0",
            "1.0.post456.dev34",
            "1.0.post456",
            "1.1.dev1",
            "2025.9.25",
            "2025.11.25",
        ];
        for pair in ordered.windows(2) {
            assert!(py(pair[0]) < py(pair[1]), "{} < {}", pair[0], pair[1]);
        }
        assert_eq!(py("1.0").cmp(&py("1.0.0")), Ordering::Equal);
        assert_eq!(py("v1.0-alpha.1").cmp(&py("1.0a1")), Ordering::Equal);
        assert_eq!(py("1.0-1").cmp(&py("1.0.post1")), Ordering::Equal);
        assert_eq!(py("1!1.0").cmp(&py("2.0")), Ordering::Greater);
        assert!(Pep440::parse("latest").is_none());
        assert!(Pep440::parse("1.0x").is_none());
    }

    #[test]
    fn npm_order() {
        let v = |s| Version::parse("npm", s).unwrap();
        assert!(v("0.1.15") < v("0.1.16"));
        assert!(v("1.0.0-beta.2") < v("1.0.0"));
        assert!(v("2025.3.28") < v("2025.7.1"));
        assert!(Version::parse("npm", "^1.0.0").is_none());
        assert!(Version::parse("Go", "1.0.0").is_none());
    }
}
