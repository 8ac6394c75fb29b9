//! Differential: the parser's fast path split between two cores (`fast::parse_split_at`)
//! must read any text exactly as on one core (`fast::parse_on_one_core`, itself checked
//! against jsonc-parser and serde_json by `parse_fast`): same accept or give-up, same tree,
//! same ranges, same duplicate keys, same comments. The first two bytes choose the split
//! point among the text's quotes (where a key may start), so that most runs guess a key.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mcplint::parse::fast;

fuzz_target!(|data: &[u8]| {
    let [a, b, rest @ ..] = data else {
        return;
    };
    let Ok(text) = std::str::from_utf8(rest) else {
        return;
    };
    let choice = usize::from(u16::from_le_bytes([*a, *b]));
    let quotes: Vec<usize> = memchr::memchr_iter(b'"', text.as_bytes()).collect();
    // Mostly a quote; sometimes any byte (the guess may be anything).
    let at = if choice % 8 == 7 || quotes.is_empty() {
        choice % (text.len() + 1)
    } else {
        quotes[choice / 8 % quotes.len()]
    };
    for jsonc in [false, true] {
        let one = fast::parse_on_one_core(text, jsonc);
        let (split, _) = fast::parse_split_at(text, jsonc, at);
        assert_eq!(format!("{split:?}"), format!("{one:?}"), "split at {at}");
    }
});
