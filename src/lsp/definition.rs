//! Go to definition: from a `${VAR}` to the `.env` line that gives it its value.

use std::path::Path;

use lsp_types::{GotoDefinitionParams, GotoDefinitionResponse, Location};

use super::cursor::{self, At};
use super::diagnostics::{self, Checked};
use super::position;

pub fn definition(
    checked: Option<&Checked>,
    p: &GotoDefinitionParams,
) -> Option<GotoDefinitionResponse> {
    let checked = checked?;
    let report = &checked.report;
    let file = report.files.first()?;
    let offset = position::offset(file, p.text_document_position_params.position);
    let (At::Value { span, .. }, _) = cursor::at(&file.text, offset) else {
        return None;
    };
    let (name, _) = cursor::reference(&file.text, span, offset)?;
    let env = report.environment.as_ref()?;
    let set = env.set_of(checked.path.parent().unwrap_or(Path::new("")))?;
    let (id, key) = env.definition(set, &name)?;
    let uri = diagnostics::file_uri(report, id)?;
    Some(GotoDefinitionResponse::Scalar(Location::new(
        uri,
        position::range(&report.files[id], key),
    )))
}
