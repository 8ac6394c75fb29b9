//! The command line: argument parsing, exit codes, and where output goes.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{CommandFactory, Parser, Subcommand, ValueEnum};

use crate::check::{self, Input, Options};
use crate::oauth::{OAuthOptions, Profile};
use crate::registry::Severity;
use crate::report::{self, Format, Style};
use crate::rules;

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

#[derive(Debug, clap::Args)]
struct CheckArgs {
    /// Config files to check; `-` reads standard input. Without files, the config in the
    /// current directory (mcp-servers.json, .mcp.json, mcp.json, .vscode/mcp.json, ...).
    files: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Read every file as JSONC (comments and trailing commas), whatever its name.
    #[arg(long)]
    jsonc: bool,
    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    fail_on: FailOn,
    /// When to use colour in the human format (over `NO_COLOR`).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Exit 1 on findings of this level too: `--deny warnings`.
    #[arg(long, value_enum, value_name = "LEVEL")]
    deny: Option<Deny>,
    /// Report only these rules (repeatable, or comma-separated); a family such as `oauth/`
    /// selects all of its rules.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    select: Vec<String>,
    /// Do not report these rules (repeatable, or comma-separated); families work too.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    ignore: Vec<String>,
    /// Findings only: no summary line.
    #[arg(short, long)]
    quiet: bool,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Report only findings that FILE (written by `--write-baseline`) does not record.
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Record the current findings in FILE (by fingerprint, never the values) and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    write_baseline: Option<PathBuf>,
    #[command(flatten)]
    settings: SettingsArgs,
    #[command(flatten)]
    env: EnvArgs,
    #[command(flatten)]
    oauth: OAuthArgs,
}

#[derive(Debug, clap::Args)]
struct FixArgs {
    /// The config to fix (default: the config in the current directory).
    file: Option<PathBuf>,
    /// The `.env` to move secrets into (default: the one beside the config; created with
    /// mode 0600 when missing).
    #[arg(long, value_name = "PATH")]
    env_file: Option<PathBuf>,
    /// Print what would change, as a unified diff with secrets redacted, and write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Write to a `.env` that git tracks or does not ignore.
    #[arg(long)]
    force: bool,
    /// Do not look variables up in the process environment.
    #[arg(long)]
    no_process_env: bool,
    /// Read the config as JSONC, whatever its name.
    #[arg(long)]
    jsonc: bool,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Deny {
    Warnings,
    Infos,
}

/// Where mcplint's own settings come from.
#[derive(Debug, clap::Args)]
struct SettingsArgs {
    /// Read settings from this file instead of the nearest `.mcplint.json`.
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Ignore any `.mcplint.json`.
    #[arg(long, conflicts_with = "config")]
    no_config: bool,
    /// Do not read configs larger than this many MiB [default: 64].
    #[arg(long, value_name = "MiB")]
    max_file_size: Option<u64>,
}

/// Settings from `.mcplint.json`, and the file with its own findings.
struct Loaded {
    settings: crate::settings::Settings,
    file: Option<(
        crate::source::SourceFile,
        Vec<crate::diagnostic::Diagnostic>,
    )>,
    max_file_size: Option<u64>,
}

impl SettingsArgs {
    fn load(&self) -> Loaded {
        let path = if self.no_config {
            None
        } else {
            self.config.clone().or_else(|| {
                let cwd = std::env::current_dir().ok()?;
                let found = crate::settings::discover(&cwd)?;
                // Shown relative to where mcplint runs, like every other file.
                let cwd = cwd.canonicalize().unwrap_or(cwd);
                Some(found.strip_prefix(&cwd).map(PathBuf::from).unwrap_or(found))
            })
        };
        match path {
            None => Loaded {
                settings: crate::settings::Settings::default(),
                file: None,
                max_file_size: self.max_file_size,
            },
            Some(path) => {
                let (file, settings, diags) = crate::settings::load(&path, 0);
                Loaded {
                    settings,
                    file: Some((file, diags)),
                    max_file_size: self.max_file_size,
                }
            }
        }
    }
}

impl Loaded {
    fn options(&self, jsonc: bool, env: &EnvArgs, oauth: &OAuthArgs) -> Options {
        let mut env = env.options();
        if env.files.is_empty() {
            env.files = self.settings.env_files.clone();
        }
        Options {
            jsonc,
            env,
            keep_resolved: false,
            keep_raw: false,
            max_file_size: self
                .max_file_size
                .map_or(0, |mib| mib.saturating_mul(1024 * 1024)),
            oauth: oauth.options(&self.settings),
        }
    }

    /// Applies the settings' severities, adds the settings file's own findings, and applies
    /// the command line's rule selection.
    fn adjust(self, report: &mut crate::check::Report, select: &[String], ignore: &[String]) {
        let settings = self.settings;
        report
            .diagnostics
            .retain_mut(|d| match settings.severity(d.rule.id) {
                Some(None) => false,
                Some(Some(level)) => {
                    d.severity = level;
                    true
                }
                None => true,
            });
        if let Some((file, mut diags)) = self.file {
            let id = report.files.len();
            for d in &mut diags {
                d.file = id;
            }
            report.files.push(file);
            report.diagnostics.extend(diags);
        }
        use crate::registry::matches;
        report.diagnostics.retain(|d| {
            (select.is_empty() || select.iter().any(|p| matches(p, d.rule.id)))
                && !ignore.iter().any(|p| matches(p, d.rule.id))
        });
    }
}

/// What OAuth redirect URIs are checked against.
#[derive(Debug, clap::Args)]
struct OAuthArgs {
    /// Where the hub is reached in the browser, e.g. `http://localhost:7000` (default:
    /// `MCP_HUB_PUBLIC_URL` or `HUB_URL` from the environment or `.env`).
    #[arg(long, value_name = "URL")]
    hub_url: Option<String>,
    /// The hub's OAuth callback route, for the `generic` profile [default: /oauth/callback].
    #[arg(long, value_name = "PATH")]
    callback_path: Option<String>,
    /// A redirect URI registered with the provider (repeatable): each configured redirect URI
    /// must equal one of them.
    #[arg(long = "registered-redirect-uri", value_name = "URI")]
    registered: Vec<String>,
    /// The client whose callback shape redirect URIs must have [default: generic].
    #[arg(long = "hub", value_name = "PROFILE", value_parser = profile_parser())]
    profile: Option<Profile>,
}

impl OAuthArgs {
    /// The flags over the settings file, over the defaults.
    fn options(&self, settings: &crate::settings::Settings) -> OAuthOptions {
        let defaults = OAuthOptions::default();
        OAuthOptions {
            hub_url: self.hub_url.clone().or_else(|| settings.hub_url.clone()),
            callback_path: self
                .callback_path
                .clone()
                .or_else(|| settings.callback_path.clone())
                .unwrap_or(defaults.callback_path),
            registered: if self.registered.is_empty() {
                settings.registered.clone()
            } else {
                self.registered.clone()
            },
            profile: self
                .profile
                .or(settings.profile)
                .unwrap_or(defaults.profile),
        }
    }
}

/// `--hub`: one of [`Profile::ALL`] by name, each listed with the shape of its callback.
fn profile_parser() -> impl clap::builder::TypedValueParser<Value = Profile> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(
        Profile::ALL
            .iter()
            .map(|p| PossibleValue::new(p.name()).help(p.callback_shape())),
    )
    .map(|name| {
        name.parse::<Profile>()
            .expect("the parser accepts only the names of profiles")
    })
}

#[derive(Debug, clap::Args)]
struct EnvArgs {
    /// Read variables from this file (repeatable; a later file wins). Without it, the `.env`
    /// beside the config is read when there is one.
    #[arg(long = "env-file", value_name = "PATH")]
    env_files: Vec<PathBuf>,
    /// Do not look variables up in the process environment: the env files alone decide
    /// (reproducible in CI).
    #[arg(long)]
    no_process_env: bool,
}

impl EnvArgs {
    fn options(&self) -> crate::env::EnvOptions {
        crate::env::EnvOptions {
            files: self.env_files.clone(),
            process: !self.no_process_env,
            dotenv: true,
        }
    }
}

#[derive(Debug, clap::Args)]
struct RenderArgs {
    /// The config to render; `-` reads standard input.
    file: PathBuf,
    /// Write to this file (atomically, mode 0600) instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    output: Option<PathBuf>,
    /// Replace every value that holds a secret with `***`, e.g. for a bug report.
    #[arg(long)]
    redact: bool,
    /// Compare with the existing OUT instead of writing it; exit 1 when it is stale.
    #[arg(long, requires = "output")]
    check: bool,
    /// Leave out the servers marked `"disabled": true`.
    #[arg(long)]
    drop_disabled: bool,
    /// Write the config for another client (shape, reference syntax, transport names).
    #[arg(long, value_enum, value_name = "CLIENT")]
    to: Option<crate::convert::Target>,
    /// With --to: keep `${VAR}` references (in the target's syntax) instead of resolving them,
    /// so the converted file can be committed.
    #[arg(long, requires = "to")]
    keep_vars: bool,
    /// Read the config as JSONC (comments and trailing commas), whatever its name.
    #[arg(long)]
    jsonc: bool,
    #[command(flatten)]
    settings: SettingsArgs,
    #[command(flatten)]
    env: EnvArgs,
    #[command(flatten)]
    oauth: OAuthArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Exit code 2: usage error, unreadable input, internal error.
pub const EXIT_TROUBLE: u8 = 2;

pub fn run() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check(args),
        Command::Render(args) => render(args),
        Command::Fix(args) => fix(args),
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

fn print(text: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => fail(&format!("cannot write to standard output: {e}")),
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("mcplint: error: {message}");
    ExitCode::from(EXIT_TROUBLE)
}

fn check(args: CheckArgs) -> ExitCode {
    let inputs: Vec<Input> = if args.files.is_empty() {
        let cwd = std::env::current_dir().unwrap_or_else(|_| PathBuf::from("."));
        match check::find_default_config(&cwd) {
            Some(path) => vec![Input::Path(path)],
            None => {
                return fail(&format!(
                    "no MCP config found in {}\n  looked for: {}\n  help: pass the file to \
                     check, e.g. `mcplint check path/to/mcp-servers.json`",
                    cwd.display(),
                    check::DEFAULT_NAMES.join(", ")
                ));
            }
        }
    } else {
        args.files.iter().map(|p| input_of(p)).collect()
    };
    let loaded = args.settings.load();
    let options = loaded.options(args.jsonc, &args.env, &args.oauth);
    // Paths the settings ignore are not checked (pre-commit passes every matching file).
    let inputs: Vec<Input> = inputs
        .into_iter()
        .filter(|i| !matches!(i, Input::Path(p) if loaded.settings.ignores(p)))
        .collect();
    let mut report = check::check_inputs(&inputs, &options);
    crate::suppress::apply_inline(&mut report);
    loaded.adjust(&mut report, &args.select, &args.ignore);
    report.sort();
    if let Some(path) = &args.write_baseline {
        let text = crate::suppress::baseline(&report);
        return match crate::render::write_atomic(path, &text, None) {
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
    if let Some(path) = &args.baseline {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => return fail(&format!("cannot read the baseline {}: {e}", path.display())),
        };
        if let Err(e) = crate::suppress::apply_baseline(&mut report, &text) {
            return fail(&format!("{}: {e}", path.display()));
        }
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
            .map_err(crate::render::WriteError::Io)
            .and_then(|t| crate::render::write_atomic(path, &t, None))
        {
            return fail(&format!(
                "cannot write the report to {}: {e}",
                path.display()
            ));
        }
    } else {
        let mut out = std::io::BufWriter::new(stdout.lock());
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

fn input_of(path: &std::path::Path) -> Input {
    if path.as_os_str() == "-" {
        Input::Stdin
    } else {
        Input::Path(path.to_path_buf())
    }
}

fn render(args: RenderArgs) -> ExitCode {
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
        && crate::render::same_file(out, path)
    {
        return fail(&format!(
            "refusing to write to {}: {}",
            out.display(),
            crate::render::WriteError::SameAsInput
        ));
    }
    // The settings' severities and suppressions decide what blocks a render.
    let mut settings = Some(loaded);
    let (mut report, rendered) = crate::render::render(&input, &options, &mut |report| {
        crate::suppress::apply_inline(report);
        if let Some(loaded) = settings.take() {
            loaded.adjust(report, &[], &[]);
        }
    });

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
                Input::Path(p) => Some(p.as_path()),
                Input::Stdin => None,
            };
            match crate::render::write_atomic(out, &rendered, input_path) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => fail(&format!("cannot write {}: {e}", out.display())),
            }
        }
    }
}

fn fix(args: FixArgs) -> ExitCode {
    let config = match args.file.clone().or_else(|| {
        std::env::current_dir()
            .ok()
            .and_then(|cwd| check::find_default_config(&cwd))
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
    ExitCode::SUCCESS
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
