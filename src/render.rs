//! `mcplint render`: the config with every reference resolved, written safely.

use serde_json::Value;

use crate::pipeline::policy::Policy;
use crate::pipeline::{self, Input, Options, Report};
use crate::registry::Severity;

#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub check: Options,
    /// Replace every value that holds a secret with `***`.
    pub redact: bool,
    /// Leave out the servers marked `"disabled": true`.
    pub drop_disabled: bool,
    /// Convert to another client's format.
    pub to: Option<&'static crate::clients::Client>,
    /// With `to`: keep references instead of resolving them.
    pub keep_vars: bool,
}

/// Checks `input` and, when nothing is an error, returns the resolved config as text:
/// same shape and key order, two-space indentation, a final newline.
/// `policy` (suppressions, settings) applies to the findings before they decide.
pub fn render(input: &Input, options: &RenderOptions, policy: Policy) -> (Report, Option<String>) {
    let mut check = options.check.clone();
    check.keep_resolved = true;
    // Rendering writes the values: every one must be there.
    check.env.require_set = true;
    let mut report = pipeline::check_inputs(std::slice::from_ref(input), &check);
    // Without a baseline the policy cannot fail.
    let _ = crate::pipeline::policy::apply(&mut report, policy);
    // With `--redact` a secret is hidden, not refused: a redacted copy is what a bug report
    // wants; other errors still refuse.
    let errors = report
        .diagnostics
        .iter()
        .filter(|d| d.severity == Severity::Error)
        .filter(|d| !(options.redact && d.rule.family() == "secret"))
        .count();
    let failed = !report.read_errors.is_empty() || errors > 0;
    let Some(resolved) = report.resolved.pop().filter(|_| !failed) else {
        return (report, None);
    };
    let resolved_root = resolved.root;
    let mut root = match (options.keep_vars, resolved.raw) {
        (true, Some(raw)) => raw,
        _ => resolved_root.clone(),
    };
    if options.drop_disabled
        && let Some(servers) = pipeline::servers_in_mut(&mut root)
    {
        servers.retain(|_, entry| entry.get("disabled") != Some(&Value::Bool(true)));
    }
    if options.redact {
        for pointer in &resolved.secrets {
            if let Some(value @ Value::String(_)) = root.pointer_mut(pointer) {
                *value = Value::String("***".to_owned());
            }
        }
    }
    if let Some(target) = options.to {
        let converted = crate::convert::convert(&root, &resolved_root, target, options.keep_vars);
        root = converted.root;
        report.conversion_warnings = converted.warnings;
    }
    let format = options
        .to
        .map_or(crate::source::Format::Json, |t| t.format());
    let mut text = match crate::emit::to_text(&root, format) {
        Ok(text) => text,
        Err(e) => {
            report.conversion_warnings.push(format!(
                "the config cannot be written as {}: {e}",
                format.name()
            ));
            return (report, None);
        }
    };
    if options.redact {
        // What no scan named still goes masked: secret slots, token-shaped runs, keys.
        if let Some(masked) = crate::secrets::mask::mask_all(&text, std::iter::empty()) {
            text = masked;
        }
    }
    if let Some(target) = options.to {
        report.conversion_warnings.extend(check_as(&text, target));
    }
    (report, Some(text))
}

/// For `--check`: `None` when `existing` equals `fresh`, else the first line that differs.
pub fn first_difference(existing: &str, fresh: &str) -> Option<usize> {
    if existing == fresh {
        return None;
    }
    let mut a = existing.lines();
    let mut b = fresh.lines();
    let mut line = 1;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            _ => return Some(line),
        }
    }
}

/// What `target` would object to in the config `render --to` wrote: its shape, fields and
/// references, as the target reads them (values are not looked up: the target does that).
fn check_as(text: &str, target: &'static crate::clients::Client) -> Vec<String> {
    let options = Options {
        env: crate::env::EnvOptions {
            files: Vec::new(),
            process: false,
            dotenv: false,
            ..Default::default()
        },
        clients: crate::clients::ClientChoice {
            forced: Some(target),
            ..Default::default()
        },
        ..Options::default()
    };
    let name = match target.format() {
        crate::source::Format::Json => "rendered",
        crate::source::Format::Toml => "rendered.toml",
        crate::source::Format::Yaml => "rendered.yaml",
    };
    let report = pipeline::check_text(name, text, &options);
    report
        .diagnostics
        .iter()
        .filter(|d| d.severity >= Severity::Warning)
        .filter(|d| {
            let about_values = [
                "env/undefined-variable",
                "env/required-variable",
                "env/unset-variable",
                "env/undeclared-variables",
                "env/invisible-variable",
                "env/empty-value",
            ]
            .contains(&d.rule.id)
                || d.rule.family() == "secret"
                || d.rule.family() == "oauth";
            // Values are the target's business (and a resolved render holds them on purpose).
            !about_values
        })
        .map(|d| {
            format!(
                "the rendered config, read as {}'s, has a problem at {}: {}",
                target.name, d.pointer, d.message
            )
        })
        .collect()
}
