//! `parse/invalid-utf8`: the file is not valid UTF-8.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a file that is not valid UTF-8, with the byte offset of the first bad byte.
    ///
    /// ## Why is this bad?
    /// JSON must be UTF-8 (RFC 8259 §8.1). Such a file usually comes from an editor that saved
    /// it as Latin-1 or UTF-16; clients reject it or read mangled values.
    ///
    /// ## Example
    /// A file saved as UTF-16 by a Windows editor.
    ///
    /// Use instead: save the file as UTF-8 (a byte order mark is accepted).
    INVALID_UTF8, "parse/invalid-utf8", Error, "the file is not valid UTF-8"
}

pub struct InvalidUtf8;

impl Check for InvalidUtf8 {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INVALID_UTF8]
    }
}

/// Finding for bytes that are not UTF-8; `text` is the lossy decoding, identical up to `offset`.
pub fn diagnostic(id: FileId, offset: usize, byte: u8, utf16: bool) -> Diagnostic {
    let what = if utf16 {
        "; it starts with a UTF-16 byte order mark".to_owned()
    } else {
        String::new()
    };
    Diagnostic::new(
        &INVALID_UTF8,
        id,
        Span::new(offset, offset + '\u{fffd}'.len_utf8()),
        "",
        format!("the file is not valid UTF-8: byte 0x{byte:02X} at byte offset {offset}{what}"),
    )
    .label("not UTF-8")
    .help("save the file as UTF-8; JSON text must be UTF-8 (RFC 8259 §8.1)")
}
