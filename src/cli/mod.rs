//! The command line: argument parsing, exit codes, and where output goes.

use std::process::ExitCode;

mod args;
mod check;
mod fix;
mod output;
mod render;
mod server;

pub use output::EXIT_TROUBLE;
use output::{fail, print};

use clap::{CommandFactory, Parser, Subcommand};

use crate::rules;
use args::{CheckArgs, FixArgs, RenderArgs, ServerArgs};

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
    /// Run as a language server over stdio, for editors: the findings of `check` as you type.
    Server(ServerArgs),
    /// List every rule with its default severity.
    Rules,
    /// Show what a rule finds, why it matters and how to fix it.
    Explain {
        /// A rule id, such as `parse/duplicate-key`.
        rule: String,
    },
    /// Print the JSON Schema of the config, for editors.
    Schema {
        /// The client whose files the schema describes (`mcplint clients` lists them);
        /// without it, mcplint's merged schema.
        #[arg(long, value_name = "CLIENT", value_parser = args::client_parser())]
        client: Option<&'static crate::clients::Client>,
    },
    /// List the clients mcplint knows: their files, root key, transports and references.
    Clients,
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
        Command::Server(args) => server::run(&args),
        Command::Rules => print(&rules_table()),
        Command::Explain { rule } => explain(&rule),
        Command::Schema { client: None } => print(crate::schema::SOURCE),
        Command::Schema {
            client: Some(client),
        } => {
            let schema = crate::schema::client_schema(client);
            let mut text = serde_json::to_string_pretty(&schema).unwrap_or_default();
            text.push('\n');
            print(&text)
        }
        Command::Clients => print(&clients_table()),
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

/// Where a client takes variables from, in words.
fn variables_from(lookup: crate::clients::Lookup) -> String {
    let mut from = Vec::new();
    if lookup.process {
        from.push("its environment".to_owned());
    }
    if lookup.dotenv {
        from.push("the .env beside the file".to_owned());
    }
    if let Some(field) = lookup.env_file_field {
        from.push(format!("`{field}` (for the server's own environment)"));
    }
    if from.is_empty() {
        "nothing".to_owned()
    } else {
        from.join(", ")
    }
}

/// `mcplint clients`: one line per client; `?` marks a fact no primary source confirmed.
fn clients_table() -> String {
    use crate::clients::{CLIENTS, Fact, Kind};
    fn mark<T>(fact: &Fact<T>) -> &'static str {
        if fact.confirmed { "" } else { "?" }
    }
    let rows: Vec<[String; 8]> = CLIENTS
        .iter()
        .map(|c| {
            let files = if c.files.value.is_empty() {
                "(any other)".to_owned()
            } else {
                c.files.value.join(" ")
            };
            let root = match c.roots.value {
                [] => "any: a bare map, mcpServers, servers".to_owned(),
                roots => roots.join(" | "),
            };
            let root = match c.servers.value {
                crate::clients::Servers::List { name_field } => {
                    format!("{root} (a list, each named by `{name_field}`)")
                }
                crate::clients::Servers::Map => root,
            };
            let transports: Vec<String> = c
                .transports
                .value
                .iter()
                .map(|(n, k)| match k {
                    Kind::Stdio => n.to_string(),
                    Kind::Remote => format!("{n}*"),
                    Kind::Builtin => format!("({n})"),
                })
                .collect();
            let g = c.grammar.value;
            let mut refs = Vec::new();
            for (on, form) in [
                (g.braced, "${VAR}"),
                (g.env_prefix, "${env:VAR}"),
                (g.default, "${VAR:-d}"),
                (g.bare, "$VAR"),
                (g.inputs, "${input:id}"),
                (g.command, "${cmd:...}"),
                (g.secrets, "${{ secrets.NAME }}"),
            ] {
                if on {
                    refs.push(form);
                }
            }
            let refs = if refs.is_empty() {
                "none".to_owned()
            } else {
                refs.join(" ")
            };
            [
                c.id.to_owned(),
                format!("{files}{}", mark(&c.files)),
                format!("{root}{}", mark(&c.roots)),
                format!(
                    "{}{}",
                    if c.comments.value { "yes" } else { "no" },
                    mark(&c.comments)
                ),
                format!("{}{}", transports.join(" "), mark(&c.transports)),
                format!("{refs}{}", mark(&c.grammar)),
                format!("{}{}", variables_from(c.lookup.value), mark(&c.lookup)),
                user_places(c),
            ]
        })
        .collect();
    // One block per client: the registry's facts do not fit a table in a terminal.
    let labels = [
        "files",
        "servers in",
        "comments",
        "types",
        "references",
        "values from",
        "user files",
    ];
    let mut out = String::new();
    for (client, row) in CLIENTS.iter().zip(&rows) {
        out.push_str(&format!("{}  ({})\n", row[0], client.name));
        for (label, value) in labels.iter().zip(&row[1..]) {
            out.push_str(&format!("  {label:<11} {value}\n"));
        }
    }
    out.push_str(
        "\ntypes: `*` starts a remote server.\n\
         `?`: not confirmed by the client's own docs or code; rules that rest on it report at \
         most `info`.\n\
         `mcplint schema --client NAME` prints the JSON Schema of a client's files;\n\
         `--client NAME` reads a file as that client's.\n",
    );
    out
}

/// Where `check --user` looks for a client's files on this system.
fn user_places(client: &crate::clients::Client) -> String {
    let places: Vec<String> = client
        .user
        .on(crate::clients::Os::current())
        .iter()
        .map(|p| {
            format!(
                "{}{}",
                p.value.describe(),
                if p.confirmed { "" } else { "?" }
            )
        })
        .collect();
    if places.is_empty() {
        "none".to_owned()
    } else {
        places.join(", ")
    }
}

fn rules_table() -> String {
    let width = rules::all().map(|r| r.id.len()).max().unwrap_or(0);
    let mut out = format!("{:width$}  {:13}  SUMMARY\n", "RULE", "SEVERITY");
    for rule in rules::all() {
        out.push_str(&format!(
            "{:width$}  {:13}  {}\n",
            rule.id,
            rule.default_level(),
            rule.summary
        ));
    }
    out.push_str(
        "\noff (...): reported only when selected (`--select RULE` or its family, or a \
         severity in .mcplint.json), at the severity in brackets.\n",
    );
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
            "{} ({})\n{}\n\n{}",
            rule.id,
            rule.default_note(),
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
