//! `schema/unknown-field`: a field no client reads for this kind of server.

use crate::clients::{self, Mode};
use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::schema::Part;
use crate::source::Span;
use crate::suggest;

use super::location::Location;

rule! {
    /// ## What it does
    /// Reports a field that no MCP client reads for this kind of server, and suggests the field
    /// that was probably meant.
    ///
    /// ## Why is this bad?
    /// Clients ignore fields they do not know. A misspelt `headers` or `env` means the server
    /// starts without its token, and the only symptom is a 401 much later.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "http", "url": "https://huggingface.co/mcp",
    ///           "header": { "Authorization": "Bearer ${HF_TOKEN}" } } }
    /// ```
    /// ```dotenv
    /// HF_TOKEN=hf_...
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "hf": { "type": "http", "url": "https://huggingface.co/mcp",
    ///           "headers": { "Authorization": "Bearer ${HF_TOKEN}" } } }
    /// ```
    /// ```dotenv
    /// HF_TOKEN=hf_...
    /// ```
    UNKNOWN_FIELD, "schema/unknown-field", Warning, "a field no client reads for this kind of server"
}

pub struct UnknownField;

impl Check for UnknownField {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNKNOWN_FIELD]
    }
}

/// Reports each field of `unexpected` on the object at `at`, but not a misspelt required
/// field at the top of the entry: `schema/missing-field` reports it at the misspelt key.
pub(super) fn report(
    at: &Location,
    unexpected: &[String],
    misspelt: &[(String, String)],
    out: &mut Vec<Diagnostic>,
) {
    let jsonc_parser::ast::Value::Object(obj) = at.node else {
        return;
    };
    for name in unexpected {
        if at.top_level && misspelt.iter().any(|(m, _)| m == name) {
            continue;
        }
        if at.top_level && at.target.ignored == Some(name.as_str()) {
            continue;
        }
        let Some(prop) = obj
            .properties
            .iter()
            .rev()
            .find(|p| p.name.as_str() == name)
        else {
            continue;
        };
        // A client reads `null` as nothing: there is nothing to ignore.
        if at.target.client.mode == Mode::Direct
            && matches!(prop.value, jsonc_parser::ast::Value::NullKeyword(_))
        {
            continue;
        }
        let mut pointer = at.pointer.clone();
        crate::tree::push_segment(&mut pointer, name);
        out.push(unknown_field(
            at,
            name,
            crate::tree::prop_name_span(prop),
            pointer,
        ));
    }
}

fn unknown_field(at: &Location, name: &str, span: Span, pointer: String) -> Diagnostic {
    let target = at.target;
    if target.client.mode == Mode::Direct && at.top_level {
        return not_read_by_client(at, name, span, pointer);
    }
    let own = target.schemas.fields(&target.part);
    let other = match target.part {
        Part::Stdio => Some((Part::Remote, "remote servers (with `url`)")),
        Part::Remote => Some((Part::Stdio, "stdio servers (with `command`)")),
        Part::Input => None,
    };
    let diag = |message: String| {
        Diagnostic::new(&UNKNOWN_FIELD, target.id, span, pointer.clone(), message)
            .label("unknown field")
    };
    let other_fields = other
        .as_ref()
        .map_or(&[][..], |(part, _)| target.schemas.fields(part));
    if let Some((_, noun)) = &other
        && other_fields.iter().any(|f| f == name)
    {
        return diag(format!(
            "{} cannot have `{name}`: it is a field of {noun}",
            target.name
        ))
        .help(format!(
            "remove `{name}`: the client ignores it for this kind of server"
        ));
    }
    let message = format!("unknown field `{name}` in {}", at.where_());
    if let Some(near) = suggest::closest(name, own.iter().map(String::as_str)) {
        return diag(message)
            .help(format!("did you mean `{near}`?"))
            .replace_with(quoted(near));
    }
    if let (Some((_, noun)), Some(near)) = (
        &other,
        suggest::closest(name, other_fields.iter().map(String::as_str)),
    ) {
        let noun = noun.split(" (").next().unwrap_or(noun);
        return diag(message).help(format!("did you mean `{near}`? (a field of {noun})"));
    }
    diag(message).help(format!(
        "clients ignore it; remove it, or use one of the known fields: {}",
        own.iter()
            .map(|f| format!("`{f}`"))
            .collect::<Vec<_>>()
            .join(", ")
    ))
}

/// A field the client does not read: say which clients do, and what this one reads instead.
fn not_read_by_client(at: &Location, name: &str, span: Span, pointer: String) -> Diagnostic {
    let target = at.target;
    let client = target.client;
    let readers: Vec<&str> = clients::readers_of(name)
        .iter()
        .filter(|c| c.id != client.id)
        .map(|c| c.name)
        .collect();
    let whose = match readers.as_slice() {
        [] => String::new(),
        [one] => format!(" (it is {one}'s)"),
        [first, second] => format!(" (it is {first}'s and {second}'s)"),
        [first, ..] => format!(" ({first} and {} other clients read it)", readers.len() - 1),
    };
    let own = target.schemas.fields(&target.part);
    let other_part = match target.part {
        Part::Stdio => Some((Part::Remote, "remote servers")),
        Part::Remote => Some((Part::Stdio, "stdio servers")),
        Part::Input => None,
    };
    let message = format!(
        "{} does not read `{name}` in {}{whose}",
        client.name, target.name
    );
    let mut rename = None;
    let help = if let Some(own_name) = clients::own_name_for(client, name) {
        rename = Some(own_name);
        format!(
            "{} reads `{own_name}`: rename `{name}` to `{own_name}`",
            client.name
        )
    } else if let Some((part, noun)) = &other_part
        && target.schemas.fields(part).iter().any(|f| f == name)
    {
        format!("remove `{name}`: {} reads it only for {noun}", client.name)
    } else if let Some(near) = suggest::closest(name, own.iter().map(String::as_str)) {
        rename = Some(near);
        format!("did you mean `{near}`?")
    } else {
        format!(
            "remove it: {} ignores it (`mcplint schema --client {}` lists the fields it reads)",
            client.name, client.id
        )
    };
    let d = Diagnostic::new(&UNKNOWN_FIELD, target.id, span, pointer, message)
        .severity(client.fields.cap(UNKNOWN_FIELD.severity))
        .label("not read")
        .help(help);
    match rename {
        Some(near) => d.replace_with(quoted(near)),
        None => d,
    }
}

/// A key as JSON writes it, quotes included (the span of a key covers its quotes).
fn quoted(key: &str) -> String {
    serde_json::to_string(key).unwrap_or_default()
}
