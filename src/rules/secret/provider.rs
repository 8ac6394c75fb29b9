//! The provider rules (`secret/github-token`, `secret/openai-key`, ...): one check for the
//! whole catalogue, whose rules are declared in its table (`crate::secrets::catalogue`).

use crate::diagnostic::Diagnostic;
use crate::registry::Rule;
use crate::rules::context::{Check, FileContext, Hooks};
use crate::secrets::Kind;
use crate::secrets::catalogue::PROVIDERS;

/// Reports every token found in a provider's format, under that provider's rule.
pub struct Providers;

impl Check for Providers {
    fn rules(&self) -> Vec<&'static Rule> {
        PROVIDERS.iter().map(|p| &p.rule).collect()
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        for f in cx.secrets {
            if let Kind::Provider(p) = f.kind {
                let what = format!("hardcoded {}", p.name);
                out.push(super::hardcoded(&p.rule, cx, f, &what));
            }
        }
    }
}

/// A provider's token found in the raw text of a config that does not parse: where it is,
/// with no pointer (the JSON-aware rules did not run).
pub fn raw(
    p: &'static crate::secrets::catalogue::Provider,
    id: crate::source::FileId,
    span: crate::source::Span,
    shown: &str,
) -> Diagnostic {
    Diagnostic::new(
        &p.rule,
        id,
        span,
        String::new(),
        format!(
            "hardcoded {} `{shown}` in a file that does not parse",
            p.name
        ),
    )
    .label("secret")
    .help(format!(
        "move it to `.env` as `{}=…` and reference it; then rotate it: it has been written to a file",
        p.variable
    ))
}
