//! The command line's arguments, and what they mean to the pipeline.

use std::path::PathBuf;

use clap::ValueEnum;

use crate::clients::{Client, ClientChoice};
use crate::oauth::{OAuthOptions, Profile};
use crate::pipeline::Options;
use crate::pipeline::policy::Policy;
use crate::report::Format;

/// A value parser for a domain enum that lists its values (`ALL`) with a name and a line of
/// help each, so that domain types need not know clap.
macro_rules! choices {
    ($t:ty) => {
        clap::builder::TypedValueParser::map(
            clap::builder::PossibleValuesParser::new(
                <$t>::ALL
                    .iter()
                    .map(|v| clap::builder::PossibleValue::new(v.name()).help(v.help())),
            ),
            |s| {
                <$t>::ALL
                    .iter()
                    .copied()
                    .find(|v| v.name() == s)
                    .expect("clap accepts only the listed names")
            },
        )
    };
}

#[derive(Debug, clap::Args)]
pub(super) struct CheckArgs {
    /// Config files to check; `-` reads standard input; a folder: every config below it that
    /// a client recognises (honouring .gitignore). Without any, the config in the current
    /// directory (mcp-servers.json, .mcp.json, mcp.json, .vscode/mcp.json, ...).
    pub(super) files: Vec<PathBuf>,
    /// Check the current user's configs of every client, where each keeps them on this
    /// system (`~/.claude.json`, `~/.cursor/mcp.json`, VS Code's user `mcp.json`, ...), and
    /// list every place looked in.
    #[arg(long)]
    pub(super) user: bool,
    /// The system whose layout `--user` looks in (tests): linux, macos or windows.
    #[arg(long, hide = true, requires = "user", value_parser = os_parser())]
    pub(super) os: Option<crate::clients::Os>,
    /// Output format.
    #[arg(long, value_parser = choices!(Format), default_value = "human")]
    pub(super) format: Format,
    /// Read every file as JSONC (comments and trailing commas), whatever its name.
    #[arg(long)]
    pub(super) jsonc: bool,
    /// The lowest severity that makes the exit code 1.
    #[arg(long, value_enum, default_value_t = FailOn::Error)]
    pub(super) fail_on: FailOn,
    /// When to use colour in the human format (over `NO_COLOR`).
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    pub(super) color: Color,
    /// Exit 1 on findings of this level too: `--deny warnings`.
    #[arg(long, value_enum, value_name = "LEVEL")]
    pub(super) deny: Option<Deny>,
    /// Report only these rules (repeatable, or comma-separated); a family such as `oauth/`
    /// selects all of its rules.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub(super) select: Vec<String>,
    /// Do not report these rules (repeatable, or comma-separated); families work too.
    #[arg(long, value_name = "RULE", value_delimiter = ',')]
    pub(super) ignore: Vec<String>,
    /// Findings only: no summary line.
    #[arg(short, long)]
    pub(super) quiet: bool,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub(super) output: Option<PathBuf>,
    /// Report only findings that FILE (written by `--write-baseline`) does not record.
    #[arg(long, value_name = "FILE")]
    pub(super) baseline: Option<PathBuf>,
    /// Record the current findings in FILE (by fingerprint, never the values) and exit 0.
    #[arg(long, value_name = "FILE", conflicts_with = "baseline")]
    pub(super) write_baseline: Option<PathBuf>,
    /// Check packages against the OSV advisories in FILE too (one record or an array;
    /// repeatable), besides those shipped in mcplint.
    #[arg(long, value_name = "FILE")]
    pub(super) advisories: Vec<PathBuf>,
    #[command(flatten)]
    pub(super) settings: SettingsArgs,
    #[command(flatten)]
    pub(super) env: EnvArgs,
    #[command(flatten)]
    pub(super) oauth: OAuthArgs,
}

#[derive(Debug, clap::Args)]
pub(super) struct ServerArgs {
    /// Talk over standard input and output (the only transport; accepted because editors'
    /// generic clients pass it).
    #[arg(long)]
    pub(super) stdio: bool,
}

#[derive(Debug, clap::Args)]
pub(super) struct FixArgs {
    /// The config to fix (default: the config in the current directory).
    pub(super) file: Option<PathBuf>,
    /// The `.env` to move secrets into (default: the one beside the config; created with
    /// mode 0600 when missing).
    #[arg(long, value_name = "PATH")]
    pub(super) env_file: Option<PathBuf>,
    /// Print what would change, as a unified diff with secrets redacted, and write nothing.
    #[arg(long)]
    pub(super) dry_run: bool,
    /// Write to a `.env` that git tracks or does not ignore, or that resolves outside the
    /// project (the git work tree holding the config, else its folder).
    #[arg(long)]
    pub(super) force: bool,
    /// Do not look variables up in the process environment.
    #[arg(long)]
    pub(super) no_process_env: bool,
    /// Read the config as JSONC, whatever its name.
    #[arg(long)]
    pub(super) jsonc: bool,
    /// Read the config as this client's file (`mcplint clients`): the references `fix` writes
    /// are in its syntax.
    #[arg(long, value_name = "CLIENT", value_parser = client_parser())]
    pub(super) client: Option<&'static Client>,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum Deny {
    Warnings,
    Infos,
}

/// Where mcplint's own settings come from.
#[derive(Debug, clap::Args)]
pub(super) struct SettingsArgs {
    /// Read settings from this file instead of the nearest `.mcplint.json`.
    #[arg(long, value_name = "FILE")]
    pub(super) config: Option<PathBuf>,
    /// Ignore any `.mcplint.json`.
    #[arg(long, conflicts_with = "config")]
    pub(super) no_config: bool,
    /// Read every config as this client's file (`mcplint clients` lists them), whatever its
    /// path; `template` for a file that `mcplint render` turns into a client's config.
    #[arg(long, value_name = "CLIENT", value_parser = client_parser())]
    pub(super) client: Option<&'static Client>,
    /// Do not read configs larger than this many MiB [default: 64].
    #[arg(long, value_name = "MiB")]
    pub(super) max_file_size: Option<u64>,
}

/// Settings from `.mcplint.json`, and the file with its own findings.
pub(super) struct Loaded {
    pub(super) settings: crate::settings::Settings,
    pub(super) file: Option<(
        crate::source::SourceFile,
        Vec<crate::diagnostic::Diagnostic>,
    )>,
    pub(super) max_file_size: Option<u64>,
    pub(super) client: Option<&'static Client>,
}

impl SettingsArgs {
    pub(super) fn load(&self) -> Loaded {
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
                client: self.client,
            },
            Some(path) => {
                let (file, settings, diags) = crate::settings::load(&path, 0);
                Loaded {
                    settings,
                    file: Some((file, diags)),
                    max_file_size: self.max_file_size,
                    client: self.client,
                }
            }
        }
    }
}

impl Loaded {
    pub(super) fn options(&self, jsonc: bool, env: &EnvArgs, oauth: &OAuthArgs) -> Options {
        let mut env = env.options();
        if env.files.is_empty() {
            env.files = self.settings.env_files.clone();
        }
        env.declare_files = self.settings.declare_files.clone();
        env.require_set |= self.settings.require_set;
        Options {
            jsonc,
            env,
            keep_resolved: false,
            keep_raw: false,
            max_file_size: self
                .max_file_size
                .map_or(0, |mib| mib.saturating_mul(1024 * 1024)),
            oauth: oauth.options(&self.settings),
            clients: ClientChoice {
                forced: self.client,
                ..self.settings.clients.clone()
            },
            advisories: Default::default(),
            skip_rules: Vec::new(),
            leak_tree: false,
        }
    }

    /// The rules off by default that neither `select` nor these settings turn on: their
    /// checks need not run (`Options::skip_rules`).
    pub(super) fn skipped_rules(&self, select: &[String]) -> Vec<&'static str> {
        crate::rules::all()
            .filter(|r| !r.enabled)
            .filter(|r| {
                !matches!(self.settings.severity(r.id), Some(Some(_)))
                    && !select.iter().any(|p| crate::registry::matches(p, r.id))
            })
            .map(|r| r.id)
            .collect()
    }

    /// The finding policy: these settings, with the command line's rule selection.
    pub(super) fn policy(self, select: &[String], ignore: &[String]) -> Policy {
        Policy {
            settings: self.settings,
            settings_file: self.file,
            select: select.to_vec(),
            ignore: ignore.to_vec(),
            baseline: None,
        }
    }
}

/// What OAuth redirect URIs are checked against.
#[derive(Debug, clap::Args)]
pub(super) struct OAuthArgs {
    /// Where the hub is reached in the browser, e.g. `http://localhost:7000` (default:
    /// `MCP_HUB_PUBLIC_URL` or `HUB_URL` from the environment or `.env`).
    #[arg(long, value_name = "URL")]
    pub(super) hub_url: Option<String>,
    /// The hub's OAuth callback route, for the `generic` profile [default: /oauth/callback].
    #[arg(long, value_name = "PATH")]
    pub(super) callback_path: Option<String>,
    /// A redirect URI registered with the provider (repeatable): each configured redirect URI
    /// must equal one of them.
    #[arg(long = "registered-redirect-uri", value_name = "URI")]
    pub(super) registered: Vec<String>,
    /// The client whose callback shape redirect URIs must have [default: generic].
    #[arg(long = "hub", value_name = "PROFILE", value_parser = profile_parser())]
    pub(super) profile: Option<Profile>,
}

impl OAuthArgs {
    /// The flags over the settings file, over the defaults.
    pub(super) fn options(&self, settings: &crate::settings::Settings) -> OAuthOptions {
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

#[derive(Debug, clap::Args)]
pub(super) struct EnvArgs {
    /// Read variables from this file (repeatable; a later file wins). Without it, the `.env`
    /// beside the config is read when there is one.
    #[arg(long = "env-file", value_name = "PATH")]
    pub(super) env_files: Vec<PathBuf>,
    /// Do not look variables up in the process environment: the env files alone decide
    /// (reproducible in CI).
    #[arg(long)]
    pub(super) no_process_env: bool,
    /// A variable a template declares but that has no value is an error, not a note: for the
    /// step that must have every value.
    #[arg(long)]
    pub(super) require_set: bool,
}

impl EnvArgs {
    pub(super) fn options(&self) -> crate::env::EnvOptions {
        crate::env::EnvOptions {
            files: self.env_files.clone(),
            process: !self.no_process_env,
            dotenv: true,
            declare_files: Vec::new(),
            require_set: self.require_set,
            overlay: Default::default(),
        }
    }
}

#[derive(Debug, clap::Args)]
pub(super) struct RenderArgs {
    /// The config to render; `-` reads standard input.
    pub(super) file: PathBuf,
    /// Write to this file (atomically, mode 0600) instead of standard output.
    #[arg(short, long, value_name = "OUT")]
    pub(super) output: Option<PathBuf>,
    /// Replace every value that holds a secret with `***`, e.g. for a bug report.
    #[arg(long)]
    pub(super) redact: bool,
    /// Compare with the existing OUT instead of writing it; exit 1 when it is stale.
    #[arg(long, requires = "output")]
    pub(super) check: bool,
    /// Leave out the servers marked `"disabled": true`.
    #[arg(long)]
    pub(super) drop_disabled: bool,
    /// Write the config for another client (shape, reference syntax, transport names).
    #[arg(long, value_parser = target_parser(), value_name = "CLIENT")]
    pub(super) to: Option<&'static Client>,
    /// With --to: keep `${VAR}` references (in the target's syntax) instead of resolving them,
    /// so the converted file can be committed.
    #[arg(long, requires = "to")]
    pub(super) keep_vars: bool,
    /// Read the config as JSONC (comments and trailing commas), whatever its name.
    #[arg(long)]
    pub(super) jsonc: bool,
    #[command(flatten)]
    pub(super) settings: SettingsArgs,
    #[command(flatten)]
    pub(super) env: EnvArgs,
    #[command(flatten)]
    pub(super) oauth: OAuthArgs,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum FailOn {
    Error,
    Warning,
    Info,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
pub(super) enum Color {
    Auto,
    Always,
    Never,
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

/// `--os`: one of [`Os::ALL`](crate::clients::Os) by name.
fn os_parser() -> impl clap::builder::TypedValueParser<Value = crate::clients::Os> {
    use clap::builder::{PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(crate::clients::Os::ALL.map(crate::clients::Os::name)).map(|name| {
        crate::clients::Os::from_name(&name).expect("the parser accepts only the systems' names")
    })
}

/// `--client`: one of the registry's clients by id, each listed with its name.
pub(super) fn client_parser() -> impl clap::builder::TypedValueParser<Value = &'static Client> {
    clients_parser(|_| true)
}

/// `render --to`: a client of the registry whose format mcplint can write.
fn target_parser() -> impl clap::builder::TypedValueParser<Value = &'static Client> {
    clients_parser(crate::convert::is_target)
}

/// The registry's clients that `keep` accepts, by id, each listed with its name.
fn clients_parser(
    keep: fn(&Client) -> bool,
) -> impl clap::builder::TypedValueParser<Value = &'static Client> {
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    PossibleValuesParser::new(
        crate::clients::CLIENTS
            .iter()
            .filter(|c| keep(c))
            .map(|c| PossibleValue::new(c.id).help(c.name)),
    )
    .map(|id| crate::clients::find(&id).expect("the parser accepts only the registry's ids"))
}
