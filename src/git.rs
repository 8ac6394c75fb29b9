//! What git says of a file, asked of the git CLI: the one place mcplint runs a subprocess.

use std::path::Path;

/// Where a file stands with git.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// Ignored (`.gitignore` or another exclude file lists it).
    Ignored,
    /// Untracked and not ignored: one `git add .` away from being committed.
    NotIgnored,
    /// Tracked, changed or not.
    Tracked,
}

/// The status of the file at `path`; `None` when git is missing, fails, or the file is
/// outside a work tree.
pub fn status(path: &Path) -> Option<Status> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    let name = path.file_name()?;
    // Most runs are outside a repository or in one: look for `.git` before spawning git.
    let absolute = dir.canonicalize().ok()?;
    if !absolute.ancestors().any(|a| a.join(".git").exists()) {
        return None;
    }
    // One call: `??` untracked and not ignored, `!!` ignored, nothing or a change: tracked.
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "status",
            "--porcelain=v1",
            "--ignored=matching",
            "--untracked-files=all",
            "--",
        ])
        .arg(name)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let status = String::from_utf8_lossy(&output.stdout);
    Some(if status.starts_with("!!") {
        Status::Ignored
    } else if status.starts_with("??") {
        Status::NotIgnored
    } else {
        Status::Tracked
    })
}
