//! `mcplint render`: the config with every reference resolved, written safely.

use std::io::Write;
use std::path::Path;

use serde_json::Value;

use crate::check::{self, Input, Options, Report};
use crate::registry::Severity;

#[derive(Debug, Clone, Default)]
pub struct RenderOptions {
    pub check: Options,
    /// Replace every value that holds a secret with `***`.
    pub redact: bool,
    /// Leave out the servers marked `"disabled": true`.
    pub drop_disabled: bool,
    /// Convert to another client's format.
    pub to: Option<crate::convert::Target>,
    /// With `to`: keep references instead of resolving them.
    pub keep_vars: bool,
}

/// Checks `input` and, when nothing is an error, returns the resolved config as text:
/// same shape and key order, two-space indentation, a final newline.
/// `adjust` runs on the findings before they decide (suppressions, settings).
pub fn render(
    input: &Input,
    options: &RenderOptions,
    adjust: &mut dyn FnMut(&mut Report),
) -> (Report, Option<String>) {
    let mut check = options.check.clone();
    check.keep_resolved = true;
    let mut report = check::check_inputs(std::slice::from_ref(input), &check);
    adjust(&mut report);
    let failed = !report.read_errors.is_empty() || report.count(Severity::Error) > 0;
    let Some(resolved) = report.resolved.pop().filter(|_| !failed) else {
        return (report, None);
    };
    let resolved_root = resolved.root;
    let mut root = match (options.keep_vars, resolved.raw) {
        (true, Some(raw)) => raw,
        _ => resolved_root.clone(),
    };
    if options.drop_disabled
        && let Some(servers) = check::servers_in_mut(&mut root)
    {
        servers.retain(|_, entry| entry.get("disabled") != Some(&Value::Bool(true)));
    }
    if options.redact {
        for pointer in &resolved.secrets {
            if let Some(value @ Value::String(_)) = root.pointer_mut(pointer) {
                *value = Value::String("***".to_owned());
            }
        }
    }
    if let Some(target) = options.to {
        let converted = crate::convert::convert(&root, &resolved_root, target, options.keep_vars);
        root = converted.root;
        report.conversion_warnings = converted.warnings;
    }
    let mut text = serde_json::to_string_pretty(&root).unwrap_or_default();
    text.push('\n');
    (report, Some(text))
}

/// Why `-o` did not write.
#[derive(Debug)]
pub enum WriteError {
    /// The output is the input file.
    SameAsInput,
    /// The output is a symbolic link.
    Symlink,
    Io(std::io::Error),
}

impl std::fmt::Display for WriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            WriteError::SameAsInput => f.write_str(
                "the output is the input file: rendering over it would replace every reference \
                 with its value; choose another path",
            ),
            WriteError::Symlink => f.write_str(
                "it is a symbolic link; mcplint writes only regular files: give the path it \
                 points to",
            ),
            WriteError::Io(e) => write!(f, "{e}"),
        }
    }
}

/// True when `out` names the same file as `input` (or would, once created).
pub fn same_file(out: &Path, input: &Path) -> bool {
    let Ok(input) = input.canonicalize() else {
        return false;
    };
    if let Ok(out) = out.canonicalize() {
        return out == input;
    }
    let parent = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    match (parent.canonicalize(), out.file_name()) {
        (Ok(dir), Some(name)) => dir.join(name) == input,
        _ => false,
    }
}

/// Writes `contents` to `out` atomically, with mode 0600: a temporary file in the same folder,
/// flushed to disk, then renamed over `out`. On any failure `out` is left as it was.
pub fn write_atomic(out: &Path, contents: &str, input: Option<&Path>) -> Result<(), WriteError> {
    if input.is_some_and(|input| same_file(out, input)) {
        return Err(WriteError::SameAsInput);
    }
    // Never through a symbolic link: the rename would replace the link, or the write would
    // land wherever it points.
    if std::fs::symlink_metadata(out).is_ok_and(|m| m.file_type().is_symlink()) {
        return Err(WriteError::Symlink);
    }
    let dir = match out.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let mut tmp = tempfile::Builder::new()
        .prefix(".mcplint-render-")
        .tempfile_in(dir)
        .map_err(WriteError::Io)?;
    set_private(tmp.as_file()).map_err(WriteError::Io)?;
    tmp.write_all(contents.as_bytes()).map_err(WriteError::Io)?;
    tmp.as_file().sync_all().map_err(WriteError::Io)?;
    tmp.persist(out).map_err(|e| WriteError::Io(e.error))?;
    // The rename itself is durable once the folder is synced; not every system allows it.
    if let Ok(d) = std::fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

#[cfg(unix)]
fn set_private(file: &std::fs::File) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    file.set_permissions(std::fs::Permissions::from_mode(0o600))
}

#[cfg(not(unix))]
fn set_private(_: &std::fs::File) -> std::io::Result<()> {
    Ok(())
}

/// For `--check`: `None` when `existing` equals `fresh`, else the first line that differs.
pub fn first_difference(existing: &str, fresh: &str) -> Option<usize> {
    if existing == fresh {
        return None;
    }
    let mut a = existing.lines();
    let mut b = fresh.lines();
    let mut line = 1;
    loop {
        match (a.next(), b.next()) {
            (Some(x), Some(y)) if x == y => line += 1,
            _ => return Some(line),
        }
    }
}
