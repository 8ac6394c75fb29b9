//! Suppressions that never hide more than asked: `// mcplint-ignore RULE: reason` comments in
//! JSONC files (`# mcplint-ignore ...` in TOML and YAML), and a baseline of fingerprints.

use std::collections::HashSet;

use super::Report;
use crate::fingerprint::{self, relative_uri};
use crate::rules::config::unused_suppression;
use crate::source::{FileId, FileKind, Format, SourceFile, Span};

/// One `mcplint-ignore` comment.
#[derive(Debug)]
struct Inline {
    file: FileId,
    span: Span,
    /// 0-based line whose findings it suppresses.
    line: usize,
    rules: Vec<String>,
}

fn inline_suppressions(file: &SourceFile, id: FileId) -> Vec<Inline> {
    if memchr::memmem::find(file.text.as_bytes(), b"mcplint-ignore").is_none() {
        return Vec::new();
    }
    let mut out = Vec::new();
    for (span, text) in &file.comments {
        let span = *span;
        let Some(rest) = text.trim().strip_prefix("mcplint-ignore") else {
            continue;
        };
        let list = rest.split_once(':').map_or(rest, |(rules, _reason)| rules);
        let rules: Vec<String> = list
            .split([',', ' '])
            .map(str::trim)
            .filter(|r| !r.is_empty())
            .map(str::to_owned)
            .collect();
        let line = file.line_index(span.start);
        let before = &file.text[file.line_start(line)..span.start];
        // Alone on its line: it is about the next line that holds something else.
        let target = if before.trim().is_empty() {
            (line + 1..file.line_count())
                .find(|&l| {
                    let t = file.text[file.line_start(l)..file.line_end(l)].trim();
                    let comment = t.starts_with("//")
                        || t.starts_with("/*")
                        || (file.format != Format::Json && t.starts_with('#'));
                    !t.is_empty() && !comment
                })
                .unwrap_or(line)
        } else {
            line
        };
        out.push(Inline {
            file: id,
            span,
            line: target,
            rules,
        });
    }
    out
}

/// Drops the findings that `mcplint-ignore` comments name, and reports the comments that
/// suppressed nothing.
pub fn apply_inline(report: &mut Report) {
    let mut all = Vec::new();
    for (id, file) in report.files.iter().enumerate() {
        if file.kind == FileKind::Config {
            all.extend(inline_suppressions(file, id));
        }
    }
    if all.is_empty() {
        return;
    }
    let mut used = vec![false; all.len()];
    let files = &report.files;
    report.diagnostics.retain(|d| {
        let line = files[d.file].line_index(d.span.start);
        match all.iter().position(|s| {
            s.file == d.file
                && s.line == line
                && s.rules
                    .iter()
                    .any(|r| crate::registry::matches(r, d.rule.id))
        }) {
            Some(i) => {
                used[i] = true;
                false
            }
            None => true,
        }
    });
    for (s, used) in all.iter().zip(used) {
        if !used {
            let what = if s.rules.is_empty() {
                "names no rule".to_owned()
            } else {
                format!("matches no finding of {} on its line", s.rules.join(", "))
            };
            report
                .diagnostics
                .push(unused_suppression::diagnostic(s.file, s.span, &what));
        }
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Baseline {
    version: u32,
    findings: Vec<Recorded>,
}

#[derive(serde::Serialize, serde::Deserialize)]
struct Recorded {
    rule: String,
    file: String,
    pointer: String,
    fingerprint: String,
}

/// The baseline of the current findings, as JSON.
pub fn baseline(report: &Report) -> String {
    let mut findings: Vec<Recorded> = report
        .diagnostics
        .iter()
        .map(|d| Recorded {
            rule: d.rule.id.to_owned(),
            file: relative_uri(&report.files[d.file].name),
            pointer: d.pointer.clone(),
            fingerprint: fingerprint::of(&report.files[d.file], d),
        })
        .collect();
    findings.sort_by(|a, b| (&a.file, &a.pointer, &a.rule).cmp(&(&b.file, &b.pointer, &b.rule)));
    let mut text = serde_json::to_string_pretty(&Baseline {
        version: 1,
        findings,
    })
    .unwrap_or_default();
    text.push('\n');
    text
}

/// Drops the findings recorded in a baseline; returns how many.
pub fn apply_baseline(report: &mut Report, text: &str) -> Result<usize, String> {
    let baseline: Baseline = serde_json::from_str(text)
        .map_err(|e| format!("not a baseline written by `--write-baseline`: {e}"))?;
    let known: HashSet<String> = baseline
        .findings
        .into_iter()
        .map(|e| e.fingerprint)
        .collect();
    let prints: Vec<bool> = report
        .diagnostics
        .iter()
        .map(|d| known.contains(&fingerprint::of(&report.files[d.file], d)))
        .collect();
    let mut i = 0;
    report.diagnostics.retain(|_| {
        i += 1;
        !prints[i - 1]
    });
    Ok(prints.iter().filter(|p| **p).count())
}
