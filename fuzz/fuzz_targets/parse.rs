//! The parser and the tree walk: any bytes, as JSON and as JSONC.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mcplint::pipeline::{Options, check_text};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for name in ["mcp-servers.json", "mcp.json"] {
        let report = check_text(name, text, &Options::default());
        for d in &report.diagnostics {
            // Every span lies inside its file, on character boundaries.
            let file = &report.files[d.file];
            assert!(d.span.start <= d.span.end && d.span.end <= file.text.len());
            assert!(file.text.is_char_boundary(d.span.start));
            assert!(file.text.is_char_boundary(d.span.end));
        }
    }
});
