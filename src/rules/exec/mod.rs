//! `exec/`: what a config makes the machine run, and with which powers.
//!
//! Every rule reads the resolved command line ([`EntryContext::command_line`]), the resolved
//! `env`, or a `docker run` line parsed by [`crate::launch::docker`], and points at the
//! argument, key or value itself. A literal secret in `docker run -e NAME=value` is reported
//! once, by `secret/` (the scanner judges `NAME=value` arguments), never by a docker rule.

pub mod auto_approve;
pub mod docker_host_namespace;
pub mod docker_privileged;
pub mod elevated;
pub mod env_code_loading;
pub mod filesystem_root;
pub mod inline_code;
pub mod listen_all_interfaces;
pub mod network_relay;
pub mod security_disabled;
pub mod shell_wrapper;

use crate::rules::context::EntryContext;
use crate::source::Span;

/// A command's program: its file name, any folder, without `.exe`, lower-case.
pub fn program(command: &str) -> std::borrow::Cow<'_, str> {
    let name = command.rsplit(['/', '\\']).next().unwrap_or(command);
    // Most commands are lower case already: no allocation for them.
    if !name.bytes().any(|b| b.is_ascii_uppercase()) {
        return name.strip_suffix(".exe").unwrap_or(name).into();
    }
    let lower = name.to_ascii_lowercase();
    lower
        .strip_suffix(".exe")
        .unwrap_or(&lower)
        .to_owned()
        .into()
}

pub use crate::rules::context::EnvVar;

/// The entry's `env` variables with string values, as resolved (those whose expansion failed
/// are left out: they were reported already). Read once per entry.
pub fn env_vars<'c, 'e>(cx: &'c EntryContext<'e, '_>) -> &'c [EnvVar<'e>] {
    cx.env_vars.get_or_init(|| read_env_vars(cx))
}

fn read_env_vars<'e>(cx: &EntryContext<'e, '_>) -> Vec<EnvVar<'e>> {
    // The last `env` that is not null, as `EntryContext::field` finds it.
    let node: &'e jsonc_parser::ast::Object = cx.node;
    let Some(jsonc_parser::ast::Value::Object(map)) = node
        .properties
        .iter()
        .rev()
        .find(|p| p.name.as_str() == "env")
        .map(|p| &p.value)
    else {
        return Vec::new();
    };
    let resolved: &'e serde_json::Map<String, serde_json::Value> = cx.resolved;
    let resolved = crate::tree::get(resolved, "env").and_then(|e| e.as_object());
    let mut out = Vec::new();
    for prop in &map.properties {
        let name = prop.name.as_str();
        // The pointer is built only when some expansion of the entry failed.
        if !cx.failed.is_empty() {
            let pointer = format!("{}/{}", cx.pointer("env"), escape(name));
            if cx.failed.contains(&pointer) {
                continue;
            }
        }
        let Some(value) = resolved
            .and_then(|r| crate::tree::get(r, name))
            .and_then(|v| v.as_str())
        else {
            continue;
        };
        out.push(EnvVar {
            name,
            upper: name.to_ascii_uppercase(),
            key_span: crate::tree::prop_name_span(prop),
            value,
            value_span: jsonc_parser::common::Ranged::range(&prop.value).into(),
        });
    }
    out
}

/// A JSON pointer segment (RFC 6901).
pub fn escape(segment: &str) -> String {
    let mut s = String::new();
    crate::tree::push_segment(&mut s, segment);
    s[1..].to_owned()
}

/// The pointer of `args[index]`.
pub fn arg_pointer(cx: &EntryContext, index: usize) -> String {
    format!("{}/{index}", cx.pointer("args"))
}

/// The span of `args[index]`, or of the entry's name when the argument is not a literal.
pub fn arg_span(cx: &EntryContext, index: usize) -> Span {
    cx.arg_span(index).unwrap_or(cx.name_span)
}

/// The span of the `command` value, or of the entry's name.
pub fn command_span(cx: &EntryContext) -> Span {
    cx.string("command").map_or(cx.name_span, |(span, _)| span)
}

/// A finding of `rule` at `args[index]`.
pub fn at_arg(
    cx: &EntryContext,
    rule: &'static crate::registry::Rule,
    index: usize,
    message: impl Into<String>,
) -> crate::diagnostic::Diagnostic {
    crate::diagnostic::Diagnostic::new(
        rule,
        cx.id,
        arg_span(cx, index),
        arg_pointer(cx, index),
        message,
    )
}

/// A finding of `rule` at an `env` variable: its value when `value`, else its key.
pub fn at_env(
    cx: &EntryContext,
    rule: &'static crate::registry::Rule,
    var: &EnvVar,
    value: bool,
    message: impl Into<String>,
) -> crate::diagnostic::Diagnostic {
    let span = if value { var.value_span } else { var.key_span };
    let pointer = format!("{}/{}", cx.pointer("env"), escape(var.name));
    crate::diagnostic::Diagnostic::new(rule, cx.id, span, pointer, message)
}

/// A finding of `rule` at the `command` value.
pub fn at_command(
    cx: &EntryContext,
    rule: &'static crate::registry::Rule,
    message: impl Into<String>,
) -> crate::diagnostic::Diagnostic {
    let key = if cx.string("command").is_some() {
        "command"
    } else {
        ""
    };
    cx.diagnostic(rule, command_span(cx), key, message)
}
