//! Where a config keeps its servers: a bare map, `mcpServers`, or VS Code's `servers`.

use crate::hash::HashSet;

use jsonc_parser::ast::{Object, Value as Node};
use jsonc_parser::common::Ranged;

use crate::clients::Client;
use crate::source::Span;
use crate::tree::Path;

/// Fields whose string value makes an object a server entry rather than a map of servers.
const ENTRY_FIELDS: &[&str] = &["command", "url", "type"];

/// The keys that may hold servers in some client's format.
const SERVER_KEYS: &[&str] = &["mcpServers", "servers"];

/// Where a config keeps its servers, as its client reads it.
#[derive(Debug)]
pub(super) struct Keys {
    /// The key the client reads servers from; `None`: a bare map (when the client allows it)
    /// or no servers at all.
    pub read: Option<&'static str>,
    /// Other keys that hold servers for other clients: linted too, and reported when the
    /// client ignores them (`config/ignored-root`).
    pub ignored: Vec<&'static str>,
}

/// The server keys of `root` for `client`.
pub(super) fn server_keys(root: &Object, client: &Client) -> Keys {
    let present = |k: &str| matches!(root.get(k).map(|p| &p.value), Some(Node::Object(_)));
    let read = if client.roots.value.is_empty() {
        servers_key(root)
    } else {
        client
            .roots
            .value
            .iter()
            .copied()
            .find(|k| root.get(k).is_some())
    };
    let ignored = SERVER_KEYS
        .iter()
        .copied()
        .filter(|k| Some(*k) != read && present(k))
        // In mcplint's own formats `servers` may be a server's name in a bare map.
        .filter(|_| !client.roots.value.is_empty() || read.is_some())
        .collect();
    Keys { read, ignored }
}

/// The key holding the servers, or `None` for a bare map of servers.
/// `servers` is taken as VS Code's key only when it does not look like a server itself.
pub(super) fn servers_key(root: &Object) -> Option<&'static str> {
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

/// The ids of VS Code's `inputs`, when the file has an `inputs` array.
pub(super) fn declared_inputs(root: &Object) -> Option<HashSet<String>> {
    let Some(Node::Array(inputs)) = root.get("inputs").map(|p| &p.value) else {
        return None;
    };
    Some(
        inputs
            .elements
            .iter()
            .filter_map(|input| match input {
                Node::Object(o) => match o.get("id").map(|p| &p.value) {
                    Some(Node::StringLit(id)) => Some(id.value.to_string()),
                    _ => None,
                },
                _ => None,
            })
            .collect(),
    )
}

/// Whether an entry's `type` names something the client runs itself (`Kind::Builtin`).
pub(super) fn builtin(obj: &Object, client: &Client) -> bool {
    matches!(obj.get("type").map(|p| &p.value), Some(Node::StringLit(t))
        if client.transport(&t.value) == Some(crate::clients::Kind::Builtin))
}

/// The name of a server in a list (Continue's `mcpServers:`) and the span that stands for it:
/// its `field` (`name`) when it is a string, else `#<position>` at the item's first character.
pub(super) fn list_item_name(item: &Node, field: &str, path: &Path) -> (String, Span) {
    let named = match item {
        Node::Object(o) => match o.get(field).map(|p| &p.value) {
            Some(Node::StringLit(lit)) => Some((lit.value.to_string(), Span::from(lit.range))),
            _ => None,
        },
        _ => None,
    };
    let start = item.range().start;
    named.unwrap_or_else(|| {
        let Path::Index(_, i) = path else {
            return (String::new(), Span::new(start, start + 1));
        };
        (format!("#{}", i + 1), Span::new(start, start + 1))
    })
}

/// Validates one of VS Code's `inputs` (`json`, as written) against its schema; returns it.
pub(super) fn validate_input(
    json: serde_json::Value,
    (id, client): (crate::source::FileId, &'static Client),
    node: &Node,
    index: usize,
    path: &Path,
    out: &mut Vec<crate::diagnostic::Diagnostic>,
) -> serde_json::Value {
    use crate::schema::{Part, SCHEMAS};
    let start = node.range().start;
    let name = match json.get("id").and_then(serde_json::Value::as_str) {
        Some(id) => format!("input `{id}`"),
        None => format!("input {}", index + 1),
    };
    let target = crate::rules::schema::Validated {
        id,
        node,
        path,
        anchor: Span::new(start, start + 1),
        name,
        part: Part::Input,
        ignored: None,
        client,
        schemas: &SCHEMAS,
    };
    let wrapped = SCHEMAS.wrap(&Part::Input, json);
    crate::rules::schema::validate(&target, &wrapped, out);
    SCHEMAS.unwrap(wrapped)
}
