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
    if let Err(e) = crate::fix::apply(&plan, args.force) {
        return fail(&e);
    }
    let env_name = plan.env_file.display();
    for m in &plan.moved {
        let how = if m.appended {
            format!("to {env_name} as `{}`", m.variable)
        } else {
            format!("as `{}`, which {env_name} already held", m.variable)
        };
        eprintln!("moved the {} {} at {} {how}", m.what, m.shown, m.pointer);
    }
    eprintln!(
        "wrote {env_name} and {}; rotate these credentials: they were written in a file",
        config.display()
    );
    for note in &plan.notes {
        eprintln!("note: {note}");
    }
    ExitCode::SUCCESS
}
