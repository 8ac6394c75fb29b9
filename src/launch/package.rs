//! Which package a command line runs: the runner (`npx`, `bunx`, `pnpm dlx`, `yarn dlx`,
//! `npm exec`, `uvx`, `uv tool run`, `uv run --with`, `pipx run`, `deno run npm:`/`jsr:`,
//! `pip install`), the package spec, its version or source, and the argument that holds it.
//! A runner is also found behind `cmd /c`, `wsl`, and in each command of a `sh -c` script
//! (then the argument is the script).
//!
//! How each runner reads its line (sources):
//! - npx / npm exec: <https://docs.npmjs.com/cli/v10/commands/npx>, `-p`/`--package`,
//!   `-c`/`--call`; specs per <https://docs.npmjs.com/cli/v10/using-npm/package-spec>
//!   (`name@version|range|tag`, `github:owner/repo#ref`, `owner/repo`, `git+https://…#ref`,
//!   tarball URLs, folders).
//! - bunx: <https://bun.sh/docs/cli/bunx>; pnpm dlx: <https://pnpm.io/cli/dlx>;
//!   yarn dlx: <https://yarnpkg.com/cli/dlx>.
//! - uvx / uv tool run / uv run --with: <https://docs.astral.sh/uv/reference/cli/#uv-tool-run>,
//!   <https://docs.astral.sh/uv/guides/tools/> (`uvx name@1.2.3`, `name@latest`,
//!   `--from 'name==1.2.3'`, `--from git+https://…@rev`).
//! - pipx run: <https://pipx.pypa.io/stable/docs/> (`--spec`); pip install:
//!   <https://pip.pypa.io/en/stable/topics/vcs-support/> (`git+https://…@rev`); PEP 508
//!   requirement specifiers: <https://peps.python.org/pep-0508/>.
//! - deno run: <https://docs.deno.com/runtime/fundamentals/node/#using-npm-packages>
//!   (`npm:name@version`, `jsr:@scope/name@version`).

pub use super::spec::{Source, Version, is_commit};
use super::spec::{npm_source, py_source, registry_npm};

/// The registry a package name is looked up in (its OSV ecosystem name by [`Ecosystem::osv`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ecosystem {
    Npm,
    PyPI,
    Jsr,
}

impl Ecosystem {
    /// The ecosystem's name in OSV records (`affected[].package.ecosystem`).
    pub fn osv(self) -> &'static str {
        match self {
            Ecosystem::Npm => "npm",
            Ecosystem::PyPI => "PyPI",
            Ecosystem::Jsr => "JSR",
        }
    }
}

/// A program that fetches a package and runs it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Runner {
    Npx,
    NpmExec,
    Bunx,
    PnpmDlx,
    YarnDlx,
    Uvx,
    UvToolRun,
    UvRun,
    PipxRun,
    DenoRun,
    PipInstall,
}

impl Runner {
    pub fn name(self) -> &'static str {
        match self {
            Runner::Npx => "npx",
            Runner::NpmExec => "npm exec",
            Runner::Bunx => "bunx",
            Runner::PnpmDlx => "pnpm dlx",
            Runner::YarnDlx => "yarn dlx",
            Runner::Uvx => "uvx",
            Runner::UvToolRun => "uv tool run",
            Runner::UvRun => "uv run --with",
            Runner::PipxRun => "pipx run",
            Runner::DenoRun => "deno run",
            Runner::PipInstall => "pip install",
        }
    }
}

/// How a spec is written, and so how its pinned form is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    /// `name@1.2.3` (npm runners, and `uvx name@1.2.3`).
    At,
    /// `name==1.2.3` (PEP 508: `--from`, `--with`, `--spec`, `pip install`).
    Pep508,
    /// `npm:name@1.2.3`, `jsr:@scope/name@1.2.3` (deno): the prefix.
    Deno(&'static str),
}

/// One package a command line runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Package<'a> {
    pub runner: Runner,
    pub ecosystem: Ecosystem,
    pub syntax: Syntax,
    /// The index in `args` of the argument holding it (for a script, the script's).
    pub index: usize,
    /// The spec as written there (`@playwright/mcp@latest`, the value of `--from=`).
    pub spec: &'a str,
    pub source: Source<'a>,
}

impl Package<'_> {
    /// The package's name, for a registry spec.
    pub fn name(&self) -> Option<&str> {
        match self.source {
            Source::Registry { name, .. } => Some(name),
            _ => None,
        }
    }

    /// The spec written with an exact `version`, in the syntax it was written in.
    pub fn pinned(&self, version: &str) -> String {
        let name = self.name().unwrap_or(self.spec);
        match self.syntax {
            Syntax::At => format!("{name}@{version}"),
            Syntax::Pep508 => format!("{name}=={version}"),
            Syntax::Deno(prefix) => format!("{prefix}{name}@{version}"),
        }
    }
}

/// A runner's flag that resolves the package anew on every start (`--prefer-online`,
/// `--refresh`, ...).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refresh<'a> {
    pub runner: Runner,
    pub index: usize,
    pub flag: &'a str,
}

/// Everything a command line runs through package runners.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Launches<'a> {
    pub packages: Vec<Package<'a>>,
    pub refresh: Vec<Refresh<'a>>,
}

/// One argument: its index in `args` and its resolved text.
type Tok<'a> = (usize, &'a str);

/// Reads a resolved command line (`EntryContext::command_line`).
pub fn parse<'a>(command: &'a str, args: &[Tok<'a>]) -> Launches<'a> {
    let mut out = Launches::default();
    line(&program(command), args, &mut out, 0);
    out
}

/// A command's program name: its file name, lower case, without `.exe`/`.cmd`/`.bat`/`.ps1`.
fn program(command: &str) -> String {
    let name = command.rsplit(['/', '\\']).next().unwrap_or(command);
    let name = name.to_ascii_lowercase();
    for ext in [".exe", ".cmd", ".bat", ".ps1"] {
        if let Some(stem) = name.strip_suffix(ext) {
            return stem.to_owned();
        }
    }
    name
}

fn line<'a>(name: &str, rest: &[Tok<'a>], out: &mut Launches<'a>, depth: u8) {
    if depth > 3 {
        return;
    }
    let sub = |name: &str| first_word(rest).is_some_and(|(_, w)| w == name);
    let after = |k: usize| rest.get(k..).unwrap_or(&[]);
    match name {
        "cmd" => {
            let Some(((_, flag), tail)) = rest.split_first() else {
                return;
            };
            if !(flag.eq_ignore_ascii_case("/c") || flag.eq_ignore_ascii_case("/k")) {
                return;
            }
            match tail {
                [(index, one)] if one.contains(char::is_whitespace) => {
                    script(*index, one, out, depth);
                }
                [(_, first), tail @ ..] => line(&program(first), tail, out, depth + 1),
                [] => {}
            }
        }
        "sh" | "bash" | "zsh" | "dash" | "ksh" | "ash" => {
            if let Some(k) = rest
                .iter()
                .position(|(_, a)| matches!(*a, "-c" | "-lc" | "-ic"))
                && let Some((index, text)) = rest.get(k + 1)
            {
                script(*index, text, out, depth);
            }
        }
        "wsl" => {
            let opts = options(
                rest,
                &["-d", "--distribution", "-u", "--user", "--cd"],
                true,
            );
            if let Some(k) = opts.positional
                && let Some(((_, first), tail)) = after(k).split_first()
            {
                let (first, tail) = match (*first, tail.split_first()) {
                    ("-e" | "--exec", Some(((_, p), t))) => (*p, t),
                    _ => (*first, tail),
                };
                line(&program(first), tail, out, depth + 1);
            }
        }
        "npx" => npx(Runner::Npx, rest, out),
        "npm" => {
            if let Some((k, "exec" | "x")) = first_word(rest) {
                npx(Runner::NpmExec, after(k + 1), out);
            }
        }
        "bunx" => runner_line(Runner::Bunx, rest, out),
        "bun" if sub("x") => runner_line(Runner::Bunx, after(1), out),
        "pnpx" => runner_line(Runner::PnpmDlx, rest, out),
        "pnpm" => {
            if let Some((k, "dlx")) = first_word(rest) {
                runner_line(Runner::PnpmDlx, after(k + 1), out);
            }
        }
        "yarn" if sub("dlx") => runner_line(Runner::YarnDlx, after(1), out),
        "uvx" => uv(Runner::Uvx, rest, out),
        "uv" => {
            let opts = options(rest, UV_GLOBAL, true);
            let Some(k) = opts.positional else { return };
            let words: Vec<&str> = after(k).iter().take(2).map(|(_, w)| *w).collect();
            match words.as_slice() {
                ["tool", "run", ..] => uv(Runner::UvToolRun, after(k + 2), out),
                ["run", ..] => uv(Runner::UvRun, after(k + 1), out),
                ["pip", "install"] => pip(after(k + 2), out),
                _ => {}
            }
        }
        "pipx" if sub("run") => pipx(after(1), out),
        "deno" if sub("run") => deno(after(1), out),
        "pip" | "pip3" if sub("install") => pip(after(1), out),
        p if p.starts_with("python") || p == "py" => {
            let words: Vec<&str> = rest.iter().take(3).map(|(_, w)| *w).collect();
            if words == ["-m", "pip", "install"] {
                pip(after(3), out);
            }
        }
        _ => {}
    }
}

/// The first argument, if it is not a flag.
fn first_word<'a>(rest: &[Tok<'a>]) -> Option<(usize, &'a str)> {
    let k = rest.iter().position(|(_, a)| !a.starts_with('-'))?;
    // Only a subcommand right at the start, or after flags of the runner itself.
    Some((k, rest[k].1))
}

/// Each command of a shell script (split at `&&`, `||`, `;`, `|`), its words all at
/// argument `index`.
fn script<'a>(index: usize, text: &'a str, out: &mut Launches<'a>, depth: u8) {
    let mut words: Vec<Tok<'a>> = Vec::new();
    let flush = |words: &mut Vec<Tok<'a>>, out: &mut Launches<'a>| {
        if let Some(((_, first), tail)) = words.split_first() {
            line(&program(first), tail, out, depth + 1);
        }
        words.clear();
    };
    for word in text.split_whitespace() {
        if matches!(word, "&&" | "||" | ";" | "|" | "&") {
            flush(&mut words, out);
            continue;
        }
        let ends = word.ends_with(';');
        let word = word.trim_end_matches(';').trim_matches(['"', '\'']);
        if !word.is_empty() {
            words.push((index, word));
        }
        if ends {
            flush(&mut words, out);
        }
    }
    flush(&mut words, out);
}

/// A runner's options: flags, flags with their value, and where the first positional
/// argument is.
struct Opts<'a> {
    flags: Vec<Tok<'a>>,
    values: Vec<(&'a str, Tok<'a>)>,
    positionals: Vec<usize>,
    positional: Option<usize>,
}

/// Reads options up to the first positional argument (`stop`) or through every argument;
/// `valued` are the options that take the next argument as their value (`--opt=value`
/// always does). After `--`, everything is positional.
fn options<'a>(rest: &[Tok<'a>], valued: &[&str], stop: bool) -> Opts<'a> {
    let mut opts = Opts {
        flags: Vec::new(),
        values: Vec::new(),
        positionals: Vec::new(),
        positional: None,
    };
    let mut k = 0;
    while k < rest.len() {
        let (index, arg) = rest[k];
        if arg == "--" {
            opts.positionals.extend(k + 1..rest.len());
            break;
        }
        if arg.starts_with('-') && arg.len() > 1 {
            if let Some((name, value)) = arg.split_once('=') {
                opts.values.push((name, (index, value)));
            } else if valued.contains(&arg) {
                if let Some(&value) = rest.get(k + 1) {
                    opts.values.push((arg, value));
                }
                k += 1;
            } else {
                opts.flags.push((index, arg));
            }
        } else {
            opts.positionals.push(k);
            if stop {
                break;
            }
        }
        k += 1;
    }
    opts.positional = opts.positionals.first().copied();
    opts
}

impl<'a> Opts<'a> {
    fn values_of<'s>(&'s self, names: &'s [&str]) -> impl Iterator<Item = Tok<'a>> + 's {
        self.values
            .iter()
            .filter(move |(n, _)| names.contains(n))
            .map(|(_, v)| *v)
    }

    fn refresh(&self, runner: Runner, names: &[&str], out: &mut Launches<'a>) {
        let named = self.flags.iter().copied().chain(
            self.values
                .iter()
                .map(|(n, (i, _))| (*i, *n))
                .filter(|(_, n)| *n != "--from"),
        );
        for (index, flag) in named {
            if names.contains(&flag) {
                out.refresh.push(Refresh {
                    runner,
                    index,
                    flag,
                });
            }
        }
    }
}

fn npx<'a>(runner: Runner, rest: &[Tok<'a>], out: &mut Launches<'a>) {
    #[rustfmt::skip]
    const VALUED: &[&str] = &[
        "-p", "--package", "-c", "--call", "--registry", "--cache", "--userconfig", "-w",
        "--workspace", "--node-options", "--loglevel", "--prefix", "--script-shell",
    ];
    let opts = options(rest, VALUED, true);
    // `--prefer-online`: "force staleness checks for cached data" (npm config docs).
    opts.refresh(runner, &["--prefer-online"], out);
    let named: Vec<Tok> = opts.values_of(&["-p", "--package"]).collect();
    let call = opts.values_of(&["-c", "--call"]).next().is_some();
    for tok in &named {
        out.packages.push(npm_package(runner, *tok));
    }
    // With `-p`, the first positional is the command to run, not a package.
    if named.is_empty()
        && !call
        && let Some(k) = opts.positional
    {
        out.packages.push(npm_package(runner, rest[k]));
    }
}

/// `bunx`, `pnpm dlx`, `yarn dlx`: `--package`/`-p` or the first positional.
fn runner_line<'a>(runner: Runner, rest: &[Tok<'a>], out: &mut Launches<'a>) {
    #[rustfmt::skip]
    let valued = &[
        "-p", "--package", "--allow-build", "--reporter", "-C", "--dir",
    ];
    let opts = options(rest, valued, true);
    let named: Vec<Tok> = opts.values_of(&["-p", "--package"]).collect();
    for tok in &named {
        out.packages.push(npm_package(runner, *tok));
    }
    if named.is_empty()
        && let Some(k) = opts.positional
    {
        out.packages.push(npm_package(runner, rest[k]));
    }
}

/// uv's options that take a value (before the subcommand, and of `tool run`/`run`).
#[rustfmt::skip]
const UV_GLOBAL: &[&str] = &[
    "--directory", "--project", "--cache-dir", "--config-file", "--color", "--python", "-p",
];

#[rustfmt::skip]
const UV_VALUED: &[&str] = &[
    "--from", "--with", "-w", "--with-editable", "--with-requirements", "--python", "-p",
    "--refresh-package", "--upgrade-package", "--reinstall-package", "--directory", "--project",
    "--index", "--index-url", "-i", "--default-index", "--extra-index-url", "--find-links", "-f",
    "--env-file", "--cache-dir", "--config-file", "--color", "--constraints", "-c", "--overrides",
    "--build-constraints", "-b", "--index-strategy", "--keyring-provider", "--exclude-newer",
    "--resolution", "--prerelease", "--link-mode", "--package", "--extra", "--group",
];

/// uv's flags that fetch the index (or the package) again on every start: `--refresh`
/// ("refresh all cached data"), `--upgrade` ("allow package upgrades"), `--no-cache`
/// (<https://docs.astral.sh/uv/reference/cli/#uv-tool-run>).
#[rustfmt::skip]
const UV_REFRESH: &[&str] = &[
    "--refresh", "--refresh-package", "--upgrade", "-U", "--upgrade-package", "--reinstall",
    "--reinstall-package", "--no-cache",
];

/// `uvx`, `uv tool run`, `uv run --with`.
fn uv<'a>(runner: Runner, rest: &[Tok<'a>], out: &mut Launches<'a>) {
    let opts = options(rest, UV_VALUED, true);
    opts.refresh(runner, UV_REFRESH, out);
    let from: Vec<Tok> = opts.values_of(&["--from"]).collect();
    for (index, spec) in &from {
        out.packages
            .push(py_package(runner, *index, spec, true, Syntax::Pep508));
    }
    for (index, spec) in opts.values_of(&["--with", "-w"]) {
        out.packages
            .push(py_package(runner, index, spec, false, Syntax::Pep508));
    }
    // `uv run` runs a command or a script of the project; `--from` makes the first
    // positional of `uvx` the command.
    if runner != Runner::UvRun
        && from.is_empty()
        && let Some(k) = opts.positional
    {
        let (index, spec) = rest[k];
        out.packages
            .push(py_package(runner, index, spec, true, Syntax::At));
    }
}

fn pipx<'a>(rest: &[Tok<'a>], out: &mut Launches<'a>) {
    #[rustfmt::skip]
    let valued = &[
        "--spec", "--python", "--pip-args", "--index-url", "--backend",
    ];
    let opts = options(rest, valued, true);
    // `--no-cache`: "do not re-use cached virtual environment" (pipx run --help).
    opts.refresh(Runner::PipxRun, &["--no-cache"], out);
    let spec: Vec<Tok> = opts.values_of(&["--spec"]).collect();
    for (index, text) in &spec {
        out.packages.push(py_package(
            Runner::PipxRun,
            *index,
            text,
            false,
            Syntax::Pep508,
        ));
    }
    if spec.is_empty()
        && let Some(k) = opts.positional
    {
        let (index, text) = rest[k];
        out.packages.push(py_package(
            Runner::PipxRun,
            index,
            text,
            false,
            Syntax::Pep508,
        ));
    }
}

fn deno<'a>(rest: &[Tok<'a>], out: &mut Launches<'a>) {
    #[rustfmt::skip]
    let valued = &[
        "--config", "-c", "--import-map", "--lock", "--cert", "--location", "--seed",
    ];
    let opts = options(rest, valued, true);
    // `--reload`: "reload source code cache" (deno run --help).
    opts.refresh(Runner::DenoRun, &["-r", "--reload"], out);
    let Some(k) = opts.positional else { return };
    let (index, spec) = rest[k];
    for (prefix, ecosystem) in [("npm:", Ecosystem::Npm), ("jsr:", Ecosystem::Jsr)] {
        if let Some(inner) = spec.strip_prefix(prefix) {
            // `npm:name@1.2.3/bin`: a path inside the package follows its version.
            let cut = inner
                .char_indices()
                .filter(|(_, c)| *c == '/')
                .map(|(i, _)| i)
                .nth(usize::from(inner.starts_with('@')))
                .unwrap_or(inner.len());
            out.packages.push(Package {
                runner: Runner::DenoRun,
                ecosystem,
                syntax: Syntax::Deno(prefix),
                index,
                spec,
                source: registry_npm(&inner[..cut]),
            });
        }
    }
}

fn pip<'a>(rest: &[Tok<'a>], out: &mut Launches<'a>) {
    #[rustfmt::skip]
    let valued = &[
        "-r", "--requirement", "-c", "--constraint", "-i", "--index-url", "--extra-index-url",
        "-t", "--target", "--prefix", "-f", "--find-links", "--src", "--root", "-e", "--editable",
    ];
    let opts = options(rest, valued, false);
    let editable = opts.values_of(&["-e", "--editable"]);
    let positional = opts.positionals.iter().map(|&k| rest[k]);
    let mut all: Vec<Tok> = editable.chain(positional).collect();
    all.sort_by_key(|(i, _)| *i);
    for (index, spec) in all {
        out.packages.push(py_package(
            Runner::PipInstall,
            index,
            spec,
            false,
            Syntax::Pep508,
        ));
    }
}

fn npm_package<'a>(runner: Runner, (index, spec): Tok<'a>) -> Package<'a> {
    Package {
        runner,
        ecosystem: Ecosystem::Npm,
        syntax: Syntax::At,
        index,
        spec,
        source: npm_source(spec),
    }
}

/// A Python requirement (PEP 508), or for uv also `name@version`.
fn py_package<'a>(
    runner: Runner,
    index: usize,
    spec: &'a str,
    uv_at: bool,
    syntax: Syntax,
) -> Package<'a> {
    let source = py_source(spec.trim(), uv_at);
    let syntax = match (&source, spec.contains("==")) {
        (Source::Registry { .. }, true) => Syntax::Pep508,
        _ => syntax,
    };
    Package {
        runner,
        ecosystem: Ecosystem::PyPI,
        syntax,
        index,
        spec,
        source,
    }
}
