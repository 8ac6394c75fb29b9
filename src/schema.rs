//! The embedded JSON Schema, compiled once, and the choice of which branch an entry is
//! validated against.
//!
//! The schema describes an entry as `anyOf` stdio / remote, which is what editors want for
//! completion. Validating against the `anyOf` itself would report the errors of both branches
//! for every mistake; instead mcplint decides which one the entry was meant to be and
//! validates it against that branch alone.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use crate::clients::{Client, Kind, Mode};

use jsonschema::{Draft, Validator};
use serde_json::{Map, Value};

/// The schema as shipped, for `mcplint schema` and editors.
pub const SOURCE: &str = include_str!("../schema/mcp-servers.schema.json");

/// What an entry is, which decides the schema branch it is checked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Transport {
    Stdio,
    Remote,
}

impl Transport {
    /// The transport an entry was meant to have: an explicit `type` first, then `command`
    /// (stdio) or `url` (remote), then the fields only one kind has. An entry with none of
    /// these is taken as stdio, the most common kind, so its missing `command` is reported.
    /// Transport names and URL fields are `client`'s; a `null` field counts as absent.
    pub fn for_client(entry: &Map<String, Value>, client: &Client) -> Transport {
        let has = |k: &str| crate::tree::get(entry, k).is_some_and(|v| !v.is_null());
        if let Some(t) = crate::tree::get(entry, "type").and_then(Value::as_str) {
            match client.transport(t) {
                // The walk leaves a built-in entry alone; it has no server fields to check.
                Some(Kind::Stdio | Kind::Builtin) => return Transport::Stdio,
                Some(Kind::Remote) => return Transport::Remote,
                None if t == "stdio" => return Transport::Stdio,
                None if REMOTE_TYPES.contains(&t) => return Transport::Remote,
                None => {}
            }
        }
        let url = client
            .url_fields
            .value
            .iter()
            .chain(URL_FIELDS)
            .any(|k| has(k));
        if has(client.command_field()) {
            Transport::Stdio
        } else if url || has("headers") {
            Transport::Remote
        } else {
            Transport::Stdio
        }
    }

    pub fn noun(self) -> &'static str {
        match self {
            Transport::Stdio => "stdio server",
            Transport::Remote => "remote server",
        }
    }
}

pub const REMOTE_TYPES: &[&str] = &["sse", "http", "streamable-http", "streamableHttp"];

/// The names clients give a remote server's URL.
pub const URL_FIELDS: &[&str] = &["url", "serverUrl", "httpUrl"];

/// The fields some clients read and the merged dialect does not describe, and per-client
/// replacements of merged fields (see the file's `$comment`).
pub const CLIENT_FIELDS: &str = include_str!("../schema/client-fields.json");

/// The parts of the schema that findings are checked against.
pub enum Part {
    Stdio,
    Remote,
    Input,
}

pub struct Schemas {
    /// One validator for every part: an instance is wrapped as `{"<part>": instance}`, so the
    /// schema is compiled (and checked against its meta-schema) once, not once per part.
    validator: Validator,
    stdio_fields: Vec<String>,
    remote_fields: Vec<String>,
    input_fields: Vec<String>,
}

pub static SCHEMAS: LazyLock<Schemas> = LazyLock::new(|| {
    let root: Value = serde_json::from_str(SOURCE).expect("the embedded schema is JSON");
    Schemas::load(&root)
});

/// The schemas of the clients a run has met, compiled once each.
static BY_CLIENT: LazyLock<Mutex<HashMap<&'static str, &'static Schemas>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// The schemas `client`'s files are checked against: the merged one for templates and
/// unrecognised files, the client's own otherwise.
pub fn for_client(client: &'static Client) -> &'static Schemas {
    if client.mode == Mode::Template {
        return &SCHEMAS;
    }
    let mut cache = BY_CLIENT
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    cache.entry(client.id).or_insert_with(|| {
        // Leaked once per client: at most one per registry entry, for the run's lifetime.
        Box::leak(Box::new(Schemas::load(&client_schema(client))))
    })
}

/// The JSON Schema of the server entries `client` reads, composed from the merged schema's
/// field definitions and `client-fields.json`: each field is written once, and each client
/// takes the fields it reads, with its own transport names.
pub fn client_schema(client: &Client) -> Value {
    let merged: Value = serde_json::from_str(SOURCE).expect("the embedded schema is JSON");
    if client.mode == Mode::Template {
        return merged;
    }
    let extra: Value = serde_json::from_str(CLIENT_FIELDS).expect("client-fields.json is JSON");
    let fits = |def: &Value, part: &str| {
        let transport = def["transport"].as_str().unwrap_or("both");
        transport == "both"
            || (transport == "stdio" && part == "stdioServer")
            || (transport == "remote" && part == "remoteServer")
    };
    let definition = |field: &str, part: &str| -> Option<Value> {
        if let Some(over) = extra["overrides"][client.id].get(field) {
            // `{ "transport": ..., "schema": ... }` limits an override to one kind of server.
            return match over.get("schema") {
                Some(schema) if over.get("transport").is_some() => {
                    fits(over, part).then(|| schema.clone())
                }
                _ => Some(over.clone()),
            };
        }
        if let Some(def) = merged["$defs"][part]["properties"].get(field) {
            return Some(def.clone());
        }
        let def = extra["fields"].get(field)?;
        fits(def, part).then(|| def["schema"].clone())
    };
    let transports = |kind: Kind| -> Vec<&str> {
        client
            .transports
            .value
            .iter()
            .filter(|(_, k)| *k == kind)
            .map(|(n, _)| *n)
            .collect()
    };
    let branch = |part: &str, kind: Kind| -> Option<Value> {
        let names = transports(kind);
        if names.is_empty() && kind == Kind::Remote {
            return None;
        }
        let mut properties = Map::new();
        for field in client.fields.value {
            if *field == "type" {
                if !names.is_empty() {
                    properties.insert(
                        "type".into(),
                        serde_json::json!({
                            "description": format!("The transport, as {} names it.", client.name),
                            "enum": names,
                        }),
                    );
                }
                continue;
            }
            // The URL fields belong to remote servers only.
            if kind == Kind::Stdio && URL_FIELDS.contains(field) {
                continue;
            }
            if let Some(def) = definition(field, part) {
                properties.insert((*field).to_owned(), def);
            }
        }
        let mut branch = serde_json::json!({
            "description": format!("A {} server, as {} reads it.", if kind == Kind::Stdio { "stdio" } else { "remote" }, client.name),
            "type": "object",
            "properties": properties,
            "additionalProperties": false,
        });
        match kind {
            Kind::Stdio => branch["required"] = serde_json::json!([client.command_field()]),
            Kind::Builtin => {}
            Kind::Remote => {
                let urls: Vec<&str> = client
                    .url_fields
                    .value
                    .iter()
                    .copied()
                    .filter(|f| client.reads(f))
                    .collect();
                branch["anyOf"] = Value::Array(
                    urls.iter()
                        .map(|u| serde_json::json!({ "required": [u] }))
                        .collect(),
                );
                if urls.len() == 1 {
                    branch.as_object_mut().map(|b| b.remove("anyOf"));
                    branch["required"] = serde_json::json!(urls);
                }
            }
        }
        // The fields the client requires of every entry, where this kind of server has them.
        let mut required: Vec<Value> = branch["required"].as_array().cloned().unwrap_or_default();
        for field in client.required.value {
            if branch["properties"].get(*field).is_some()
                && !required.contains(&serde_json::json!(field))
            {
                required.push(serde_json::json!(field));
            }
        }
        if !required.is_empty() {
            branch["required"] = Value::Array(required);
        }
        Some(branch)
    };
    let mut defs = merged["$defs"].as_object().cloned().unwrap_or_default();
    let stdio = branch("stdioServer", Kind::Stdio);
    let remote = branch("remoteServer", Kind::Remote);
    let mut any_of = Vec::new();
    if let Some(stdio) = stdio {
        defs.insert("stdioServer".into(), stdio);
        any_of.push(serde_json::json!({ "$ref": "#/$defs/stdioServer" }));
    }
    match remote {
        Some(remote) => {
            defs.insert("remoteServer".into(), remote);
            any_of.push(serde_json::json!({ "$ref": "#/$defs/remoteServer" }));
        }
        // Validated against something: a remote entry in a stdio-only client is reported
        // field by field against the stdio branch.
        None => {
            let stdio = defs["stdioServer"].clone();
            defs.insert("remoteServer".into(), stdio);
        }
    }
    defs.insert("server".into(), serde_json::json!({ "anyOf": any_of }));
    let servers = match client.servers.value {
        crate::clients::Servers::Map => serde_json::json!({
            "type": "object",
            "additionalProperties": { "$ref": "#/$defs/server" },
        }),
        // Continue: a list of servers, each named by a field of its own.
        crate::clients::Servers::List { .. } => serde_json::json!({
            "type": "array",
            "items": { "$ref": "#/$defs/server" },
        }),
    };
    let mut schema = serde_json::json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": format!("https://github.com/mcplint/mcplint/schema/{}.schema.json", client.id),
        "title": format!("MCP servers in {}'s config", client.name),
        "description": format!(
            "The server entries {} reads (generated by `mcplint schema --client {}`).",
            client.name, client.id
        ),
        "type": "object",
    });
    match client.roots.value.first() {
        Some(root) => {
            schema["properties"] = serde_json::json!({ *root: servers });
        }
        None => schema["additionalProperties"] = serde_json::json!({ "$ref": "#/$defs/server" }),
    }
    schema["$defs"] = Value::Object(defs);
    schema
}

impl Part {
    /// The key an instance of this part is wrapped in (and its `$defs` name).
    pub fn key(&self) -> &'static str {
        match self {
            Part::Stdio => "stdioServer",
            Part::Remote => "remoteServer",
            Part::Input => "input",
        }
    }
}

impl Schemas {
    fn load(root: &Value) -> Schemas {
        let fields = |def: &str| -> Vec<String> {
            root["$defs"][def]["properties"]
                .as_object()
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default()
        };
        Schemas {
            validator: compile_parts(root),
            stdio_fields: fields("stdioServer"),
            remote_fields: fields("remoteServer"),
            input_fields: fields("input"),
        }
    }

    /// The validator; instances are `{"<part key>": value}`.
    pub fn validator(&self) -> &Validator {
        &self.validator
    }

    /// The fields an object of this part may have, for "did you mean" suggestions.
    /// The value as the validator takes it: `{ "<part>": value }`, so that one compiled
    /// schema serves every part. [`Schemas::unwrap`] gives the value back.
    pub fn wrap(&self, part: &Part, value: Value) -> Value {
        let mut wrapper = Map::with_capacity(1);
        wrapper.insert(part.key().to_owned(), value);
        Value::Object(wrapper)
    }

    pub fn unwrap(&self, wrapper: Value) -> Value {
        match wrapper {
            Value::Object(m) => m.into_iter().next().map(|(_, v)| v).unwrap_or_default(),
            other => other,
        }
    }

    pub fn fields(&self, part: &Part) -> &[String] {
        match part {
            Part::Stdio => &self.stdio_fields,
            Part::Remote => &self.remote_fields,
            Part::Input => &self.input_fields,
        }
    }
}

impl From<Transport> for Part {
    fn from(t: Transport) -> Part {
        match t {
            Transport::Stdio => Part::Stdio,
            Transport::Remote => Part::Remote,
        }
    }
}

/// One schema whose properties are the parts, each a `$ref` into the embedded schema.
fn compile_parts(root: &Value) -> Validator {
    let mut schema = Map::new();
    for key in ["$schema", "$id", "$defs"] {
        if let Some(v) = root.get(key) {
            schema.insert(key.to_owned(), v.clone());
        }
    }
    let mut properties = Map::new();
    for part in [Part::Stdio, Part::Remote, Part::Input] {
        let key = part.key();
        properties.insert(
            key.to_owned(),
            serde_json::json!({ "$ref": format!("#/$defs/{key}") }),
        );
    }
    schema.insert("properties".to_owned(), Value::Object(properties));
    jsonschema::options()
        .with_draft(Draft::Draft202012)
        .build(&Value::Object(schema))
        .unwrap_or_else(|e| panic!("the embedded schema compiles: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn schema_is_valid_draft_2020_12_with_descriptions_everywhere() {
        let root: Value = serde_json::from_str(SOURCE).unwrap();
        assert!(jsonschema::meta::is_valid(&root));
        assert!(root["$id"].is_string());
        fn walk(v: &Value, at: &str) {
            if let Some(props) = v.get("properties").and_then(Value::as_object) {
                for (name, field) in props {
                    assert!(
                        field.get("description").is_some()
                            || field.get("$ref").is_some_and(|r| r.is_string()),
                        "{at}/properties/{name} has no description"
                    );
                    walk(field, &format!("{at}/properties/{name}"));
                }
            }
            if let Some(defs) = v.get("$defs").and_then(Value::as_object) {
                for (name, def) in defs {
                    assert!(
                        def.get("description").is_some(),
                        "$defs/{name} has no description"
                    );
                    walk(def, &format!("{at}/$defs/{name}"));
                }
            }
        }
        walk(&root, "");
    }

    #[test]
    fn every_client_schema_is_valid_and_compiles() {
        for client in crate::clients::CLIENTS {
            let schema = client_schema(client);
            assert!(jsonschema::meta::is_valid(&schema), "{}", client.id);
            let schemas = for_client(client);
            // A minimal stdio entry of each client passes its own schema.
            let mut entry = json!({ client.command_field(): "npx" });
            // With the fields the client requires of every entry (Goose's).
            for field in client.required.value {
                entry[*field] = match *field {
                    "type" => json!("stdio"),
                    "enabled" => json!(true),
                    "args" => json!([]),
                    _ => json!("x"),
                };
            }
            let wrapped = schemas.wrap(&Part::Stdio, entry);
            assert!(schemas.validator().is_valid(&wrapped), "{}", client.id);
        }
    }

    #[test]
    fn a_client_schema_has_only_its_fields_and_transports() {
        let code = client_schema(&crate::clients::claude_code::CLAUDE_CODE);
        let remote = &code["$defs"]["remoteServer"]["properties"];
        assert!(remote.get("headersHelper").is_some());
        assert!(remote.get("serverUrl").is_none());
        assert_eq!(
            remote["type"]["enum"],
            json!(["http", "streamable-http", "sse", "ws"])
        );
        let windsurf = client_schema(&crate::clients::windsurf::WINDSURF);
        assert!(
            windsurf["$defs"]["remoteServer"]["properties"]
                .get("serverUrl")
                .is_some()
        );
    }

    #[test]
    fn transport_follows_type_then_fields() {
        let generic = &crate::clients::generic::GENERIC;
        let of = |v: Value| Transport::for_client(v.as_object().unwrap(), generic);
        assert_eq!(of(json!({"command": "npx"})), Transport::Stdio);
        assert_eq!(of(json!({"url": "https://x"})), Transport::Remote);
        assert_eq!(
            of(json!({"type": "sse", "command": "x"})),
            Transport::Remote
        );
        assert_eq!(of(json!({"type": "stdio", "url": "x"})), Transport::Stdio);
        assert_eq!(of(json!({"headers": {}})), Transport::Remote);
        assert_eq!(of(json!({"args": []})), Transport::Stdio);
    }

    #[test]
    fn branches_accept_the_design_example() {
        let entry = json!({
            "type": "streamable-http",
            "url": "https://huggingface.co/mcp",
            "headers": { "Authorization": "Bearer ${HF_TOKEN}" },
            "env": { "HF_TOKEN": "${HF_TOKEN}" },
            "disabled": false,
            "note": "Hugging Face MCP Server with OAuth"
        });
        let v = SCHEMAS.validator();
        assert!(v.is_valid(&serde_json::json!({ "remoteServer": entry.clone() })));
        assert!(!v.is_valid(&serde_json::json!({ "stdioServer": entry })));
    }
}
