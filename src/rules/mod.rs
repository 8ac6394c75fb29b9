//! The rule registry: every rule mcplint can report, with its id, default severity and docs.
//!
//! A rule is declared once with [`rule!`], in its own file (`oauth/`) or in the file of its
//! family; its rustdoc is the text `mcplint explain` prints. A rule in its own file comes with
//! the [`Check`] that raises it, listed in [`CHECKS`].

pub mod config;
pub mod context;
pub mod env;
pub mod exec;
pub mod oauth;
pub mod parse;
pub mod schema;
pub mod secret;
pub mod supply;

pub use crate::registry::Rule;

use std::sync::LazyLock;

use crate::diagnostic::Diagnostic;
use context::{Check, EntryContext, FileContext, Hooks};

/// Every check, in the order `mcplint rules` lists their rules. A new rule is one file in
/// its family's folder and one line here.
pub static CHECKS: &[&dyn Check] = &[
    &parse::syntax::Syntax,
    &parse::duplicate_key::DuplicateKey,
    &parse::empty_file::EmptyFile,
    &parse::invalid_root::InvalidRoot,
    &parse::invalid_utf8::InvalidUtf8,
    &parse::too_deep::TooDeep,
    &parse::too_large::TooLarge,
    &parse::unreadable::Unreadable,
    &schema::Schema,
    &env::undefined_variable::UndefinedVariable,
    &env::required_variable::RequiredVariable,
    &env::empty_value::EmptyValue,
    &env::bare_variable::BareVariable,
    &env::command_substitution::CommandSubstitution,
    &env::runtime_input::RuntimeInput,
    &env::variable_in_key::VariableInKey,
    &env::unused_variable::UnusedVariable,
    &env::invalid_template::InvalidTemplate,
    &env::syntax::Syntax,
    &env::duplicate_key::DuplicateKey,
    &env::spaces_around_equals::SpacesAroundEquals,
    &env::invalid_key_name::InvalidKeyName,
    &env::unbalanced_quotes::UnbalancedQuotes,
    &env::missing_equals::MissingEquals,
    &env::unclosed_substitution::UnclosedSubstitution,
    &env::missing_from_template::MissingFromTemplate,
    &env::missing_from_dotenv::MissingFromDotenv,
    &env::unexpanded_reference::UnexpandedReference,
    &env::undeclared_input::UndeclaredInput,
    &env::invisible_variable::InvisibleVariable,
    &env::unset_variable::UnsetVariable,
    &env::undeclared_variables::UndeclaredVariables,
    &config::command_and_url::CommandAndUrl,
    &config::stdio_with_url::StdioWithUrl,
    &config::empty_command::EmptyCommand,
    &config::missing_type::MissingType,
    &config::invalid_url::InvalidUrl,
    &config::insecure_url::InsecureUrl,
    &config::placeholder_value::PlaceholderValue,
    &config::unused_suppression::UnusedSuppression,
    &config::invalid_settings::InvalidSettings,
    &config::ignored_root::IgnoredRoot,
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
    &exec::shell_wrapper::ShellWrapper,
    &exec::elevated::Elevated,
    &exec::inline_code::InlineCode,
    &exec::network_relay::NetworkRelay,
    &exec::docker_privileged::DockerPrivileged,
    &exec::docker_host_namespace::DockerHostNamespace,
    &exec::filesystem_root::FilesystemRoot,
    &exec::env_code_loading::EnvCodeLoading,
    &exec::security_disabled::SecurityDisabled,
    &exec::listen_all_interfaces::ListenAllInterfaces,
    &exec::auto_approve::AutoApprove,
    &supply::image_unpinned::ImageUnpinned,
    &supply::unpinned_package::UnpinnedPackage,
    &supply::latest_tag::LatestTag,
    &supply::unpinned_source::UnpinnedSource,
    &supply::known_vulnerable::KnownVulnerable,
    &supply::typosquat::Typosquat,
    &secret::Generic,
    &secret::BasicAuth,
    &secret::UrlPassword,
    &secret::EnvFileNotIgnored,
    &secret::Providers,
];

/// The checks with an entry hook, and those with a file hook, found once.
/// Checks, in registry order.
pub type Checks = Vec<&'static dyn Check>;

static HOOKED: LazyLock<(Checks, Checks)> = LazyLock::new(|| {
    let with = |f: fn(Hooks) -> bool| CHECKS.iter().copied().filter(|c| f(c.hooks())).collect();
    (with(|h| h.entry), with(|h| h.file))
});

/// The checks with an entry hook a run needs: all but those whose every rule is in `skip`
/// (rules off by default that the run does not ask for: their findings would be dropped).
pub fn entry_hooks(skip: &[&str]) -> Checks {
    HOOKED
        .0
        .iter()
        .copied()
        .filter(|c| skip.is_empty() || !c.rules().iter().all(|r| skip.contains(&r.id)))
        .collect()
}

/// Calls the entry hook of each of `hooks` (from [`entry_hooks`]) on one server entry.
pub fn run_entry_hooks(hooks: &[&'static dyn Check], cx: &EntryContext, out: &mut Vec<Diagnostic>) {
    for check in hooks {
        check.entry(cx, out);
    }
}

/// Calls every check's file hook on one config. For a large file, every other hook runs on
/// another core; the findings come out in the hooks' order all the same.
pub fn run_file_hooks(cx: &FileContext, out: &mut Vec<Diagnostic>) {
    let hooks = &HOOKED.1;
    if cx.file.text.len() < crate::parse::ALONGSIDE_BYTES {
        for check in hooks {
            check.file(cx, out);
        }
        return;
    }
    let run = |parity: usize| -> Vec<Vec<Diagnostic>> {
        let mine = hooks.iter().skip(parity).step_by(2);
        mine.map(|check| {
            let mut found = Vec::new();
            check.file(cx, &mut found);
            found
        })
        .collect()
    };
    let (even, odd) = std::thread::scope(|scope| {
        let even = scope.spawn(|| run(0));
        let odd = run(1);
        let even = even.join().unwrap_or_else(|e| std::panic::resume_unwind(e));
        (even, odd)
    });
    let mut odd = odd.into_iter();
    for found in even {
        out.extend(found);
        out.extend(odd.next().unwrap_or_default());
    }
}

/// Every rule, in the order of [`CHECKS`].
pub fn all() -> impl Iterator<Item = &'static Rule> {
    CHECKS.iter().flat_map(|c| c.rules())
}

pub fn find(id: &str) -> Option<&'static Rule> {
    all().find(|r| r.id == id)
}

/// Where a rule's docs are read on the web: the file that declares it (the `rule!` block, or
/// the provider catalogue's table for the provider rules), in the repository.
pub fn docs_url(rule: &Rule) -> String {
    let provider = crate::secrets::catalogue::PROVIDERS
        .iter()
        .any(|p| p.rule.id == rule.id);
    let file = if provider {
        "secrets/catalogue".to_owned()
    } else {
        format!("rules/{}", rule.id.replace('-', "_"))
    };
    format!("{}/blob/main/src/{file}.rs", env!("CARGO_PKG_REPOSITORY"))
}

#[cfg(test)]
mod tests {

    #[test]
    fn a_check_is_skipped_only_when_all_its_rules_are() {
        let all = entry_hooks(&[]);
        let off: Vec<&str> = super::all().filter(|r| !r.enabled).map(|r| r.id).collect();
        let some = entry_hooks(&off);
        assert!(some.len() < all.len());
        for check in &all {
            let kept = some.iter().any(|c| c.rules()[0].id == check.rules()[0].id);
            let needed = check.rules().iter().any(|r| r.enabled);
            assert_eq!(kept, needed, "{:?}", check.rules()[0].id);
        }
    }
    use super::*;

    #[test]
    fn every_docs_url_names_a_file_of_the_repository() {
        let base = concat!(env!("CARGO_PKG_REPOSITORY"), "/blob/main/");
        for rule in all() {
            let url = docs_url(rule);
            let path = url.strip_prefix(base).unwrap();
            let file = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(path);
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            // The catalogue writes `concat!("secret/", $id)` and each provider's id alone.
            let id = rule
                .id
                .strip_prefix("secret/")
                .filter(|_| path.contains("catalogue"));
            let quoted = format!("\"{}\"", id.unwrap_or(rule.id));
            assert!(
                text.contains(&quoted),
                "{} is not declared in {path}",
                rule.id
            );
        }
    }

    #[test]
    fn ids_are_unique_and_well_formed() {
        let mut seen = std::collections::HashSet::new();
        for rule in all() {
            assert!(seen.insert(rule.id), "{} listed twice", rule.id);
            let (family, name) = rule.id.split_once('/').expect("family/name");
            assert!(
                [
                    "parse", "schema", "env", "secret", "oauth", "config", "supply", "exec"
                ]
                .contains(&family),
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
