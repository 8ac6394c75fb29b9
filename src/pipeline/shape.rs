//! Where a config keeps its servers: a bare map, `mcpServers`, or VS Code's `servers`.

use jsonc_parser::ast::{Object, Value as Node};

/// Fields whose string value makes an object a server entry rather than a map of servers.
const ENTRY_FIELDS: &[&str] = &["command", "url", "type"];

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
