//! `secret/url-password`: a password in a URL or connection string.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, FileContext, Hooks};
use crate::secrets::Kind;

rule! {
    /// ## What it does
    /// Finds a password in a URL or connection string: `postgres://user:password@host/db`,
    /// `redis://:password@host`, `mongodb+srv://...`, `amqp://...`, `Password=...;`.
    ///
    /// ## Why is this bad?
    /// Database servers often have no second factor: the connection string is the key.
    ///
    /// ## Example
    /// ```json
    /// { "db": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres",
    ///   "postgresql://app:s3cr3t-Pa55@db.internal:5432/app"] } }
    /// ```
    ///
    /// Use instead: `"postgresql://app:${PGPASSWORD}@db.internal:5432/app"`, or the whole URL
    /// as `${DATABASE_URL}`; then change the password.
    /// ```json
    /// { "db": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres",
    ///   "postgresql://app:${PGPASSWORD}@db.internal:5432/app"] } }
    /// ```
    /// ```dotenv
    /// PGPASSWORD=...
    /// ```
    URL_PASSWORD, "secret/url-password", Error, "a password in a URL or connection string"
}

/// Reports every finding of kind [`Kind::UrlPassword`].
pub struct UrlPassword;

impl Check for UrlPassword {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&URL_PASSWORD]
    }

    fn hooks(&self) -> Hooks {
        Hooks::FILE
    }

    fn file(&self, cx: &FileContext, out: &mut Vec<Diagnostic>) {
        for f in cx.secrets {
            if let Kind::UrlPassword = f.kind {
                out.push(super::hardcoded(&URL_PASSWORD, cx, f, "hardcoded password"));
            }
        }
    }
}
