//! The finding policy, applied once for every command: inline suppressions, the severities
//! of `.mcplint.json`, the rule selection of the command line, and a baseline.

use super::{Report, suppress};
use crate::diagnostic::Diagnostic;
use crate::registry::matches;
use crate::settings::Settings;
use crate::source::SourceFile;

/// What decides which findings a run reports, and at which severity.
#[derive(Debug, Default)]
pub struct Policy {
    pub settings: Settings,
    /// `.mcplint.json` itself, with its own findings: they join the report.
    pub settings_file: Option<(SourceFile, Vec<Diagnostic>)>,
    /// `--select`: report only these rules or families (all when empty).
    pub select: Vec<String>,
    /// `--ignore`: never report these rules or families.
    pub ignore: Vec<String>,
    /// The text of a `--baseline` file: the findings it records are dropped.
    pub baseline: Option<String>,
}

/// Applies `policy` to a report; the findings come out sorted. Fails only on a baseline that
/// cannot be read.
pub fn apply(report: &mut Report, policy: Policy) -> Result<(), String> {
    suppress::apply_inline(report);
    let settings = policy.settings;
    let (select, ignore) = (&policy.select, &policy.ignore);
    let selected = |id| select.iter().any(|p| matches(p, id));
    report
        .diagnostics
        .retain_mut(|d| match settings.severity(d.rule.id) {
            Some(None) => false,
            Some(Some(level)) => {
                d.severity = level;
                true
            }
            // A rule off by default: only when `--select` names it or its family.
            None => d.rule.enabled || selected(d.rule.id),
        });
    if let Some((file, mut diags)) = policy.settings_file {
        let id = report.files.len();
        for d in &mut diags {
            d.file = id;
        }
        report.files.push(file);
        report.diagnostics.extend(diags);
    }
    report.diagnostics.retain(|d| {
        (select.is_empty() || selected(d.rule.id)) && !ignore.iter().any(|p| matches(p, d.rule.id))
    });
    report.sort();
    if let Some(text) = &policy.baseline {
        suppress::apply_baseline(report, text)?;
    }
    Ok(())
}
