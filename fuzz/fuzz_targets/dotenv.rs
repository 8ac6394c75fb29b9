//! The `.env` reader (dotenvy plus our escaping): any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mcplint::env::dotenv;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let parsed = dotenv::parse(text);
    assert_eq!(parsed.masked.len(), text.len());
    for e in &parsed.entries {
        assert!(e.key_span.end <= text.len() && e.value_span.end <= text.len());
        assert!(text.is_char_boundary(e.key_span.start) && text.is_char_boundary(e.key_span.end));
    }
    for e in &parsed.errors {
        assert!(e.span.start <= e.span.end && e.span.end <= text.len());
        // Never the line itself in a message.
        assert!(e.message.len() < 80);
    }
});
