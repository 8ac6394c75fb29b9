//! `schema/invalid-type`: a value has the wrong JSON type.

use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use jsonc_parser::ast::Value as Node;
use jsonc_parser::common::Ranged;
use jsonschema::error::TypeKind;

use crate::diagnostic::Diagnostic;
use crate::source::FileId;
use crate::tree::{Path, kind_with_article};

use super::location::Location;

rule! {
    /// ## What it does
    /// Reports a value of the wrong JSON type: `args` written as one string, an `env` value
    /// written as a number, `disabled` written as `"false"`.
    ///
    /// ## Why is this bad?
    /// Clients reject the entry, or worse, coerce it: `"disabled": "false"` is a non-empty
    /// string, which some clients read as true.
    ///
    /// ## Example
    /// ```json
    /// { "db": { "command": "uvx", "args": "mcp-server-postgres --readonly",
    ///           "env": { "PGPORT": 5432 } } }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "db": { "command": "uvx", "args": ["mcp-server-postgres", "--readonly"],
    ///           "env": { "PGPORT": "5432" } } }
    /// ```
    INVALID_TYPE, "schema/invalid-type", Error, "a value has the wrong JSON type"
}

pub struct InvalidType;

impl Check for InvalidType {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INVALID_TYPE]
    }
}

pub(super) fn report(at: &Location, kind: &TypeKind, out: &mut Vec<Diagnostic>) {
    let expected = expected_types(kind);
    let found = kind_with_article(at.node);
    let message = format!("`{}` must be {expected}, found {found}", at.field);
    let mut diag = at
        .diag(&INVALID_TYPE, at.value_span(), message)
        .label(found);
    if let Some(help) = type_help(at, found) {
        diag = diag.help(help);
    }
    out.push(diag);
}

/// The same finding for a value of the wrong kind at a place the schema does not describe
/// (the map of servers, a server that is not an object, VS Code's `inputs`).
pub fn at_node(id: FileId, node: &Node, path: &Path, must: &str, help: &str) -> Diagnostic {
    let found = kind_with_article(node);
    Diagnostic::new(
        &INVALID_TYPE,
        id,
        node.range().into(),
        path.pointer(),
        format!("{must}, found {found}"),
    )
    .label(found)
    .help(help)
}

fn expected_types(kind: &TypeKind) -> String {
    let article = |t: jsonschema::JsonType| match t.as_str() {
        "array" | "object" | "integer" => format!("an {t}"),
        _ => format!("a {t}"),
    };
    match kind {
        TypeKind::Single(t) => article(*t),
        TypeKind::Multiple(set) => set.iter().map(article).collect::<Vec<_>>().join(" or "),
    }
}

fn type_help(at: &Location, found: &str) -> Option<String> {
    let parent = at.pointer.rsplit_once('/').map(|(p, _)| p).unwrap_or("");
    let in_map = parent.ends_with("/env") || parent.ends_with("/headers");
    if at.field == "args" && found == "a string" {
        Some(
            "write one array element per argument: `\"args\": [\"-y\", \"package-name\"]`"
                .to_owned(),
        )
    } else if in_map && matches!(found, "a number" | "a boolean") {
        Some("put the value in double quotes: environment and header values are strings".into())
    } else if matches!(at.field.as_str(), "env" | "headers") && found == "an array" {
        Some(format!(
            "write `{}` as an object of names to values: `{{ \"NAME\": \"value\" }}`",
            at.field
        ))
    } else if found == "a string" && matches!(at.field.as_str(), "disabled" | "timeout") {
        Some("remove the double quotes around the value".into())
    } else {
        None
    }
}
