//! `mcplint fix`.

use std::process::ExitCode;

use super::args::FixArgs;
use super::output::{fail, print};
use crate::pipeline::{self, Options};

pub(super) fn run(args: FixArgs) -> ExitCode {
    let config = match args.file.clone().or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| pipeline::find_default_config(&cwd))
    }) {
        Some(c) => c,
        None => return fail("no MCP config found in the current directory; pass the file to fix"),
    };
    let mut env = crate::env::EnvOptions {
        process: !args.no_process_env,
        ..crate::env::EnvOptions::default()
    };
    if let Some(f) = &args.env_file {
        env.files = vec![f.clone()];
    }
    let options = Options {
        jsonc: args.jsonc,
        env,
        clients: crate::clients::ClientChoice {
            forced: args.client,
            ..Default::default()
        },
        ..Options::default()
    };
    let plan = match crate::fix::plan(&config, args.env_file.as_deref(), &options) {
        Ok(p) => p,
        Err(e) => return fail(&e),
    };
    if plan.moved.is_empty() {
        eprintln!("mcplint: no hardcoded secret in {}", config.display());
        return ExitCode::SUCCESS;
    }
    if args.dry_run {
        return print(&crate::fix::diff(&plan));
    }
    let written = match crate::fix::apply(&plan, args.force) {
        Ok(w) => w,
        Err(e) => return fail(&e),
    };
    let env_name = plan.env_file.display();
    for m in &plan.moved {
        let how = if m.appended {
            format!("to {env_name} as `{}`", m.variable)
        } else {
            format!("as `{}`, which {env_name} already held", m.variable)
        };
        eprintln!("moved the {} {} at {} {how}", m.what, m.shown, m.pointer);
    }
    let config_shown = crate::fix::shown_path(&config, &written.config);
    let mut private_note = None;
    let files = match &written.env {
        Some(real) => {
            let mut said = Vec::new();
            let name = if crate::fix::through_link(&plan.env_file) {
                said.push(format!("via {}", plan.env_file.display()));
                real.display().to_string()
            } else {
                plan.env_file.display().to_string()
            };
            match (written.env_created, written.env_mode) {
                (true, _) => said.push("new, mode 0600".to_owned()),
                (false, Some(m)) => {
                    if m & 0o077 != 0 {
                        private_note = Some(format!(
                            "{} is readable by others (mode {m:04o}, kept as it was); \
                             `chmod 600 {}` makes it private",
                            real.display(),
                            real.display()
                        ));
                    }
                    said.push(format!("its mode {m:04o} kept"));
                }
                (false, None) => {}
            }
            let env_shown = if said.is_empty() {
                name
            } else {
                format!("{name} ({})", said.join("; "))
            };
            format!("{env_shown} and {config_shown}")
        }
        None => config_shown,
    };
    eprintln!("wrote {files}; rotate these credentials: they were written in a file");
    for note in private_note.iter().chain(&plan.notes) {
        eprintln!("note: {note}");
    }
    ExitCode::SUCCESS
}
