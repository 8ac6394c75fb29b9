//! What a run is asked to do, and what it found.

use crate::clients::{Client, ClientChoice};
use crate::diagnostic::Diagnostic;
use crate::env::EnvOptions;
use crate::oauth::OAuthOptions;
use crate::registry::Severity;
use crate::source::{FileId, FileKind, SourceFile};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Read every file as JSONC, whatever its name.
    pub jsonc: bool,
    pub env: EnvOptions,
    /// Keep each config's resolved document in the report (for `render`).
    pub keep_resolved: bool,
    /// Keep it as written too (for `render --keep-vars`).
    pub keep_raw: bool,
    /// Files larger than this many bytes are not read (`parse/too-large`); 0 means the default.
    pub max_file_size: u64,
    pub oauth: OAuthOptions,
    /// How the client each config is read as is chosen.
    pub clients: ClientChoice,
    /// The advisories packages are checked against: the shipped ones and `--advisories`.
    pub advisories: crate::supply::osv::Advisories,
    /// Rules whose checks need not run: off by default and not asked for (`--select`,
    /// `.mcplint.json`), so the policy would drop their findings. Empty: every check runs.
    pub skip_rules: Vec<&'static str>,
    /// Leave each parse tree allocated (the command line's runs, which end the process right
    /// after: freeing a tree of 100,000 servers node by node takes as long as parsing 20,000).
    pub leak_tree: bool,
}

/// A file that could not be read at all (exit code 2).
#[derive(Debug)]
pub struct ReadError {
    pub name: String,
    pub error: std::io::Error,
}

/// A config after expansion: what `render` writes.
#[derive(Debug)]
pub struct Resolved {
    pub file: FileId,
    pub root: serde_json::Value,
    /// Pointers of the values that hold a secret, for `--redact`.
    pub secrets: Vec<String>,
    /// The document as written, when `keep_raw` asked for it.
    pub raw: Option<serde_json::Value>,
}

/// Everything one run found, for the printers.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
    pub read_errors: Vec<ReadError>,
    pub resolved: Vec<Resolved>,
    /// The hardcoded secrets found, for `mcplint fix`.
    pub moves: Vec<crate::secrets::Move>,
    /// Each config, with the client it was read as.
    pub inputs: Vec<(FileId, &'static Client)>,
    /// The variables the run saw (for `fix`, which must not reuse a name).
    pub environment: Option<crate::env::Environment>,
    /// What `render --to` could not express.
    pub conversion_warnings: Vec<String>,
    /// The configs that did not parse (or were not UTF-8): only the token formats were
    /// looked for in them.
    pub raw_scanned: Vec<FileId>,
    /// Whether the configs were looked for (`check DIR`, `check --user`) rather than named.
    pub searched: bool,
    /// Every place `check --user` looked in, found or not, and the system whose places they are.
    pub looked: Vec<Looked>,
    pub looked_on: Option<crate::clients::Os>,
}

/// A place a client keeps a user's config, and whether one was there.
#[derive(Debug, Clone)]
pub struct Looked {
    pub client: &'static Client,
    /// The path looked at, or why none could be worked out (no home folder).
    pub path: String,
    pub found: bool,
}

/// What became of a config that was looked for, in the JSON `"inputs"` and the human list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Checked,
    NotFound,
    Unreadable,
}

impl Status {
    pub fn name(self) -> &'static str {
        match self {
            Status::Checked => "checked",
            Status::NotFound => "not-found",
            Status::Unreadable => "unreadable",
        }
    }
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }

    /// Orders the findings by file, then position, then rule: the order every printer shows.
    pub fn sort(&mut self) {
        self.diagnostics.sort_by(|a, b| {
            (a.file, a.span.start, a.span.end, a.rule.id).cmp(&(
                b.file,
                b.span.start,
                b.span.end,
                b.rule.id,
            ))
        });
    }

    /// What became of config `id`: checked, or found but not readable.
    pub fn status(&self, id: FileId) -> Status {
        let unreadable = self
            .diagnostics
            .iter()
            .any(|d| d.file == id && d.rule.id == crate::rules::parse::UNREADABLE.id);
        if unreadable {
            Status::Unreadable
        } else {
            Status::Checked
        }
    }

    /// The config read from `path` (as its name is shown), if one was.
    pub fn input_named(&self, path: &str) -> Option<FileId> {
        self.inputs
            .iter()
            .map(|(id, _)| *id)
            .find(|id| self.files[*id].name == path)
    }

    /// How many configs were checked (env files are not counted).
    pub fn configs(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.kind == FileKind::Config)
            .count()
    }
}
