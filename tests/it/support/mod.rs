//! Shared by the test modules: the runner, the fixtures, and generated secrets.

pub mod corpus;
pub mod lsp;
pub mod run;
pub mod tokens;

use std::path::Path;
use std::sync::{Mutex, MutexGuard};

pub use run::{Mcplint, Output, root};

/// Whether `glob!("../../fixtures", "*", …)` gave a case: a folder `fixtures/<case>`, not
/// `fixtures/bad` (inputs with a test of their own), and not `fixtures` itself, which the
/// glob's `*` matches too.
pub fn is_case(path: &Path) -> bool {
    path.is_dir()
        && !path.ends_with("bad")
        && path.parent().is_some_and(|p| p.ends_with("fixtures"))
}

/// The one file of a fixture case that is not a `.env`, a snapshot, or a side file.
pub fn config_of(dir: &Path) -> String {
    // A client's file may sit in its folder: `.vscode/mcp.json`, `.kiro/settings/mcp.json`.
    fn walk(dir: &Path, prefix: &str, out: &mut Vec<String>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            let path = format!("{prefix}{name}");
            if entry.file_type().unwrap().is_dir() {
                walk(&entry.path(), &format!("{path}/"), out);
            } else if !name.starts_with(".env")
                && !name.ends_with(".snap")
                && !name.ends_with(".snap.new")
                && !matches!(
                    name.as_str(),
                    "args" | "render" | ".mcplint.json" | "baseline.json"
                )
            {
                out.push(path);
            }
        }
    }
    let mut names = Vec::new();
    walk(dir, "", &mut names);
    assert_eq!(
        names.len(),
        1,
        "{} must hold exactly one config: {names:?}",
        dir.display()
    );
    names.pop().unwrap()
}

/// Held by every test that uses `insta::glob!`: insta keeps the failures of a glob on one
/// stack shared by all threads, so two globs at once would count each other's failures.
pub fn glob_lock() -> MutexGuard<'static, ()> {
    static LOCK: Mutex<()> = Mutex::new(());
    LOCK.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}
