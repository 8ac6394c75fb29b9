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
        let secret = &text[span.start..span.end];
        let keep: usize = secret
            .chars()
            .take(shown_chars(secret.chars().count()))
            .map(char::len_utf8)
            .sum();
        for b in &mut bytes[span.start + keep..span.end] {
            if *b != b'\n' && *b != b'\r' {
                *b = b'*';
            }
        }
    }
    // Multi-byte characters inside a secret became `*` byte by byte: still valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
