//! `secret/generic`: a random-looking literal in a slot named for a secret, of no known provider.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};
use crate::secrets::Kind;

rule! {
    /// ## What it does
    /// Finds a literal that is very likely a credential but matches no known provider format:
    /// a random-looking value in an `env` variable or header named like a secret, after
    /// `Authorization: Bearer`, after `--token` or `--api-key`, or in a URL's query
    /// (`?api_key=`).
    ///
    /// ## Why is this bad?
    /// Whatever the provider, a credential in a config file ends up in git history and in
    /// every copy of the file.
    ///
    /// ## Example
    /// ```json
    /// { "api": { "command": "node", "env": { "INTERNAL_API_TOKEN": "Zt8qLw2mN4vB7xK1pR9s" } } }
    /// ```
    ///
    /// Use instead: `"INTERNAL_API_TOKEN": "${INTERNAL_API_TOKEN}"` with the value in `.env`;
    /// then rotate the credential.
    /// ```json
    /// { "api": { "command": "node", "env": { "INTERNAL_API_TOKEN": "${INTERNAL_API_TOKEN}" } } }
    /// ```
    /// ```dotenv
    /// INTERNAL_API_TOKEN=...
    /// ```
    GENERIC, "secret/generic", Warning, "a literal that looks like a credential in a secret slot"
}

/// Reports every finding of kind [`Kind::Generic`].
pub struct Generic;

impl Check for Generic {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&GENERIC]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        for f in cx.secrets {
            if let Kind::Generic = f.kind {
                out.push(super::hardcoded(
                    &GENERIC,
                    cx,
                    f,
                    "likely hardcoded credential",
                ));
            }
        }
    }
}
