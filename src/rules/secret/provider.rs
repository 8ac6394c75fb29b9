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
