//! How much of a secret any output may show: the one rule, for messages, code frames and
//! `mcplint fix` alike.

use crate::source::Span;

/// How many leading characters of a secret of `n` characters any output may show.
pub fn shown_chars(n: usize) -> usize {
    (n / 3).min(6)
}

/// A secret as output may show it: at most its first 6 characters (fewer for a short one)
/// and its length: `hf_AbC…(37 chars)`.
pub fn redact(secret: &str) -> String {
    let n = secret.chars().count();
    let shown: String = secret.chars().take(shown_chars(n)).collect();
    format!("{shown}…({n} chars)")
}

/// The text with each secret masked after its first characters, byte for byte as long.
pub fn mask(text: &str, spans: impl Iterator<Item = Span>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for span in spans {
        mask_span(text, &mut bytes, span.start, span.end, true);
    }
    into_text(bytes)
}

/// Masks `bytes[start..end]` (a range of `text`) after the characters a secret may show
/// (none when `keep` is false); line breaks stay.
fn mask_span(text: &str, bytes: &mut [u8], start: usize, end: usize, keep: bool) {
    let end = end.min(bytes.len());
    if start >= end {
        return;
    }
    let kept: usize = if keep {
        let secret = &text[start..end];
        secret
            .chars()
            .take(shown_chars(secret.chars().count()))
            .map(char::len_utf8)
            .sum()
    } else {
        0
    };
    for b in &mut bytes[start + kept..end] {
        if *b != b'\n' && *b != b'\r' {
            *b = b'*';
        }
    }
}

/// Multi-byte characters inside a secret became `*` byte by byte: still valid UTF-8.
fn into_text(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// What code frames show of a file's text, computed from the text alone (a file that does
/// not parse is masked as well as one that does), byte for byte as long: the secrets the scan
/// found (`found`), every value in a slot named like a secret (`"HF_TOKEN": "…"`,
/// `"Authorization": "Bearer …"`, the argument after `"--api-key"`), every token-shaped
/// random run, each after its first characters; a private key's body whole.
/// `None` when nothing is to be masked.
/// [`mask_all`] over a list of spans, as [`crate::source::Masker`] takes it.
pub fn mask_found(text: &str, found: &[Span]) -> Option<String> {
    mask_all(text, found.iter().copied())
}

pub fn mask_all(text: &str, found: impl Iterator<Item = Span>) -> Option<String> {
    let mut bytes = text.as_bytes().to_vec();
    let mut changed = false;
    for span in found {
        mask_span(text, &mut bytes, span.start, span.end, true);
        changed = true;
    }
    changed |= mask_slots(text, &mut bytes);
    changed |= mask_token_runs(text, &mut bytes);
    changed |= mask_private_keys(text, &mut bytes);
    changed.then(|| into_text(bytes))
}

/// [`mask_found`] for TOML and YAML, whose keys and values need no quotes: also every value
/// after a key named like a secret, `KEY = "…"`, `KEY: …`, `{ KEY = "…" }`.
pub fn mask_found_keyed(text: &str, found: &[Span]) -> Option<String> {
    let mut bytes = mask_all(text, found.iter().copied())
        .map_or_else(|| text.as_bytes().to_vec(), String::into_bytes);
    let changed = mask_keyed_slots(text, &mut bytes);
    (changed || bytes != text.as_bytes()).then(|| into_text(bytes))
}

/// Masks the value after each `KEY =` or `KEY:` (a colon then a space or the line's end)
/// whose key is named like a secret; a quoted value up to its quote, a plain one up to `,`,
/// `}`, ` #` or the line's end.
fn mask_keyed_slots(text: &str, bytes: &mut [u8]) -> bool {
    let raw = text.as_bytes();
    let mut changed = false;
    let mut seen = NameCache([None; 64]);
    for (at, &b) in raw.iter().enumerate() {
        let sep = match b {
            b'=' => true,
            b':' => matches!(raw.get(at + 1), None | Some(b' ' | b'\t' | b'\n' | b'\r')),
            _ => false,
        };
        if !sep {
            continue;
        }
        // The key, just before the separator: quoted or bare.
        let mut end = at;
        while end > 0 && matches!(raw[end - 1], b' ' | b'\t') {
            end -= 1;
        }
        let (key_start, key_end) = match end.checked_sub(1).map(|i| raw[i]) {
            Some(q @ (b'"' | b'\'')) => {
                let Some(open) = raw[..end - 1].iter().rposition(|c| *c == q) else {
                    continue;
                };
                (open + 1, end - 1)
            }
            _ => {
                let start = raw[..end]
                    .iter()
                    .rposition(|c| !(c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'.')))
                    .map_or(0, |i| i + 1);
                (start, end)
            }
        };
        let Some(key) = text.get(key_start..key_end) else {
            continue;
        };
        if key.is_empty() || !seen.is_secret_name(key) {
            continue;
        }
        // The value after the separator.
        let mut start = at + 1;
        while start < raw.len() && matches!(raw[start], b' ' | b'\t') {
            start += 1;
        }
        let (from, to) = match raw.get(start) {
            Some(q @ (b'"' | b'\'')) => {
                let Some(close) = raw[start + 1..].iter().position(|c| c == q || *c == b'\n')
                else {
                    continue;
                };
                (start + 1, start + 1 + close)
            }
            Some(_) => {
                let line = raw[start..]
                    .iter()
                    .position(|c| matches!(c, b'\n' | b'\r' | b',' | b'}'))
                    .map_or(raw.len(), |n| start + n);
                let comment = text[start..line].find(" #").map_or(line, |n| start + n);
                (start, text[start..comment].trim_end().len() + start)
            }
            None => continue,
        };
        changed |= mask_value(text, bytes, from, to);
    }
    changed
}

/// The end (after the closing quote) of the string literal whose opening quote is at `open`.
fn literal_end(bytes: &[u8], open: usize) -> Option<usize> {
    let mut i = open + 1;
    while let Some(at) = memchr::memchr3(b'"', b'\\', b'\n', &bytes[i..]) {
        let j = i + at;
        match bytes[j] {
            b'"' => return Some(j + 1),
            b'\\' => i = j + 2,
            _ => return None,
        }
        if i >= bytes.len() {
            return None;
        }
    }
    None
}

/// Values that are not credentials even in a secret slot: references, placeholders, paths,
/// URLs (their passwords are the scan's), numbers and booleans.
fn not_a_credential(value: &str) -> bool {
    let v = value.trim();
    v.len() < 4
        || crate::env::dollar::find_open(v).is_some()
        || v.starts_with('$')
        || v.starts_with("{env:")
        || v.starts_with("{{")
        || v.starts_with('/')
        || v.starts_with("./")
        || v.starts_with("~/")
        || v.contains("://")
        || v.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        || matches!(v, "true" | "false")
        || super::fake::is_placeholder(v)
}

/// Masks the values of string literals that follow a key or a flag named like a secret.
fn mask_slots(text: &str, bytes: &mut [u8]) -> bool {
    let raw = text.as_bytes();
    let mut changed = false;
    let mut i = 0;
    // The previous literal: (content start, content end, end after the quote).
    let mut prev: Option<(usize, usize, usize)> = None;
    let mut seen = NameCache([None; 64]);
    while let Some(at) = memchr::memchr(b'"', &raw[i..]) {
        let open = i + at;
        let Some(end) = literal_end(raw, open) else {
            // An unterminated string: judged up to the end of its line.
            let line_end = memchr::memchr(b'\n', &raw[open..]).map_or(raw.len(), |n| open + n);
            if let Some(prev) = prev
                && follows_slot(text, prev, open, &mut seen)
            {
                changed |= mask_value(text, bytes, open + 1, line_end);
            }
            prev = None;
            i = line_end;
            continue;
        };
        if let Some(prev) = prev
            && follows_slot(text, prev, open, &mut seen)
        {
            changed |= mask_value(text, bytes, open + 1, end - 1);
        }
        // `"--api-key=value"`: the value after the `=`.
        let content = &text[open + 1..end - 1];
        if content.starts_with('-')
            && let Some((flag, _)) = content.split_once('=')
            && super::is_secret_name(flag)
        {
            changed |= mask_value(text, bytes, open + 2 + flag.len(), end - 1);
        }
        prev = Some((open + 1, end - 1, end));
        i = end;
    }
    changed
}

/// Whether the literal at `open` is the value of the literal `text[s..e]` (ending at
/// `after`): `"KEY": "value"` with a secret key, or `"--flag", "value"` with a secret flag.
fn follows_slot<'t>(
    text: &'t str,
    (s, e, after): (usize, usize, usize),
    open: usize,
    seen: &mut NameCache<'t>,
) -> bool {
    let between = text.get(after..open).unwrap_or("").trim();
    let name = &text[s..e];
    match between {
        ":" => seen.is_secret_name(name),
        "," => name.starts_with('-') && !name.contains('=') && seen.is_secret_name(name),
        _ => false,
    }
}

/// The names judged lately: a config repeats the same few keys (`command`, `args`, `env`)
/// thousands of times.
struct NameCache<'t>([Option<(&'t str, bool)>; 64]);

impl<'t> NameCache<'t> {
    fn is_secret_name(&mut self, name: &'t str) -> bool {
        let b = name.as_bytes();
        let (first, last) = (b.first().copied(), b.last().copied());
        let slot =
            (b.len() * 31 + usize::from(first.unwrap_or(0)) + usize::from(last.unwrap_or(0)) * 7)
                % 64;
        match self.0[slot] {
            Some((seen, secret)) if seen == name => secret,
            _ => {
                let secret = super::is_secret_name(name);
                self.0[slot] = Some((name, secret));
                secret
            }
        }
    }
}

/// Masks one slot's value (content `start..end`): after an auth scheme (`Bearer `) or a
/// flag's `=`, at most the first characters show.
fn mask_value(text: &str, bytes: &mut [u8], start: usize, end: usize) -> bool {
    let Some(value) = text.get(start..end) else {
        return false;
    };
    let skip = value
        .split_once(' ')
        .filter(|(scheme, _)| {
            ["bearer", "basic", "token", "bot", "apikey", "digest"]
                .iter()
                .any(|s| scheme.eq_ignore_ascii_case(s))
        })
        .map_or(0, |(scheme, _)| scheme.len() + 1);
    let rest = &value[skip..];
    if not_a_credential(rest) {
        return false;
    }
    mask_span(text, bytes, start + skip, end, true);
    true
}

/// The bytes a token-shaped run is made of, as a table (this runs over every byte of a file).
static RUN_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        table[b] = c.is_ascii_alphanumeric() || matches!(c, b'_' | b'-' | b'+' | b'/' | b'~');
        b += 1;
    }
    table
};

fn is_run_byte(b: u8) -> bool {
    RUN_BYTES[b as usize]
}

/// Token-shaped: long, mixed, random (not words, paths or identifiers).
pub fn token_shaped(run: &str) -> bool {
    let b = run.as_bytes();
    if b.len() < 20 {
        return false;
    }
    let (mut lower, mut upper, mut digit, mut hex) = (0, 0, 0, true);
    let mut changes = 0;
    let class = |c: u8| match c {
        b'a'..=b'z' => 0,
        b'A'..=b'Z' => 1,
        b'0'..=b'9' => 2,
        _ => 3,
    };
    for (k, &c) in b.iter().enumerate() {
        match class(c) {
            0 => lower += 1,
            1 => upper += 1,
            2 => digit += 1,
            _ => {}
        }
        hex &= c.is_ascii_hexdigit();
        if k > 0 && class(c) != class(b[k - 1]) {
            changes += 1;
        }
    }
    if digit == 0 || lower + upper == 0 {
        return false;
    }
    let mixed = if hex {
        b.len() >= 32
    } else {
        lower > 0 && upper > 0 && changes * 3 >= b.len()
    };
    mixed && !super::fake::looks_fake(run) && super::fake::entropy(run) >= 3.5
}

/// Masks every token-shaped run of token characters.
fn mask_token_runs(text: &str, bytes: &mut [u8]) -> bool {
    let raw = text.as_bytes();
    let mut changed = false;
    let mut i = 0;
    while i < raw.len() {
        if !is_run_byte(raw[i]) {
            i += 1;
            continue;
        }
        let start = i;
        i += raw[i..]
            .iter()
            .position(|&b| !is_run_byte(b))
            .unwrap_or(raw.len() - i);
        if i - start < 20 {
            continue;
        }
        // A run of a path or a list of words starts or ends at `/`, `-`, `=`: judged without.
        let run = text[start..i].trim_matches(|c| matches!(c, '/' | '-' | '+'));
        if run.len() >= 20 && token_shaped(run) {
            let s = start + text[start..i].find(run).unwrap_or(0);
            mask_span(text, bytes, s, s + run.len(), true);
            changed = true;
        }
    }
    changed
}

/// Masks the body of every PEM private key whole (its `-----BEGIN`/`-----END` lines show).
fn mask_private_keys(text: &str, bytes: &mut [u8]) -> bool {
    let mut changed = false;
    let mut from = 0;
    while let Some(at) = text[from..].find("-----BEGIN ") {
        let begin = from + at;
        let Some(head_end) = text[begin + 11..].find("-----").map(|n| begin + 11 + n + 5) else {
            break;
        };
        if !text[begin..head_end].contains("PRIVATE KEY") {
            from = head_end;
            continue;
        }
        // The body ends at `-----END`, or, in a broken file, where its string ends.
        let end = text[head_end..]
            .find("-----END")
            .or_else(|| text[head_end..].find('"'))
            .map_or(text.len(), |n| head_end + n);
        mask_span(text, bytes, head_end, end, false);
        changed = true;
        from = end.max(head_end);
    }
    changed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn toml_and_yaml_slots_are_masked() {
        let text = "env = { GITHUB_TOKEN = \"s3cretvalue1\" }\nAPI_KEY: s3cretvalue2 # note\n\
                    url: https://x.example\nname: s3cretvalue3\n";
        let masked = mask_found_keyed(text, &[]).unwrap();
        assert!(!masked.contains("s3cretvalue1"), "{masked}");
        assert!(!masked.contains("s3cretvalue2"), "{masked}");
        assert!(masked.contains("# note"));
        assert!(masked.contains("https://x.example"));
        assert!(masked.contains("s3cretvalue3"));
        assert_eq!(masked.len(), text.len());
    }

    #[test]
    fn redaction_shows_at_most_six_characters() {
        assert_eq!(
            redact("hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"),
            "hf_AbC…(39 chars)"
        );
        assert_eq!(redact("short123"), "sh…(8 chars)");
    }

    #[test]
    fn masking_keeps_the_shown_characters_and_the_length() {
        let text = "{\"k\": \"hf_AbCdEfGhIjKl\"}";
        let start = text.find("hf_").unwrap();
        let span = Span::new(start, start + 15);
        assert_eq!(
            mask(text, std::iter::once(span)),
            "{\"k\": \"hf_Ab**********\"}"
        );
    }

    #[test]
    fn mask_all_masks_slots_runs_and_keys_from_the_text_alone() {
        // Not JSON: the masking reads the text, not a tree.
        let text = concat!(
            "{ \"HF_TOKEN\": \"Kq7-Zt8q.Lw2m\" \"Authorization\": \"Bearer Zt8qLw2mN4vB\"\n",
            "  \"args\": [\"--api-key\", \"p@ss-W0rd!x\" \"build\": \"Zt8qLw2mN4vB7xK1pR9sQ3wE\",\n",
            "  \"KEY_PATH\": \"/home/me/key\", \"TOKEN\": \"${HF_TOKEN}\", \"name\": \"server-filesystem\"\n",
            "  \"pem\": \"-----BEGIN RSA PRIVATE KEY-----\\nMIIEabc\\n-----END RSA PRIVATE KEY-----\"",
        );
        let masked = mask_all(text, std::iter::empty()).unwrap();
        assert_eq!(masked.len(), text.len());
        assert!(masked.contains("\"Kq7-*********\""), "{masked}");
        assert!(masked.contains("\"Bearer Zt8q********\""), "{masked}");
        assert!(masked.contains("\"p@s********\""), "{masked}");
        assert!(masked.contains("\"Zt8qLw******************\""), "{masked}");
        assert!(masked.contains("/home/me/key") && masked.contains("${HF_TOKEN}"));
        assert!(masked.contains("server-filesystem"));
        assert!(
            masked.contains("PRIVATE KEY-----***********-----END"),
            "{masked}"
        );
    }

    #[test]
    fn token_shapes() {
        assert!(token_shaped("Zt8qLw2mN4vB7xK1pR9sQ3wE"));
        assert!(token_shaped("a8f5f167f44f4964e6c998dee827110c3f2b9d1e"));
        for not in [
            "modelcontextprotocol",
            "MyServer2024Configuration",
            "aaaaaaaaaaaaaaaaaaaaaaaaaa1",
        ] {
            assert!(!token_shaped(not), "{not}");
        }
    }
}
