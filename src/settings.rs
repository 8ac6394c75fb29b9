//! mcplint's own config file, `.mcplint.json`, found in the current folder or a parent:
//! severities per rule, ignored paths, env files and the OAuth expectations, so that a
//! pre-commit entry needs no arguments. Command-line flags override it.

use std::path::{Path as FsPath, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use jsonc_parser::ast::{Object, Value as Node};
use jsonc_parser::common::Ranged;

use crate::clients::{Client, ClientChoice};
use crate::diagnostic::Diagnostic;
use crate::oauth::Profile;
use crate::registry::Severity;
use crate::rules::config::invalid_settings;
use crate::source::{FileId, FileKind, SourceFile, Span};
use crate::tree::{Path, prop_name_span};

pub const FILE_NAME: &str = ".mcplint.json";

#[derive(Debug, Default)]
pub struct Settings {
    /// Where they were read from.
    pub path: Option<PathBuf>,
    /// Rule id or family (`secret/`) -> severity; `None` turns it off. Later entries win.
    pub rules: Vec<(String, Option<Severity>)>,
    pub ignore: Option<GlobSet>,
    pub env_files: Vec<PathBuf>,
    pub hub_url: Option<String>,
    pub callback_path: Option<String>,
    pub registered: Vec<String>,
    pub profile: Option<Profile>,
    /// `"client"` and `"clients"`: which client configs are read as.
    pub clients: ClientChoice,
    /// `"declareFiles"`: files that declare variable names (without values), relative to it.
    pub declare_files: Vec<PathBuf>,
    /// `"requireSet"`: a declared variable without a value is an error.
    pub require_set: bool,
}

/// The nearest `.mcplint.json` in `start` or a parent.
pub fn discover(start: &FsPath) -> Option<PathBuf> {
    let start = start.canonicalize().ok()?;
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

impl Settings {
    /// The severity a finding of `id` gets: `Some(None)` when turned off, `None` when the
    /// settings say nothing about it.
    pub fn severity(&self, id: &str) -> Option<Option<Severity>> {
        self.rules
            .iter()
            .rev()
            .find(|(pattern, _)| crate::registry::matches(pattern, id))
            .map(|(_, s)| *s)
    }

    /// Whether a config path is ignored (matched as given and relative to the settings).
    pub fn ignores(&self, path: &FsPath) -> bool {
        let Some(set) = &self.ignore else {
            return false;
        };
        if set.is_match(path) {
            return true;
        }
        let base = self.path.as_deref().and_then(FsPath::parent);
        match (base, path.canonicalize()) {
            (Some(base), Ok(abs)) => abs.strip_prefix(base).is_ok_and(|rel| set.is_match(rel)),
            _ => false,
        }
    }
}

/// Reads the settings at `path`; mistakes become findings in `file` (id `id`).
pub fn load(path: &FsPath, id: FileId) -> (SourceFile, Settings, Vec<Diagnostic>) {
    let text = std::fs::read_to_string(path).unwrap_or_default();
    let mut file = SourceFile::new(path.display().to_string(), text);
    file.kind = FileKind::Settings;
    let mut out = Vec::new();
    let mut settings = Settings {
        path: Some(path.to_path_buf()),
        ..Settings::default()
    };
    settings.clients.base = path.parent().map(FsPath::to_path_buf);
    let root = crate::parse::parse(&file, id, crate::parse::Dialect::Jsonc, &mut out);
    // A settings file that cannot be parsed says so under its own rule.
    for d in &mut out {
        invalid_settings::claim(d);
    }
    if let Some(Node::Object(root)) = root.as_ref().map(|p| &p.root) {
        let base = path.parent().unwrap_or(FsPath::new("."));
        let mut reader = Reader { id, out: &mut out };
        reader.read(root, base, &mut settings);
    }
    (file, settings, out)
}

struct Reader<'r> {
    id: FileId,
    out: &'r mut Vec<Diagnostic>,
}

const KEYS: &[&str] = &[
    "$schema",
    "rules",
    "ignore",
    "envFiles",
    "oauth",
    "client",
    "clients",
    "declareFiles",
    "requireSet",
];
const OAUTH_KEYS: &[&str] = &["hubUrl", "callbackPath", "registeredRedirectUris", "hub"];

impl Reader<'_> {
    fn error(&mut self, span: Span, path: &Path, message: String, help: String) {
        self.out.push(invalid_settings::diagnostic(
            self.id,
            span,
            path.pointer(),
            message,
            help,
        ));
    }

    fn unknown(&mut self, obj: &Object, known: &[&str], path: &Path) {
        for prop in &obj.properties {
            let key = prop.name.as_str();
            if !known.contains(&key) {
                let help = match crate::suggest::closest(key, known.iter().copied()) {
                    Some(near) => format!("did you mean `{near}`?"),
                    None => format!("the keys are: {}", known.join(", ")),
                };
                self.error(
                    prop_name_span(prop),
                    &Path::Key(path, key),
                    format!("unknown key `{key}` in {FILE_NAME}"),
                    help,
                );
            }
        }
    }

    fn strings(&mut self, value: &Node, path: &Path) -> Vec<String> {
        match value {
            Node::Array(items) => items
                .elements
                .iter()
                .enumerate()
                .filter_map(|(i, v)| match v {
                    Node::StringLit(s) => Some(s.value.to_string()),
                    other => {
                        self.error(
                            other.range().into(),
                            &Path::Index(path, i),
                            "expected a string".into(),
                            "write each item in double quotes".into(),
                        );
                        None
                    }
                })
                .collect(),
            other => {
                self.error(
                    other.range().into(),
                    path,
                    "expected an array of strings".into(),
                    "write `[\"...\"]`".into(),
                );
                Vec::new()
            }
        }
    }

    fn string(&mut self, value: &Node, path: &Path) -> Option<String> {
        match value {
            Node::StringLit(s) => Some(s.value.to_string()),
            other => {
                self.error(
                    other.range().into(),
                    path,
                    "expected a string".into(),
                    "write the value in double quotes".into(),
                );
                None
            }
        }
    }

    fn read(&mut self, root: &Object, base: &FsPath, settings: &mut Settings) {
        let root_path = Path::Root;
        self.unknown(root, KEYS, &root_path);
        for prop in &root.properties {
            let key = prop.name.as_str();
            let path = Path::Key(&root_path, key);
            match key {
                "rules" => self.rules(&prop.value, &path, settings),
                "ignore" => {
                    let mut builder = GlobSetBuilder::new();
                    let patterns = self.strings(&prop.value, &path);
                    for (i, pattern) in patterns.iter().enumerate() {
                        match Glob::new(pattern) {
                            Ok(g) => {
                                builder.add(g);
                            }
                            Err(e) => {
                                let span = match &prop.value {
                                    Node::Array(a) => a.elements[i].range().into(),
                                    v => v.range().into(),
                                };
                                self.error(
                                    span,
                                    &Path::Index(&path, i),
                                    format!("`{pattern}` is not a valid glob: {}", e.kind()),
                                    "use `*`, `**`, `?` and `[...]`, as in `fixtures/**`".into(),
                                );
                            }
                        }
                    }
                    settings.ignore = builder.build().ok();
                }
                "envFiles" => {
                    settings.env_files = self
                        .strings(&prop.value, &path)
                        .into_iter()
                        .map(|f| base.join(f))
                        .collect();
                }
                "oauth" => self.oauth(&prop.value, &path, settings),
                "client" => {
                    if let Some(name) = self.string(&prop.value, &path) {
                        settings.clients.default =
                            self.client(&name, prop.value.range().into(), &path);
                    }
                }
                "clients" => self.clients(&prop.value, &path, settings),
                "declareFiles" => {
                    settings.declare_files = self
                        .strings(&prop.value, &path)
                        .into_iter()
                        .map(|f| base.join(f))
                        .collect();
                }
                "requireSet" => match &prop.value {
                    Node::BooleanLit(b) => settings.require_set = b.value,
                    other => self.error(
                        other.range().into(),
                        &path,
                        "`requireSet` must be true or false".into(),
                        "write `\"requireSet\": true`".into(),
                    ),
                },
                _ => {}
            }
        }
    }

    /// The client named `name`, or a finding at `span` with the closest id.
    fn client(&mut self, name: &str, span: Span, path: &Path) -> Option<&'static Client> {
        if let Some(client) = crate::clients::find(name) {
            return Some(client);
        }
        let ids = crate::clients::CLIENTS.iter().map(|c| c.id);
        let help = match crate::suggest::closest(name, ids.clone()) {
            Some(near) => format!("did you mean `{near}`?"),
            None => format!(
                "use one of {} (`mcplint clients` lists them)",
                ids.map(|i| format!("`{i}`")).collect::<Vec<_>>().join(", ")
            ),
        };
        self.error(span, path, format!("no client `{name}`"), help);
        None
    }

    fn clients(&mut self, value: &Node, path: &Path, settings: &mut Settings) {
        let Node::Object(map) = value else {
            self.error(
                value.range().into(),
                path,
                "`clients` must be an object of globs to client ids".into(),
                "write `\"clients\": { \"configs/*.json\": \"template\" }`".into(),
            );
            return;
        };
        for prop in &map.properties {
            let pattern = prop.name.as_str();
            let here = Path::Key(path, pattern);
            let glob = match Glob::new(pattern) {
                Ok(g) => g.compile_matcher(),
                Err(e) => {
                    self.error(
                        prop_name_span(prop),
                        &here,
                        format!("`{pattern}` is not a valid glob: {}", e.kind()),
                        "use `*`, `**`, `?` and `[...]`, as in `configs/**/*.json`".into(),
                    );
                    continue;
                }
            };
            if let Some(name) = self.string(&prop.value, &here)
                && let Some(client) = self.client(&name, prop.value.range().into(), &here)
            {
                settings.clients.globs.push((glob, client));
            }
        }
    }

    fn rules(&mut self, value: &Node, path: &Path, settings: &mut Settings) {
        let Node::Object(map) = value else {
            self.error(
                value.range().into(),
                path,
                "`rules` must be an object of rule ids to severities".into(),
                "write `\"rules\": { \"secret/generic\": \"off\" }`".into(),
            );
            return;
        };
        for prop in &map.properties {
            let id = prop.name.as_str();
            let here = Path::Key(path, id);
            let known = crate::rules::all().any(|r| crate::registry::matches(id, r.id));
            if !known {
                let near = crate::suggest::closest(id, crate::rules::all().map(|r| r.id));
                self.error(
                    prop_name_span(prop),
                    &here,
                    format!("no rule or family `{id}`"),
                    near.map_or_else(
                        || {
                            "`mcplint rules` lists the rule ids; a family is written `secret/`"
                                .into()
                        },
                        |n| format!("did you mean `{n}`?"),
                    ),
                );
                continue;
            }
            let level = match &prop.value {
                Node::StringLit(s) => match s.value.as_ref() {
                    "off" => Some(None),
                    "info" => Some(Some(Severity::Info)),
                    "warning" => Some(Some(Severity::Warning)),
                    "error" => Some(Some(Severity::Error)),
                    _ => None,
                },
                _ => None,
            };
            match level {
                Some(level) => settings.rules.push((id.to_owned(), level)),
                None => {
                    let found = match &prop.value {
                        Node::StringLit(s) => {
                            crate::suggest::closest(&s.value, ["off", "info", "warning", "error"])
                                .map(|n| format!("did you mean `\"{n}\"`?"))
                        }
                        _ => None,
                    };
                    self.error(
                        prop.value.range().into(),
                        &here,
                        format!(
                            "the severity of `{id}` must be `off`, `info`, `warning` or `error`"
                        ),
                        found.unwrap_or_else(|| "write one of them in double quotes".into()),
                    );
                }
            }
        }
    }

    fn oauth(&mut self, value: &Node, path: &Path, settings: &mut Settings) {
        let Node::Object(map) = value else {
            self.error(
                value.range().into(),
                path,
                "`oauth` must be an object".into(),
                "write `\"oauth\": { \"hubUrl\": \"http://localhost:7000\" }`".into(),
            );
            return;
        };
        self.unknown(map, OAUTH_KEYS, path);
        for prop in &map.properties {
            let key = prop.name.as_str();
            let here = Path::Key(path, key);
            match key {
                "hubUrl" => settings.hub_url = self.string(&prop.value, &here),
                "callbackPath" => settings.callback_path = self.string(&prop.value, &here),
                "registeredRedirectUris" => settings.registered = self.strings(&prop.value, &here),
                "hub" => {
                    if let Some(name) = self.string(&prop.value, &here) {
                        match name.parse::<Profile>() {
                            Ok(p) => settings.profile = Some(p),
                            Err(_) => {
                                let names: Vec<&str> =
                                    Profile::ALL.iter().map(|p| p.name()).collect();
                                let help =
                                    match crate::suggest::closest(&name, names.iter().copied()) {
                                        Some(near) => format!("did you mean `\"{near}\"`?"),
                                        None => format!("use one of {}", names.join(", ")),
                                    };
                                self.error(
                                    prop.value.range().into(),
                                    &here,
                                    format!("unknown hub profile `{name}`"),
                                    help,
                                );
                            }
                        }
                    }
                }
                _ => {}
            }
        }
    }
}
