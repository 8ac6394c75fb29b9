//! Where configs come from, and reading them within a size limit.

use std::io::Read;
use std::path::{Path as FsPath, PathBuf};

use crate::clients::Client;

/// Config file names looked for when `check` is given no file, in this order.
pub const DEFAULT_NAMES: &[&str] = &[
    "mcp-servers.json",
    "mcp-servers.jsonc",
    ".mcp.json",
    "mcp.json",
    ".vscode/mcp.json",
    ".cursor/mcp.json",
    "claude_desktop_config.json",
    "cline_mcp_settings.json",
    "mcp_config.json",
];

/// The first of [`DEFAULT_NAMES`] that exists in `dir`.
pub fn find_default_config(dir: &FsPath) -> Option<PathBuf> {
    DEFAULT_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
        .map(|p| p.strip_prefix(dir).map(FsPath::to_path_buf).unwrap_or(p))
}

/// Where a config comes from.
#[derive(Debug, Clone)]
pub enum Input {
    /// A file named on the command line: one that cannot be read fails the run (exit 2).
    Path(PathBuf),
    Stdin,
    /// A file found by a folder's walk or at a client's place (`check DIR`, `check --user`):
    /// read as `client` when it is given (else as its path says), and one that cannot be read
    /// is a finding (`parse/unreadable`), not a failure of the run.
    Found {
        path: PathBuf,
        client: Option<&'static Client>,
        /// Why it cannot be read, when that is known without opening it (a loop).
        error: Option<String>,
    },
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) | Input::Found { path: p, .. } => p.display().to_string(),
            Input::Stdin => "<stdin>".to_owned(),
        }
    }

    /// A folder found by a walk (that could not be searched), not a config.
    pub fn is_folder(&self) -> bool {
        matches!(self, Input::Found { path, client: None, error: Some(_) } if path.is_dir())
    }

    /// The folder whose `.env` the config uses: its own, or the current one for stdin.
    pub fn dir(&self) -> PathBuf {
        match self {
            Input::Path(p) | Input::Found { path: p, .. } => {
                p.parent().map(FsPath::to_path_buf).unwrap_or_default()
            }
            Input::Stdin => PathBuf::new(),
        }
    }
}

/// The size limit when none is given: far above any MCP config, far below a machine's memory.
pub const DEFAULT_MAX_FILE_SIZE: u64 = 64 * 1024 * 1024;

/// The input's bytes, or `Ok(Err(size))` when it is over `limit` (it is then not read whole).
pub(super) fn read_input(input: &Input, limit: u64) -> std::io::Result<Result<Vec<u8>, u64>> {
    let mut buf = Vec::new();
    let read = match input {
        Input::Path(path) | Input::Found { path, .. } => {
            if let Input::Found { error: Some(e), .. } = input {
                return Err(std::io::Error::other(e.clone()));
            }
            if matches!(input, Input::Found { .. }) {
                // Never opened unless it is a regular file: a FIFO would block the run.
                let meta = std::fs::metadata(path)?;
                if !meta.is_file() {
                    return Err(std::io::Error::other(not_a_file(&meta)));
                }
            }
            trace_open(path);
            let file = std::fs::File::open(path)?;
            let size = file.metadata()?.len();
            if size > limit {
                return Ok(Err(size));
            }
            // Sized once, one byte more to see the end (grown by doubling, a 4.7 MB file got
            // an 8 MB buffer in 18 steps).
            buf.reserve_exact(usize::try_from(size).map_or(0, |n| n.saturating_add(1)));
            file.take(limit + 1).read_to_end(&mut buf)?
        }
        Input::Stdin => std::io::stdin()
            .lock()
            .take(limit + 1)
            .read_to_end(&mut buf)?,
    };
    if read as u64 > limit {
        return Ok(Err(read as u64));
    }
    Ok(Ok(buf))
}

/// What a path that is not a regular file is.
fn not_a_file(meta: &std::fs::Metadata) -> &'static str {
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        let t = meta.file_type();
        if t.is_fifo() {
            return "it is a FIFO (named pipe), not a file";
        }
        if t.is_socket() {
            return "it is a socket, not a file";
        }
        if t.is_block_device() || t.is_char_device() {
            return "it is a device, not a file";
        }
    }
    if meta.is_dir() {
        "it is a folder, not a file"
    } else {
        "it is not a regular file"
    }
}

/// A test hook, compiled only into the test suite's build: every config opened is appended
/// to the file `MCPLINT_TRACE_OPENS` names, so a test can see what a walk read.
#[cfg(feature = "fault-injection")]
fn trace_open(path: &FsPath) {
    use std::io::Write;
    if let Some(trace) = std::env::var_os("MCPLINT_TRACE_OPENS")
        && let Ok(mut f) = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(trace)
    {
        let _ = writeln!(f, "{}", path.display());
    }
}

#[cfg(not(feature = "fault-injection"))]
fn trace_open(_: &FsPath) {}
