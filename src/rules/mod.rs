//! The rule registry: every rule mcplint can report, with its id, default severity and docs.
//!
//! A rule is declared once with [`rule!`], in the file of its family; its rustdoc is the text
//! `mcplint explain` prints.

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

/// Every rule, in the order `mcplint rules` lists them.
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
    &oauth::INVALID_REDIRECT_URI,
    &oauth::REDIRECT_URI_FRAGMENT,
    &oauth::INSECURE_REDIRECT_URI,
    &oauth::WILDCARD_REDIRECT_URI,
    &oauth::REDIRECT_URI_USERINFO,
    &oauth::REDIRECT_URI_SCHEME,
    &oauth::EMPTY_REDIRECT_URI,
    &oauth::REDIRECT_URI_MISMATCH,
    &oauth::HUB_CALLBACK_MISMATCH,
    &oauth::SHARED_CLIENT_ID,
    &oauth::LOCALHOST_REDIRECT,
];

/// Every registered check. Their rules are listed after [`ALL`], in this order; their file
/// hooks run in this order too.
pub static CHECKS: &[&dyn Check] = &[
    // secret/
    &secret::Generic,
    &secret::BasicAuth,
    &secret::UrlPassword,
    &secret::EnvFileNotIgnored,
    &secret::Providers,
    &secret::Placeholder,
];

/// Runs the file hook of every check that has one, in the order of [`CHECKS`].
pub fn run_file_hooks(cx: &FileContext, out: &mut Vec<Diagnostic>) {
    for check in CHECKS.iter().filter(|c| c.hooks().file) {
        check.file(cx, out);
    }
}

/// Every rule: the list above, then the rules of the [`CHECKS`] (a rule already in the list,
/// such as `config/placeholder-value`, which the secret scan raises, is listed once).
pub fn all() -> impl Iterator<Item = &'static Rule> {
    let listed = |r: &&'static Rule| ALL.iter().any(|a| std::ptr::eq(*a, *r));
    ALL.iter().copied().chain(
        CHECKS
            .iter()
            .flat_map(|c| c.rules())
            .filter(move |r| !listed(r)),
    )
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
