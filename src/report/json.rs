//! `--format json`: the stable document the README describes, field for field (`"version": 1`;
//! fields are only ever added).

use serde::Serialize;

use crate::pipeline::{Report, Status};
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
    /// `checked`, `not-found` or `unreadable`: only when the configs were looked for
    /// (`check DIR`, `check --user`), where some may not be there.
    #[serde(skip_serializing_if = "Option::is_none")]
    status: Option<&'static str>,
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
        inputs: inputs(report),
    };
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}

/// Each config read, with its client; after a search, with its status, and every place
/// `--user` looked in that held nothing.
fn inputs(report: &Report) -> Vec<Input<'_>> {
    let status = |s: Status| report.searched.then_some(s.name());
    let looked_at = |name: &str| report.looked.iter().any(|l| l.found && l.path == name);
    let mut inputs: Vec<Input> = report
        .inputs
        .iter()
        .filter(|(id, _)| !looked_at(&report.files[*id].name))
        .map(|(id, client)| Input {
            file: &report.files[*id].name,
            client: client.id,
            status: status(report.status(*id)),
        })
        .collect();
    for place in &report.looked {
        let read = place
            .found
            .then(|| report.input_named(&place.path))
            .flatten();
        inputs.push(Input {
            file: &place.path,
            client: place.client.id,
            status: status(match read {
                Some(id) => report.status(id),
                None if place.found => Status::Checked,
                None => Status::NotFound,
            }),
        });
    }
    inputs
}
