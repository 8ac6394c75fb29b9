//! `secret/`: hardcoded credentials, reported without false alarms and never shown whole.
//!
//! The finding is done by `crate::secrets` (the scanner, the provider catalogue, the rule of
//! how much of a secret may show); its findings reach these checks' file hooks through
//! `FileContext::secrets`. One file per rule:
//!
//! - [`generic`], [`basic_auth`], [`url_password`]: a finding of their kind each;
//! - [`provider`]: the catalogue's rules, one per provider, under one check;
//! - [`env_file_not_ignored`]: raised where a `.env` is read, no hook.
//!
//! `config/placeholder-value` reports the placeholders the same scan finds.

pub mod basic_auth;
pub mod env_file_not_ignored;
pub mod generic;
pub mod provider;
pub mod url_password;

pub use basic_auth::{BASIC_AUTH, BasicAuth};
pub use env_file_not_ignored::{ENV_FILE_NOT_IGNORED, EnvFileNotIgnored};
pub use generic::{GENERIC, Generic};
pub use provider::Providers;
pub use url_password::{URL_PASSWORD, UrlPassword};

use crate::clients::Mode;
use crate::diagnostic::Diagnostic;
use crate::registry::Rule;
use crate::rules::context::FileContext;
use crate::secrets::Finding;

/// A hardcoded secret under `rule`, its message starting with `what`: "hardcoded Hugging Face
/// token `hf_AbC…(37 chars)` in `env.HF_TOKEN` of server `hf`"; the help is the way out
/// (`.env`, then rotate).
fn hardcoded(rule: &'static Rule, cx: &FileContext, f: &Finding, what: &str) -> Diagnostic {
    let rotate = "then rotate it: it has been written to a file";
    let client = cx.client;
    let var = &f.variable;
    let help = match (client.mode, client.reference.value.to(var)) {
        (Mode::Template, _) => {
            format!("move it to `.env` as `{var}=…` and write `${{{var}}}` here; {rotate}")
        }
        (Mode::Direct, Some(reference)) if client.lookup.value.dotenv => format!(
            "move it to `.env` as `{var}=…` and write `{reference}` here (`mcplint fix` does \
             both); {rotate}"
        ),
        (Mode::Direct, Some(reference)) => format!(
            "write `{reference}` here and set `{var}` in the environment {} starts from (it does \
             not read `.env`; `mcplint fix` writes both); {rotate}",
            client.name
        ),
        (Mode::Direct, None)
            if let crate::clients::Reference::Named { example } = client.reference.value =>
        {
            format!(
                "remove it, set `{var}` in the environment {} starts from, and name it: {}; \
                 {rotate}",
                client.name,
                example.replace("NAME", var)
            )
        }
        (Mode::Direct, None) => format!(
            "{} expands no variable here: keep this server in a template rendered by `mcplint \
             render --to {}`, or in the client's own secret store; {rotate}",
            client.name, client.id
        ),
    };
    Diagnostic::new(
        rule,
        cx.id,
        f.span,
        f.pointer.clone(),
        format!("{what} `{}` in {}", f.shown, f.slot),
    )
    .label("secret")
    .help(help)
}
