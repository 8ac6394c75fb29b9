//! Variables: where `${NAME}` gets its value, and the expansion of config strings.
//!
//! Lookup order, for every reference: the entry's own `env` block (for the entry's other
//! fields), then the process environment (unless `--no-process-env`), then the env files,
//! the later file winning. Env files are the `--env-file` paths when any is given, otherwise
//! the `.env` beside the config.

mod dialect;
pub mod dollar;
pub mod dotenv;
mod double_brace;
mod expand;
mod findings;
pub mod lint;
mod lint_report;
pub mod template;

pub use expand::Expander;
pub(crate) use findings::Place;

use crate::hash::{HashMap, HashSet};
use std::path::{Path as FsPath, PathBuf};

use crate::diagnostic::Diagnostic;
use crate::rules::env as rules;
use crate::source::{FileId, FileKind, SourceFile, Span};
use template::{Event, Grammar};

/// Where variables come from, as the command line says.
#[derive(Debug, Clone)]
pub struct EnvOptions {
    /// `--env-file`, in order; empty means the `.env` beside each config.
    pub files: Vec<PathBuf>,
    /// Whether the process environment is looked up (not with `--no-process-env`).
    pub process: bool,
    /// Whether the `.env` beside a config is read when no `files` are given.
    pub dotenv: bool,
    /// Files that declare variable names without values (`.mcplint.json` `"declareFiles"`),
    /// besides the templates beside each config.
    pub declare_files: Vec<PathBuf>,
    /// A declared variable with no value is an error, not a note (`--require-set`, `render`).
    pub require_set: bool,
    /// Env files' texts that win over the disk: an editor's unsaved buffers (`mcplint server`).
    pub overlay: std::sync::Arc<HashMap<PathBuf, String>>,
}

impl Default for EnvOptions {
    fn default() -> Self {
        EnvOptions {
            files: Vec::new(),
            process: true,
            dotenv: true,
            declare_files: Vec::new(),
            require_set: false,
            overlay: Default::default(),
        }
    }
}

pub use crate::secrets::is_secret_name;

/// A variable defined by an env file.
#[derive(Debug, Clone)]
struct Defined {
    value: String,
    file: FileId,
    key_span: Span,
    /// Whether the value is a placeholder (`secrets::fake::is_placeholder`), judged once here
    /// rather than at every reference to it.
    placeholder: bool,
}

/// How the env files of a set were chosen, for the help of an undefined variable.
#[derive(Debug, Clone)]
enum Origin {
    Explicit,
    Default { path: PathBuf, found: bool },
}

/// The variables one config sees: its env files, resolved in order.
#[derive(Debug)]
pub struct VarSet {
    origin: Origin,
    values: HashMap<String, Defined>,
    /// Every definition of the default `.env`, for unused-variable (name, file, key span).
    definitions: Vec<(String, FileId, Span)>,
    /// Names a committed template declares (`.env.example`, `.env.sample`, `.env.template`,
    /// `.env.dist` beside the config, and the declare files), with the file that declares them.
    example: HashMap<String, String>,
    used: HashSet<String>,
    /// Names whose `.env` value could not be resolved.
    tainted: HashSet<String>,
    /// Names on `.env` lines that could not be parsed, with the file.
    broken: HashMap<String, FileId>,
}

/// Everything that one run knows about variables; files are loaded once.
#[derive(Debug)]
pub struct Environment {
    options: EnvOptions,
    process: Option<HashMap<String, String>>,
    /// Names set in the process environment even when it is not looked up, for a hint.
    process_names: HashSet<String>,
    sets: Vec<VarSet>,
    by_dir: HashMap<PathBuf, usize>,
}

/// A file the run needed and could not read.
pub type ReadFailure = (String, std::io::Error);

impl Environment {
    pub fn new(options: &EnvOptions) -> Environment {
        let all: HashMap<String, String> = std::env::vars_os()
            .filter_map(|(k, v)| Some((k.into_string().ok()?, v.into_string().ok()?)))
            .collect();
        let process_names = all.keys().cloned().collect();
        Environment {
            options: options.clone(),
            process: options.process.then_some(all),
            process_names,
            sets: Vec::new(),
            by_dir: HashMap::default(),
        }
    }

    pub fn set(&self, index: usize) -> &VarSet {
        &self.sets[index]
    }

    /// The variable set of a config in `dir`, loading its env files into `files` the first
    /// time; findings about them go to `out`, unreadable files to `failures`.
    pub fn set_for(
        &mut self,
        config_dir: &FsPath,
        files: &mut Vec<SourceFile>,
        out: &mut Vec<Diagnostic>,
        failures: &mut Vec<ReadFailure>,
    ) -> usize {
        let key = if self.options.files.is_empty() {
            config_dir.to_path_buf()
        } else {
            PathBuf::new()
        };
        if let Some(&i) = self.by_dir.get(&key) {
            return i;
        }
        let mut example = HashMap::default();
        let templates = TEMPLATE_NAMES
            .iter()
            .map(|n| config_dir.join(n))
            .chain(self.options.declare_files.iter().cloned());
        for path in templates {
            for name in read_names(&path, &self.options.overlay) {
                let shown = path.file_name().map_or_else(
                    || path.display().to_string(),
                    |f| f.to_string_lossy().into_owned(),
                );
                example.entry(name).or_insert(shown);
            }
        }
        let mut set = VarSet {
            origin: Origin::Explicit,
            values: HashMap::default(),
            definitions: Vec::new(),
            example,
            used: HashSet::default(),
            tainted: HashSet::default(),
            broken: HashMap::default(),
        };
        if self.options.files.is_empty() {
            let path = config_dir.join(".env");
            let found =
                self.options.dotenv && (self.options.overlay.contains_key(&path) || path.is_file());
            set.origin = Origin::Default {
                path: path.clone(),
                found,
            };
            if found {
                self.load(&mut set, &path, true, files, out, failures);
            }
        } else {
            for path in self.options.files.clone() {
                self.load(&mut set, &path, false, files, out, failures);
            }
        }
        self.sets.push(set);
        self.by_dir.insert(key, self.sets.len() - 1);
        self.sets.len() - 1
    }

    fn load(
        &self,
        set: &mut VarSet,
        path: &FsPath,
        default: bool,
        files: &mut Vec<SourceFile>,
        out: &mut Vec<Diagnostic>,
        failures: &mut Vec<ReadFailure>,
    ) {
        let name = path.display().to_string();
        let read = match self.options.overlay.get(path) {
            Some(text) => Ok(text.clone().into_bytes()),
            None => std::fs::read(path),
        };
        let bytes = match read {
            Ok(b) => b,
            Err(e) => {
                failures.push((name, e));
                return;
            }
        };
        let id = files.len();
        let text = match String::from_utf8(bytes) {
            Ok(t) => t,
            Err(e) => {
                let offset = e.utf8_error().valid_up_to();
                let mut file = SourceFile::new(name, "");
                file.kind = FileKind::Env;
                file.utf8 = false;
                files.push(file);
                out.push(rules::syntax::not_utf8(id, offset));
                return;
            }
        };
        let mut file = SourceFile::new(name, text);
        file.kind = FileKind::Env;
        if let Some(d) = crate::rules::secret::env_file_not_ignored::diagnostic(path, id) {
            out.push(d);
        }
        let parsed = dotenv::parse(&file.text);
        // Every value is masked; a token-shaped run on a line that is no assignment too.
        file.set_display(
            crate::secrets::mask::mask_all(&parsed.masked, std::iter::empty())
                .unwrap_or(parsed.masked),
        );
        for err in parsed.errors {
            if let Some(name) = err.name {
                set.broken.insert(name, id);
            }
            out.push(match err.kind {
                dotenv::ErrorKind::UnclosedQuote => {
                    rules::unbalanced_quotes::diagnostic(id, err.span, err.message, err.help)
                }
                dotenv::ErrorKind::MissingEquals => {
                    rules::missing_equals::diagnostic(id, err.span, err.message, err.help)
                }
                dotenv::ErrorKind::Other => {
                    rules::syntax::diagnostic(id, err.span, err.message, err.help)
                }
            });
        }
        let template = if path.file_name().is_some_and(|n| n == ".env") {
            lint::TEMPLATES
                .iter()
                .map(|t| path.with_file_name(t))
                .find(|p| p.is_file())
        } else {
            None
        };
        let lexical = lint::check(&file.text, &parsed.entries);
        let keys = template.as_ref().map(|_| parsed.entries.clone());
        for entry in parsed.entries {
            let value = self.resolve_dotenv(set, &file, id, &entry, out);
            if default {
                set.definitions
                    .push((entry.name.clone(), id, entry.key_span));
            }
            set.values.insert(
                entry.name,
                Defined {
                    placeholder: crate::secrets::fake::is_placeholder(&value),
                    value,
                    file: id,
                    key_span: entry.key_span,
                },
            );
        }
        files.push(file);
        lint_report::lint(id, lexical, keys.zip(template), files, out);
    }

    /// Expands the references of one `.env` value against what is defined so far.
    fn resolve_dotenv(
        &self,
        set: &mut VarSet,
        file: &SourceFile,
        id: FileId,
        entry: &dotenv::Assignment,
        out: &mut Vec<Diagnostic>,
    ) -> String {
        let src = entry.template.as_str();
        if !dollar::has_dollar(src) {
            return src.to_owned();
        }
        // Where a piece of the value is in the file: found by its text, since dotenvy's
        // unquoting moved it.
        let locate = |piece: &str| -> Span {
            let raw = &file.text[entry.value_span.start..entry.value_span.end];
            match raw.find(piece) {
                Some(i) => Span::new(
                    entry.value_span.start + i,
                    entry.value_span.start + i + piece.len(),
                ),
                None => entry.value_span,
            }
        };
        let pieces = match template::parse(src, Grammar::DotEnv) {
            Ok(p) => p,
            Err(invalid) => {
                let piece = &src[invalid.span.clone()];
                // A `${` with no `}` after it, whatever the parser met first.
                if src[invalid.span.start..].starts_with("${")
                    && !src[invalid.span.start..].contains('}')
                {
                    out.push(rules::unclosed_substitution::diagnostic(
                        id,
                        locate(piece),
                        &entry.name,
                    ));
                    return src.to_owned();
                }
                out.push(rules::invalid_template::diagnostic(
                    id,
                    locate(piece),
                    "",
                    format!("invalid reference in `{}`: {}", entry.name, invalid.message),
                    invalid.help,
                ));
                return src.to_owned();
            }
        };
        let lookup = |name: &str| self.lookup(set, None, name);
        let mut events = Vec::new();
        let value = template::evaluate(src, &pieces, &lookup, &mut events);
        let place = Place {
            id,
            at: &|r: std::ops::Range<usize>| locate(&src[r]),
            pointer: "",
            dotenv_key: Some(&entry.name),
            scope: None,
            client: None,
        };
        for event in &events {
            match event {
                Event::Used { name, .. } => {
                    set.used.insert((*name).to_owned());
                }
                Event::Undefined { .. } | Event::Required { .. } => {
                    set.tainted.insert(entry.name.clone());
                }
                _ => {}
            }
        }
        for event in &events {
            out.extend(self.finding(set, event, src, &place));
        }
        value
    }

    /// A variable's value: the entry's scope, the process environment, the env files.
    fn lookup<'v>(
        &'v self,
        set: &'v VarSet,
        scope: Option<&'v HashMap<String, String>>,
        name: &str,
    ) -> Option<&'v str> {
        scope
            .and_then(|s| s.get(name))
            .or_else(|| self.process.as_ref().and_then(|p| p.get(name)))
            .or_else(|| set.values.get(name).map(|d| &d.value))
            .map(String::as_str)
    }

    /// A variable's value as a config would see it (no entry scope).
    pub fn get<'v>(&'v self, set: &'v VarSet, name: &str) -> Option<&'v str> {
        self.lookup(set, None, name)
    }

    /// The `.env` definition of `name` when its value is a placeholder (`changeme`,
    /// `your_token_here`) and the name is a secret's: its file, key span and the value as it
    /// may be shown.
    pub fn placeholder_in_dotenv(
        &self,
        set: &VarSet,
        scope: Option<&HashMap<String, String>>,
        name: &str,
    ) -> Option<(FileId, Span, String)> {
        // The `.env` value first: most names are in no `.env`, and the name test costs more.
        let d = set.values.get(name).filter(|d| d.placeholder)?;
        if scope.is_some_and(|s| s.contains_key(name))
            || self.process.as_ref().is_some_and(|p| p.contains_key(name))
            || !is_secret_name(name)
        {
            return None;
        }
        Some((
            d.file,
            d.key_span,
            format!("`{}`", d.value.chars().take(40).collect::<String>()),
        ))
    }

    /// The template that declares `name`, when one does.
    pub fn declared_in<'v>(&self, set: &'v VarSet, name: &str) -> Option<&'v str> {
        set.example.get(name).map(String::as_str)
    }

    /// Whether the config's folder has neither an env file nor a template: nothing says what
    /// its variables are.
    pub fn nothing_declares(&self, set: &VarSet) -> bool {
        set.example.is_empty() && matches!(set.origin, Origin::Default { found: false, .. })
    }

    pub fn require_set(&self) -> bool {
        self.options.require_set
    }

    /// Every name declared or set, for "did you mean".
    pub fn known_names<'v>(&'v self, set: &'v VarSet) -> Vec<&'v str> {
        let mut names: Vec<&str> = set
            .values
            .keys()
            .chain(set.example.keys())
            .map(String::as_str)
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Whether `name` has a value from an env file only: not from the entry's own `env` block,
    /// not from the process environment.
    pub fn only_in_dotenv(
        &self,
        set: &VarSet,
        scope: Option<&HashMap<String, String>>,
        name: &str,
    ) -> bool {
        !scope.is_some_and(|s| s.contains_key(name))
            && !self.process_names.contains(name)
            && set.values.contains_key(name)
    }

    /// The `.env` line that gives `name` its value, unless the environment overrides it.
    pub fn definition(&self, set: &VarSet, name: &str) -> Option<(FileId, Span)> {
        if self.process.as_ref().is_some_and(|p| p.contains_key(name)) {
            return None;
        }
        set.values.get(name).map(|d| (d.file, d.key_span))
    }

    fn undefined_help(
        &self,
        set: &VarSet,
        name: &str,
        in_dotenv: bool,
        client: Option<&crate::clients::Client>,
    ) -> String {
        let known = self.known_names(set);
        if set.broken.contains_key(name) {
            return format!(
                "the env file's line for `{name}` could not be read (see the finding on that line)"
            );
        }
        if let Some(near) = crate::suggest::closest(name, known.iter().copied()) {
            return format!("did you mean `{near}`?");
        }
        if !self.options.process && self.process_names.contains(name) {
            return format!(
                "`{name}` is set in the environment, but `--no-process-env` ignores the \
                 environment; define it in an env file"
            );
        }
        if set.example.contains_key(name) {
            return format!(
                "`.env.example` defines `{name}` but `.env` does not: copy its line into `.env` \
                 and set the value"
            );
        }
        if let Some(client) = client.filter(|c| c.mode == crate::clients::Mode::Direct) {
            let or_dotenv = if client.lookup.value.dotenv {
                " or in the `.env` beside the config"
            } else {
                " (it does not read `.env`)"
            };
            return format!(
                "set `{name}` in the environment {} starts from{or_dotenv}",
                client.name
            );
        }
        if in_dotenv {
            return format!(
                "define `{name}` on an earlier line, in an earlier env file or in the \
                 environment, or give a default: `${{{name}:-value}}`"
            );
        }
        match &set.origin {
            Origin::Default { path, found: false } => format!(
                "no `.env` found beside the config (looked for {}): create it with \
                 `{name}=...`, pass `--env-file`, or set `{name}` in the environment",
                path.display()
            ),
            _ => format!(
                "define it in the env file (`{name}=...`) or in the environment, or give a \
                 default: `${{{name}:-value}}`"
            ),
        }
    }

    /// After every config is checked: the variables of a default `.env` nothing used.
    pub fn report_unused(&self, out: &mut Vec<Diagnostic>) {
        for set in &self.sets {
            // Names the configs use that nothing defines: the unused one may be meant.
            let mut missing: Vec<&str> = set
                .used
                .iter()
                .filter(|n| !set.values.contains_key(*n))
                .map(String::as_str)
                .collect();
            missing.sort_unstable();
            for (name, file, span) in &set.definitions {
                if set.used.contains(name) {
                    continue;
                }
                let help = match crate::suggest::closest(name, missing.iter().copied()) {
                    Some(near) => format!(
                        "a config references `${{{near}}}`, which nothing defines: did you mean \
                         `{name}` there?"
                    ),
                    None => format!(
                        "remove the line if it is a leftover, or reference it as `${{{name}}}`"
                    ),
                };
                out.push(rules::unused_variable::diagnostic(*file, *span, name, help));
            }
        }
    }
}

/// The names a `.env`-style file defines; nothing when it is missing or unreadable.
/// Committed templates that declare a project's variables without their values.
pub const TEMPLATE_NAMES: &[&str] = &[".env.example", ".env.sample", ".env.template", ".env.dist"];

fn read_names(path: &FsPath, overlay: &HashMap<PathBuf, String>) -> HashSet<String> {
    overlay
        .get(path)
        .map_or_else(|| std::fs::read_to_string(path), |t| Ok(t.clone()))
        .map(|text| {
            dotenv::parse(text.trim_start_matches('\u{feff}'))
                .entries
                .into_iter()
                .map(|e| e.name)
                .collect()
        })
        .unwrap_or_default()
}

impl VarSet {
    /// Records the variables a config used.
    pub fn mark_used(&mut self, names: impl IntoIterator<Item = String>) {
        self.used.extend(names);
    }
}

impl Environment {
    /// Every variable a config in `config_dir` sees, with its value: the process
    /// environment when it is looked up, and the env files (which win here: they are what
    /// `fix` writes to).
    pub fn known(&self, config_dir: &FsPath) -> HashMap<&str, &str> {
        let mut known: HashMap<&str, &str> = HashMap::default();
        for (k, v) in self.process.iter().flatten() {
            known.insert(k, v);
        }
        let key = if self.options.files.is_empty() {
            config_dir.to_path_buf()
        } else {
            PathBuf::new()
        };
        if let Some(&i) = self.by_dir.get(&key) {
            for (k, d) in &self.sets[i].values {
                known.insert(k, &d.value);
            }
        }
        known
    }

    /// The variable set of a config in `config_dir`, once loaded (an editor's hover).
    pub fn set_of(&self, config_dir: &FsPath) -> Option<&VarSet> {
        let key = if self.options.files.is_empty() {
            config_dir
        } else {
            FsPath::new("")
        };
        self.by_dir.get(key).map(|&i| &self.sets[i])
    }

    pub fn set_mut(&mut self, index: usize) -> &mut VarSet {
        &mut self.sets[index]
    }
}
