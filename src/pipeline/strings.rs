//! What the walk does with each string: in a server entry, expand it and scan it for
//! secrets; elsewhere, keep it as written and scan it for provider tokens.

use jsonc_parser::ast::{ObjectProp, StringLit};

use crate::diagnostic::Diagnostic;
use crate::env::Expander;
use crate::secrets::Secrets;
use crate::tree::{Path, Strings};

/// The strings of one server entry: expanded, then scanned for hardcoded secrets.
pub(super) struct EntryStrings<'x> {
    pub expander: Expander<'x>,
    pub scan: &'x mut Secrets,
    pub text: &'x str,
    pub server: &'x str,
}

impl Strings for EntryStrings<'_> {
    fn string(&mut self, lit: &StringLit, path: &Path, out: &mut Vec<Diagnostic>) -> String {
        let value = self.expander.value(lit, path, out);
        self.scan
            .scan_literal(self.text, lit, path, Some(self.server));
        value
    }

    fn key(&mut self, prop: &ObjectProp, path: &Path, out: &mut Vec<Diagnostic>) {
        self.expander.key(prop, path, out);
    }
}

/// Strings outside server entries (a client's own settings, VS Code inputs): kept as
/// written, and scanned for provider tokens.
pub(super) struct ScanOnly<'x> {
    pub text: &'x str,
    pub scan: &'x mut Secrets,
}

impl Strings for ScanOnly<'_> {
    fn string(&mut self, lit: &StringLit, path: &Path, _: &mut Vec<Diagnostic>) -> String {
        self.scan.scan_literal(self.text, lit, path, None);
        lit.value.to_string()
    }
}
