//! The walk over one parsed config: every server entry is expanded once, then handed to
//! every registered check (`crate::rules`).

use crate::hash::{HashMap, HashSet};

use jsonc_parser::ast::{Object, Value as Node};

use super::raw::masker;
use super::read::Input;
use super::report::{Options, ReadError, Report, Resolved};
use super::shape;
use super::strings::{EntryStrings, ScanOnly};
use super::values::Converter;
use crate::clients::{Client, Servers};
use crate::diagnostic::Diagnostic;
use crate::env::{Environment, Expander, VarSet};
use crate::oauth;
use crate::parse::{self, Dialect};
use crate::rules::context::{Check, EntryContext, FileContext};
use crate::rules::parse::duplicate_key;
use crate::rules::schema::invalid_type;
use crate::schema::{Part, SCHEMAS, Transport};
use crate::secrets::Secrets;
use crate::source::{FileId, Format, Span};
use crate::supply::osv::Advisories;
use crate::tree::{Path, prop_name_span};

/// Walks config `id` (already in `report.files`) and runs every check on it.
pub(super) fn check_config(
    report: &mut Report,
    env: &mut Environment,
    input: &Input,
    id: FileId,
    dialect: Dialect,
    client: &'static Client,
    options: &Options,
) {
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
    let mut out = Vec::new();
    let file = &report.files[id];
    // The client's schemas, the file's line index and the token scanner are built while a
    // large file is parsed.
    let parsed = parse::parse_alongside(file, id, dialect, &mut out, |parsed| {
        crate::schema::for_client(client);
        file.index_lines();
        crate::secrets::tokens::warm_up(parsed);
    });
    let conv = Converter {
        file,
        id,
        raw_controls: parsed.as_ref().is_none_or(|p| p.raw_controls),
    };
    let hooks = crate::rules::entry_hooks(&options.skip_rules);
    let mut walk = Walk::new(
        conv,
        env,
        env.set(set),
        client,
        options.keep_resolved,
        options.keep_raw,
        (&options.advisories, &hooks),
    );
    let broken = parsed.is_none();
    let root = parsed.as_ref().and_then(|p| match &p.root {
        Node::Object(root) => Some(root),
        _ => None,
    });
    let resolved = root.map(|root| walk_root(&mut walk, root, &mut out));
    if let Some((_, span, pointer)) = walk.undeclared.first() {
        let mut names: Vec<String> = Vec::new();
        for (name, _, _) in &walk.undeclared {
            if !names.contains(name) {
                names.push(name.clone());
            }
        }
        // Resting on what the client expands: `info` at most when that is unconfirmed.
        let rule = &crate::rules::env::undeclared_variables::UNDECLARED_VARIABLES;
        let severity = client.expands_in.cap(client.grammar.cap(rule.severity));
        out.push(
            crate::rules::env::undeclared_variables::diagnostic(id, *span, pointer, &names)
                .severity(severity),
        );
    }
    let (used, mut secrets, raw) = (walk.used, walk.redact, walk.raw);
    let found = walk.scan.finish(id);
    if let Some(root) = root {
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
            file,
            id,
            client,
            root,
            apps: &walk.apps,
            oauth: &oauth_options,
            secrets: &found.all,
            props: crate::tree::Props::default(),
        };
        crate::rules::run_file_hooks(&cx, &mut out);
    }
    let comments = parsed.map_or_else(Vec::new, |p| {
        if options.leak_tree {
            // The process ends after this run: freeing the tree node by node is skipped.
            std::mem::forget(p.root);
        }
        p.comments
    });
    report.diagnostics.extend(out);
    let file = &mut report.files[id];
    file.comments = comments;
    let moves = found.moves;
    if broken {
        super::raw::raw_scan(report, id);
    } else {
        file.mask_with(masker(file.format), moves.iter().map(|m| m.span).collect());
    }
    if !moves.is_empty() {
        secrets.extend(moves.iter().map(|m| m.pointer.clone()));
        report.moves.extend(moves);
    }
    env.set_mut(set).mark_used(used);
    if let Some(root) = resolved.filter(|_| options.keep_resolved) {
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
    /// The client the file is read as, and its schemas.
    client: &'static Client,
    schemas: &'static crate::schema::Schemas,
    /// The ids VS Code's `inputs` declare, when the file has `inputs`.
    inputs: Option<HashSet<String>>,
    /// Variables with no value that nothing declares (name, first use, pointer).
    undeclared: Vec<(String, Span, String)>,
    advisories: &'w Advisories,
    /// The entry hooks this run calls (`crate::rules::entry_hooks`).
    hooks: &'w [&'static dyn Check],
}

impl<'w> Walk<'w> {
    fn new(
        conv: Converter<'w>,
        env: &'w Environment,
        set: &'w VarSet,
        client: &'static Client,
        keep: bool,
        keep_raw: bool,
        (advisories, hooks): (&'w Advisories, &'w [&'static dyn Check]),
    ) -> Walk<'w> {
        Walk {
            conv,
            env,
            set,
            keep,
            used: HashSet::default(),
            redact: Vec::new(),
            scan: Secrets::default(),
            apps: Vec::new(),
            keep_raw,
            raw: None,
            client,
            schemas: crate::schema::for_client(client),
            inputs: None,
            undeclared: Vec::new(),
            advisories,
            hooks,
        }
    }

    /// Takes in what a walk over another part of the servers found.
    fn merge(&mut self, other: Walk) {
        self.used.extend(other.used);
        self.redact.extend(other.redact);
        self.scan.merge(other.scan);
        self.undeclared.extend(other.undeclared);
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

/// Walks the servers of a config that parsed; returns the resolved document (empty unless
/// `render` asked to keep it).
fn walk_root(walk: &mut Walk, root: &Object, out: &mut Vec<Diagnostic>) -> serde_json::Value {
    let file = walk.conv.file;
    let id = walk.conv.id;
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
    walk.inputs = shape::declared_inputs(root);
    let keys = shape::server_keys(root, walk.client);
    let state = walk.client.state_file(&file.name);
    match keys.read {
        None if walk.client.roots.value.is_empty() => {
            servers(walk, root, &root_path, out, &mut resolved);
        }
        read => {
            let key = read.unwrap_or("");
            duplicate_key::report(file, id, &root.properties, &root_path, false, out);
            for prop in &root.properties {
                let name = prop.name.as_str();
                let path = Path::Key(&root_path, name);
                let is_servers = name == key || keys.ignored.contains(&name);
                let list = match walk.client.servers.value {
                    // Continue's JSON files have Claude's shapes: a map (research continue.md §2).
                    Servers::List { .. } if file.format == Format::Json => None,
                    Servers::List { name_field } => Some(name_field),
                    Servers::Map => None,
                };
                let value = match (name, &prop.value) {
                    (_, Node::Array(items)) if is_servers && list.is_some() => {
                        let field = list.unwrap_or("name");
                        let values = items.elements.iter().enumerate();
                        let values = values
                            .map(|(i, item)| listed(walk, item, field, &Path::Index(&path, i), out))
                            .collect();
                        serde_json::Value::Array(values)
                    }
                    (_, other) if is_servers && list.is_some() => {
                        out.push(invalid_type::at_node(
                            id,
                            other,
                            &path,
                            &format!("`{name}` must be a list of servers"),
                            &format!("write `{name}:` then one `- name: ...` item per server"),
                        ));
                        walk.scan_only(other, &path, out)
                    }
                    (_, Node::Object(map)) if is_servers => {
                        let mut entries = serde_json::Map::new();
                        servers(walk, map, &path, out, &mut entries);
                        serde_json::Value::Object(entries)
                    }
                    (_, other) if is_servers => {
                        out.push(invalid_type::at_node(
                            id,
                            other,
                            &path,
                            &format!("`{name}` must be an object of servers"),
                            &format!("write `\"{name}\": {{ \"server-name\": {{ ... }} }}`"),
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
                        out.push(invalid_type::at_node(
                            id,
                            other,
                            &path,
                            "`inputs` must be an array",
                            "write `\"inputs\": [ { \"type\": \"promptString\", \"id\": \"...\" } ]`",
                        ));
                        walk.scan_only(other, &path, out)
                    }
                    // A state file (`~/.claude.json`): only the servers of its members.
                    (_, Node::Object(members)) if state.and_then(|f| f.nested) == Some(name) => {
                        nested_servers(walk, members, &path, key, out);
                        walk.conv.convert(&prop.value, &path, &mut Vec::new())
                    }
                    // Nothing else in a state file is looked at: it is the client's own state.
                    (_, value) if state.is_some() => {
                        walk.conv.convert(value, &path, &mut Vec::new())
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
    serde_json::Value::Object(resolved)
}

/// The servers under `key` in each member of `members` (Claude Code's
/// `projects.<path>.mcpServers`); the rest of each member is not looked at.
fn nested_servers(
    walk: &mut Walk,
    members: &Object,
    path: &Path,
    key: &str,
    out: &mut Vec<Diagnostic>,
) {
    for member in &members.properties {
        let member_path = Path::Key(path, member.name.as_str());
        let Node::Object(fields) = &member.value else {
            continue;
        };
        for field in fields.properties.iter().filter(|p| p.name.as_str() == key) {
            let at = Path::Key(&member_path, key);
            match &field.value {
                Node::Object(map) => servers(walk, map, &at, out, &mut serde_json::Map::new()),
                other => out.push(invalid_type::at_node(
                    walk.conv.id,
                    other,
                    &at,
                    &format!("`{key}` must be an object of servers"),
                    &format!("write `\"{key}\": {{ \"server-name\": {{ ... }} }}`"),
                )),
            }
        }
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
    duplicate_key::report(
        walk.conv.file,
        walk.conv.id,
        &map.properties,
        path,
        true,
        out,
    );
    let props = &map.properties;
    let threads = std::thread::available_parallelism()
        .map_or(1, std::num::NonZero::get)
        .min(props.len() / SERVERS_PER_THREAD)
        .max(1);
    if threads == 1 {
        servers_part(walk, props, path, out, resolved);
        return;
    }
    let (conv, env, set, client, keep) = (walk.conv, walk.env, walk.set, walk.client, walk.keep);
    let advisories = (walk.advisories, walk.hooks);
    let inputs = walk.inputs.clone();
    let inputs = &inputs;
    let parts: Vec<_> = std::thread::scope(|scope| {
        let handles: Vec<_> = props
            .chunks(props.len().div_ceil(threads))
            .map(|chunk| {
                scope.spawn(move || {
                    let mut part = Walk::new(conv, env, set, client, keep, false, advisories);
                    part.inputs = inputs.clone();
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
        if let Some(d) = walk.conv.control_character(prop_name_span(prop)) {
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

/// One server of a list (Continue's `mcpServers:`), named by its `field`; its path is its
/// index.
fn listed(
    walk: &mut Walk,
    item: &Node,
    field: &str,
    path: &Path,
    out: &mut Vec<Diagnostic>,
) -> serde_json::Value {
    let (name, span) = shape::list_item_name(item, field, path);
    entry(walk, &name, span, item, path, out)
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
        out.push(invalid_type::at_node(
            walk.conv.id,
            node,
            path,
            &format!("server `{name}` must be an object"),
            "write `{ \"command\": \"...\" }` for a stdio server or `{ \"type\": \"streamable-http\", \"url\": \"...\" }` for a remote one",
        ));
        return walk.scan_only(node, path, out);
    };
    if shape::builtin(obj, walk.client) {
        // Goose's `builtin` and `platform` extensions run inside the client: no server to check.
        return walk.scan_only(node, path, out);
    }
    let conv = &walk.conv;

    // The `env` block first: the entry's other fields may use what it defines.
    let mut first = Expander::new(walk.env, walk.set, conv.file, conv.id, walk.client);
    first.entry_depth = path.depth();
    first.inputs = walk.inputs.as_ref();
    first.track_secrets = walk.keep;
    let mut scope = HashMap::default();
    let mut scope_failed = HashSet::default();
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
                let here = Path::Key(&env_path, key);
                let value = first.expand(lit, &here, out);
                first.resolved.insert(lit.range.start, value.clone());
                if !first.failed.is_empty() && first.failed.contains(&here.pointer()) {
                    // Reported where it failed: an empty value there is not a second finding.
                    scope_failed.insert(key.to_owned());
                }
                scope.insert(key.to_owned(), value);
            }
        }
    }
    let mut strings = EntryStrings {
        expander: Expander {
            scope: Some(&scope),
            scope_failed: Some(&scope_failed),
            ..first
        },
        scan: &mut walk.scan,
        text: &conv.file.text,
        server: name,
    };
    let json = conv.convert_with(node, path, out, &mut strings);
    let mut expander = strings.expander;
    walk.used.extend(expander.used.drain());
    walk.undeclared.append(&mut expander.undeclared);
    walk.redact.append(&mut expander.redact);
    let failed = std::mem::take(&mut expander.failed);
    drop(expander);
    walk.scan.scan_entry(&conv.file.text, obj, path, name);

    let serde_json::Value::Object(resolved) = json else {
        return json;
    };
    let (env, set) = (walk.env, walk.set);
    let origin = |name: &str| env.definition(set, name);
    walk.apps
        .extend(oauth::apps(name, obj, &resolved, path, &origin));
    let transport = Transport::for_client(&resolved, walk.client);
    let part = Part::from(transport);
    let wrapped = SCHEMAS.wrap(&part, serde_json::Value::Object(resolved));
    let Some(resolved) = wrapped
        .get(part.key())
        .and_then(serde_json::Value::as_object)
    else {
        return SCHEMAS.unwrap(wrapped);
    };
    let cx = EntryContext {
        file: walk.conv.file,
        id: walk.conv.id,
        client: walk.client,
        name,
        name_span,
        node: obj,
        value: node,
        path,
        resolved,
        transport,
        schema_instance: &wrapped,
        schemas: walk.schemas,
        failed: &failed,
        advisories: walk.advisories,
        command_line: Default::default(),
        env_vars: Default::default(),
        launches: Default::default(),
        docker: Default::default(),
        url: Default::default(),
    };
    crate::rules::run_entry_hooks(walk.hooks, &cx, out);
    SCHEMAS.unwrap(wrapped)
}

fn input(
    walk: &mut Walk,
    node: &Node,
    index: usize,
    path: &Path,
    out: &mut Vec<Diagnostic>,
) -> serde_json::Value {
    let json = walk.scan_only(node, path, out);
    shape::validate_input(json, (walk.conv.id, walk.client), node, index, path, out)
}
