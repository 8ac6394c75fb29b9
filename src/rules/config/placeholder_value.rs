//! `config/placeholder-value`: a placeholder where a real secret belongs.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};
use crate::secrets::{Finding, Kind};
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a placeholder where a secret belongs: `<YOUR_API_KEY>`, `your_token_here`,
    /// `changeme`, `sk-xxxxxxxx`, in an `env` variable or header named like a secret, after
    /// `Bearer`, after `--token`, or as a URL's password.
    ///
    /// ## Why is this bad?
    /// The server starts and fails to authenticate, often with an error that does not say why.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "http", "url": "https://huggingface.co/mcp",
    ///           "headers": { "Authorization": "Bearer <YOUR_HF_TOKEN>" } } }
    /// ```
    ///
    /// Use instead: `"Authorization": "Bearer ${HF_TOKEN}"` with the real value in `.env`.
    /// ```json
    /// { "hf": { "type": "http", "url": "https://huggingface.co/mcp",
    ///           "headers": { "Authorization": "Bearer ${HF_TOKEN}" } } }
    /// ```
    /// ```dotenv
    /// HF_TOKEN=hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh
    /// ```
    ///
    /// A placeholder in `.env` is reported too, at its line, when a config uses it
    /// (`HF_CLIENT_SECRET=your_client_secret_here` behind `${HF_CLIENT_SECRET}`).
    PLACEHOLDER_VALUE, "config/placeholder-value", Warning, "a placeholder where a real secret belongs"
}

pub struct PlaceholderValue;

impl Check for PlaceholderValue {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&PLACEHOLDER_VALUE]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    /// The secret scan tells a placeholder from a credential; this reports the placeholders.
    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        for f in cx.secrets {
            if let Kind::Placeholder = f.kind {
                out.push(diagnostic(cx.id, f));
            }
        }
    }
}

/// The finding for a placeholder the scanner found in file `id`.
pub fn diagnostic(id: FileId, f: &Finding) -> Diagnostic {
    Diagnostic::new(
        &PLACEHOLDER_VALUE,
        id,
        f.span,
        f.pointer.clone(),
        format!(
            "placeholder {} in {} where a real value belongs",
            f.shown, f.slot
        ),
    )
    .label("placeholder")
    .help(format!(
        "put the real value in `.env` as `{0}=…` and write `${{{0}}}` here",
        f.variable
    ))
}

/// A placeholder that `.env` (file `file`, line of the key at `key_span`) gives `name`, which a
/// config uses at `used` in file `config`.
pub fn in_dotenv(
    file: FileId,
    key_span: Span,
    name: &str,
    shown: &str,
    config: FileId,
    used: Span,
) -> Diagnostic {
    Diagnostic::new(
        &PLACEHOLDER_VALUE,
        file,
        key_span,
        "",
        format!("`{name}` is set to a placeholder, {shown}, where a real value belongs"),
    )
    .label("placeholder")
    .help(format!("put the real value after `{name}=`"))
    .related_in(config, used, format!("`{name}` is used here"))
}
