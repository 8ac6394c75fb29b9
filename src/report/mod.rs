//! Printers: each turns the same [`Report`] into one output format.

pub mod github;
pub mod gitlab;
pub mod human;
pub mod json;
pub mod sarif;

use crate::check::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Code frames for a person at a terminal.
    Human,
    /// One JSON document for machines (see DESIGN.md).
    Json,
    /// SARIF 2.1.0, for code scanning.
    Sarif,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// A GitLab Code Quality report.
    Gitlab,
}

/// How the human printer draws.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
    /// The closing summary line (`-q` turns it off).
    pub summary: bool,
}

impl Style {
    /// No colour and a fixed width, for files, pipes and tests.
    pub const PLAIN: Style = Style {
        color: false,
        width: 100,
        summary: true,
    };
}

pub fn write(
    report: &Report,
    format: Format,
    style: Style,
    out: &mut dyn std::io::Write,
) -> std::io::Result<()> {
    match format {
        Format::Human => human::write(report, style, out),
        Format::Json => json::write(report, out),
        Format::Sarif => sarif::write(report, out),
        Format::Github => github::write(report, out),
        Format::Gitlab => gitlab::write(report, out),
    }
}

/// FNV-1a, 64 bits: a stable hash for fingerprints (the same on every run and platform).
pub fn fnv64(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(*b)).wrapping_mul(0x0100_0000_01b3)
    })
}

/// A fingerprint of a finding's line that survives edits elsewhere in the file: the rule and
/// the line's text (masked, whitespace trimmed), not its number.
pub fn line_hash(rule: &str, file: &crate::source::SourceFile, offset: usize) -> String {
    let line = file.line_index(offset);
    let text = &file.display_text()[file.line_start(line)..file.line_end(line)];
    format!(
        "{:016x}",
        fnv64(format!("{rule}\0{}", text.trim()).as_bytes())
    )
}

/// A file name as a URI reference relative to the working directory, with `/` separators.
pub fn relative_uri(name: &str) -> String {
    let path = std::path::Path::new(name);
    let relative = std::env::current_dir()
        .ok()
        .and_then(|cwd| {
            path.strip_prefix(&cwd)
                .ok()
                .map(std::path::Path::to_path_buf)
        })
        .unwrap_or_else(|| path.to_path_buf());
    let mut uri = relative.to_string_lossy().replace('\\', "/");
    if uri == "<stdin>" {
        uri = "stdin".to_owned();
    }
    uri.replace('%', "%25").replace(' ', "%20")
}
