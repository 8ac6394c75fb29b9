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
/// (`.env`, then rotate; `-e NAME` for a `docker run -e NAME=value`).
fn hardcoded(rule: &'static Rule, cx: &FileContext, f: &Finding, what: &str) -> Diagnostic {
    let rotate = "then rotate it: it has been written to a file";
    let help = docker_help(cx, f, rotate).unwrap_or_else(|| plain_help(cx, &f.variable, rotate));
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

/// The way out for a secret written in the config: `.env` (or the client's environment).
fn plain_help(cx: &FileContext, var: &str, rotate: &str) -> String {
    let client = cx.client;
    match (client.mode, client.reference.value.to(var)) {
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
    }
}

/// The way out for a secret in `docker run -e NAME=value`: `-e NAME` alone, which makes docker
/// copy `NAME` from the environment it starts with, so that the value is neither in the file
/// nor on docker's command line; the value goes to the server's `env`. This is the one report
/// of such a secret: the `exec/` docker rules leave `-e` values to `secret/`.
fn docker_help(cx: &FileContext, f: &Finding, rotate: &str) -> Option<String> {
    let name = docker_env_name(cx, &f.pointer)?;
    let client = cx.client;
    let reference = match client.mode {
        Mode::Template => format!("${{{name}}}"),
        Mode::Direct => client.reference.value.to(&name)?,
    };
    let source = if client.mode == Mode::Template || client.lookup.value.dotenv {
        format!("move the value to `.env` as `{name}=…`")
    } else {
        format!(
            "set `{name}` in the environment {} starts from",
            client.name
        )
    };
    Some(format!(
        "write `-e {name}` without the value (docker copies `{name}` from the environment it \
         starts with, so the value stays off its command line), put `\"{name}\": \"{reference}\"` \
         in the server's `env`, and {source}; {rotate}"
    ))
}

/// `NAME` when the secret at `pointer` is the value of a `docker run -e NAME=value`.
fn docker_env_name(cx: &FileContext, pointer: &str) -> Option<String> {
    use jsonc_parser::ast::Value;
    let (entry, index) = pointer.rsplit_once("/args/")?;
    let index: usize = index.parse().ok()?;
    let mut object = cx.root;
    for segment in entry.split('/').skip(1) {
        let segment = crate::tree::unescape_segment(segment);
        let prop = cx.props.last(object, &segment)?;
        object = match &prop.value {
            Value::Object(o) => o,
            _ => return None,
        };
    }
    let field = |key: &str| {
        object
            .properties
            .iter()
            .rev()
            .find(|p| p.name.as_str() == key)
            .map(|p| &p.value)
    };
    let Value::StringLit(command) = field("command")? else {
        return None;
    };
    let Value::Array(items) = field("args")? else {
        return None;
    };
    let args: Vec<(usize, &str)> = items
        .elements
        .iter()
        .enumerate()
        .filter_map(|(i, v)| match v {
            Value::StringLit(s) => Some((i, s.value.as_ref())),
            _ => None,
        })
        .collect();
    let run = crate::launch::docker::parse(&command.value, &args)?;
    let option = run.all("env").find(|o| o.value_index == Some(index))?;
    let (name, _) = option.value?.split_once('=')?;
    Some(name.to_owned())
}
