//! The pipeline every command shares: read each file once, parse it once, walk its servers
//! once through every registered check (`crate::rules`), then apply the finding policy
//! (suppressions, severities, selection, baseline) in [`policy`].

pub mod policy;
mod read;
mod shape;
pub mod suppress;
mod values;
mod walk;

use std::path::PathBuf;

use crate::diagnostic::Diagnostic;
use crate::env::{EnvOptions, Environment};
use crate::parse::Dialect;
use crate::registry::Severity;
use crate::rules::oauth::OAuthOptions;
use crate::source::{FileId, FileKind, SourceFile, Span};

pub use read::{DEFAULT_MAX_FILE_SIZE, DEFAULT_NAMES, Input, find_default_config};
pub use shape::{servers_in, servers_in_mut, servers_key_in};

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
    pub moves: Vec<crate::rules::secret::Move>,
    /// What `render --to` could not express.
    pub conversion_warnings: Vec<String>,
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

    /// How many configs were checked (env files are not counted).
    pub fn configs(&self) -> usize {
        self.files
            .iter()
            .filter(|f| f.kind == FileKind::Config)
            .count()
    }
}

/// Checks every input; unreadable ones are recorded, not fatal to the others.
pub fn check_inputs(inputs: &[Input], options: &Options) -> Report {
    let mut report = Report::default();
    let mut env = Environment::new(&options.env);
    for input in inputs {
        let limit = match options.max_file_size {
            0 => DEFAULT_MAX_FILE_SIZE,
            n => n,
        };
        let bytes = match read::read_input(input, limit) {
            Ok(Ok(bytes)) => bytes,
            Ok(Err(size)) => {
                let id = report.files.len();
                report.files.push(SourceFile::new(input.name(), ""));
                report
                    .diagnostics
                    .push(crate::rules::parse::too_large::diagnostic(id, size, limit));
                continue;
            }
            Err(error) => {
                report.read_errors.push(ReadError {
                    name: input.name(),
                    error,
                });
                continue;
            }
        };
        let dialect = if options.jsonc {
            Dialect::Jsonc
        } else {
            Dialect::for_path(&input.name())
        };
        check_one(&mut report, &mut env, input, bytes, dialect, options);
    }
    env.report_unused(&mut report.diagnostics);
    report.sort();
    report
}

/// Checks a config given as text, as if read from `name` (tests, benches, editors).
pub fn check_text(name: &str, text: &str, options: &Options) -> Report {
    let mut report = Report::default();
    let mut env = Environment::new(&options.env);
    let input = Input::Path(PathBuf::from(name));
    let dialect = if options.jsonc {
        Dialect::Jsonc
    } else {
        Dialect::for_path(name)
    };
    check_one(
        &mut report,
        &mut env,
        &input,
        text.as_bytes().to_vec(),
        dialect,
        options,
    );
    env.report_unused(&mut report.diagnostics);
    report
}

fn check_one(
    report: &mut Report,
    env: &mut Environment,
    input: &Input,
    bytes: Vec<u8>,
    dialect: Dialect,
    options: &Options,
) {
    let id = report.files.len();
    let name = input.name();
    let text = match String::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // A leading BOM is dropped from the text, so offsets move with it.
            let shift = if bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            report
                .diagnostics
                .push(crate::rules::parse::invalid_utf8::diagnostic(
                    id,
                    offset - shift,
                    bytes[offset],
                    bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF"),
                ));
            report.files.push(SourceFile::new(
                name,
                String::from_utf8_lossy(&bytes).into_owned(),
            ));
            return;
        }
    };
    report.files.push(SourceFile::new(name, text));
    walk::check_config(report, env, input, id, dialect, options);
}

/// The text with each secret masked after its first characters, byte for byte as long.
fn mask(text: &str, spans: impl Iterator<Item = Span>) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for span in spans {
        let secret = &text[span.start..span.end];
        let keep: usize = secret
            .chars()
            .take(crate::rules::secret::shown_chars(secret.chars().count()))
            .map(char::len_utf8)
            .sum();
        for b in &mut bytes[span.start + keep..span.end] {
            if *b != b'\n' && *b != b'\r' {
                *b = b'*';
            }
        }
    }
    // Multi-byte characters inside a secret became `*` byte by byte: still valid UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}
