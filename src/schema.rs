//! The embedded JSON Schema, compiled once, and the choice of which branch an entry is
//! validated against.
//!
//! The schema describes an entry as `anyOf` stdio / remote, which is what editors want for
//! completion. Validating against the `anyOf` itself would report the errors of both branches
//! for every mistake; instead mcplint decides which one the entry was meant to be and
//! validates it against that branch alone.

use std::sync::LazyLock;

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
    pub fn of(entry: &Map<String, Value>) -> Transport {
        match entry.get("type").and_then(Value::as_str) {
            Some("stdio") => return Transport::Stdio,
            Some(t) if REMOTE_TYPES.contains(&t) => return Transport::Remote,
            _ => {}
        }
        if entry.contains_key("command") {
            Transport::Stdio
        } else if entry.contains_key("url") || entry.contains_key("headers") {
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

pub static SCHEMAS: LazyLock<Schemas> = LazyLock::new(Schemas::load);

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
    fn load() -> Schemas {
        let root: Value = serde_json::from_str(SOURCE).expect("the embedded schema is JSON");
        let fields = |def: &str| -> Vec<String> {
            root["$defs"][def]["properties"]
                .as_object()
                .map(|p| p.keys().cloned().collect())
                .unwrap_or_default()
        };
        Schemas {
            validator: compile_parts(&root),
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
    fn transport_follows_type_then_fields() {
        let of = |v: Value| Transport::of(v.as_object().unwrap());
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
