//! Writing files safely: atomically (a temporary file in the same folder, flushed, renamed),
//! private (mode 0600), never through a symbolic link and never over the input.

use std::io::Write;
use std::path::Path;

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
    write_atomic_with(out, contents, input, None)
}

/// [`write_atomic`], with `permissions` (when given) set on the temporary file instead of
/// 0600, before the rename: replacing a file keeps its mode without changing it afterwards.
pub fn write_atomic_with(
    out: &Path,
    contents: &str,
    input: Option<&Path>,
    permissions: Option<std::fs::Permissions>,
) -> Result<(), WriteError> {
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
    match permissions {
        Some(p) => tmp.as_file().set_permissions(p),
        None => set_private(tmp.as_file()),
    }
    .map_err(WriteError::Io)?;
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
