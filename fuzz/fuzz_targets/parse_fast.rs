//! Differential: wherever the parser's fast path accepts a text, jsonc-parser must give the
//! same tree (every range, every duplicate key, strings decoded alike) and the same comments,
//! and serde_json, for strict JSON, the same values (it refuses only numbers beyond f64's
//! range, which jsonc-parser reads). Any bytes, as JSON and as JSONC.
#![no_main]

use jsonc_parser::ast::Value;
use libfuzzer_sys::fuzz_target;
use mcplint::parse::fast;

/// serde_json's reading of a tree: the last of duplicate keys wins, in the first one's place.
fn to_json(value: &Value) -> serde_json::Value {
    match value {
        Value::Object(o) => {
            let mut map = serde_json::Map::new();
            for p in &o.properties {
                map.insert(p.name.as_str().to_owned(), to_json(&p.value));
            }
            serde_json::Value::Object(map)
        }
        Value::Array(a) => serde_json::Value::Array(a.elements.iter().map(to_json).collect()),
        Value::StringLit(s) => serde_json::Value::String(s.value.to_string()),
        Value::NumberLit(n) => serde_json::from_str(n.value).expect("serde_json reads the number"),
        Value::BooleanLit(b) => serde_json::Value::Bool(b.value),
        Value::NullKeyword(_) => serde_json::Value::Null,
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for jsonc in [false, true] {
        let Some((ours, comments)) = fast::parse(text, jsonc) else {
            continue;
        };
        let theirs = mcplint::parse::jsonc_parser_reading(text, jsonc)
            .expect("jsonc-parser accepts what the fast path accepts");
        let value = theirs.value.expect("jsonc-parser finds the value");
        assert_eq!(format!("{ours:?}"), format!("{value:?}"), "tree");
        assert_eq!(comments, theirs.comments, "comments");
        if !jsonc {
            // jsonc-parser (and so mcplint) reads a number beyond f64's range; serde_json
            // refuses the file. That is the one difference allowed.
            match serde_json::from_str::<serde_json::Value>(text) {
                Ok(json) => assert_eq!(to_json(&ours), json, "values"),
                Err(e) => assert!(
                    e.to_string().starts_with("number out of range"),
                    "serde_json refuses what the fast path accepts: {e}"
                ),
            }
        }
    }
});
