//! Hover: a finding's explanation, where a `${VAR}` gets its value (the value masked as
//! every output masks a secret), a field's description from the client's schema.

use std::path::Path;

use lsp_types::{Hover, HoverContents, HoverParams, MarkupContent, MarkupKind};

use super::cursor::{self, At};
use super::diagnostics::Checked;
use super::fields;
use super::position;
use crate::pipeline::Report;

pub fn hover(checked: Option<&Checked>, p: &HoverParams) -> Option<Hover> {
    let checked = checked?;
    let report = &checked.report;
    let file = report.files.first()?;
    let offset = position::offset(file, p.text_document_position_params.position);
    let mut parts = Vec::new();
    for d in report
        .diagnostics
        .iter()
        .filter(|d| d.file == 0 && d.span.start <= offset && offset <= d.span.end)
    {
        let mut text = format!("**{}** ({}): {}", d.rule.id, d.severity, d.message);
        if let Some(help) = &d.help {
            text.push_str(&format!("\n\nhelp: {help}"));
        }
        let what = what_it_does(&d.rule.docs());
        if !what.is_empty() {
            text.push_str(&format!("\n\n{what}"));
        }
        text.push_str(&format!(
            "\n\n[{} docs]({})",
            d.rule.id,
            crate::rules::docs_url(d.rule)
        ));
        parts.push(text);
    }
    let (at, path) = cursor::at(&file.text, offset);
    match at {
        At::Value { span, .. } => {
            if let Some((name, _)) = cursor::reference(&file.text, span, offset) {
                parts.push(variable(report, &checked.path, &name));
            }
        }
        At::Key { name, .. } if cursor::in_server(&path) => {
            if let Some(f) = fields::of(checked.client)
                .into_iter()
                .find(|f| f.name == name)
            {
                let mut text = format!("**{}** ({})", f.name, checked.client.name);
                if let Some(d) = f.description {
                    text.push_str(&format!("\n\n{d}"));
                }
                if !f.values.is_empty() {
                    let list: Vec<String> = f.values.iter().map(|v| format!("`{v}`")).collect();
                    text.push_str(&format!("\n\nOne of {}", list.join(", ")));
                }
                parts.push(text);
            }
        }
        _ => {}
    }
    if parts.is_empty() {
        return None;
    }
    Some(Hover {
        contents: HoverContents::Markup(MarkupContent {
            kind: MarkupKind::Markdown,
            value: parts.join("\n\n---\n\n"),
        }),
        range: None,
    })
}

/// The `## What it does` paragraph of a rule's docs.
fn what_it_does(docs: &str) -> String {
    docs.split("## What it does")
        .nth(1)
        .and_then(|rest| rest.split("\n## ").next())
        .map(|s| s.trim().replace('\n', " "))
        .unwrap_or_default()
}

/// Where `${name}` gets its value, and the value as output may show it.
fn variable(report: &Report, config: &Path, name: &str) -> String {
    let mut text = format!("`${{{name}}}`");
    let Some(env) = report.environment.as_ref() else {
        return text;
    };
    let set = env.set_of(config.parent().unwrap_or(Path::new("")));
    let value = set.and_then(|s| env.get(s, name));
    let definition = set.and_then(|s| env.definition(s, name));
    match (definition, value) {
        (Some((file, span)), _) => {
            let f = &report.files[file];
            let line = f.position(span.start).line;
            text.push_str(&format!(": defined in `{}` line {line}", f.name));
        }
        (None, Some(_)) => text.push_str(": set in the environment"),
        (None, None) => text.push_str(": not defined"),
    }
    if let Some(value) = value {
        text.push_str(&format!("\n\nvalue: `{}`", shown(name, value)));
    }
    text
}

/// A value as any output may show it: a secret's name or a token-shaped value redacted.
pub fn shown(name: &str, value: &str) -> String {
    if crate::secrets::is_secret_name(name) {
        return crate::secrets::mask::redact(value);
    }
    crate::secrets::mask::mask_all(value, std::iter::empty()).unwrap_or_else(|| value.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_of_secret_names_and_token_shaped_values_are_masked() {
        assert_eq!(
            shown("GITHUB_TOKEN", "abcdefghijklmnop"),
            "abcde…(16 chars)"
        );
        assert_eq!(shown("PORT", "8080"), "8080");
        let token = "ghp_x9Kq2LmZ8vB4nR7tW1yH3jD6fP0sA5cE9gU2";
        assert!(!shown("OTHER", token).contains(&token[8..]));
    }
}
