//! `check --user`: the current user's configs of every client, at the places its profile
//! gives for the system (`Client::user`), worked out from the environment so that a fake home
//! (`HOME`, `XDG_CONFIG_HOME`, `APPDATA`, `USERPROFILE`, `CODEX_HOME`, ...) stands in.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use crate::clients::{CLIENTS, Client, Os, Place};
use crate::pipeline::{Input, Looked};

/// Every place looked in (found or not), and the configs to check, in the registry's order.
pub fn find(os: Os, var: &dyn Fn(&str) -> Option<OsString>) -> (Vec<Looked>, Vec<Input>) {
    let mut looked = Vec::new();
    let mut inputs = Vec::new();
    for client in CLIENTS.iter().copied() {
        for place in client.user.on(os) {
            look(client, &place.value, os, var, &mut looked, &mut inputs);
        }
    }
    (looked, inputs)
}

fn look(
    client: &'static Client,
    place: &Place,
    os: Os,
    var: &dyn Fn(&str) -> Option<OsString>,
    looked: &mut Vec<Looked>,
    inputs: &mut Vec<Input>,
) {
    let Some(path) = place.resolve(os, var) else {
        looked.push(Looked {
            client,
            path: format!(
                "{} (no home folder: {} is not set)",
                place.path,
                home_var(os)
            ),
            found: false,
        });
        return;
    };
    let files = if place.is_folder() {
        folder(client, &path)
    } else if exists(&path) {
        vec![path.clone()]
    } else {
        Vec::new()
    };
    if files.is_empty() {
        let slash = if place.is_folder() { "/" } else { "" };
        looked.push(Looked {
            client,
            path: format!("{}{slash}", path.display()),
            found: false,
        });
    }
    for file in files {
        looked.push(Looked {
            client,
            path: file.display().to_string(),
            found: true,
        });
        inputs.push(Input::Found {
            path: file,
            client: Some(client),
            error: None,
        });
    }
}

/// The variable the home folder comes from on `os`.
fn home_var(os: Os) -> &'static str {
    match os {
        Os::Windows => "USERPROFILE",
        Os::Linux | Os::Macos => "HOME",
    }
}

/// Whether something is at `path`: a file, but also a folder, a FIFO or a broken link (read
/// as a finding, never skipped), or a place that cannot be looked at (no permission).
fn exists(path: &Path) -> bool {
    match std::fs::symlink_metadata(path) {
        Ok(_) => true,
        Err(e) => e.kind() != std::io::ErrorKind::NotFound,
    }
}

/// The files of a folder of configs whose names `client` recognises (the last segment of one
/// of its patterns: `*.yaml` of `.continue/mcpServers/*.yaml`, wherever a variable moved the
/// folder), in name order.
fn folder(client: &Client, dir: &Path) -> Vec<PathBuf> {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Vec::new();
    };
    let named = |name: &str| {
        client.files.value.iter().any(|pattern| {
            let folder = pattern.rsplit_once('/').map_or("", |(folder, _)| folder);
            client.matches_path(&format!("{folder}/{name}")).is_some()
        })
    };
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .filter(|e| named(&e.file_name().to_string_lossy()))
        .map(|e| e.path())
        .collect();
    files.sort();
    files
}
