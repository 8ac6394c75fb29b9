//! `schema/invalid-value`: a value is not one the field allows.

use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use jsonschema::error::ValidationErrorKind as Kind;

use crate::clients::Mode;
use crate::diagnostic::Diagnostic;
use crate::schema::Part;
use crate::suggest;

use super::location::Location;

rule! {
    /// ## What it does
    /// Reports a value of the right type that is not allowed: an unknown transport `type`,
    /// a negative `timeout`, an empty input `id`.
    ///
    /// ## Why is this bad?
    /// The client rejects the entry or falls back to a default that is not what was meant
    /// (an unknown `type` is often treated as stdio).
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "streamable_http", "url": "https://huggingface.co/mcp" } }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "hf": { "type": "streamable-http", "url": "https://huggingface.co/mcp" } }
    /// ```
    INVALID_VALUE, "schema/invalid-value", Error, "a value is not one the field allows"
}

pub struct InvalidValue;

impl Check for InvalidValue {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INVALID_VALUE]
    }
}

pub(super) fn report(at: &Location, kind: &Kind, out: &mut Vec<Diagnostic>) {
    let target = at.target;
    match kind {
        Kind::Constant { expected_value } => {
            let expected = expected_value.to_string();
            let (message, help) = if at.field == "type" && matches!(target.part, Part::Stdio) {
                (
                    format!(
                        "`type` must be `\"stdio\"` for {}, which is started with `command`",
                        target.name
                    ),
                    "remove `type` or set it to \"stdio\"; for a remote server give `url` \
                     instead of `command`"
                        .to_owned(),
                )
            } else {
                (
                    format!("`{}` must be {expected}", at.field),
                    format!("write `{expected}`"),
                )
            };
            out.push(
                at.diag(&INVALID_VALUE, at.value_span(), message)
                    .label("not allowed here")
                    .help(help),
            );
        }
        Kind::Enum { options } => {
            let options: Vec<&str> = options
                .as_array()
                .map(|a| a.iter().filter_map(serde_json::Value::as_str).collect())
                .unwrap_or_default();
            let list = options
                .iter()
                .map(|o| format!("`{o}`"))
                .collect::<Vec<_>>()
                .join(", ");
            let found = match at.node {
                jsonc_parser::ast::Value::StringLit(s) => Some(s.value.as_ref()),
                _ => None,
            };
            let near = found.and_then(|f| suggest::closest(f, options.iter().copied()));
            let help = match near {
                Some(near) => format!("did you mean `\"{near}\"`?"),
                None => format!("use one of {list}"),
            };
            let client = target.client;
            // A transport name of another client: say whose it is.
            let message = match (client.mode, at.field.as_str(), found) {
                (Mode::Direct, "type", Some(name)) => {
                    let users: Vec<&str> = crate::clients::CLIENTS
                        .iter()
                        .filter(|c| c.mode == Mode::Direct && c.transport(name).is_some())
                        .map(|c| c.name)
                        .collect();
                    let whose = match users.as_slice() {
                        [] => String::new(),
                        [one] => format!(" (it is {one}'s name)"),
                        [one, two] => format!(" (it is {one}'s and {two}'s name)"),
                        [one, rest @ ..] => {
                            format!(" ({one} and {} other clients use it)", rest.len())
                        }
                    };
                    format!(
                        "{} has no transport `{name}`{whose}: it takes {list}",
                        client.name
                    )
                }
                _ => format!("`{}` must be one of {list}", at.field),
            };
            let d = at
                .diag(&INVALID_VALUE, at.value_span(), message)
                .severity(if client.mode == Mode::Direct {
                    client.transports.cap(INVALID_VALUE.severity)
                } else {
                    INVALID_VALUE.severity
                })
                .label("not one of the allowed values")
                .help(help);
            // The span is the string literal, quotes included.
            out.push(match near.and_then(|n| serde_json::to_string(n).ok()) {
                Some(quoted) => d.replace_with(quoted),
                None => d,
            });
        }
        other => {
            let message = match other {
                Kind::Minimum { limit } => format!("`{}` must be at least {limit}", at.field),
                Kind::Maximum { limit } => format!("`{}` must be at most {limit}", at.field),
                Kind::MinLength { .. } => format!("`{}` must not be empty", at.field),
                _ => format!(
                    "`{}` is not a valid value (schema keyword `{}`)",
                    at.field,
                    other.keyword()
                ),
            };
            out.push(at.diag(&INVALID_VALUE, at.value_span(), message).help(
                "see the field's description in the schema (`mcplint schema`) for what it accepts",
            ));
        }
    }
}
