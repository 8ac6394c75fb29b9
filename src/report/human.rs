//! `--format human`: miette code frames, grouped per file, and a summary line.

use std::fmt;

use miette::{
    GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteError, MietteSpanContents,
    SourceCode, SourceSpan, SpanContents,
};

use crate::diagnostic::Diagnostic;
use crate::pipeline::{Report, Status};
use crate::registry::Severity;
use crate::source::SourceFile;

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

pub fn write(report: &Report, style: Style, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let theme = if style.color {
        GraphicalTheme::unicode()
    } else {
        GraphicalTheme::unicode_nocolor()
    };
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_links(false)
        .with_width(style.width);
    // Diagnostics are sorted per file already; files come in the order they were given.
    for (id, file) in report.files.iter().enumerate() {
        let source = Frame { file };
        let diags: Vec<&Diagnostic> = report.diagnostics.iter().filter(|d| d.file == id).collect();
        let render = |diags: &[&Diagnostic]| -> String {
            let mut text = String::new();
            for diag in diags {
                render_one(report, &handler, &source, diag, &mut text);
            }
            text
        };
        if diags.len() < PARALLEL_FRAMES {
            out.write_all(render(&diags).as_bytes())?;
            continue;
        }
        // Many frames: the second half is drawn on another core, then written after the first.
        let (first, second) = diags.split_at(diags.len() / 2);
        let (first, second) = std::thread::scope(|scope| {
            let second = scope.spawn(|| render(second));
            let first = render(first);
            (
                first,
                second
                    .join()
                    .unwrap_or_else(|e| std::panic::resume_unwind(e)),
            )
        });
        out.write_all(first.as_bytes())?;
        out.write_all(second.as_bytes())?;
    }
    if style.summary {
        for id in &report.raw_scanned {
            writeln!(
                out,
                "{} could not be read as a config: only the token formats were checked",
                report.files[*id].name
            )?;
        }
        looked(report, out)?;
        writeln!(out, "{}", summary(report))?;
    }
    Ok(())
}

/// From this many findings in one file, their frames are drawn on two cores.
const PARALLEL_FRAMES: usize = 256;

/// One finding: its frame, the notes on its locations in other files, a blank line.
fn render_one(
    report: &Report,
    handler: &GraphicalReportHandler,
    source: &Frame,
    diag: &Diagnostic,
    text: &mut String,
) {
    use std::fmt::Write as _;
    let file = source.file;
    let mut buf = String::new();
    let shown = Shown { diag, source };
    if handler.render_report(&mut buf, &shown).is_err() {
        // A frame that cannot be drawn still gets its location and message.
        let at = file.position(diag.span.start);
        buf = format!(
            "{}:{}:{}: {}: {} [{}]\n",
            file.name, at.line, at.column, diag.severity, diag.message, diag.rule.id
        );
    }
    text.push_str(&buf);
    // Locations in other files (a `.env` line) cannot share the frame: name them.
    for r in diag.related.iter().filter(|r| r.file != diag.file) {
        let other = &report.files[r.file];
        let at = other.position(r.span.start);
        let _ = writeln!(
            text,
            "  note: {}:{}:{}: {}",
            other.name, at.line, at.column, r.message
        );
    }
    text.push('\n');
}

/// `check --user`: every place looked in, one line each, with what became of it.
fn looked(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    if report.looked.is_empty() {
        return Ok(());
    }
    let mut clients: Vec<&str> = report.looked.iter().map(|l| l.client.name).collect();
    clients.dedup();
    let on = match report.looked_on {
        Some(crate::clients::Os::Linux) => " (Linux places)",
        Some(crate::clients::Os::Macos) => " (macOS places)",
        Some(crate::clients::Os::Windows) => " (Windows places)",
        None => "",
    };
    writeln!(
        out,
        "Looked for the user configs of {} clients{on}:",
        clients.len()
    )?;
    let width = clients.iter().map(|c| c.len()).max().unwrap_or(0);
    for place in &report.looked {
        let status = if place.found {
            report
                .input_named(&place.path)
                .map_or(Status::Checked, |id| report.status(id))
        } else {
            Status::NotFound
        };
        let status = match status {
            Status::Checked => "checked",
            Status::NotFound => "not found",
            Status::Unreadable => "unreadable",
        };
        writeln!(
            out,
            "  {status:<10}  {:<width$}  {}",
            place.client.name, place.path
        )?;
    }
    writeln!(out)
}

/// `2 errors and 1 warning in 1 of 3 files.` or `No problems in 3 files.`
pub fn summary(report: &Report) -> String {
    let files = report.configs();
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("{n} {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    let counts: Vec<String> = [
        (Severity::Error, "error"),
        (Severity::Warning, "warning"),
        (Severity::Info, "info"),
    ]
    .into_iter()
    .filter_map(|(s, word)| {
        let n = report.count(s);
        (n > 0).then(|| plural(n, word))
    })
    .collect();
    if counts.is_empty() {
        let read_as = read_as(report, None);
        return format!("No problems in {}{read_as}.", plural(files, "file"));
    }
    let mut with_findings: Vec<usize> = report.diagnostics.iter().map(|d| d.file).collect();
    with_findings.sort_unstable();
    with_findings.dedup();
    let list = match counts.as_slice() {
        [one] => one.clone(),
        [rest @ .., last] => format!("{} and {last}", rest.join(", ")),
        [] => unreachable!(),
    };
    let place = match with_findings.as_slice() {
        [one] => report.files[*one].name.clone(),
        many => format!("{} files", many.len()),
    };
    let read_as = read_as(report, Some(&place));
    if files > 1 {
        format!("Found {list} in {place} ({files} configs checked{read_as}).")
    } else {
        format!("Found {list} in {place}{read_as}.")
    }
}

/// `, read as VS Code` for one config (` (.vscode/mcp.json read as VS Code)` when the
/// findings are in another file, such as its `.env`); `: 2 as VS Code, 1 as Claude Code`
/// for several.
fn read_as(report: &Report, place: Option<&str>) -> String {
    let mut counts: Vec<(&str, usize)> = Vec::new();
    for (_, client) in &report.inputs {
        match counts.iter_mut().find(|(name, _)| *name == client.name) {
            Some((_, n)) => *n += 1,
            None => counts.push((client.name, 1)),
        }
    }
    match counts.as_slice() {
        [] => String::new(),
        [(name, 1)] if report.inputs.len() == 1 && report.configs() == 1 => {
            let config = &report.files[report.inputs[0].0].name;
            match place {
                Some(place) if place != config => format!(" ({config} read as {name})"),
                _ => format!(", read as {name}"),
            }
        }
        many => {
            let list: Vec<String> = many
                .iter()
                .map(|(name, n)| format!("{n} as {name}"))
                .collect();
            format!(": {}", list.join(", "))
        }
    }
}

/// The text miette draws frames from: only the lines around a span are handed over,
/// located through the file's line index, so each frame costs the same in a large file.
struct Frame<'f> {
    file: &'f SourceFile,
}

impl SourceCode for Frame<'_> {
    fn read_span<'a>(
        &'a self,
        span: &SourceSpan,
        before: usize,
        after: usize,
    ) -> Result<Box<dyn SpanContents<'a> + 'a>, MietteError> {
        let f = self.file;
        let start = span.offset();
        let end = start + span.len();
        if end > f.text.len() {
            return Err(MietteError::OutOfBounds);
        }
        let first = f.line_index(start).saturating_sub(before);
        let last = (f.line_index(end.saturating_sub(1).max(start)) + after).min(f.line_count() - 1);
        // Without context lines miette wants the span itself, and takes the position of the
        // header (`file:line:col`) from it: give the column in characters, as everywhere else.
        let (window_start, column) = if before == 0 {
            (start, f.position(start).column - 1)
        } else {
            (f.line_start(first), 0)
        };
        let window_end = f.line_end(last).max(end);
        Ok(Box::new(MietteSpanContents::new_named(
            f.name.clone(),
            &f.display_text().as_bytes()[window_start..window_end],
            SourceSpan::from((window_start, window_end - window_start)),
            first,
            column,
            last - first + 1,
        )))
    }
}

struct Shown<'r> {
    diag: &'r Diagnostic,
    source: &'r Frame<'r>,
}

impl fmt::Debug for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl fmt::Display for Shown<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.diag.message)
    }
}

impl std::error::Error for Shown<'_> {}

impl miette::Diagnostic for Shown<'_> {
    fn code<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        Some(Box::new(self.diag.rule.id))
    }

    fn severity(&self) -> Option<miette::Severity> {
        Some(match self.diag.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
            Severity::Info => miette::Severity::Advice,
        })
    }

    fn help<'a>(&'a self) -> Option<Box<dyn fmt::Display + 'a>> {
        self.diag
            .help
            .as_deref()
            .map(|h| Box::new(h) as Box<dyn fmt::Display>)
    }

    fn source_code(&self) -> Option<&dyn SourceCode> {
        Some(self.source)
    }

    fn labels(&self) -> Option<Box<dyn Iterator<Item = LabeledSpan> + '_>> {
        let d = self.diag;
        let span = |s: crate::source::Span| SourceSpan::from((s.start, s.end - s.start));
        let primary = LabeledSpan::new_primary_with_span(d.label.clone(), span(d.span));
        let related = d
            .related
            .iter()
            .filter(|r| r.file == d.file)
            .map(move |r| LabeledSpan::new_with_span(Some(r.message.clone()), span(r.span)));
        Some(Box::new(std::iter::once(primary).chain(related)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_drawn_on_two_cores_come_out_as_drawn_on_one() {
        let servers: Vec<String> = (0..PARALLEL_FRAMES + 5)
            .map(|i| format!(r#""s{i}": {{ "type": "http", "url": "not a url {i}" }}"#))
            .collect();
        let text = format!("{{ \"mcpServers\": {{ {} }} }}", servers.join(", "));
        let report = crate::pipeline::check_text("mcp.json", &text, &Default::default());
        assert!(report.diagnostics.len() >= PARALLEL_FRAMES);
        let mut both = Vec::new();
        write(&report, Style::PLAIN, &mut both).unwrap();
        let handler = GraphicalReportHandler::new_themed(GraphicalTheme::unicode_nocolor())
            .with_links(false)
            .with_width(Style::PLAIN.width);
        let source = Frame {
            file: &report.files[0],
        };
        let mut one = String::new();
        for diag in &report.diagnostics {
            render_one(&report, &handler, &source, diag, &mut one);
        }
        let both = String::from_utf8(both).unwrap();
        assert!(both.starts_with(&one), "the frames differ");
    }
}
