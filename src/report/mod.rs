//! Printers: each turns the same [`Report`] into one output format.

pub mod human;
pub mod json;

use crate::check::Report;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Code frames for a person at a terminal.
    Human,
    /// One JSON document for machines (see DESIGN.md).
    Json,
}

/// How the human printer draws.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
    pub width: usize,
}

impl Style {
    /// No colour and a fixed width, for files, pipes and tests.
    pub const PLAIN: Style = Style {
        color: false,
        width: 100,
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
    }
}
