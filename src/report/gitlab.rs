//! `--format gitlab`: a GitLab Code Quality report.

use serde_json::json;

use crate::fingerprint::{self, relative_uri};
use crate::pipeline::Report;
use crate::registry::Severity;

pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let issues: Vec<serde_json::Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let file = &report.files[d.file];
            let start = file.position(d.span.start);
            let end = file.position(d.span.end);
            let severity = match d.severity {
                Severity::Error if d.rule.id.starts_with("secret/") => "critical",
                Severity::Error => "major",
                Severity::Warning => "minor",
                Severity::Info => "info",
            };
            json!({
                "type": "issue",
                "description": d.message,
                "check_name": d.rule.id,
                "fingerprint": fingerprint::of(file, d),
                "severity": severity,
                "location": {
                    "path": relative_uri(&file.name),
                    "lines": { "begin": start.line, "end": end.line },
                },
            })
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &issues)?;
    writeln!(out)
}
