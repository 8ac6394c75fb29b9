//! The rule registry: every rule mcplint can report, with its id, default severity and docs.
//!
//! A rule is declared once with [`rule!`], in its own file (`oauth/`) or in the file of its
//! family; its rustdoc is the text `mcplint explain` prints. A rule in its own file comes with
//! the [`Check`] that raises it, listed in [`CHECKS`].

pub mod config;
pub mod context;
pub mod env;
pub mod oauth;
pub mod parse;
pub mod schema;
pub mod secret;

pub use crate::registry::Rule;

use crate::diagnostic::Diagnostic;
use context::{Check, FileContext};

/// The rules not declared by a registered check (see [`CHECKS`]), in the order `mcplint rules`
/// lists them.
pub static ALL: &[&Rule] = &[
    &parse::SYNTAX,
    &parse::DUPLICATE_KEY,
    &parse::EMPTY_FILE,
    &parse::INVALID_ROOT,
    &parse::INVALID_UTF8,
    &parse::TOO_DEEP,
    &parse::TOO_LARGE,
    &schema::UNKNOWN_FIELD,
    &schema::MISSING_FIELD,
    &schema::INVALID_TYPE,
    &schema::INVALID_VALUE,
    &env::UNDEFINED_VARIABLE,
    &env::REQUIRED_VARIABLE,
    &env::EMPTY_VALUE,
    &env::BARE_VARIABLE,
    &env::COMMAND_SUBSTITUTION,
    &env::RUNTIME_INPUT,
    &env::VARIABLE_IN_KEY,
    &env::UNUSED_VARIABLE,
    &env::INVALID_TEMPLATE,
    &env::SYNTAX,
    &config::COMMAND_AND_URL,
    &config::STDIO_WITH_URL,
    &config::EMPTY_COMMAND,
    &config::MISSING_TYPE,
    &config::INVALID_URL,
    &config::INSECURE_URL,
    &config::PLACEHOLDER_VALUE,
    &config::UNUSED_SUPPRESSION,
    &config::INVALID_SETTINGS,
];

/// Every registered check: a rule's own code, called by the walk through its hooks.
pub static CHECKS: &[&dyn Check] = &[
    &oauth::InvalidRedirectUri,
    &oauth::RedirectUriFragment,
    &oauth::InsecureRedirectUri,
    &oauth::WildcardRedirectUri,
    &oauth::RedirectUriUserinfo,
    &oauth::RedirectUriScheme,
    &oauth::EmptyRedirectUri,
    &oauth::RedirectUriMismatch,
    &oauth::HubCallbackMismatch,
    &oauth::SharedClientId,
    &oauth::LocalhostRedirect,
];

/// Every rule, in the order `mcplint rules` lists them: the list above, the rules of the
/// registered checks, then the `secret/` rules and the provider catalogue.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    ALL.iter()
        .copied()
        .chain(CHECKS.iter().flat_map(|check| check.rules()))
        .chain(secret::RULES.iter().copied())
        .chain(secret::catalogue::PROVIDERS.iter().map(|p| &p.rule))
}

/// Calls the [`Check::file`] hook of every check that has one, once a file's last entry was
/// walked.
pub fn run_file_hooks(cx: &FileContext, out: &mut Vec<Diagnostic>) {
    for check in CHECKS.iter().filter(|check| check.hooks().file) {
        check.file(cx, out);
    }
}

pub fn find(id: &str) -> Option<&'static Rule> {
    all().find(|r| r.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for rule in all() {
            assert!(seen.insert(rule.id), "{} listed twice", rule.id);
            let (family, name) = rule.id.split_once('/').expect("family/name");
            assert!(
                ["parse", "schema", "env", "secret", "oauth", "config"].contains(&family),
                "{}",
                rule.id
            );
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c == '-' || c.is_ascii_digit()),
                "{} is not kebab-case",
                rule.id
            );
        }
    }

    #[test]
    fn every_rule_has_the_documented_headings() {
        for rule in all() {
            let docs = rule.docs();
            for heading in ["## What it does", "## Why is this bad?", "## Example"] {
                assert!(docs.contains(heading), "{} lacks `{heading}`", rule.id);
            }
            assert!(docs.contains("Use instead:"), "{} lacks a fix", rule.id);
            assert!(!rule.summary.is_empty());
        }
    }
}
