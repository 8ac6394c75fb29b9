//! Names that say they hold a secret: variables, headers and flags, split into words.

/// Words of a variable, header or flag name that say it holds a secret.
const SECRET_WORDS: &[&str] = &[
    "TOKEN",
    "TOKENS",
    "SECRET",
    "SECRETS",
    "KEY",
    "KEYS",
    "APIKEY",
    "PASSWORD",
    "PASSWD",
    "PASS",
    "PWD",
    "PAT",
    "CREDENTIAL",
    "CREDENTIALS",
    "CREDS",
    "AUTH",
    "AUTHORIZATION",
    "PRIVATE",
    "SIGNATURE",
    "SIG",
    "COOKIE",
    "SESSION",
];

/// Last words that make a name about a secret rather than the secret itself.
const NOT_SECRET_TAILS: &[&str] = &[
    "ID", "URL", "URI", "PATH", "FILE", "DIR", "NAME", "TYPE", "HOST", "PORT", "REGION",
    "ENDPOINT", "USER", "USERNAME", "EMAIL", "HEADER", "PREFIX", "LENGTH", "EXPIRY", "TTL",
];

/// How many names each thread remembers the answer for (a few hundred bytes each at most).
const REMEMBERED: usize = 4096;

std::thread_local! {
    /// Answers already given on this thread: a config repeats the same few dozen names
    /// (`LOG_LEVEL`, `Authorization`, `GITHUB_TOKEN`) in server after server, and one look-up
    /// costs a tenth of splitting the name into words again.
    static KNOWN: std::cell::RefCell<crate::hash::HashMap<Box<str>, bool>> =
        std::cell::RefCell::default();
}

/// True when a variable, header or flag name says it holds a secret: `HF_TOKEN`,
/// `X-API-Key`, `--api-key`, `clientSecret`, `PGPASSWORD`; not `KEY_PATH`, `PUBLIC_KEY`.
pub fn is_secret_name(name: &str) -> bool {
    KNOWN.with(|known| {
        if let Some(&secret) = known.borrow().get(name) {
            return secret;
        }
        let secret = says_secret(name);
        let mut known = known.borrow_mut();
        if known.len() < REMEMBERED {
            known.insert(name.into(), secret);
        }
        secret
    })
}

/// [`is_secret_name`], worked out from the name's words.
fn says_secret(name: &str) -> bool {
    let mut last = "";
    let mut secret = false;
    for w in word_slices(name) {
        if w.eq_ignore_ascii_case("PUBLIC") {
            return false;
        }
        // Once a word says secret, the others only matter for `PUBLIC` and the last word.
        // Every secret word starts with one of `TSKAPC`, every suffix ends with one of `NTDY`:
        // a word that has neither skips the comparisons.
        if !secret {
            let upper =
                |s: &str| w.len() >= s.len() && w[w.len() - s.len()..].eq_ignore_ascii_case(s);
            let bytes = w.as_bytes();
            let first = bytes.first().map(u8::to_ascii_uppercase);
            let end = bytes.last().map(u8::to_ascii_uppercase);
            secret = (matches!(first, Some(b'T' | b'S' | b'K' | b'A' | b'P' | b'C'))
                && SECRET_WORDS.iter().any(|s| w.eq_ignore_ascii_case(s)))
                || (matches!(end, Some(b'N' | b'T' | b'D' | b'Y'))
                    && ["TOKEN", "SECRET", "PASSWORD", "APIKEY", "PASSWD"]
                        .iter()
                        .any(|s| upper(s)));
        }
        last = w;
    }
    secret
        && !NOT_SECRET_TAILS
            .iter()
            .any(|t| last.eq_ignore_ascii_case(t))
}

/// The words of a name, as slices: split at anything but ASCII letters and digits, and
/// before an upper-case letter that follows a lower-case one or a digit.
fn word_slices(name: &str) -> impl Iterator<Item = &str> {
    let bytes = name.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            if !b.is_ascii_alphanumeric() {
                let word = &name[start..i];
                i += 1;
                // Past the whole character: a word starts on a character boundary.
                while i < bytes.len() && bytes[i] & 0xC0 == 0x80 {
                    i += 1;
                }
                start = i;
                if !word.is_empty() {
                    return Some(word);
                }
                continue;
            }
            let boundary = b.is_ascii_uppercase()
                && i > start
                && (bytes[i - 1].is_ascii_lowercase() || bytes[i - 1].is_ascii_digit());
            if boundary {
                let word = &name[start..i];
                start = i;
                i += 1;
                return Some(word);
            }
            i += 1;
        }
        (start < bytes.len()).then(|| {
            let word = &name[start..];
            start = bytes.len();
            word
        })
    })
}

/// `HF_TOKEN` -> [HF, TOKEN]; `clientSecret` -> [CLIENT, SECRET]; `x-api-key` -> [X, API, KEY].
pub fn words(name: &str) -> Vec<String> {
    word_slices(name).map(str::to_ascii_uppercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_remembered_answer_is_the_worked_out_one() {
        for n in [
            "HF_TOKEN",
            "KEY_PATH",
            "X-API-Key",
            "PUBLIC_KEY",
            "é_TOKEN",
            "",
        ] {
            let first = is_secret_name(n);
            assert_eq!(first, says_secret(n), "{n}");
            assert_eq!(is_secret_name(n), first, "{n}");
        }
    }

    #[test]
    fn words_split_at_any_character() {
        // Found by the `parse` fuzz target: a multi-byte character after a separator.
        assert_eq!(words("api-\u{0}\n ╰──key"), ["API", "KEY"]);
        assert_eq!(words("é_TOKEN"), ["TOKEN"]);
        assert!(!is_secret_name("--api-\u{0}\n ╰───"));
    }

    #[test]
    fn secret_names() {
        for n in [
            "HF_TOKEN",
            "GITHUB_PERSONAL_ACCESS_TOKEN",
            "OPENAI_API_KEY",
            "X-API-Key",
            "clientSecret",
            "PGPASSWORD",
            "api-key",
            "DB_PASS",
            "GITHUB_PAT",
            "Authorization",
        ] {
            assert!(is_secret_name(n), "{n}");
        }
        for n in [
            "PATH",
            "HF_CLIENT_ID",
            "KEY_PATH",
            "SSH_PUBLIC_KEY",
            "TOKEN_URL",
            "LOG_LEVEL",
            "KEYBOARD",
            "PATTERN",
        ] {
            assert!(!is_secret_name(n), "{n}");
        }
    }

    #[test]
    fn name_words() {
        assert_eq!(words("HF_TOKEN"), ["HF", "TOKEN"]);
        assert_eq!(words("clientSecret"), ["CLIENT", "SECRET"]);
        assert_eq!(words("x-api-key"), ["X", "API", "KEY"]);
        assert_eq!(words("--api2Key_"), ["API2", "KEY"]);
        assert_eq!(words("URL"), ["URL"]);
        assert!(words("").is_empty() && words("__").is_empty());
    }
}
