//! `--format sarif`: SARIF 2.1.0, for code scanning (GitHub, GitLab, Azure DevOps).

use serde_json::{Value, json};

use crate::fingerprint::{self, relative_uri};
use crate::pipeline::Report;
use crate::registry::Severity;
use crate::rules;

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// The `## What it does` paragraph of a rule's docs.
fn what_it_does(docs: &str) -> String {
    docs.split("## What it does")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .map(|s| s.trim().replace('\n', " "))
        .unwrap_or_default()
}

pub fn write(report: &Report, out: &mut dyn std::io::Write) -> std::io::Result<()> {
    let all: Vec<&crate::registry::Rule> = rules::all().collect();
    let driver_rules: Vec<Value> = all
        .iter()
        .map(|r| {
            let docs = r.docs();
            json!({
                "id": r.id,
                "name": r.id.replace(['/', '-'], "_"),
                "shortDescription": { "text": r.summary },
                "fullDescription": { "text": what_it_does(&docs) },
                "help": { "text": docs, "markdown": docs },
                "helpUri": rules::docs_url(r),
                "defaultConfiguration": { "level": level(r.severity), "enabled": r.enabled },
            })
        })
        .collect();
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let results: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let file = &report.files[d.file];
            let start = file.position(d.span.start);
            let end = file.position(d.span.end);
            let mut message = d.message.clone();
            if let Some(help) = &d.help {
                message.push_str("\nhelp: ");
                message.push_str(help);
            }
            // Identical findings get an occurrence counter, as GitHub's own fingerprints do.
            let hash = fingerprint::of(file, d);
            let n = seen.entry(hash.clone()).or_insert(0);
            *n += 1;
            let mut result = json!({
                "ruleId": d.rule.id,
                "ruleIndex": all.iter().position(|r| r.id == d.rule.id).unwrap_or(0),
                "level": level(d.severity),
                "message": { "text": message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": relative_uri(&file.name) },
                        "region": {
                            "startLine": start.line,
                            "startColumn": start.column,
                            "endLine": end.line,
                            "endColumn": end.column,
                        }
                    },
                    "logicalLocations": [{ "fullyQualifiedName": d.pointer, "kind": "member" }],
                }],
                "partialFingerprints": { "primaryLocationLineHash": format!("{hash}:{n}") },
            });
            if !d.related.is_empty() {
                result["relatedLocations"] = Value::Array(
                    d.related
                        .iter()
                        .enumerate()
                        .map(|(i, r)| {
                            let f = &report.files[r.file];
                            let at = f.position(r.span.start);
                            json!({
                                "id": i,
                                "message": { "text": r.message },
                                "physicalLocation": {
                                    "artifactLocation": { "uri": relative_uri(&f.name) },
                                    "region": { "startLine": at.line, "startColumn": at.column },
                                }
                            })
                        })
                        .collect(),
                );
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "mcplint",
                "version": env!("CARGO_PKG_VERSION"),
                "informationUri": env!("CARGO_PKG_REPOSITORY"),
                "rules": driver_rules,
            } },
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    });
    serde_json::to_writer_pretty(&mut *out, &doc)?;
    writeln!(out)
}
