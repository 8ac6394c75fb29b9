//! What looks like a secret but is not: placeholders, masked values, decoys; and entropy.

/// Placeholder words that stand where a real value belongs.
const PLACEHOLDER_WORDS: &[&str] = &[
    "changeme",
    "change_me",
    "change-me",
    "replaceme",
    "replace_me",
    "replace-me",
    "placeholder",
    "your_token_here",
    "your-token-here",
    "yourtokenhere",
    "your_key_here",
    "your-key-here",
    "your_api_key",
    "your-api-key",
    "yourapikey",
    "insert_key_here",
    "insert-key-here",
    "todo",
    "tbd",
    "fixme",
    "secret",
    "password",
    "token",
    "apikey",
    "api_key",
    "api-key",
    "example",
    "dummy",
    "redacted",
    "none",
    "null",
    "xxx",
];

/// True for text written to be replaced: `<YOUR_API_KEY>`, `your_token_here`, `changeme`,
/// `xxxx...`, `sk-xxxxxxxx`, `hf_` followed by x's, `***`, `...`.
pub fn is_placeholder(value: &str) -> bool {
    let v = value.trim();
    if v.is_empty() {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    if (v.starts_with('<') && v.ends_with('>'))
        || (v.starts_with('[') && v.ends_with(']'))
        || (v.starts_with("{{") && v.ends_with("}}"))
    {
        return true;
    }
    if PLACEHOLDER_WORDS.contains(&lower.as_str()) {
        return true;
    }
    // A name in capitals standing where its value belongs: `?access_token=ACCESS_TOKEN`.
    if v.contains('_') && v.bytes().all(|b| b.is_ascii_uppercase() || b == b'_') {
        return true;
    }
    if lower.starts_with("your")
        || lower.starts_with("replace_with")
        || lower.starts_with("replace-with")
        || lower.starts_with("replacewith")
        || lower.starts_with("<your")
        || lower.contains("_here")
        || lower.contains("-here")
    {
        return true;
    }
    // A provider's prefix before words to replace: `ghp_your_github_token`, `sk-your-key`.
    let after_prefix = lower
        .trim_start_matches(|c: char| c.is_ascii_alphanumeric())
        .trim_start_matches(['_', '-']);
    if after_prefix != lower
        && (after_prefix.starts_with("your") || after_prefix.starts_with("replace"))
    {
        return true;
    }
    if lower.contains("xxxx") || v.contains("****") || v.contains("...") || v.contains('…') {
        return true;
    }
    if v.len() >= 3
        && v.chars()
            .all(|c| matches!(c, '*' | 'x' | 'X' | '.' | '#' | '-'))
    {
        return true;
    }
    // A known prefix followed only by x's, asterisks or dots: `hf_xxxxxxxx`.
    let tail = v
        .trim_start_matches(|c: char| c.is_ascii_alphabetic())
        .trim_start_matches(['_', '-']);
    !tail.is_empty() && tail.len() >= 4 && tail.chars().all(|c| matches!(c, 'x' | 'X' | '*' | '.'))
}

/// True for token-shaped text that no provider issues: one repeated character, long runs,
/// or a plain sequence (`abcdef...`, `123456...`).
pub fn looks_fake(token: &str) -> bool {
    // Documentation examples: AWS's `AKIAIOSFODNN7EXAMPLE` and its kin.
    if is_placeholder(token) || token.contains("EXAMPLE") {
        return true;
    }
    let body: Vec<u8> = token.bytes().filter(u8::is_ascii_alphanumeric).collect();
    if body.len() < 8 {
        return false;
    }
    let distinct = {
        let mut seen = [false; 128];
        body.iter()
            .filter(|b| !std::mem::replace(&mut seen[**b as usize], true))
            .count()
    };
    if distinct <= 3 {
        return true;
    }
    // Runs of one character, or of consecutive characters, over half the body.
    let (mut same, mut step, mut best) = (1, 1, 1);
    for w in body.windows(2) {
        same = if w[1] == w[0] { same + 1 } else { 1 };
        step = if w[1] == w[0].wrapping_add(1) {
            step + 1
        } else {
            1
        };
        best = best.max(same).max(step);
    }
    best * 2 > body.len()
}

/// Shannon entropy in bits per character.
pub fn entropy(s: &str) -> f64 {
    let mut counts = [0u32; 256];
    let mut n = 0u32;
    for b in s.bytes() {
        counts[b as usize] += 1;
        n += 1;
    }
    if n == 0 {
        return 0.0;
    }
    let n = f64::from(n);
    counts
        .iter()
        .filter(|c| **c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum()
}

fn is_hex(s: &str) -> bool {
    s.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Whether `v` holds a variable reference: `${NAME}`, `${NAME:-default}`, or starts with
/// `$NAME`. A `${` not followed by a name and a closing or operator character is not one
/// (`a{{b}c)d${e]...` is a password).
pub fn has_reference(v: &str) -> bool {
    let name_len = |rest: &str| {
        if rest.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            return 0;
        }
        rest.bytes()
            .take_while(|b| b.is_ascii_alphanumeric() || *b == b'_')
            .count()
    };
    if let Some(rest) = v.strip_prefix('$')
        && !rest.starts_with('{')
        && name_len(rest) > 0
    {
        return true;
    }
    let bytes = v.as_bytes();
    let mut opens = memchr::memchr_iter(b'$', bytes).filter(|&i| bytes.get(i + 1) == Some(&b'{'));
    opens.any(|i| {
        let rest = &v[i + 2..];
        let n = name_len(rest);
        n > 0
            && matches!(
                rest.as_bytes().get(n),
                Some(b'}' | b':' | b'-' | b'=' | b'?' | b'+')
            )
    })
}

/// Identifiers that a slot named for a secret may still hold: short git SHAs (7 to 12 hex
/// digits). A long random value (a UUID, 40 or 64 hex digits) in a slot named like a secret
/// is one (issue 13: Heroku's, Snyk's and HubSpot's keys are UUIDs, Sendbird's and Meraki's
/// 40 hex digits, `openssl rand -hex 32` makes 64); under any other name it is left alone,
/// since only secret slots are judged.
pub fn is_id(value: &str) -> bool {
    let v = value.trim();
    matches!(v.len(), 7..=12) && is_hex(v) && v.bytes().any(|b| b.is_ascii_digit())
}

/// Values that are not secrets even in a slot named like one, identifiers aside.
pub fn is_decoy(value: &str) -> bool {
    is_id(value) || is_other_decoy(value)
}

/// Whether `sha1`, `sha256`, `sha384` or `sha512`, then `:`, `.` or `-`, is followed by 40
/// bytes or more somewhere in `v` (found from each `s`, with no searcher built per call).
fn has_digest(v: &[u8]) -> bool {
    memchr::memchr_iter(b's', v).any(|i| {
        let Some(rest) = v[i..].strip_prefix(b"sha") else {
            return false;
        };
        ["1", "256", "384", "512"].iter().any(|algo| {
            rest.strip_prefix(algo.as_bytes())
                .and_then(|r| r.split_first())
                .is_some_and(|(sep, tail)| matches!(sep, b':' | b'.' | b'-') && tail.len() >= 40)
        })
    })
}

/// Values that are not secrets even in a slot named like one: references, image digests,
/// paths, URLs without credentials, version strings, numbers, words.
pub fn is_other_decoy(value: &str) -> bool {
    let v = value.trim();
    let bytes = v.as_bytes();
    if has_reference(v) {
        return true;
    }

    // Digests: `sha256:<hex>` (images), `pnpm@10.4.1+sha512.<hex>` (packageManager),
    // `sha512-<base64>` (lockfile integrity).
    if has_digest(bytes) {
        return true;
    }
    // Paths.
    if v.starts_with('/')
        || v.starts_with("./")
        || v.starts_with("../")
        || v.starts_with("~/")
        || (bytes.len() > 2 && bytes[1] == b':' && (bytes[2] == b'\\' || bytes[2] == b'/'))
    {
        return true;
    }
    // URLs: only their credentials are secrets, and those are checked as such.
    if v.contains("://") {
        return true;
    }
    // Versions, numbers, booleans.
    // (32 digits and more are no number anyone writes: a random value, as Discord's client
    // secrets are.)
    let version = v.trim_start_matches(['v', 'V']);
    if !version.is_empty()
        && version
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.' || b == b'-')
        && !(version.len() >= 32 && version.bytes().all(|b| b.is_ascii_digit()))
    {
        return true;
    }
    if matches!(
        v.to_ascii_lowercase().as_str(),
        "true" | "false" | "yes" | "no" | "on" | "off"
    ) {
        return true;
    }
    // Identifiers made of short lower-case words: `gpt-4o-mini`, `us-east-1`, `read_only`.
    if v.len() < 32
        && v.contains(['-', '_', '.'])
        && v.split(['-', '_', '.']).all(|w| {
            w.len() <= 8
                && w.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
    {
        return true;
    }
    // Identifiers in CamelCase (`SecurityIdentifier`) and time zones (`Europe/Istanbul`):
    // capitalised words of letters only.
    let camel = |w: &str| {
        let b = w.as_bytes();
        b.len() >= 3
            && b[0].is_ascii_uppercase()
            && b.iter().all(u8::is_ascii_alphabetic)
            && b.windows(2)
                .all(|p| !(p[0].is_ascii_uppercase() && p[1].is_ascii_uppercase()))
            && b.iter().filter(|c| c.is_ascii_uppercase()).count() * 3 <= b.len()
    };
    if v.split(['/', '_']).all(camel)
        && (v.contains('/') || v.bytes().filter(u8::is_ascii_uppercase).count() >= 2)
    {
        return true;
    }
    // Stripe's publishable keys are public by design.
    if v.starts_with("pk_live_") || v.starts_with("pk_test_") {
        return true;
    }
    // Sentences and e-mail addresses.
    v.contains(' ') || is_email(v)
}

/// `name@host.tld`: a local part of the characters addresses use, a host of labels, a
/// top-level domain of letters (`jvh078~iVUEmik4@=-.b+/plgV` is a password, not an address).
fn is_email(v: &str) -> bool {
    let Some((local, host)) = v.rsplit_once('@') else {
        return false;
    };
    let Some((_, tld)) = host.rsplit_once('.') else {
        return false;
    };
    !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b))
        && host
            .split('.')
            .all(|l| !l.is_empty() && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-'))
        && tld.len() >= 2
        && tld.bytes().all(|b| b.is_ascii_alphabetic())
}

/// Whether a literal in a slot named like a secret is one: long enough, mixed enough, random
/// enough, and none of the decoys above.
pub fn looks_secret(value: &str) -> bool {
    let v = value.trim();
    if v.len() < 8 || is_placeholder(v) || is_decoy(v) || looks_fake(v) {
        return false;
    }
    let classes = [
        v.bytes().any(|b| b.is_ascii_lowercase()),
        v.bytes().any(|b| b.is_ascii_uppercase()),
        v.bytes().any(|b| b.is_ascii_digit()),
        v.bytes().any(|b| !b.is_ascii_alphanumeric()),
    ]
    .iter()
    .filter(|c| **c)
    .count();
    let e = entropy(v);
    match v.len() {
        0..=11 => classes >= 3 && e >= 2.8,
        12..=19 => classes >= 2 && e >= 3.0,
        _ => (classes >= 2 && e >= 3.2) || (is_hex(v) && e >= 3.0),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digests_are_found_anywhere_with_40_bytes_after() {
        let hex = "0123456789abcdef0123456789abcdef01234567";
        for (v, want) in [
            (format!("sha256:{hex}"), true),
            (format!("pnpm@10.4.1+sha512.{hex}"), true),
            (format!("sha1-{hex}"), true),
            (format!("sha384:{}", &hex[1..]), false),
            (format!("sha128:{hex}"), false),
            (format!("sha256_{hex}"), false),
            (format!("shasha1:{hex}"), true),
            ("é".to_owned(), false),
        ] {
            assert_eq!(has_digest(v.as_bytes()), want, "{v}");
        }
    }

    #[test]
    fn placeholders() {
        for p in [
            "<YOUR_API_KEY>",
            "your_token_here",
            "changeme",
            "xxxxxxxxxxxxxxxx",
            "sk-xxxxxxxxxxxxxxxx",
            "hf_xxxxxxxxxxxxxxxxxxxx",
            "YOUR-KEY",
            "***",
            "sk-...",
            "{{ api_key }}",
            "ghp_your_github_personal_access_token",
            "sk-your-openai-key",
        ] {
            assert!(is_placeholder(p), "{p}");
            assert!(!looks_secret(p), "{p}");
        }
        for p in ["hf_Qm3kP9zT2vL8xW4nR7yB1cD5fG6hJ0aS", "x9Kq2mZ7"] {
            assert!(!is_placeholder(p), "{p}");
        }
    }

    #[test]
    fn decoys_are_not_secrets() {
        for d in [
            "${GITHUB_TOKEN}",
            "9fceb02",
            "/home/me/.ssh/id_ed25519",
            "https://api.example.com/v1",
            "1.4.2",
            "v20.11.0",
            "aaaaaaaaaaaaaaaaaaaa",
            "abcdefghijklmnopqrstuvwxyz",
            "12345678901234567890",
            "The token for the staging cluster",
            "gpt-4o-mini",
            "us-east-1",
            "dev.team+mcp@example.co.uk",
            "pnpm@10.4.1+sha512.0a31fc7ee2cca8f25aacafb0fae1c5d27e8c4d3ecbf3eea76e9c4be73f6d4f3b",
            "sha512-9Rf6sH2kLm0pQ4tV7xY1zA3bC5dE8fG0hJ2kL4mN6oP8qR0sT2uV4wX6yZ8aB0cD2eF4gH6iJ8kL0mN2oP4qR6sT8uV0wX2yZ4==",
            "4589454973722411",
        ] {
            assert!(!looks_secret(d), "{d}");
        }
    }

    #[test]
    fn random_literals_are_secrets() {
        for s in [
            "Zt8qLw2mN4vB7xK1pR9s",
            "a8f5f167f44f4964e6c998dee827110c3f2b",
            "p@ssW0rd-2024!x",
            "kJ8#mQ2$vL9z",
            // A UUID and 40 hex digits in a slot named for a secret: Heroku's or Snyk's key,
            // Sendbird's token.
            "3bc8b81d-905e-4a54-a46a-eaced2d0f416",
            "9fceb02d0ae598e95dc970b74767f19372d61af8",
            // 32 digits: Discord's client secret.
            "87240151610441618826883043245025",
            // An address-like password.
            "jvh078~iVUEmik4@=-.b+/plgV",
            // 64 hex digits in a slot named for a secret: `openssl rand -hex 32`.
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        ] {
            assert!(looks_secret(s), "{s}");
        }
    }

    #[test]
    fn references_are_well_formed() {
        for r in ["${API_TOKEN}", "${A:-b}", "$HOME/x", "Bearer ${T}"] {
            assert!(has_reference(r), "{r}");
        }
        for r in ["a{{b}c)d${e]fgh(ijk", "p$$word", "x${1abc}"] {
            assert!(!has_reference(r), "{r}");
        }
    }

    #[test]
    fn precision_identifiers_time_zones_publishable_keys() {
        // Each: a look-alike that must stay quiet, and a secret beside it that must not.
        for d in ["SecurityIdentifier", "Europe/Istanbul", "America/New_York"] {
            assert!(!looks_secret(d), "{d}");
        }
        assert!(looks_secret("SecurityIdentifier7Qz"));
        assert!(is_decoy("pk_live_51H8kQ2eZvKYlo2C0aB1cD2eF3gH4iJ5kL6"));
        assert!(!is_decoy("sk_live_51H8kQ2eZvKYlo2C0aB1cD2eF3gH4iJ5kL6"));
        assert!(is_placeholder("ACCESS_TOKEN"));
        assert!(!is_placeholder("AKIA_Z7Q3K2L9"));
        assert!(is_placeholder("REPLACE_WITH_PASSWORD"));
        assert!(looks_fake("AKIAIOSFODNN7EXAMPLE"));
        assert!(!looks_fake("AKIAZ7Q3K2L6M4N5P5R6"));
    }

    #[test]
    fn entropy_bounds() {
        assert_eq!(entropy("aaaa"), 0.0);
        assert!((entropy("abcd") - 2.0).abs() < 1e-9);
    }
}
