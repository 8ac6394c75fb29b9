//! The pipeline of `mcplint check`: read, parse, find the servers, run every rule.

use std::io::Read;
use std::path::{Path as FsPath, PathBuf};

use jsonc_parser::ast::{Object, Value as Node};
use jsonc_parser::common::Ranged;

use std::collections::{HashMap, HashSet};

use crate::diagnostic::Diagnostic;
use crate::env::{EnvOptions, Environment, Expander, ScanOnly, VarSet};
use crate::oauth::{self, OAuthOptions};
use crate::parse::{self, Dialect, kind_with_article};
use crate::registry::Severity;
use crate::rules::config::{self, Entry};
use crate::rules::context::FileContext;
use crate::rules::schema::{self as schema_rules, Target};
use crate::rules::secret::Secrets;
use crate::schema::{Part, Transport};
use crate::source::{FileId, FileKind, SourceFile, Span};
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
    pub env: EnvOptions,
    /// Keep each config's resolved document in the report (for `render`).
    pub keep_resolved: bool,
    /// Keep it as written too (for `render --keep-vars`).
    pub keep_raw: bool,
    /// Files larger than this many bytes are not read (`parse/too-large`); 0 means the default.
    pub max_file_size: u64,
    pub oauth: OAuthOptions,
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

    /// The folder whose `.env` the config uses: its own, or the current one for stdin.
    pub fn dir(&self) -> PathBuf {
        match self {
            Input::Path(p) => p.parent().map(FsPath::to_path_buf).unwrap_or_default(),
            Input::Stdin => PathBuf::new(),
        }
    }
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
    let mut env = Environment::new(&options.env);
    for input in inputs {
        let limit = match options.max_file_size {
            0 => DEFAULT_MAX_FILE_SIZE,
            n => n,
        };
        let bytes = match read_input(input, limit) {
            Ok(Ok(bytes)) => bytes,
            Ok(Err(size)) => {
                let id = report.files.len();
                report.files.push(SourceFile::new(input.name(), ""));
                report.diagnostics.push(
                    Diagnostic::new(
                        &crate::rules::parse::TOO_LARGE,
                        id,
                        Span::new(0, 0),
                        "",
                        format!(
                            "the file is {} MiB or more, over the limit of {} MiB; it was not read",
                            size / (1024 * 1024),
                            limit / (1024 * 1024)
                        ),
                    )
                    .help("check the path; if this really is the config, pass `--max-file-size <MiB>`"),
                );
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

/// The size limit when none is given: far above any MCP config, far below a machine's memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// The input's bytes, or `Ok(Err(size))` when it is over `limit` (it is then not read whole).
fn read_input(input: &Input, limit: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    let mut buf = Vec::new();
    let read = match input {
        Input::Path(path) => {
            let file = std::fs::File::open(path)?;
            let size = file.metadata()?.len();
            if size > limit {
                return Ok(Err(size));
            }
            file.take(limit + 1).read_to_end(&mut buf)?
        }
        Input::Stdin => std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut buf)?,
    };
    if read as u64 > limit {
        return Ok(Err(read as u64));
    }
    Ok(Ok(buf))
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
            report.diagnostics.push(parse::invalid_utf8(
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
    let mut failures = Vec::new();
    let set = env.set_for(
        &input.dir(),
        &mut report.files,
        &mut report.diagnostics,
        &mut failures,
    );
    for (name, error) in failures {
        report.read_errors.push(ReadError { name, error });
    }
    let conv = Converter {
        file: &report.files[id],
        id,
    };
    let mut walk = Walk::new(
        conv,
        env,
        env.set(set),
        options.keep_resolved,
        options.keep_raw,
    );
    let mut out = Vec::new();
    let root = check_source(&mut walk, dialect, &mut out);
    let (used, mut secrets, raw) = (walk.used, walk.redact, walk.raw);
    let found = walk.scan.finish(id, &mut out);
    // Without `--hub-url`, the hub is where `MCP_HUB_PUBLIC_URL` or `HUB_URL` says.
    let mut oauth_options = options.oauth.clone();
    if oauth_options.hub_url.is_none() {
        let set = env.set(set);
        oauth_options.hub_url = ["MCP_HUB_PUBLIC_URL", "HUB_URL"]
            .iter()
            .find_map(|name| env.get(set, name))
            .filter(|v| !v.is_empty())
            .map(str::to_owned);
    }
    let cx = FileContext {
        file: &report.files[id],
        id,
        apps: &walk.apps,
        oauth: &oauth_options,
    };
    crate::rules::run_file_hooks(&cx, &mut out);
    report.diagnostics.extend(out);
    if !found.is_empty() {
        let file = &mut report.files[id];
        file.display = Some(mask(&file.text, found.iter().map(|m| m.span)));
        secrets.extend(found.iter().map(|m| m.pointer.clone()));
        report.moves.extend(found);
    }
    env.set_mut(set).mark_used(used);
    if let Some(root) = root.filter(|_| options.keep_resolved) {
        report.resolved.push(Resolved {
            file: id,
            root,
            secrets,
            raw,
        });
    }
}

/// The state of one config's walk.
struct Walk<'w> {
    conv: Converter<'w>,
    env: &'w Environment,
    set: &'w VarSet,
    keep: bool,
    used: HashSet<String>,
    /// Pointers of the values `render --redact` hides.
    redact: Vec<String>,
    scan: Secrets,
    apps: Vec<oauth::App>,
    keep_raw: bool,
    raw: Option<serde_json::Value>,
}

impl<'w> Walk<'w> {
    fn new(
        conv: Converter<'w>,
        env: &'w Environment,
        set: &'w VarSet,
        keep: bool,
        keep_raw: bool,
    ) -> Walk<'w> {
        Walk {
            conv,
            env,
            set,
            keep,
            used: HashSet::new(),
            redact: Vec::new(),
            scan: Secrets::default(),
            apps: Vec::new(),
            keep_raw,
            raw: None,
        }
    }

    /// Takes in what a walk over another part of the servers found.
    fn merge(&mut self, other: Walk) {
        self.used.extend(other.used);
        self.redact.extend(other.redact);
        self.scan.merge(other.scan);
        self.apps.extend(other.apps);
    }

    /// Converts a value outside server entries: as written, scanned for provider tokens.
    fn scan_only(
        &mut self,
        value: &Node,
        path: &Path,
        out: &mut Vec<Diagnostic>,
    ) -> serde_json::Value {
        let mut hook = ScanOnly {
            text: &self.conv.file.text,
            scan: &mut self.scan,
        };
        self.conv.convert_with(value, path, out, &mut hook)
    }
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

/// Runs every rule on one decoded config; returns the resolved document when it parses.
fn check_source(
    walk: &mut Walk,
    dialect: Dialect,
    out: &mut Vec<Diagnostic>,
) -> Option<serde_json::Value> {
    let file = walk.conv.file;
    let id = walk.conv.id;
    let Some(Node::Object(root)) = parse::parse(file, id, dialect, out) else {
        return None;
    };
    if walk.keep_raw {
        // The document as written, for `render --keep-vars` (findings come from the walk).
        walk.raw = Some(walk.conv.convert(
            &Node::Object(root.clone()),
            &Path::Root,
            &mut Vec::new(),
        ));
    }
    let root_path = Path::Root;
    let mut resolved = serde_json::Map::new();
    match servers_key(&root) {
        None => servers(walk, &root, &root_path, out, &mut resolved),
        Some(key) => {
            walk.conv
                .report_duplicates(&root.properties, &root_path, false, out);
            for prop in &root.properties {
                let name = prop.name.as_str();
                let path = Path::Key(&root_path, name);
                let value = match (name, &prop.value) {
                    (n, Node::Object(map)) if n == key => {
                        let mut entries = serde_json::Map::new();
                        servers(walk, map, &path, out, &mut entries);
                        serde_json::Value::Object(entries)
                    }
                    (n, other) if n == key => {
                        out.push(wrong_type(
                            id,
                            other,
                            &path,
                            &format!("`{key}` must be an object of servers"),
                            &format!("write `\"{key}\": {{ \"server-name\": {{ ... }} }}`"),
                        ));
                        walk.scan_only(other, &path, out)
                    }
                    ("inputs", Node::Array(items)) if key == "servers" => {
                        let values = items
                            .elements
                            .iter()
                            .enumerate()
                            .map(|(i, item)| input(walk, item, i, &Path::Index(&path, i), out))
                            .collect();
                        serde_json::Value::Array(values)
                    }
                    ("inputs", other) if key == "servers" => {
                        out.push(wrong_type(
                            id,
                            other,
                            &path,
                            "`inputs` must be an array",
                            "write `\"inputs\": [ { \"type\": \"promptString\", \"id\": \"...\" } ]`",
                        ));
                        walk.scan_only(other, &path, out)
                    }
                    // Other top-level keys are the client's own settings, kept as written.
                    (_, value) => walk.scan_only(value, &path, out),
                };
                if walk.keep {
                    resolved.insert(name.to_owned(), value);
                }
            }
        }
    }
    walk.keep.then_some(serde_json::Value::Object(resolved))
}

/// `schema/invalid-type` for a value of the wrong kind at a place the schema cannot reach.
fn wrong_type(id: FileId, node: &Node, path: &Path, must: &str, help: &str) -> Diagnostic {
    let found = kind_with_article(node);
    Diagnostic::new(
        &schema_rules::INVALID_TYPE,
        id,
        node.range().into(),
        path.pointer(),
        format!("{must}, found {found}"),
    )
    .label(found)
    .help(help)
}

/// Fields whose string value makes an object a server entry rather than a map of servers.
const ENTRY_FIELDS: &[&str] = &["command", "url", "type"];

/// The key holding the servers, or `None` for a bare map of servers.
/// `servers` is taken as VS Code's key only when it does not look like a server itself.
fn servers_key(root: &Object) -> Option<&'static str> {
    let servers_is_a_map = matches!(root.get("servers").map(|p| &p.value),
        Some(Node::Object(s)) if !ENTRY_FIELDS
            .iter()
            .any(|k| matches!(s.get(k).map(|p| &p.value), Some(Node::StringLit(_)))));
    shape(root.get("mcpServers").is_some(), servers_is_a_map)
}

/// The same rule on a document already turned into values (render, fix, convert).
pub fn servers_key_in(root: &serde_json::Map<String, serde_json::Value>) -> Option<&'static str> {
    let servers_is_a_map = root
        .get("servers")
        .and_then(serde_json::Value::as_object)
        .is_some_and(|s| {
            !ENTRY_FIELDS
                .iter()
                .any(|k| s.get(*k).is_some_and(serde_json::Value::is_string))
        });
    shape(root.contains_key("mcpServers"), servers_is_a_map)
}

fn shape(has_mcp_servers: bool, servers_is_a_map: bool) -> Option<&'static str> {
    if has_mcp_servers {
        Some("mcpServers")
    } else if servers_is_a_map {
        Some("servers")
    } else {
        None
    }
}

/// The map of servers of a resolved document, whatever its shape; `None` when the servers are
/// not an object (reported as `schema/invalid-type`).
pub fn servers_in(root: &serde_json::Value) -> Option<&serde_json::Map<String, serde_json::Value>> {
    let map = root.as_object()?;
    match servers_key_in(map) {
        Some(key) => map.get(key)?.as_object(),
        None => Some(map),
    }
}

/// [`servers_in`], mutable.
pub fn servers_in_mut(
    root: &mut serde_json::Value,
) -> Option<&mut serde_json::Map<String, serde_json::Value>> {
    let key = servers_key_in(root.as_object()?);
    let map = root.as_object_mut()?;
    match key {
        Some(key) => map.get_mut(key)?.as_object_mut(),
        None => Some(map),
    }
}

/// Below this many servers one thread does it all; above, the servers are split between the
/// machine's cores (each server is checked on its own; the findings are merged in order).
const SERVERS_PER_THREAD: usize = 2_000;

fn servers(
    walk: &mut Walk,
    map: &Object,
    path: &Path,
    out: &mut Vec<Diagnostic>,
    resolved: &mut serde_json::Map<String, serde_json::Value>,
) {
    walk.conv
        .report_duplicates(&map.properties, path, true, out);
    let props = &map.properties;
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(props.len() / SERVERS_PER_THREAD)
        .max(1);
    if threads == 1 {
        servers_part(walk, props, path, out, resolved);
        return;
    }
    let (conv, env, set, keep) = (walk.conv, walk.env, walk.set, walk.keep);
    let parts: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = props
            .chunks(props.len().div_ceil(threads))
            .map(|chunk| {
                scope.spawn(move || {
                    let mut part = Walk::new(conv, env, set, keep, false);
                    let mut part_out = Vec::new();
                    let mut part_resolved = serde_json::Map::new();
                    servers_part(&mut part, chunk, path, &mut part_out, &mut part_resolved);
                    (part, part_out, part_resolved)
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    for (part, part_out, part_resolved) in parts {
        walk.merge(part);
        out.extend(part_out);
        resolved.extend(part_resolved);
    }
}

fn servers_part(
    walk: &mut Walk,
    props: &[jsonc_parser::ast::ObjectProp],
    path: &Path,
    out: &mut Vec<Diagnostic>,
    resolved: &mut serde_json::Map<String, serde_json::Value>,
) {
    for prop in props {
        let name = prop.name.as_str();
        if let Some(d) =
            parse::control_character(walk.conv.file, walk.conv.id, prop_name_span(prop))
        {
            out.push(d);
        }
        let entry_path = Path::Key(path, name);
        let value = if name == "$schema" {
            walk.scan_only(&prop.value, &entry_path, out)
        } else {
            entry(
                walk,
                name,
                prop_name_span(prop),
                &prop.value,
                &entry_path,
                out,
            )
        };
        if walk.keep {
            resolved.insert(name.to_owned(), value);
        }
    }
}

fn entry(
    walk: &mut Walk,
    name: &str,
    name_span: Span,
    node: &Node,
    path: &Path,
    out: &mut Vec<Diagnostic>,
) -> serde_json::Value {
    let Node::Object(obj) = node else {
        out.push(wrong_type(
            walk.conv.id,
            node,
            path,
            &format!("server `{name}` must be an object"),
            "write `{ \"command\": \"...\" }` for a stdio server or `{ \"type\": \"streamable-http\", \"url\": \"...\" }` for a remote one",
        ));
        return walk.scan_only(node, path, out);
    };
    let conv = &walk.conv;

    // The `env` block first: the entry's other fields may use what it defines.
    let mut first = Expander::new(walk.env, walk.set, conv.file, conv.id, &mut walk.scan);
    first.track_secrets = walk.keep;
    first.server = Some(name);
    let mut scope = HashMap::new();
    let env_block = obj
        .properties
        .iter()
        .rev()
        .find(|p| p.name.as_str() == "env");
    if let Some(Node::Object(env)) = env_block.map(|p| &p.value) {
        let env_path = Path::Key(path, "env");
        for prop in &env.properties {
            if let Node::StringLit(lit) = &prop.value {
                let key = prop.name.as_str();
                let value = first.expand(lit, &Path::Key(&env_path, key), out);
                first.resolved.insert(lit.range.start, value.clone());
                scope.insert(key.to_owned(), value);
            }
        }
    }
    let mut expander = Expander {
        scope: Some(&scope),
        ..first
    };
    let mut json = conv.convert_with(node, path, out, &mut expander);
    walk.used.extend(expander.used.drain());
    walk.redact.append(&mut expander.redact);
    let failed = std::mem::take(&mut expander.failed);
    drop(expander);
    walk.scan.scan_entry(&conv.file.text, obj, path, name);

    let entry = Entry {
        id: conv.id,
        name,
        name_span,
        node: obj,
        path,
    };
    if let Some(resolved) = json.as_object() {
        let (env, set) = (walk.env, walk.set);
        let origin = |name: &str| env.definition(set, name);
        walk.apps
            .extend(oauth::apps(name, obj, resolved, path, &origin));
    }
    let conv = &walk.conv;
    let hidden = config::check(&entry, json.as_object(), &failed, out);
    let Some(map) = json.as_object_mut() else {
        return json;
    };
    let removed = hidden.and_then(|field| map.shift_remove(field).map(|v| (field, v)));
    let transport = Transport::of(map);
    let target = Target {
        id: conv.id,
        node,
        path,
        anchor: name_span,
        name: format!("{} `{name}`", transport.noun()),
        part: Part::from(transport),
    };
    let mut json = schema_rules::validate(&target, json, out);
    if let (Some((field, value)), Some(map)) = (removed, json.as_object_mut()) {
        map.insert(field.to_owned(), value);
    }
    json
}

fn input(
    walk: &mut Walk,
    node: &Node,
    index: usize,
    path: &Path,
    out: &mut Vec<Diagnostic>,
) -> serde_json::Value {
    let json = walk.scan_only(node, path, out);
    let conv = &walk.conv;
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
    schema_rules::validate(&target, json, out)
}
