//! Source files as read from disk or stdin, and the mapping from byte offsets to the
//! 1-based line and character column a person sees in an editor.

/// Byte range `[start, end)` into a [`SourceFile`]'s text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }
}

impl From<jsonc_parser::common::Range> for Span {
    fn from(r: jsonc_parser::common::Range) -> Self {
        Span::new(r.start, r.end)
    }
}

/// 1-based line and column; the column counts characters (Unicode scalar values), not bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

/// Index of the files a run looked at; diagnostics refer to files by it.
pub type FileId = usize;

/// Masks a text for display, given the spans of the secrets found in it; `None` when nothing
/// needs masking.
pub type Masker = fn(&str, &[Span]) -> Option<String>;

/// The syntax a config is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Format {
    #[default]
    Json,
    Toml,
    Yaml,
}

impl Format {
    /// "JSON", "TOML", "YAML".
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "JSON",
            Format::Toml => "TOML",
            Format::Yaml => "YAML",
        }
    }
}

/// What a file is to the run.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FileKind {
    #[default]
    Config,
    /// A `.env` file: its values are secrets, never shown in a code frame.
    Env,
    /// mcplint's own `.mcplint.json`.
    Settings,
    /// A folder `check DIR` could not search: it has no text, only a finding.
    Folder,
}

#[derive(Debug)]
pub struct SourceFile {
    /// The name as the user gave it (a relative path stays relative), `<stdin>` for `-`.
    pub name: String,
    /// The text, without a leading UTF-8 byte order mark.
    pub text: String,
    pub kind: FileKind,
    /// JSON (and JSONC), TOML or YAML.
    pub format: Format,
    /// What code frames show instead of `text`, byte for byte the same length: the text with
    /// secret values masked. Worked out on first use: most files never show a frame.
    display: std::sync::OnceLock<Option<String>>,
    /// How `display` is worked out, and the secrets found in the text.
    masking: Option<(Masker, Vec<Span>)>,
    /// The comments of a JSONC config, from its one parse, in file order.
    pub comments: Vec<(Span, String)>,
    /// Whether the file began with a UTF-8 byte order mark (dropped from `text`).
    pub bom: bool,
    /// False when the file was not UTF-8: `text` is then not the file's content.
    pub utf8: bool,
    /// Where the lines are: indexed on first use, or by another thread while a large file is
    /// parsed ([`SourceFile::index_lines`]).
    lines: std::sync::OnceLock<crate::lines::LineIndex>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> Self {
        let mut text = text.into();
        let bom = text.starts_with('\u{feff}');
        if bom {
            // Editors hide the BOM, so columns on line 1 are counted without it.
            text.drain(..'\u{feff}'.len_utf8());
        }
        SourceFile {
            name: name.into(),
            text,
            kind: FileKind::Config,
            format: Format::Json,
            display: std::sync::OnceLock::new(),
            masking: None,
            comments: Vec::new(),
            bom,
            utf8: true,
            lines: std::sync::OnceLock::new(),
        }
    }

    /// The text code frames may show.
    pub fn display_text(&self) -> &str {
        self.display
            .get_or_init(|| {
                self.masking
                    .as_ref()
                    .and_then(|(mask, found)| mask(&self.text, found))
            })
            .as_deref()
            .unwrap_or(&self.text)
    }

    /// Frames show `display` instead of the text (a `.env` with every value masked).
    pub fn set_display(&mut self, display: String) {
        self.display = std::sync::OnceLock::from(Some(display));
    }

    /// Frames show the text as `mask` masks it, given the secrets `found` in it; worked out
    /// when a frame first needs it.
    pub fn mask_with(&mut self, mask: Masker, found: Vec<Span>) {
        self.masking = Some((mask, found));
        self.display = std::sync::OnceLock::new();
    }

    /// Indexes the lines now, if no thread has yet.
    pub fn index_lines(&self) {
        self.lines();
    }

    fn lines(&self) -> &crate::lines::LineIndex {
        self.lines
            .get_or_init(|| crate::lines::LineIndex::new(self.text.as_bytes()))
    }

    /// 0-based line containing `offset`.
    pub fn line_index(&self, offset: usize) -> usize {
        self.lines().line_of(self.text.as_bytes(), offset)
    }

    pub fn line_count(&self) -> usize {
        self.lines().count()
    }

    /// Byte offset where 0-based line `line` starts.
    pub fn line_start(&self, line: usize) -> usize {
        self.lines().start(self.text.as_bytes(), line)
    }

    /// Byte offset of the end of 0-based line `line`, before its `\n` (and `\r`).
    pub fn line_end(&self, line: usize) -> usize {
        let start = self.line_start(line);
        let end = if line + 1 < self.line_count() {
            self.line_start(line + 1) - 1
        } else {
            self.text.len()
        };
        let bytes = self.text.as_bytes();
        if end > start && bytes.get(end - 1) == Some(&b'\r') {
            end - 1
        } else {
            end
        }
    }

    pub fn position(&self, offset: usize) -> Position {
        let offset = self.floor_char_boundary(offset.min(self.text.len()));
        let line = self.line_index(offset);
        let start = self.line_start(line);
        Position {
            line: line + 1,
            column: self.text[start..offset].chars().count() + 1,
        }
    }

    fn floor_char_boundary(&self, mut offset: usize) -> usize {
        while !self.text.is_char_boundary(offset) {
            offset -= 1;
        }
        offset
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters_not_bytes() {
        let f = SourceFile::new("t", "{\n  \"é\": \"ü\"\n}");
        // `"ü"` starts after `  "é": ` which is 7 characters but 8 bytes.
        let offset = f.text.find("\"ü").unwrap();
        assert_eq!(f.position(offset), Position { line: 2, column: 8 });
    }

    #[test]
    fn bom_is_dropped_and_not_counted() {
        let f = SourceFile::new("t", "\u{feff}{}");
        assert_eq!(f.text, "{}");
        assert_eq!(f.position(1), Position { line: 1, column: 2 });
    }

    #[test]
    fn crlf_lines() {
        let f = SourceFile::new("t", "{\r\n\"a\": 1\r\n}");
        assert_eq!(f.position(3), Position { line: 2, column: 1 });
        assert_eq!(f.line_end(0), 1);
        assert_eq!(f.line_end(1), 9);
        assert_eq!(f.line_end(2), f.text.len());
    }

    #[test]
    fn offset_past_end_is_clamped() {
        let f = SourceFile::new("t", "ab");
        assert_eq!(f.position(10), Position { line: 1, column: 3 });
    }
}
