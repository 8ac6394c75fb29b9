//! The command line: argument parsing, exit codes, and where output goes.

use std::process::ExitCode;

mod args;
mod check;
mod fix;
mod output;
mod render;

pub use output::EXIT_TROUBLE;
use output::{fail, print};

use clap::{CommandFactory, Parser, Subcommand};

use crate::rules;
use args::{CheckArgs, FixArgs, RenderArgs};

/// Lint an MCP hub config (mcp-servers.json, .mcp.json, VS Code mcp.json, ...).
#[derive(Debug, Parser)]
#[command(name = "mcplint", version, about, max_term_width = 100)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check config files and report every problem found.
    Check(CheckArgs),
    /// Print (or write) the config with every `${VAR}` resolved.
    Render(RenderArgs),
    /// Move every hardcoded secret into `.env` and write `${NAME}` in its place.
    Fix(FixArgs),
    /// List every rule with its default severity.
    Rules,
    /// Show what a rule finds, why it matters and how to fix it.
    Explain {
        /// A rule id, such as `parse/duplicate-key`.
        rule: String,
    },
    /// Print the JSON Schema of the config, for editors.
    Schema,
    /// Print a shell completion script: `mcplint completions bash > /etc/bash_completion.d/mcplint`.
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the man page (roff): `mcplint man > mcplint.1`.
    Man,
}

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Render(args) => render::run(args),
        Command::Fix(args) => fix::run(args),
        Command::Rules => print(&rules_table()),
        Command::Explain { rule } => explain(&rule),
        Command::Schema => print(crate::schema::SOURCE),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(shell, &mut Cli::command(), "mcplint", &mut buf);
            print(&String::from_utf8_lossy(&buf))
        }
        Command::Man => {
            let mut buf = Vec::new();
            match clap_mangen::Man::new(Cli::command()).render(&mut buf) {
                Ok(()) => print(&String::from_utf8_lossy(&buf)),
                Err(e) => fail(&format!("cannot render the man page: {e}")),
            }
        }
    }
}

fn rules_table() -> String {
    let width = rules::all().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = format!("{:width$}  {:8}  SUMMARY\n", "RULE", "SEVERITY");
    for rule in rules::all() {
        out.push_str(&format!(
            "{:width$}  {:8}  {}\n",
            rule.id, rule.severity, rule.summary
        ));
    }
    out
}

fn explain(id: &str) -> ExitCode {
    let rule = rules::find(id).or_else(|| {
        // `duplicate-key` for `parse/duplicate-key`, when only one family has the name.
        let mut by_name =
            rules::all().filter(|r| r.id.split_once('/').is_some_and(|(_, n)| n == id));
        match (by_name.next(), by_name.next()) {
            (Some(rule), None) => Some(rule),
            _ => None,
        }
    });
    match rule {
        Some(rule) => print(&format!(
            "{} ({} by default)\n{}\n\n{}",
            rule.id,
            rule.severity,
            rule.summary,
            rule.docs()
        )),
        None => {
            let hint = crate::suggest::closest(id, rules::all().map(|r| r.id))
                .map(|near| format!("; did you mean `{near}`?"))
                .unwrap_or_else(|| "; `mcplint rules` lists them all".to_owned());
            fail(&format!("no rule `{id}`{hint}"))
        }
    }
}
