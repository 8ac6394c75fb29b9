//! `secret/env-file-not-ignored`: a `.env` that git tracks or does not ignore.
//!
//! Raised where a `.env` is read (the `env` module), and asked again by `mcplint fix` before it
//! writes one: [`diagnostic`]. Its check has no hooks.

use std::path::Path;

use crate::diagnostic::Diagnostic;
use crate::git::Status;
use crate::registry::{Rule, Severity, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a `.env` file that mcplint reads and that git tracks, or that sits in a git work
    /// tree without being ignored. Runs only where `git` is installed.
    ///
    /// ## Why is this bad?
    /// `.env` holds the secrets the config references; tracked, they are in the repository's
    /// history; not ignored, they are one `git add .` away from it.
    ///
    /// ## Example
    /// A repository whose `.gitignore` does not list `.env`.
    /// ```gitignore
    /// node_modules/
    /// ```
    /// ```dotenv
    /// GITHUB_TOKEN=ghp_...
    /// ```
    /// ```json
    /// { "gh": { "command": "npx", "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } } }
    /// ```
    ///
    /// Use instead: add `.env` to `.gitignore`; if it was committed, `git rm --cached .env` and
    /// rotate every secret it holds.
    /// ```gitignore
    /// node_modules/
    /// .env
    /// ```
    /// ```dotenv
    /// GITHUB_TOKEN=ghp_...
    /// ```
    /// ```json
    /// { "gh": { "command": "npx", "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } } }
    /// ```
    ENV_FILE_NOT_IGNORED, "secret/env-file-not-ignored", Error, "a `.env` that git tracks or does not ignore"
}

/// Raises nothing itself: see [`diagnostic`].
pub struct EnvFileNotIgnored;

impl Check for EnvFileNotIgnored {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&ENV_FILE_NOT_IGNORED]
    }
}

/// The finding for the `.env` at `path` (file `id`) in a git work tree, when git tracks it or
/// does not ignore it. Nothing when git is missing or the file is outside a work tree.
pub fn diagnostic(path: &Path, id: FileId) -> Option<Diagnostic> {
    let diag = |message: String, help: &str| {
        Diagnostic::new(&ENV_FILE_NOT_IGNORED, id, Span::new(0, 0), "", message)
            .label("this file")
            .help(help.to_owned())
    };
    match crate::git::status(path)? {
        Status::Ignored => None,
        Status::NotIgnored => Some(
            diag(
                format!(
                    "{} is not ignored by git: one `git add .` would commit its secrets",
                    path.display()
                ),
                "add `.env` to .gitignore",
            )
            .severity(Severity::Warning),
        ),
        Status::Tracked => Some(diag(
            format!(
                "{} is tracked by git: the secrets in it are in the repository",
                path.display()
            ),
            "run `git rm --cached .env`, add `.env` to .gitignore, and rotate every secret it holds",
        )),
    }
}
