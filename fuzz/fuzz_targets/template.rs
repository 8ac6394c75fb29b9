//! The template engine: parse and evaluate any string, in both dialects.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mcplint::env::template::{self, Grammar};

fuzz_target!(|data: &[u8]| {
    let Ok(s) = std::str::from_utf8(data) else {
        return;
    };
    for dialect in [Grammar::Config, Grammar::DotEnv] {
        match template::parse(s, dialect) {
            Ok(pieces) => {
                let lookup = |name: &str| match name.len() % 3 {
                    0 => None,
                    1 => Some(""),
                    _ => Some("v${X}"),
                };
                let mut events = Vec::new();
                let _ = template::evaluate(s, &pieces, &lookup, &mut events);
            }
            Err(e) => {
                assert!(e.span.start <= e.span.end && e.span.end <= s.len());
                assert!(s.is_char_boundary(e.span.start) && s.is_char_boundary(e.span.end));
            }
        }
    }
});
