//! `--format json`: the stable document the README describes, field for field (`"version": 1`;
//! fields are only ever added).

use serde::Serialize;

use crate::pipeline::Report;
use crate::registry::Severity;

#[derive(Serialize)]
struct Document<'r> {
    version: u32,
    diagnostics: Vec<Finding<'r>>,
    summary: Summary,
    /// Each config, with the client it was read as.
    inputs: Vec<Input<'r>>,
}

#[derive(Serialize)]
struct Input<'r> {
    file: &'r str,
    client: &'static str,
}

#[derive(Serialize)]
struct Finding<'r> {
    rule: &'static str,
    severity: Severity,
    message: &'r str,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'r str>,
    file: &'r str,
    pointer: &'r str,
    line: usize,
    column: usize,
    end_line: usize,
    end_column: usize,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<Related<'r>>,
}

#[derive(Serialize)]
struct Related<'r> {
    file: &'r str,
    line: usize,
    column: usize,
    message: &'r str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let diagnostics = report
        .diagnostics
        .iter()
        .map(|d| {
            let file = &report.files[d.file];
            let start = file.position(d.span.start);
            let end = file.position(d.span.end);
            Finding {
                rule: d.rule.id,
                severity: d.severity,
                message: &d.message,
                help: d.help.as_deref(),
                file: &file.name,
                pointer: &d.pointer,
                line: start.line,
                column: start.column,
                end_line: end.line,
                end_column: end.column,
                related: d
                    .related
                    .iter()
                    .map(|r| {
                        let file = &report.files[r.file];
                        let at = file.position(r.span.start);
                        Related {
                            file: &file.name,
                            line: at.line,
                            column: at.column,
                            message: &r.message,
                        }
                    })
                    .collect(),
            }
        })
        .collect();
    let doc = Document {
        version: 1,
        diagnostics,
        summary: Summary {
            files: report.configs(),
            errors: report.count(Severity::Error),
            warnings: report.count(Severity::Warning),
            infos: report.count(Severity::Info),
        },
        inputs: report
            .inputs
            .iter()
            .map(|(id, client)| Input {
                file: &report.files[*id].name,
                client: client.id,
            })
            .collect(),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
