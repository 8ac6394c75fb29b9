//! The findings of `lint`: the rules build them, this places them in the `.env` or its
//! template (added to the files when it has a finding).

use super::dotenv::Assignment;
use super::lint::{self, What};
use crate::diagnostic::Diagnostic;
use crate::rules::env as rules;
use crate::source::{FileId, FileKind, SourceFile};

/// The findings of `lint::check` on the `.env` `id`, and its drift against its template (its
/// keys, and the template's path): the template is added to `files` when it has a finding.
pub(crate) fn lint(
    id: FileId,
    lexical: Vec<lint::Finding>,
    template: Option<(Vec<Assignment>, std::path::PathBuf)>,
    files: &mut Vec<SourceFile>,
    out: &mut Vec<Diagnostic>,
) {
    for f in lexical {
        out.push(match f.what {
            What::Duplicate { first } => {
                rules::duplicate_key::diagnostic(id, f.span, &f.key, first)
            }
            What::InvalidKeyName { dotted } => {
                rules::invalid_key_name::diagnostic(id, f.span, &f.key, dotted)
            }
            _ => rules::spaces_around_equals::diagnostic(id, f.span, &f.key),
        });
    }
    let Some((keys, path)) = template else {
        return;
    };
    let Ok(text) = std::fs::read_to_string(&path) else {
        return;
    };
    let text = text.trim_start_matches('\u{feff}').to_owned();
    let parsed = super::dotenv::parse(&text);
    let drift = lint::drift(&keys, &parsed.entries);
    if drift.is_empty() {
        return;
    }
    let shown = path
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    let template_id = files.len();
    let mut file = SourceFile::new(path.display().to_string(), text);
    file.kind = FileKind::Env;
    file.set_display(
        crate::secrets::mask::mask_all(&parsed.masked, std::iter::empty()).unwrap_or(parsed.masked),
    );
    files.push(file);
    for f in drift {
        out.push(match f.what {
            What::MissingFromTemplate => {
                rules::missing_from_template::diagnostic(id, f.span, &f.key, &shown)
            }
            _ => rules::missing_from_dotenv::diagnostic(template_id, f.span, &f.key),
        });
    }
}
