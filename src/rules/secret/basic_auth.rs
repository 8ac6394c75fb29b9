//! `secret/basic-auth`: `Authorization: Basic` with a password in it.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};
use crate::secrets::Kind;

rule! {
    /// ## What it does
    /// Finds `Authorization: Basic <base64>` whose base64 decodes to `user:password`.
    ///
    /// ## Why is this bad?
    /// Base64 is an encoding, not encryption: the password is in the file, readable by anyone.
    ///
    /// ## Example
    /// ```json
    /// { "api": { "type": "http", "url": "https://api.example.com/mcp",
    ///            "headers": { "Authorization": "Basic YWRtaW46aHVudGVyMg==" } } }
    /// ```
    ///
    /// Use instead: `"Authorization": "Basic ${API_BASIC_AUTH}"` with the value in `.env`;
    /// then change the password.
    /// ```json
    /// { "api": { "type": "http", "url": "https://api.example.com/mcp",
    ///            "headers": { "Authorization": "Basic ${API_BASIC_AUTH}" } } }
    /// ```
    /// ```dotenv
    /// API_BASIC_AUTH=...
    /// ```
    BASIC_AUTH, "secret/basic-auth", Error, "HTTP Basic credentials written in a header"
}

/// Reports every finding of kind [`Kind::BasicAuth`].
pub struct BasicAuth;

impl Check for BasicAuth {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&BASIC_AUTH]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        for f in cx.secrets {
            if let Kind::BasicAuth = f.kind {
                out.push(super::hardcoded(
                    &BASIC_AUTH,
                    cx,
                    f,
                    "hardcoded HTTP Basic credentials",
                ));
            }
        }
    }
}
