//! A config that does not parse: what can still be found in its raw text.

use super::report::Report;
use crate::secrets::mask::{mask_found, mask_found_keyed};
use crate::source::{FileId, Format, Masker, Span};

/// A config that does not parse (or is not UTF-8): the provider formats that identify
/// themselves by a literal prefix are looked for in the raw text, and the code frames are
/// masked from the text alone.
pub(super) fn raw_scan(report: &mut Report, id: FileId) {
    let file = &report.files[id];
    let found: Vec<_> = crate::secrets::tokens::find(&file.text)
        .into_iter()
        .filter(|m| !m.provider.prefixes.is_empty())
        .collect();
    for m in &found {
        let span = Span::new(m.range.start, m.range.end);
        let shown = crate::secrets::redact(&file.text[m.range.clone()]);
        report.diagnostics.push(crate::rules::secret::provider::raw(
            m.provider, id, span, &shown,
        ));
    }
    let spans = found
        .iter()
        .map(|m| Span::new(m.range.start, m.range.end))
        .collect();
    // An empty file has nothing the JSON-aware rules could have read.
    let empty = file.text.trim().is_empty();
    let format = report.files[id].format;
    report.files[id].mask_with(masker(format), spans);
    if !empty {
        report.raw_scanned.push(id);
    }
}

/// How a file's frames are masked: TOML and YAML also by their unquoted `KEY: value` slots.
pub(super) fn masker(format: Format) -> Masker {
    match format {
        Format::Json => mask_found,
        Format::Toml | Format::Yaml => mask_found_keyed,
    }
}
