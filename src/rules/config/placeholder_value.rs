//! `config/placeholder-value`: a placeholder where a real secret belongs.

use crate::registry::{Rule, rule};
use crate::rules::context::Check;

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
    PLACEHOLDER_VALUE, "config/placeholder-value", Warning, "a placeholder where a real secret belongs"
}

pub struct PlaceholderValue;

impl Check for PlaceholderValue {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&PLACEHOLDER_VALUE]
    }
}
