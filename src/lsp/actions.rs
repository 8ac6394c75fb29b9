//! Code actions, each from what a finding already says: its one sure replacement (a
//! did-you-mean, the client's own reference syntax), moving a hardcoded secret to `.env`
//! (the edit `mcplint fix` makes, for one value), and an ignore comment in JSONC files.
//!
//! The move is offered without its edit, which is worked out only when the user picks it
//! (`codeAction/resolve`): listing actions never sends a secret, and the one message that
//! carries it is the edit that writes it into `.env`, asked for by the user.

use std::collections::HashMap;

use lsp_types::{
    CodeAction, CodeActionKind, CodeActionOrCommand, CodeActionParams, CodeActionResponse,
    CreateFile, CreateFileOptions, DocumentChangeOperation, DocumentChanges,
    OptionalVersionedTextDocumentIdentifier, Position, Range, ResourceOp, TextDocumentEdit,
    TextEdit, Uri, WorkspaceEdit,
};
use serde_json::json;

use super::diagnostics::{self, Checked};
use super::position;
use crate::diagnostic::Diagnostic;
use crate::source::SourceFile;

/// The actions for the findings in the range; the move of a secret only for a client that
/// `resolves` edits.
pub fn list(checked: Option<&Checked>, p: &CodeActionParams, resolves: bool) -> CodeActionResponse {
    let uri = &p.text_document.uri;
    let Some(checked) = checked else {
        return Vec::new();
    };
    let report = &checked.report;
    let file = &report.files[0];
    let (start, end) = (
        position::offset(file, p.range.start),
        position::offset(file, p.range.end),
    );
    let mut out = Vec::new();
    for d in report.diagnostics.iter().filter(|d| d.file == 0) {
        if d.span.start > end || d.span.end < start {
            continue;
        }
        let lsp = diagnostics::to_lsp(report, d);
        if let Some(text) = &d.replacement {
            out.push(action(
                format!("Replace with {text}"),
                &lsp,
                Some(edit(uri, position::range(file, d.span), text.clone())),
                None,
                true,
            ));
        }
        if let Some(m) = report
            .moves
            .iter()
            .filter(|_| resolves)
            .find(|m| m.file == 0 && m.span.start >= d.span.start && m.span.end <= d.span.end)
        {
            let data = json!({ "uri": uri.as_str(), "start": m.span.start, "end": m.span.end });
            out.push(action(
                format!("Move this {} to the env file as `{}`", m.what, m.variable),
                &lsp,
                None,
                Some(data),
                false,
            ));
        }
        if checked.jsonc {
            out.push(ignore_comment(uri, file, d, &lsp));
        }
    }
    out
}

fn action(
    title: String,
    diagnostic: &lsp_types::Diagnostic,
    edit: Option<WorkspaceEdit>,
    data: Option<serde_json::Value>,
    preferred: bool,
) -> CodeActionOrCommand {
    CodeActionOrCommand::CodeAction(CodeAction {
        title,
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit,
        data,
        is_preferred: preferred.then_some(true),
        ..CodeAction::default()
    })
}

fn edit(uri: &Uri, range: Range, text: String) -> WorkspaceEdit {
    WorkspaceEdit {
        changes: Some(HashMap::from([(
            uri.clone(),
            vec![TextEdit::new(range, text)],
        )])),
        ..WorkspaceEdit::default()
    }
}

/// `// mcplint-ignore RULE` on a line of its own above the finding's, indented as it is
/// (`pipeline::suppress` reads such a comment as being about the next line).
fn ignore_comment(
    uri: &Uri,
    file: &SourceFile,
    d: &Diagnostic,
    lsp: &lsp_types::Diagnostic,
) -> CodeActionOrCommand {
    let line = file.line_index(d.span.start);
    let start = file.line_start(line);
    let indent: String = file.text[start..file.line_end(line)]
        .chars()
        .take_while(|c| *c == ' ' || *c == '\t')
        .collect();
    let at = position::position(file, start);
    let text = format!("{indent}// mcplint-ignore {}\n", d.rule.id);
    action(
        format!("Ignore {} on this line (comment)", d.rule.id),
        lsp,
        Some(edit(uri, Range::new(at, at), text)),
        None,
        false,
    )
}

/// Fills in the edit of the move action: the value replaced by its reference in the config,
/// and a line added to `.env` (created when missing).
pub fn resolve<'c>(
    checked: impl Fn(&Uri) -> Option<&'c Checked>,
    mut action: CodeAction,
) -> CodeAction {
    let Some(data) = action.data.as_ref() else {
        return action;
    };
    let uri = data["uri"].as_str().and_then(|u| u.parse::<Uri>().ok());
    let start = data["start"].as_u64().and_then(|n| usize::try_from(n).ok());
    let (Some(uri), Some(start)) = (uri, start) else {
        return action;
    };
    if let Some(checked) = checked(&uri) {
        action.edit = move_edit(checked, &uri, start);
    }
    action
}

fn move_edit(checked: &Checked, uri: &Uri, start: usize) -> Option<WorkspaceEdit> {
    let plan = crate::fix::plan_for(&checked.path, None, &checked.report, &|m| {
        m.span.start == start
    })
    .ok()?;
    let file = &checked.report.files[0];
    let m = checked
        .report
        .moves
        .iter()
        .find(|m| m.file == 0 && m.span.start == start)?;
    // The reference `fix` wrote in place of the value: the config's text that changed.
    let bom = if file.bom { '\u{feff}'.len_utf8() } else { 0 };
    let grown =
        (plan.new_config.len() + m.span.end).checked_sub(plan.old_config.len() + m.span.start)?;
    let reference = plan
        .new_config
        .get(bom + m.span.start..bom + m.span.start + grown)?
        .to_owned();
    let config_edit = TextDocumentEdit {
        text_document: OptionalVersionedTextDocumentIdentifier {
            uri: uri.clone(),
            version: None,
        },
        edits: vec![lsp_types::OneOf::Left(TextEdit::new(
            position::range(file, m.span),
            reference,
        ))],
    };
    let env_uri = super::uri::from_path(&plan.env_file)?;
    let mut ops = Vec::new();
    let (at, added) = match &plan.old_env {
        Some(old) => {
            let env = SourceFile::new("", old.as_str());
            let added = plan.new_env.get(old.len()..)?.to_owned();
            (position::position(&env, env.text.len()), added)
        }
        None => {
            ops.push(DocumentChangeOperation::Op(ResourceOp::Create(
                CreateFile {
                    uri: env_uri.clone(),
                    options: Some(CreateFileOptions {
                        overwrite: Some(false),
                        ignore_if_exists: Some(true),
                    }),
                    annotation_id: None,
                },
            )));
            (Position::new(0, 0), plan.new_env.clone())
        }
    };
    if !added.is_empty() {
        ops.push(DocumentChangeOperation::Edit(TextDocumentEdit {
            text_document: OptionalVersionedTextDocumentIdentifier {
                uri: env_uri,
                version: None,
            },
            edits: vec![lsp_types::OneOf::Left(TextEdit::new(
                Range::new(at, at),
                added,
            ))],
        }));
    }
    ops.push(DocumentChangeOperation::Edit(config_edit));
    Some(WorkspaceEdit {
        document_changes: Some(DocumentChanges::Operations(ops)),
        ..WorkspaceEdit::default()
    })
}
