//! A client's server fields as its JSON Schema describes them (`schema::client_schema`): their
//! descriptions for hover, their names and allowed values for completion.

use std::collections::HashMap;
use std::sync::{LazyLock, Mutex};

use serde_json::Value;

use crate::clients::Client;

/// One field of a server entry.
#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub description: Option<String>,
    /// The values an `enum` allows.
    pub values: Vec<String>,
}

/// Composed once per client for the server's lifetime.
static BY_CLIENT: LazyLock<Mutex<HashMap<&'static str, Vec<Field>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

/// Every field a server entry of `client` may have (stdio and remote), by name.
pub fn of(client: &Client) -> Vec<Field> {
    let mut cache = BY_CLIENT.lock().unwrap_or_else(|e| e.into_inner());
    cache
        .entry(client.id)
        .or_insert_with(|| compose(&crate::schema::client_schema(client)))
        .clone()
}

fn compose(schema: &Value) -> Vec<Field> {
    let defs = &schema["$defs"];
    // A property may be a `$ref` to a shared definition.
    let resolve = |v: &'_ Value| -> Value {
        match v["$ref"].as_str().and_then(|r| r.strip_prefix("#/$defs/")) {
            Some(name) => defs[name].clone(),
            None => v.clone(),
        }
    };
    let mut out: Vec<Field> = Vec::new();
    for part in ["stdioServer", "remoteServer"] {
        let Some(props) = defs[part]["properties"].as_object() else {
            continue;
        };
        for (name, prop) in props {
            let prop = resolve(prop);
            let description = prop["description"]
                .as_str()
                .or_else(|| prop["markdownDescription"].as_str())
                .map(str::to_owned);
            let values: Vec<String> = prop["enum"]
                .as_array()
                .map(|a| {
                    a.iter()
                        .filter_map(|v| v.as_str().map(str::to_owned))
                        .collect()
                })
                .unwrap_or_default();
            // A field of both kinds (`type`): the values of both.
            match out.iter_mut().find(|f| f.name == *name) {
                Some(f) => {
                    for v in values {
                        if !f.values.contains(&v) {
                            f.values.push(v);
                        }
                    }
                    f.description = f.description.take().or(description);
                }
                None => out.push(Field {
                    name: name.clone(),
                    description,
                    values,
                }),
            }
        }
    }
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vscode_fields_with_descriptions_and_transport_names() {
        let client = crate::clients::find("vscode").unwrap();
        let fields = of(client);
        let command = fields.iter().find(|f| f.name == "command").unwrap();
        assert!(command.description.is_some());
        let kind = fields.iter().find(|f| f.name == "type").unwrap();
        assert!(kind.values.iter().any(|v| v == "http"), "{:?}", kind.values);
    }
}
