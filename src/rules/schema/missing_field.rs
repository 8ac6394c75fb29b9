//! `schema/missing-field`: a required field is missing.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::schema::Part;

use super::location::Location;

rule! {
    /// ## What it does
    /// Reports an entry without a field it cannot work without: a stdio server without
    /// `command`, a remote server without `url`, a VS Code input without `id`.
    ///
    /// ## Why is this bad?
    /// The client cannot start or reach the server; depending on the client it fails at start-up
    /// or silently skips the server.
    ///
    /// ## Example
    /// ```json
    /// { "github": { "args": ["-y", "@modelcontextprotocol/server-github"] } }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] } }
    /// ```
    MISSING_FIELD, "schema/missing-field", Error, "a required field is missing"
}

pub struct MissingField;

impl Check for MissingField {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&MISSING_FIELD]
    }
}

pub(super) fn report(
    at: &Location,
    property: &str,
    misspelt: &[(String, String)],
    out: &mut Vec<Diagnostic>,
) {
    let target = at.target;
    if let (true, Some((typo, _))) = (
        at.top_level,
        misspelt.iter().find(|(_, field)| field == property),
    ) && let jsonc_parser::ast::Value::Object(obj) = at.node
        && let Some(prop) = obj
            .properties
            .iter()
            .rev()
            .find(|p| p.name.as_str() == typo)
    {
        let mut pointer = at.pointer.clone();
        crate::tree::push_segment(&mut pointer, typo);
        out.push(
            Diagnostic::new(
                &MISSING_FIELD,
                target.id,
                crate::tree::prop_name_span(prop),
                pointer,
                match crate::clients::readers_of(typo).first() {
                    Some(other) if crate::clients::own_name_for(target.client, typo).is_some() => {
                        format!(
                            "{} has no `{property}`: `{typo}` is {}'s name for it, which {} \
                             does not read",
                            target.name, other.name, target.client.name
                        )
                    }
                    _ => format!("{} has no `{property}`: `{typo}` is misspelt", target.name),
                },
            )
            .label(format!("did you mean `{property}`?"))
            .help(format!("rename `{typo}` to `{property}`"))
            // The span is the key with its quotes.
            .replace_with(serde_json::to_string(property).unwrap_or_default()),
        );
        return;
    }
    let (message, help) = match (&target.part, property, at.top_level) {
        (Part::Stdio, "command", true) => (
            format!("{} has no `command`", target.name),
            "add the program to start, e.g. `\"command\": \"npx\"`; if this is a remote \
             server, give its `url` instead"
                .to_owned(),
        ),
        (Part::Remote, "url", true) => (
            format!("{} has no `url`", target.name),
            "add the server's endpoint, e.g. `\"url\": \"https://example.com/mcp\"`".to_owned(),
        ),
        _ => (
            format!("{} is missing the required field `{property}`", at.where_()),
            format!("add `\"{property}\": ...`"),
        ),
    };
    out.push(
        at.diag(&MISSING_FIELD, at.anchor_span(), message)
            .label(format!("no `{property}`"))
            .help(help),
    );
}
