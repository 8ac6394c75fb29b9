//! Where configs come from, and reading them within a size limit.

use std::io::Read;
use std::path::{Path as FsPath, PathBuf};

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
    Path(PathBuf),
    Stdin,
}

impl Input {
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) => p.display().to_string(),
            Input::Stdin => "<stdin>".to_owned(),
        }
    }

    /// The folder whose `.env` the config uses: its own, or the current one for stdin.
    pub fn dir(&self) -> PathBuf {
        match self {
            Input::Path(p) => p.parent().map(FsPath::to_path_buf).unwrap_or_default(),
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
        Input::Path(path) => {
            let file = std::fs::File::open(path)?;
            let size = file.metadata()?.len();
            if size > limit {
                return Ok(Err(size));
            }
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
