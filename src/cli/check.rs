//! `mcplint check`.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::args::{CheckArgs, Color, Deny, FailOn};
use super::output::{EXIT_TROUBLE, fail, input_of};
use crate::pipeline::{self, Input, policy, suppress};
use crate::registry::Severity;
use crate::report::{self, Style};

pub(super) fn run(args: CheckArgs) -> ExitCode {
    let found = match inputs_of(&args) {
        Ok(found) => found,
        Err(code) => return code,
    };
    let loaded = args.settings.load();
    let mut options = loaded.options(args.jsonc, &args.env, &args.oauth);
    options.skip_rules = loaded.skipped_rules(&args.select);
    options.leak_tree = true;
    for path in &args.advisories {
        match crate::supply::osv::load(path) {
            Ok(records) => options.advisories.extra.extend(records),
            Err(e) => return fail(&format!("{}: {e}", path.display())),
        }
    }
    // Paths the settings ignore are not checked (pre-commit passes every matching file).
    let inputs: Vec<Input> = found
        .inputs
        .into_iter()
        .filter(|i| {
            !matches!(i, Input::Path(p) | Input::Found { path: p, .. } if loaded.settings.ignores(p))
        })
        .collect();
    let mut report = pipeline::check_inputs(&inputs, &options);
    report.searched = found.searched;
    report.looked = found.looked;
    report.looked_on = args
        .user
        .then(|| args.os.unwrap_or_else(crate::clients::Os::current));
    let mut policy = loaded.policy(&args.select, &args.ignore);
    if let Some(path) = &args.baseline {
        match std::fs::read_to_string(path) {
            Ok(text) => policy.baseline = Some(text),
            Err(e) => return fail(&format!("cannot read the baseline {}: {e}", path.display())),
        }
    }
    if let Err(e) = policy::apply(&mut report, policy) {
        let path = args.baseline.as_deref().unwrap_or(std::path::Path::new(""));
        return fail(&format!("{}: {e}", path.display()));
    }
    if let Some(path) = &args.write_baseline {
        let text = suppress::baseline(&report);
        return match crate::write::write_atomic(path, &text, None) {
            Ok(()) => {
                eprintln!(
                    "mcplint: recorded {} finding(s) in {}",
                    report.diagnostics.len(),
                    path.display()
                );
                ExitCode::SUCCESS
            }
            Err(e) => fail(&format!("cannot write {}: {e}", path.display())),
        };
    }

    let stdout = std::io::stdout();
    let terminal = stdout.is_terminal();
    let color = match args.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => terminal && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let width = if terminal {
        terminal_size::terminal_size().map_or(100, |(w, _)| usize::from(w.0))
    } else {
        Style::PLAIN.width
    };
    let style = Style {
        color: color && args.output.is_none(),
        width,
        summary: !args.quiet,
    };
    if let Some(path) = &args.output {
        let mut buf = Vec::new();
        let text = report::write(&report, args.format, style, &mut buf)
            .map(|()| String::from_utf8_lossy(&buf).into_owned());
        if let Err(e) = text
            .map_err(crate::write::WriteError::Io)
            .and_then(|t| crate::write::write_atomic(path, &t, None))
        {
            return fail(&format!(
                "cannot write the report to {}: {e}",
                path.display()
            ));
        }
    } else {
        // 64 KiB at a time: stdout's own line buffer splits each flush in two, and at 8 KiB a
        // report of 100,000 servers took some 1,300 writes.
        let mut out = std::io::BufWriter::with_capacity(1 << 16, stdout.lock());
        let written =
            report::write(&report, args.format, style, &mut out).and_then(|()| out.flush());
        drop(out);
        if let Err(e) = written
            && e.kind() != std::io::ErrorKind::BrokenPipe
        {
            return fail(&format!("cannot write the report: {e}"));
        }
    }

    for err in &report.read_errors {
        eprintln!("mcplint: error: cannot read {}: {}", err.name, err.error);
    }
    if !report.read_errors.is_empty() {
        return ExitCode::from(EXIT_TROUBLE);
    }
    let threshold = match (args.fail_on, args.deny) {
        (FailOn::Info, _) | (_, Some(Deny::Infos)) => Severity::Info,
        (FailOn::Warning, _) | (_, Some(Deny::Warnings)) => Severity::Warning,
        (FailOn::Error, None) => Severity::Error,
    };
    if report.diagnostics.iter().any(|d| d.severity >= threshold) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// What a run checks, and what it looked for.
struct Found {
    inputs: Vec<Input>,
    /// Whether any were looked for (a folder, `--user`) rather than named.
    searched: bool,
    looked: Vec<pipeline::Looked>,
}

/// The files named, the configs below each folder named, the user's (`--user`), or the
/// config in the current folder when none of these is given.
fn inputs_of(args: &CheckArgs) -> Result<Found, ExitCode> {
    let mut found = Found {
        inputs: Vec::new(),
        searched: false,
        looked: Vec::new(),
    };
    if args.user {
        let os = args.os.unwrap_or_else(crate::clients::Os::current);
        let (looked, inputs) = crate::discover::user::find(os, &|name| std::env::var_os(name));
        found.looked = looked;
        found.inputs = inputs;
        found.searched = true;
    }
    let mut folders = Vec::new();
    for path in &args.files {
        if path.as_os_str() != "-" && path.is_dir() {
            found.inputs.extend(crate::discover::tree::walk(path));
            found.searched = true;
            folders.push(path.display().to_string());
        } else {
            found.inputs.push(input_of(path));
        }
    }
    if found.inputs.is_empty() && !folders.is_empty() && !args.user {
        return Err(fail(&format!(
            "no MCP config found under {}\n  looked for the files every client recognises \
             (`mcplint clients`), honouring .gitignore\n  help: pass the file to check, e.g. \
             `mcplint check path/to/mcp-servers.json`",
            folders.join(", ")
        )));
    }
    if args.files.is_empty() && !args.user {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        match pipeline::find_default_config(&cwd) {
            Some(path) => found.inputs.push(Input::Path(path)),
            None => {
                return Err(fail(&format!(
                    "no MCP config found in {}\n  looked for: {}\n  help: pass the file to \
                     check, e.g. `mcplint check path/to/mcp-servers.json`, a folder \
                     (`mcplint check .`), or `mcplint check --user`",
                    cwd.display(),
                    pipeline::DEFAULT_NAMES.join(", ")
                )));
            }
        }
    }
    // `--user` and a folder that holds the home, or a file named twice: checked once.
    let mut seen = std::collections::HashSet::new();
    found.inputs.retain(|input| match input {
        Input::Path(p) | Input::Found { path: p, .. } => {
            seen.insert(p.canonicalize().unwrap_or_else(|_| p.clone()))
        }
        Input::Stdin => true,
    });
    Ok(found)
}
