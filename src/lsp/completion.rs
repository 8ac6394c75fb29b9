//! Completion: the fields of a server entry and their allowed values, from the client's
//! schema; variable names inside `${`, from the env files in scope.

use std::path::Path;

use lsp_types::{
    CompletionItem, CompletionItemKind, CompletionParams, CompletionResponse, Documentation,
    MarkupContent, MarkupKind, TextEdit,
};

use super::cursor::{self, At};
use super::diagnostics::Checked;
use super::fields;
use super::position;

pub fn complete(checked: Option<&Checked>, p: &CompletionParams) -> Option<CompletionResponse> {
    let checked = checked?;
    let file = checked.report.files.first()?;
    let offset = position::offset(file, p.text_document_position.position);
    let (at, path) = cursor::at(&file.text, offset);
    let items = match at {
        At::Value { span, key } => {
            if let Some((_, reference)) = cursor::reference(&file.text, span, offset) {
                variables(checked, reference, file)
            } else if cursor::in_server(&path) {
                let key = key.unwrap_or_default();
                fields::of(checked.client)
                    .into_iter()
                    .find(|f| f.name == key)
                    .map(|f| f.values)
                    .unwrap_or_default()
                    .into_iter()
                    .map(|v| CompletionItem {
                        label: v.clone(),
                        kind: Some(CompletionItemKind::ENUM_MEMBER),
                        text_edit: Some(lsp_types::CompletionTextEdit::Edit(TextEdit::new(
                            position::range(file, span),
                            v,
                        ))),
                        ..CompletionItem::default()
                    })
                    .collect()
            } else {
                Vec::new()
            }
        }
        At::Key { span, .. } if cursor::in_server(&path) => {
            let quoted = span.start == span.end;
            fields::of(checked.client)
                .into_iter()
                .map(|f| {
                    let text = if quoted {
                        format!("\"{}\"", f.name)
                    } else {
                        f.name.clone()
                    };
                    CompletionItem {
                        label: f.name.clone(),
                        kind: Some(CompletionItemKind::FIELD),
                        documentation: f.description.map(|d| {
                            Documentation::MarkupContent(MarkupContent {
                                kind: MarkupKind::Markdown,
                                value: d,
                            })
                        }),
                        text_edit: Some(lsp_types::CompletionTextEdit::Edit(TextEdit::new(
                            position::range(file, span),
                            text,
                        ))),
                        ..CompletionItem::default()
                    }
                })
                .collect()
        }
        _ => Vec::new(),
    };
    Some(CompletionResponse::Array(items))
}

/// The names the env files in scope define or a template declares (never their values).
fn variables(
    checked: &Checked,
    reference: crate::source::Span,
    file: &crate::source::SourceFile,
) -> Vec<CompletionItem> {
    let Some(env) = checked.report.environment.as_ref() else {
        return Vec::new();
    };
    let Some(set) = env.set_of(checked.path.parent().unwrap_or(Path::new(""))) else {
        return Vec::new();
    };
    // The name replaces what is typed between `${` (or `${env:`) and the cursor or `}`.
    let text = &file.text[reference.start..reference.end];
    let prefix = if text.starts_with("${env:") { 6 } else { 2 };
    let name_start = reference.start + prefix;
    let name_end = file.text[name_start..reference.end]
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
        .map_or(reference.end, |n| name_start + n);
    let range = position::range(file, crate::source::Span::new(name_start, name_end));
    env.known_names(set)
        .into_iter()
        .map(|name| CompletionItem {
            label: name.to_owned(),
            kind: Some(CompletionItemKind::VARIABLE),
            detail: env
                .definition(set, name)
                .map(|(f, _)| checked.report.files[f].name.clone()),
            text_edit: Some(lsp_types::CompletionTextEdit::Edit(TextEdit::new(
                range,
                name.to_owned(),
            ))),
            ..CompletionItem::default()
        })
        .collect()
}
