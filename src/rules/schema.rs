//! `schema/`: an entry does not have the shape the schema gives (`mcplint schema` prints it).

use jsonc_parser::ast::Value as Node;
use jsonc_parser::common::Ranged;
use jsonschema::error::{TypeKind, ValidationErrorKind as Kind};
use jsonschema::paths::LocationSegment;

use crate::diagnostic::Diagnostic;
use crate::parse::kind_with_article;
use crate::registry::rule;
use crate::schema::{Part, SCHEMAS};
use crate::source::{FileId, Span};
use crate::suggest;
use crate::tree::{self, Path, Step};

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
    ///
    /// Use instead:
    /// ```json
    /// { "hf": { "type": "http", "url": "https://huggingface.co/mcp",
    ///           "headers": { "Authorization": "Bearer ${HF_TOKEN}" } } }
    /// ```
    UNKNOWN_FIELD, "schema/unknown-field", Warning, "a field no client reads for this kind of server"
}

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

/// What is being validated: a server entry or a VS Code input, with where it sits.
pub struct Target<'t, 'a> {
    pub id: FileId,
    pub node: &'t Node<'a>,
    pub path: &'t Path<'t>,
    /// Where a finding about the whole target points: the server name, or the input's `{`.
    pub anchor: Span,
    /// How messages name it: "server `github`", "input 2".
    pub name: String,
    pub part: Part,
}

/// Validates `instance` (the target converted for the validator) and reports each error.
/// The instance is moved into a wrapper for the validator and handed back.
pub fn validate(
    target: &Target,
    instance: serde_json::Value,
    out: &mut Vec<Diagnostic>,
) -> serde_json::Value {
    let key = target.part.key();
    let mut wrapper = serde_json::Map::with_capacity(1);
    wrapper.insert(key.to_owned(), instance);
    let wrapper = serde_json::Value::Object(wrapper);
    let validator = SCHEMAS.validator();
    if !validator.is_valid(&wrapper) {
        report_errors(target, &wrapper, out);
    }
    match wrapper {
        serde_json::Value::Object(mut m) => m.remove(key).unwrap_or_default(),
        other => other,
    }
}

fn report_errors(target: &Target, wrapper: &serde_json::Value, out: &mut Vec<Diagnostic>) {
    let validator = SCHEMAS.validator();
    let errors: Vec<_> = validator.iter_errors(wrapper).collect();
    // A misspelt required field (`comand`) is one mistake: report it once, as the missing
    // field it causes (an error), at the misspelt key.
    let misspelt = misspelt_required(&errors);
    for error in &errors {
        // Without the wrapper's own first step.
        let segments: Vec<LocationSegment> = error.instance_path().segments().skip(1).collect();
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
        let pointer = format!("{}{relative}", target.path.pointer());
        let field = display_path(&segments);
        let at = Location {
            target,
            node,
            key_span,
            pointer,
            field,
            top_level: segments.is_empty(),
        };
        report(&at, error.kind(), &misspelt, out);
    }
}

/// Pairs (misspelt key, required field it is close to), for required fields that are missing.
fn misspelt_required(errors: &[jsonschema::ValidationError]) -> Vec<(String, String)> {
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
            suggest::closest(name, missing.iter().copied())
                .map(|near| (name.clone(), near.to_owned()))
        })
        .collect()
}

struct Location<'l, 't, 'a> {
    target: &'l Target<'t, 'a>,
    node: &'l Node<'a>,
    key_span: Option<Span>,
    pointer: String,
    /// `env.HF_TOKEN`, `args[1]`: how the field is named in messages.
    field: String,
    top_level: bool,
}

impl Location<'_, '_, '_> {
    fn value_span(&self) -> Span {
        self.node.range().into()
    }

    /// Where to point when something is missing from this object.
    fn anchor_span(&self) -> Span {
        if self.top_level {
            self.target.anchor
        } else {
            self.key_span.unwrap_or_else(|| {
                let start = self.node.range().start;
                Span::new(start, start + 1)
            })
        }
    }

    fn diag(
        &self,
        rule: &'static crate::registry::Rule,
        span: Span,
        message: String,
    ) -> Diagnostic {
        Diagnostic::new(rule, self.target.id, span, self.pointer.clone(), message)
    }
}

fn report(at: &Location, kind: &Kind, misspelt: &[(String, String)], out: &mut Vec<Diagnostic>) {
    let target = at.target;
    match kind {
        Kind::AdditionalProperties { unexpected } | Kind::UnevaluatedProperties { unexpected } => {
            let Node::Object(obj) = at.node else { return };
            for name in unexpected {
                if at.top_level && misspelt.iter().any(|(m, _)| m == name) {
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
                let mut pointer = at.pointer.clone();
                tree::push_segment(&mut pointer, name);
                out.push(unknown_field(at, name, tree::prop_name_span(prop), pointer));
            }
        }
        Kind::Required { property } => {
            let property = property.as_str().unwrap_or_default();
            if let (true, Some((typo, _))) = (
                at.top_level,
                misspelt.iter().find(|(_, field)| field == property),
            ) && let Node::Object(obj) = at.node
                && let Some(prop) = obj
                    .properties
                    .iter()
                    .rev()
                    .find(|p| p.name.as_str() == typo)
            {
                let mut pointer = at.pointer.clone();
                tree::push_segment(&mut pointer, typo);
                out.push(
                    Diagnostic::new(
                        &MISSING_FIELD,
                        target.id,
                        tree::prop_name_span(prop),
                        pointer,
                        format!("{} has no `{property}`: `{typo}` is misspelt", target.name),
                    )
                    .label(format!("did you mean `{property}`?"))
                    .help(format!("rename `{typo}` to `{property}`")),
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
                    "add the server's endpoint, e.g. `\"url\": \"https://example.com/mcp\"`"
                        .to_owned(),
                ),
                _ => (
                    format!("{} is missing the required field `{property}`", where_(at)),
                    format!("add `\"{property}\": ...`"),
                ),
            };
            out.push(
                at.diag(&MISSING_FIELD, at.anchor_span(), message)
                    .label(format!("no `{property}`"))
                    .help(help),
            );
        }
        Kind::Type { kind } => {
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
                Node::StringLit(s) => Some(s.value.as_ref()),
                _ => None,
            };
            let help = match found.and_then(|f| suggest::closest(f, options.iter().copied())) {
                Some(near) => format!("did you mean `\"{near}\"`?"),
                None => format!("use one of {list}"),
            };
            out.push(
                at.diag(
                    &INVALID_VALUE,
                    at.value_span(),
                    format!("`{}` must be one of {list}", at.field),
                )
                .label("not one of the allowed values")
                .help(help),
            );
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

fn unknown_field(at: &Location, name: &str, span: Span, pointer: String) -> Diagnostic {
    let target = at.target;
    let own = SCHEMAS.fields(&target.part);
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
        .map_or(&[][..], |(part, _)| SCHEMAS.fields(part));
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
    let message = format!("unknown field `{name}` in {}", where_(at));
    if let Some(near) = suggest::closest(name, own.iter().map(String::as_str)) {
        return diag(message).help(format!("did you mean `{near}`?"));
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

fn where_(at: &Location) -> String {
    if at.top_level {
        at.target.name.clone()
    } else {
        format!("`{}` of {}", at.field, at.target.name)
    }
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

/// `env.HF_TOKEN`, `args[1]`, `oauth.scopes[0]`.
fn display_path(segments: &[LocationSegment]) -> String {
    let mut out = String::new();
    for s in segments {
        match s {
            LocationSegment::Property(p) => {
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(p);
            }
            LocationSegment::Index(i) => {
                out.push_str(&format!("[{i}]"));
            }
        }
    }
    out
}
