//! Writing a config as text in its client's syntax: JSON, TOML or YAML.
//!
//! TOML goes through the `toml` crate's serializer. YAML is written here, in block style with
//! every string double-quoted as JSON quotes it (a JSON string is a valid YAML double-quoted
//! scalar), so no value can be read back as another type (`"yes"`, `"1.0"`, `"~"`).

use serde_json::Value;

use crate::source::Format;

/// `root` as `format` text, two-space indented, with a final newline.
pub fn to_text(root: &Value, format: Format) -> Result<String, String> {
    let mut text = match format {
        Format::Json => serde_json::to_string_pretty(root).map_err(|e| e.to_string())?,
        // TOML has no null: a null value is left out, as the client would read it.
        Format::Toml => toml::to_string(&without_nulls(root)).map_err(|e| e.to_string())?,
        Format::Yaml => {
            let mut out = String::new();
            yaml(root, 0, &mut out);
            out
        }
    };
    if !text.ends_with('\n') {
        text.push('\n');
    }
    Ok(text)
}

fn without_nulls(v: &Value) -> Value {
    match v {
        Value::Object(m) => Value::Object(
            m.iter()
                .filter(|(_, v)| !v.is_null())
                .map(|(k, v)| (k.clone(), without_nulls(v)))
                .collect(),
        ),
        Value::Array(items) => Value::Array(items.iter().map(without_nulls).collect()),
        other => other.clone(),
    }
}

/// A key as written: bare when nothing could read it otherwise (`command`, `X-Api-Key`),
/// else double-quoted.
fn key(k: &str) -> String {
    let bare = k
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic() || b == b'_')
        && k.bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-'))
        && !matches!(
            k.to_ascii_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "y" | "n"
        );
    if bare {
        k.to_owned()
    } else {
        Value::String(k.to_owned()).to_string()
    }
}

fn scalar(v: &Value) -> String {
    match v {
        Value::Object(m) if m.is_empty() => "{}".into(),
        Value::Array(a) if a.is_empty() => "[]".into(),
        other => other.to_string(),
    }
}

fn is_block(v: &Value) -> bool {
    match v {
        Value::Object(m) => !m.is_empty(),
        Value::Array(a) => !a.is_empty(),
        _ => false,
    }
}

/// Writes `v` at `indent` spaces: a mapping or a list in block style, one entry a line.
fn yaml(v: &Value, indent: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    match v {
        Value::Object(m) if !m.is_empty() => {
            for (k, v) in m {
                out.push_str(&pad);
                out.push_str(&key(k));
                out.push(':');
                if is_block(v) {
                    out.push('\n');
                    yaml(v, indent + 2, out);
                } else {
                    out.push(' ');
                    out.push_str(&scalar(v));
                    out.push('\n');
                }
            }
        }
        Value::Array(items) if !items.is_empty() => {
            for item in items {
                out.push_str(&pad);
                out.push('-');
                if is_block(item) {
                    // The item's first line goes after the `- `, the rest under it.
                    let mut inner = String::new();
                    yaml(item, indent + 2, &mut inner);
                    out.push(' ');
                    out.push_str(inner.trim_start_matches(' '));
                } else {
                    out.push(' ');
                    out.push_str(&scalar(item));
                    out.push('\n');
                }
            }
        }
        other => {
            out.push_str(&pad);
            out.push_str(&scalar(other));
            out.push('\n');
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn round_trip(v: &Value, format: Format) -> Value {
        let text = to_text(v, format).unwrap();
        let file = crate::source::SourceFile::new("x", text.clone());
        let parsed = match format {
            Format::Toml => crate::parse::toml::parse(&file.text).ok(),
            Format::Yaml => crate::parse::yaml::parse(&file.text).ok().flatten(),
            Format::Json => None,
        }
        .unwrap_or_else(|| panic!("does not parse:\n{text}"));
        to_json(&parsed)
    }

    fn to_json(v: &jsonc_parser::ast::Value) -> Value {
        use jsonc_parser::ast::Value as N;
        match v {
            N::Object(o) => Value::Object(
                o.properties
                    .iter()
                    .map(|p| (p.name.as_str().to_owned(), to_json(&p.value)))
                    .collect(),
            ),
            N::Array(a) => Value::Array(a.elements.iter().map(to_json).collect()),
            N::StringLit(s) => json!(s.value),
            N::NumberLit(n) => serde_json::from_str(n.value).unwrap(),
            N::BooleanLit(b) => json!(b.value),
            N::NullKeyword(_) => Value::Null,
        }
    }

    #[test]
    fn toml_and_yaml_read_back_the_same() {
        let v = json!({
            "name": "MCP servers", "yes": 1, "a b": 2, "1x": 3,
            "mcpServers": [
                { "name": "gh", "command": "npx", "args": ["-y", "yes", "1.0", "~", "a: b", "#x"],
                  "env": { "TOKEN": "${{ secrets.TOKEN }}", "EMPTY": "" }, "enabled": true,
                  "nested": [[1, 2], {}], "timeout": 30 },
                { "name": "docs", "url": "https://x.example/mcp", "requestOptions": { "headers": {} } }
            ]
        });
        assert_eq!(round_trip(&v, Format::Yaml), v);
        let t = json!({ "mcp_servers": { "gh": { "command": "npx", "args": ["-y"],
            "env": { "A": "b\"c" }, "enabled": false, "tool_timeout_sec": 1.5 } } });
        assert_eq!(round_trip(&t, Format::Toml), t);
    }
}
