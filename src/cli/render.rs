//! `mcplint render`.

use std::io::IsTerminal;
use std::process::ExitCode;

use super::args::RenderArgs;
use super::output::{EXIT_TROUBLE, fail, input_of, print};
use crate::pipeline::Input;
use crate::registry::Severity;
use crate::report::{self, Format, Style};

pub(super) fn run(args: RenderArgs) -> ExitCode {
    let input = input_of(&args.file);
    let loaded = args.settings.load();
    let mut check = loaded.options(args.jsonc, &args.env, &args.oauth);
    check.keep_resolved = true;
    check.keep_raw = args.keep_vars;
    let options = crate::render::RenderOptions {
        check,
        redact: args.redact,
        drop_disabled: args.drop_disabled,
        to: args.to,
        keep_vars: args.keep_vars,
    };
    if let (Some(out), Input::Path(path)) = (&args.output, &input)
        && !args.check
        && crate::write::same_file(out, path)
    {
        return fail(&format!(
            "refusing to write to {}: {}",
            out.display(),
            crate::write::WriteError::SameAsInput
        ));
    }
    // The settings' severities and suppressions decide what blocks a render.
    let (mut report, rendered) = crate::render::render(&input, &options, loaded.policy(&[], &[]));

    // Findings go to stderr, so that stdout is the rendered config alone.
    report
        .diagnostics
        .retain(|d| d.severity >= Severity::Warning);
    let stderr = std::io::stderr();
    let terminal = stderr.is_terminal();
    let style = Style {
        color: terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        width: if terminal {
            terminal_size::terminal_size().map_or(100, |(w, _)| usize::from(w.0))
        } else {
            Style::PLAIN.width
        },
        summary: true,
    };
    if !report.diagnostics.is_empty() {
        let _ = report::write(&report, Format::Human, style, &mut stderr.lock());
    }
    for err in &report.read_errors {
        eprintln!("mcplint: error: cannot read {}: {}", err.name, err.error);
    }
    if !report.read_errors.is_empty() {
        return ExitCode::from(EXIT_TROUBLE);
    }
    for w in &report.conversion_warnings {
        eprintln!("mcplint: warning: {w}");
    }
    let Some(rendered) = rendered else {
        eprintln!("mcplint: nothing rendered: fix the errors above first");
        return ExitCode::from(1);
    };
    match (&args.output, args.check) {
        (None, _) => print(&rendered),
        (Some(out), true) => {
            let existing = std::fs::read_to_string(out).unwrap_or_default();
            match crate::render::first_difference(&existing, &rendered) {
                None => ExitCode::SUCCESS,
                Some(line) => {
                    eprintln!(
                        "mcplint: {} is stale: it differs from a fresh render from line {line}\n  \
                         help: run `mcplint render {} -o {}`",
                        out.display(),
                        args.file.display(),
                        out.display()
                    );
                    ExitCode::from(1)
                }
            }
        }
        (Some(out), false) => {
            let input_path = match &input {
                Input::Path(p) | Input::Found { path: p, .. } => Some(p.as_path()),
                Input::Stdin => None,
            };
            match crate::write::write_atomic(out, &rendered, input_path) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&format!("cannot write {}: {e}", out.display())),
            }
        }
    }
}
