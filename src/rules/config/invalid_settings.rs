//! `config/invalid-settings`: a mistake in `.mcplint.json`.

use crate::diagnostic::Diagnostic;
use crate::registry::Severity;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a mistake in mcplint's own `.mcplint.json`: an unknown key, a value of the
    /// wrong type, a rule id that does not exist, a severity that is not `off`, `info`,
    /// `warning` or `error`.
    ///
    /// ## Why is this bad?
    /// A setting that is not understood is not applied: a rule meant to be off stays on, or
    /// the other way round.
    ///
    /// ## Example
    /// ```jsonc .mcplint.json
    /// { "rules": { "secret/generic": "warn" } }
    /// ```
    /// ```json
    /// { "api": { "command": "node" } }
    /// ```
    ///
    /// Use instead:
    /// ```jsonc .mcplint.json
    /// { "rules": { "secret/generic": "warning" } }
    /// ```
    /// ```json
    /// { "api": { "command": "node" } }
    /// ```
    INVALID_SETTINGS, "config/invalid-settings", Error, "a mistake in `.mcplint.json`"
}

pub struct InvalidSettings;

impl Check for InvalidSettings {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&INVALID_SETTINGS]
    }
}

/// A mistake at `pointer` in the settings file.
pub fn diagnostic(
    id: FileId,
    span: Span,
    pointer: String,
    message: String,
    help: String,
) -> Diagnostic {
    Diagnostic::new(&INVALID_SETTINGS, id, span, pointer, message).help(help)
}

/// A settings file that cannot be parsed says so under this rule, as an error.
pub fn claim(d: &mut Diagnostic) {
    d.rule = &INVALID_SETTINGS;
    d.severity = Severity::Error;
}
