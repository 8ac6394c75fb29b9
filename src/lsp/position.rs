//! Byte offsets (what the pipeline's spans are) to the protocol's positions and back: a line
//! and a count of UTF-16 code units, the protocol's default `positionEncoding`.

use lsp_types::{Position, Range};

use crate::source::{SourceFile, Span};

/// The position of a byte offset of `file`'s text.
pub fn position(file: &SourceFile, offset: usize) -> Position {
    let text = &file.text;
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let line = file.line_index(offset);
    let start = file.line_start(line);
    let character = text[start..offset].encode_utf16().count();
    Position::new(
        u32::try_from(line).unwrap_or(u32::MAX),
        u32::try_from(character).unwrap_or(u32::MAX),
    )
}

pub fn range(file: &SourceFile, span: Span) -> Range {
    Range::new(position(file, span.start), position(file, span.end))
}

/// The byte offset of a position in `file`'s text; a position past a line's end is its end.
pub fn offset(file: &SourceFile, at: Position) -> usize {
    let line = usize::try_from(at.line).unwrap_or(usize::MAX);
    if line >= file.line_count() {
        return file.text.len();
    }
    let start = file.line_start(line);
    let end = file.line_end(line);
    let mut units = 0u32;
    for (i, c) in file.text[start..end].char_indices() {
        if units >= at.character {
            return start + i;
        }
        units += u32::try_from(c.len_utf16()).unwrap_or(2);
    }
    end
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf16_units_not_bytes_nor_chars() {
        // `é` is 2 bytes and 1 unit; `😀` is 4 bytes and 2 units.
        let f = SourceFile::new("t", "{\n  \"é😀\": \"x\"\n}");
        let at = f.text.find("\"x").unwrap();
        assert_eq!(position(&f, at), Position::new(1, 9));
        assert_eq!(offset(&f, Position::new(1, 9)), at);
    }

    #[test]
    fn past_the_end_is_clamped() {
        let f = SourceFile::new("t", "ab\ncd");
        assert_eq!(offset(&f, Position::new(0, 99)), 2);
        assert_eq!(offset(&f, Position::new(9, 0)), 5);
        assert_eq!(position(&f, 99), Position::new(1, 2));
    }
}
