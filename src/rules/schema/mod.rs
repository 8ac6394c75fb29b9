//! `schema/`: an entry does not have the shape the schema gives (`mcplint schema` prints it).
//!
//! The entry is validated once against the branch of the schema it was meant to be (see
//! `crate::schema`); each error the validator reports is placed back on the tree by its
//! instance path and handed to the rule of its kind.

pub mod invalid_type;
pub mod invalid_value;
mod location;
pub mod missing_field;
pub mod unknown_field;

pub use invalid_type::INVALID_TYPE;
pub use invalid_value::INVALID_VALUE;
pub use location::Validated;
pub use missing_field::MISSING_FIELD;
pub use unknown_field::UNKNOWN_FIELD;

use jsonschema::error::ValidationErrorKind as Kind;
use jsonschema::paths::LocationSegment;

use crate::diagnostic::Diagnostic;
use crate::registry::Rule;
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::schema::Part;
use location::Location;

use crate::suggest;
use crate::tree::{self, Step};

/// The schema check of server entries; VS Code's inputs are validated by the walk through
/// [`validate`].
pub struct Schema;

impl Check for Schema {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![
            &UNKNOWN_FIELD,
            &MISSING_FIELD,
            &INVALID_TYPE,
            &INVALID_VALUE,
        ]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let transport = cx.transport;
        let client = cx.client;
        let starts_remote = client
            .transports
            .value
            .iter()
            .any(|(_, k)| *k == crate::clients::Kind::Remote);
        if transport == crate::schema::Transport::Remote && !starts_remote {
            // One finding, not one per remote field.
            let url = cx
                .url_field()
                .and_then(|f| cx.resolved.get(f)?.as_str().map(str::to_owned));
            out.push(
                cx.diagnostic(
                    &MISSING_FIELD,
                    cx.name_span,
                    "",
                    format!(
                        "{} starts only stdio servers from this file: `{}` is a remote server \
                         with no `command`",
                        client.name, cx.name
                    ),
                )
                .severity(client.transports.cap(MISSING_FIELD.severity))
                .label("remote server")
                .help(format!(
                    "start it through a local bridge: `\"command\": \"npx\", \"args\": [\"-y\", \
                     \"mcp-remote\", \"{}\"]`",
                    url.as_deref().unwrap_or("<url>")
                )),
            );
            return;
        }
        // Most entries are valid: nothing is named or looked up for them.
        if cx.schemas.validator().is_valid(cx.schema_instance) {
            return;
        }
        let target = Validated {
            id: cx.id,
            node: cx.value,
            path: cx.path,
            anchor: cx.name_span,
            name: format!("{} `{}`", transport.noun(), cx.name),
            part: Part::from(transport),
            ignored: cx.ignored_field(),
            client: cx.client,
            schemas: cx.schemas,
        };
        validate(&target, cx.schema_instance, out);
    }
}

/// Validates `wrapper`, the resolved form of `target` as [`crate::schema::Schemas::wrap`]
/// made it, and reports what is wrong.
pub fn validate(target: &Validated, wrapper: &serde_json::Value, out: &mut Vec<Diagnostic>) {
    let validator = target.schemas.validator();
    if validator.is_valid(wrapper) {
        return;
    }
    let errors: Vec<_> = validator.iter_errors(wrapper).collect();
    // A misspelt required field (`comand`) is one mistake: report it once, as the missing
    // field it causes (an error), at the misspelt key.
    let misspelt = misspelt_required(&errors, target.client);
    for error in &errors {
        // Without the wrapper's own first step.
        let segments: Vec<LocationSegment> = error.instance_path().segments().skip(1).collect();
        if let (Some(ignored), Some(LocationSegment::Property(first))) =
            (target.ignored, segments.first())
            && first.as_ref() == ignored
        {
            continue;
        }
        let steps = segments.iter().map(|s| match s {
            LocationSegment::Property(p) => Step::Key(p),
            LocationSegment::Index(i) => Step::Index(*i),
        });
        let Some((node, key_span)) = tree::lookup(target.node, steps) else {
            continue;
        };
        let relative = error
            .instance_path()
            .as_str()
            .strip_prefix('/')
            .and_then(|p| p.find('/').map(|i| &p[i..]))
            .unwrap_or("");
        let at = Location {
            target,
            node,
            key_span,
            pointer: format!("{}{relative}", target.path.pointer()),
            field: location::display_path(&segments),
            top_level: segments.is_empty(),
        };
        match error.kind() {
            Kind::AdditionalProperties { unexpected }
            | Kind::UnevaluatedProperties { unexpected } => {
                unknown_field::report(&at, unexpected, &misspelt, out);
            }
            Kind::Required { property } => {
                missing_field::report(&at, property.as_str().unwrap_or_default(), &misspelt, out);
            }
            Kind::Type { kind } => invalid_type::report(&at, kind, out),
            other => invalid_value::report(&at, other, out),
        }
    }
}

fn misspelt_required(
    errors: &[jsonschema::ValidationError],
    client: &crate::clients::Client,
) -> Vec<(String, String)> {
    // The entry itself: one step into the wrapper.
    let top = |e: &&jsonschema::ValidationError| e.instance_path().segments().count() == 1;
    let missing: Vec<&str> = errors
        .iter()
        .filter(top)
        .filter_map(|e| match e.kind() {
            Kind::Required { property } => property.as_str(),
            _ => None,
        })
        .collect();
    if missing.is_empty() {
        return Vec::new();
    }
    errors
        .iter()
        .filter(top)
        .filter_map(|e| match e.kind() {
            Kind::AdditionalProperties { unexpected } => Some(unexpected),
            _ => None,
        })
        .flatten()
        .filter_map(|name| {
            // Another client's name for the field (`serverUrl` for `url`) is the same mistake.
            let synonym =
                crate::clients::own_name_for(client, name).filter(|own| missing.contains(own));
            synonym
                .or_else(|| suggest::closest(name, missing.iter().copied()))
                .map(|near| (name.clone(), near.to_owned()))
        })
        .collect()
}
