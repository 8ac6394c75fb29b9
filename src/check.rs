//! The pipeline of `mcplint check`: read, parse, find the servers, run every rule.

use std::io::Read;
use std::path::{Path as FsPath, PathBuf};

use jsonc_parser::ast::{Object, Value as Node};
use jsonc_parser::common::Ranged;

use crate::diagnostic::{Diagnostic, Severity};
use crate::parse::{self, Dialect, kind_with_article};
use crate::rules::config::{self, Entry};
use crate::rules::schema::{self as schema_rules, Target};
use crate::schema::{Part, Transport};
use crate::source::{FileId, SourceFile, Span};
use crate::tree::{Converter, Path, prop_name_span};

/// Config file names looked for when `check` is given no file, in this order.
pub const DEFAULT_NAMES: &[&str] = &[
    "mcp-servers.json",
    "mcp-servers.jsonc",
    ".mcp.json",
    "mcp.json",
    ".vscode/mcp.json",
    ".cursor/mcp.json",
    "claude_desktop_config.json",
    "cline_mcp_settings.json",
    "mcp_config.json",
];

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Read every file as JSONC, whatever its name.
    pub jsonc: bool,
}

/// Where a config comes from.
#[derive(Debug, Clone)]
pub enum Input {
    Path(PathBuf),
    Stdin,
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_owned(),
        }
    }
}

/// A file that could not be read at all (exit code 2).
#[derive(Debug)]
pub struct ReadError {
    pub name: String,
    pub error: std::io::Error,
}

/// Everything one run found, for the printers.
#[derive(Debug, Default)]
pub struct Report {
    pub files: Vec<SourceFile>,
    pub diagnostics: Vec<Diagnostic>,
    pub read_errors: Vec<ReadError>,
}

impl Report {
    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics
            .iter()
            .filter(|d| d.severity == severity)
            .count()
    }
}

/// The first of [`DEFAULT_NAMES`] that exists in `dir`.
pub fn find_default_config(dir: &FsPath) -> Option<PathBuf> {
    DEFAULT_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
        .map(|p| p.strip_prefix(dir).map(FsPath::to_path_buf).unwrap_or(p))
}

/// Checks every input; unreadable ones are recorded, not fatal to the others.
pub fn check_inputs(inputs: &[Input], options: &Options) -> Report {
    let mut report = Report::default();
    for input in inputs {
        let bytes = match read_input(input) {
            Ok(bytes) => bytes,
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
        let id = report.files.len();
        let (file, diagnostics) = check_bytes(input.name(), bytes, id, dialect);
        report.files.push(file);
        report.diagnostics.extend(diagnostics);
    }
    report
}

fn read_input(input: &Input) -> std::io::Result<Vec<u8>> {
    match input {
        Input::Path(path) => std::fs::read(path),
        Input::Stdin => {
            let mut buf = Vec::new();
            std::io::stdin().lock().read_to_end(&mut buf)?;
            Ok(buf)
        }
    }
}

/// Checks one file's bytes. The findings come back sorted by position.
pub fn check_bytes(
    name: String,
    bytes: Vec<u8>,
    id: FileId,
    dialect: Dialect,
) -> (SourceFile, Vec<Diagnostic>) {
    let mut out = Vec::new();
    let file = match String::from_utf8(bytes) {
        Ok(text) => {
            let file = SourceFile::new(name, text);
            check_source(&file, id, dialect, &mut out);
            file
        }
        Err(err) => {
            let offset = err.utf8_error().valid_up_to();
            let bytes = err.into_bytes();
            // A leading BOM is dropped from the text, so offsets move with it.
            let shift = if bytes.starts_with(b"\xEF\xBB\xBF") {
                3
            } else {
                0
            };
            out.push(parse::invalid_utf8(id, offset - shift, bytes[offset]));
            SourceFile::new(name, String::from_utf8_lossy(&bytes).into_owned())
        }
    };
    out.sort_by(|a, b| {
        (a.span.start, a.span.end, a.rule.id).cmp(&(b.span.start, b.span.end, b.rule.id))
    });
    (file, out)
}

/// Runs every rule on one decoded file.
pub fn check_source(file: &SourceFile, id: FileId, dialect: Dialect, out: &mut Vec<Diagnostic>) {
    let Some(Node::Object(root)) = parse::parse(file, id, dialect, out) else {
        return;
    };
    let conv = Converter { file, id };
    let root_path = Path::Root;
    match servers_key(&root) {
        None => servers(&conv, &root, &root_path, out),
        Some(key) => {
            conv.report_duplicates(&root.properties, &root_path, false, out);
            for prop in &root.properties {
                let name = prop.name.as_str();
                let path = Path::Key(&root_path, name);
                match (name, &prop.value) {
                    (n, Node::Object(map)) if n == key => servers(&conv, map, &path, out),
                    (n, other) if n == key => out.push(
                        Diagnostic::new(
                            &schema_rules::INVALID_TYPE,
                            id,
                            other.range().into(),
                            path.pointer(),
                            format!(
                                "`{key}` must be an object of servers, found {}",
                                kind_with_article(other)
                            ),
                        )
                        .help(format!(
                            "write `\"{key}\": {{ \"server-name\": {{ ... }} }}`"
                        )),
                    ),
                    ("inputs", Node::Array(items)) if key == "servers" => {
                        for (i, item) in items.elements.iter().enumerate() {
                            input(&conv, item, i, &Path::Index(&path, i), out);
                        }
                    }
                    // Other top-level keys are the client's own settings.
                    (_, value) => {
                        conv.convert(value, &path, out);
                    }
                }
            }
        }
    }
}

/// The key holding the servers, or `None` for a bare map of servers.
/// `servers` is taken as VS Code's key only when it does not look like a server itself.
fn servers_key(root: &Object) -> Option<&'static str> {
    if root.get("mcpServers").is_some() {
        return Some("mcpServers");
    }
    if let Some(Node::Object(servers)) = root.get("servers").map(|p| &p.value)
        && !["command", "url", "type"]
            .iter()
            .any(|k| matches!(servers.get(k).map(|p| &p.value), Some(Node::StringLit(_))))
    {
        return Some("servers");
    }
    None
}

fn servers(conv: &Converter, map: &Object, path: &Path, out: &mut Vec<Diagnostic>) {
    conv.report_duplicates(&map.properties, path, true, out);
    for prop in &map.properties {
        let name = prop.name.as_str();
        if name == "$schema" {
            continue;
        }
        entry(
            conv,
            name,
            prop_name_span(prop),
            &prop.value,
            &Path::Key(path, name),
            out,
        );
    }
}

fn entry(
    conv: &Converter,
    name: &str,
    name_span: Span,
    node: &Node,
    path: &Path,
    out: &mut Vec<Diagnostic>,
) {
    let Node::Object(obj) = node else {
        out.push(
            Diagnostic::new(
                &schema_rules::INVALID_TYPE,
                conv.id,
                node.range().into(),
                path.pointer(),
                format!("server `{name}` must be an object, found {}", kind_with_article(node)),
            )
            .label(kind_with_article(node))
            .help("write `{ \"command\": \"...\" }` for a stdio server or `{ \"type\": \"streamable-http\", \"url\": \"...\" }` for a remote one"),
        );
        return;
    };
    let mut json = conv.convert(node, path, out);
    let entry = Entry {
        id: conv.id,
        name,
        name_span,
        node: obj,
        path,
    };
    let hidden = config::check(&entry, out);
    let Some(map) = json.as_object_mut() else {
        return;
    };
    if let Some(field) = hidden {
        map.remove(field);
    }
    let transport = Transport::of(map);
    let target = Target {
        id: conv.id,
        node,
        path,
        anchor: name_span,
        name: format!("{} `{name}`", transport.noun()),
        part: Part::from(transport),
    };
    schema_rules::validate(&target, &json, out);
}

fn input(conv: &Converter, node: &Node, index: usize, path: &Path, out: &mut Vec<Diagnostic>) {
    let json = conv.convert(node, path, out);
    let start = node.range().start;
    let name = match json.get("id").and_then(serde_json::Value::as_str) {
        Some(id) => format!("input `{id}`"),
        None => format!("input {}", index + 1),
    };
    let target = Target {
        id: conv.id,
        node,
        path,
        anchor: Span::new(start, start + 1),
        name,
        part: Part::Input,
    };
    schema_rules::validate(&target, &json, out);
}
