//! `check DIR`: the files below a folder that a client profile recognises by their path.
//!
//! The walk is the `ignore` crate's (ripgrep's own walker): `.gitignore` (in a git work
//! tree), `.ignore` and the global git excludes are honoured exactly as ripgrep honours them,
//! which no code of ours would match. Hidden folders are walked (`.vscode/`, `.cursor/` hold
//! configs), `.git/` is not. Symbolic links are followed; one that leads back to a folder
//! that contains it is reported and not followed again, and a file reached twice through
//! links is checked once. Files no profile recognises are never opened: a walk reads only
//! folder listings and ignore files.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::clients;
use crate::pipeline::Input;

/// Every config below `dir`, in path order, and whatever could not be read on the way.
pub fn walk(dir: &Path) -> Vec<Input> {
    let mut builder = ignore::WalkBuilder::new(dir);
    builder
        .hidden(false)
        .follow_links(true)
        .sort_by_file_name(std::ffi::OsStr::cmp)
        .filter_entry(|e| e.file_name() != ".git");
    let mut seen = HashSet::new();
    let mut found = Vec::new();
    for result in builder.build() {
        match result {
            Ok(entry) => {
                if entry.file_type().is_some_and(|t| t.is_dir()) {
                    continue;
                }
                let path = shown(entry.path(), dir);
                if clients::recognised(&path.to_string_lossy()).is_none() {
                    continue;
                }
                // Through two links, one file: checked once.
                if let Ok(real) = std::fs::canonicalize(entry.path())
                    && !seen.insert(real)
                {
                    continue;
                }
                found.push(Input::Found {
                    path,
                    client: None,
                    error: None,
                });
            }
            Err(err) => found.extend(problem(&err, dir)),
        }
    }
    found
}

/// A path as the user will read it: without the `./` the walk of `.` puts before it.
fn shown(path: &Path, dir: &Path) -> PathBuf {
    if dir == Path::new(".") {
        path.strip_prefix(".").unwrap_or(path).to_path_buf()
    } else {
        path.to_path_buf()
    }
}

/// What the walk could not read, as an input that becomes a `parse/unreadable` finding: a
/// loop, a folder it could not list, or a config it could not look at. Other errors (a
/// broken link no profile would read) are left alone.
fn problem(err: &ignore::Error, dir: &Path) -> Option<Input> {
    let (path, why) = explain(err)?;
    let recognised = clients::recognised(&path.to_string_lossy()).is_some();
    let is_dir = std::fs::symlink_metadata(&path).is_ok_and(|m| m.is_dir());
    let is_loop = why.contains("symbolic link loop");
    if !(recognised || is_dir || is_loop) {
        return None;
    }
    let why = if is_dir && !is_loop {
        format!("the folder could not be searched for configs: {why}")
    } else {
        why
    };
    Some(Input::Found {
        path: shown(&path, dir),
        client: None,
        error: Some(why),
    })
}

/// The path an error is about, and why.
fn explain(err: &ignore::Error) -> Option<(PathBuf, String)> {
    match err {
        ignore::Error::WithPath { path, err } => match explain(err) {
            Some((inner, why)) if !inner.as_os_str().is_empty() => Some((inner, why)),
            Some((_, why)) => Some((path.clone(), why)),
            None => None,
        },
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            explain(err)
        }
        ignore::Error::Partial(errs) => errs.first().and_then(explain),
        ignore::Error::Loop { ancestor, child } => Some((
            child.clone(),
            format!(
                "a symbolic link loop: it leads back to {}, a folder that contains it; \
                 followed once, not again",
                ancestor.display()
            ),
        )),
        ignore::Error::Io(e) => {
            // walkdir's "IO error for operation on PATH: why": the path is given apart.
            let text = e.to_string();
            let why = match text.strip_prefix("IO error for operation on ") {
                Some(rest) => rest.rsplit_once(": ").map_or(rest, |(_, why)| why),
                None => &text,
            };
            if why.contains("Too many levels of symbolic links") {
                return Some((PathBuf::new(), format!("a symbolic link loop ({why})")));
            }
            Some((PathBuf::new(), why.to_owned()))
        }
        // Errors of ignore files and globs: not about a config.
        _ => None,
    }
}
