//! One document through the pipeline `check` runs (settings, the env files, the policy), and
//! its findings as the protocol's diagnostics.

use crate::hash::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{
    CodeDescription, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString,
    Uri,
};

use super::position;
use crate::clients::Client;
use crate::diagnostic::Diagnostic;
use crate::parse::Dialect;
use crate::pipeline::{self, Options, Report, policy};
use crate::registry::Severity;
use crate::source::FileKind;

/// A config as last checked.
pub struct Checked {
    pub path: PathBuf,
    pub report: Report,
    pub client: &'static Client,
    /// Whether the file takes comments (an ignore comment can be offered).
    pub jsonc: bool,
    /// The env files it read, or would read once they exist.
    pub env_files: Vec<PathBuf>,
}

/// Whether a document is a config to check: a file some client's profile recognises by its
/// path, or a JSON document that looks like an MCP config.
pub fn is_config(path: &Path, language: &str, text: &str) -> bool {
    let name = path.to_string_lossy();
    if path
        .file_name()
        .is_some_and(|n| n == crate::settings::FILE_NAME)
    {
        return false;
    }
    if crate::clients::for_path(&name).id != "generic" {
        return true;
    }
    let json =
        matches!(language, "json" | "jsonc") || name.ends_with(".json") || name.ends_with(".jsonc");
    if !json {
        return false;
    }
    if text.contains("\"mcpServers\"") || text.contains("\"servers\"") {
        return true;
    }
    // A `"clients"` glob of the settings that names the file.
    let Some(found) = path.parent().and_then(crate::settings::discover) else {
        return false;
    };
    let (_, settings, _) = crate::settings::load(&found, 0);
    let globs = crate::clients::ClientChoice {
        forced: None,
        default: None,
        ..settings.clients
    };
    globs.for_path(&name).id != "generic"
}

/// The options `mcplint check` would use for a config at `path`, from the nearest
/// `.mcplint.json` above it, with the open env files' texts.
fn settings_for(path: &Path, overlay: Arc<HashMap<PathBuf, String>>) -> (Options, policy::Policy) {
    let dir = path.parent().unwrap_or(Path::new("/"));
    let (settings, settings_file) = match crate::settings::discover(dir) {
        Some(found) => {
            let (file, settings, diags) = crate::settings::load(&found, 0);
            (settings, Some((file, diags)))
        }
        None => (crate::settings::Settings::default(), None),
    };
    let defaults = crate::oauth::OAuthOptions::default();
    let mut options = Options {
        keep_resolved: true,
        oauth: crate::oauth::OAuthOptions {
            hub_url: settings.hub_url.clone(),
            callback_path: settings
                .callback_path
                .clone()
                .unwrap_or(defaults.callback_path),
            registered: settings.registered.clone(),
            profile: settings.profile.unwrap_or(defaults.profile),
        },
        clients: settings.clients.clone(),
        ..Options::default()
    };
    options.env.files = settings.env_files.clone();
    options.env.declare_files = settings.declare_files.clone();
    options.env.require_set = settings.require_set;
    options.env.overlay = overlay;
    let policy = policy::Policy {
        settings,
        settings_file,
        ..policy::Policy::default()
    };
    (options, policy)
}

/// Checks the text of the config at `path`; `None` when the settings ignore the path.
pub fn check(path: &Path, text: &str, overlay: Arc<HashMap<PathBuf, String>>) -> Option<Checked> {
    let (options, policy) = settings_for(path, overlay);
    if policy.settings.ignores(path) {
        return None;
    }
    let name = path.to_string_lossy().into_owned();
    let client = options.clients.for_path(&name);
    let limit = pipeline::DEFAULT_MAX_FILE_SIZE;
    let mut report = if text.len() as u64 > limit {
        let mut report = Report::default();
        report
            .files
            .push(crate::source::SourceFile::new(name.clone(), ""));
        report.inputs.push((0, client));
        let size = text.len() as u64;
        report
            .diagnostics
            .push(crate::rules::parse::too_large::diagnostic(0, size, limit));
        report
    } else {
        pipeline::check_text(&name, text, &options)
    };
    // Only a baseline can fail, and the server reads none.
    let _ = policy::apply(&mut report, policy);
    let mut env_files: Vec<PathBuf> = report
        .files
        .iter()
        .filter(|f| f.kind == FileKind::Env)
        .map(|f| PathBuf::from(&f.name))
        .collect();
    if options.env.files.is_empty() {
        env_files.push(path.with_file_name(".env"));
    } else {
        env_files.extend(options.env.files.iter().cloned());
    }
    // The templates that declare names (`.env.example`, `"declareFiles"`).
    env_files.extend(
        crate::env::TEMPLATE_NAMES
            .iter()
            .map(|n| path.with_file_name(n)),
    );
    env_files.extend(options.env.declare_files.iter().cloned());
    env_files.sort();
    env_files.dedup();
    let jsonc = pipeline::dialect(client, &name, &options) == Dialect::Jsonc;
    Some(Checked {
        path: path.to_path_buf(),
        report,
        client,
        jsonc,
        env_files,
    })
}

fn severity(s: Severity) -> DiagnosticSeverity {
    match s {
        Severity::Error => DiagnosticSeverity::ERROR,
        Severity::Warning => DiagnosticSeverity::WARNING,
        Severity::Info => DiagnosticSeverity::INFORMATION,
    }
}

/// The URI of a file of the report (its name is the absolute path the server gave it).
pub fn file_uri(report: &Report, file: usize) -> Option<Uri> {
    let name = &report.files.get(file)?.name;
    super::uri::from_path(&std::path::absolute(name).unwrap_or_else(|_| PathBuf::from(name)))
}

/// One finding as the protocol's diagnostic: the rule id as its code, a link to its docs,
/// the help after the message, related locations in their own files.
pub fn to_lsp(report: &Report, d: &Diagnostic) -> lsp_types::Diagnostic {
    let file = &report.files[d.file];
    let mut message = d.message.clone();
    if let Some(help) = &d.help {
        message.push_str("\nhelp: ");
        message.push_str(help);
    }
    let related: Vec<DiagnosticRelatedInformation> = d
        .related
        .iter()
        .filter_map(|r| {
            Some(DiagnosticRelatedInformation {
                location: Location::new(
                    file_uri(report, r.file)?,
                    position::range(&report.files[r.file], r.span),
                ),
                message: r.message.clone(),
            })
        })
        .collect();
    lsp_types::Diagnostic {
        range: position::range(file, d.span),
        severity: Some(severity(d.severity)),
        code: Some(NumberOrString::String(d.rule.id.to_owned())),
        code_description: crate::rules::docs_url(d.rule)
            .parse()
            .ok()
            .map(|href| CodeDescription { href }),
        source: Some("mcplint".to_owned()),
        message,
        related_information: (!related.is_empty()).then_some(related),
        tags: None,
        data: None,
    }
}

/// The diagnostics to publish after a check: the config's, and each env file's it read
/// (an empty list clears what an earlier check published).
pub fn publish(checked: &Checked, config: &Uri) -> Vec<(Uri, Vec<lsp_types::Diagnostic>)> {
    let report = &checked.report;
    let mut by_file: Vec<(Uri, Vec<lsp_types::Diagnostic>)> = vec![(config.clone(), Vec::new())];
    by_file.extend(side_files(checked).into_iter().map(|u| (u, Vec::new())));
    for d in &report.diagnostics {
        let uri = if d.file == 0 {
            Some(config.clone())
        } else {
            file_uri(report, d.file)
        };
        let Some(uri) = uri else { continue };
        let lsp = to_lsp(report, d);
        match by_file.iter_mut().find(|(u, _)| *u == uri) {
            Some((_, list)) => list.push(lsp),
            None => by_file.push((uri, vec![lsp])),
        }
    }
    by_file
}

/// The other files a check publishes diagnostics for: the env files and settings it read.
pub fn side_files(checked: &Checked) -> Vec<Uri> {
    let report = &checked.report;
    (1..report.files.len())
        .filter(|&id| report.files[id].kind != FileKind::Config)
        .filter_map(|id| file_uri(report, id))
        .collect()
}
