//! `config/placeholder-value` as the secret scan finds it: a placeholder (`changeme`,
//! `<your-token>`) in a slot where a secret belongs. The rule is declared with the other
//! `config/` rules; its finding is built here, from the scanner's findings.

use crate::diagnostic::Diagnostic;
use crate::registry::Rule;
use crate::rules::config::PLACEHOLDER_VALUE;
use crate::rules::context::{Check, FileContext, Hooks};
use crate::secrets::{Finding, Kind};
use crate::source::FileId;

/// Reports every finding of kind [`Kind::Placeholder`].
pub struct Placeholder;

impl Check for Placeholder {
    /// Listed by `mcplint rules` with the `config/` rules, not here.
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&PLACEHOLDER_VALUE]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        for f in cx.secrets {
            if let Kind::Placeholder = f.kind {
                out.push(diagnostic(cx.id, f));
            }
        }
    }
}

/// `config/placeholder-value` for a placeholder the scanner found in file `id`.
pub fn diagnostic(id: FileId, f: &Finding) -> Diagnostic {
    Diagnostic::new(
        &PLACEHOLDER_VALUE,
        id,
        f.span,
        f.pointer.clone(),
        format!(
            "placeholder {} in {} where a real value belongs",
            f.shown, f.slot
        ),
    )
    .label("placeholder")
    .help(format!(
        "put the real value in `.env` as `{0}=…` and write `${{{0}}}` here",
        f.variable
    ))
}
