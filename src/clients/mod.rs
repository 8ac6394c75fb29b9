//! The client registry: which program reads a config file, and how it reads it.
//!
//! One file per client. Every fact a rule relies on is a [`Fact`]: the value, where it comes
//! from (the client's documentation or source code, cited as precisely as it was read), and
//! whether it was confirmed there. A rule that rests on an unconfirmed fact never reports
//! more than `info` (see [`Fact::cap`]).
//!
//! Two modes: a file a client reads directly is judged by that client's rules (its root key,
//! fields, transports, and the references it expands). A *template* is a file mcplint renders
//! (the hub's `mcp-servers.json` with its `.env`, `mcplint render`): it uses mcplint's full
//! `${VAR}` grammar, and what `render --to` writes is judged as its target client reads it.

pub mod amazon_q;
pub mod claude_code;
pub mod claude_desktop;
pub mod cline;
pub mod codex;
pub mod continue_dev;
pub mod copilot_cli;
pub mod cursor;
pub mod gemini_cli;
pub mod generic;
pub mod goose;
pub mod kiro;
pub mod mcp_hub;
mod model;
mod places;
pub mod roo;
pub mod template;
pub mod vscode;
pub mod windsurf;
pub mod zed;

pub use model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, StateFile, Untyped, UserFiles,
};
pub use places::{Base, Os, Place};

/// Every client, in the order `mcplint clients` lists them; `generic` last, as the fallback.
pub static CLIENTS: &[&Client] = &[
    &template::TEMPLATE,
    &claude_code::CLAUDE_CODE,
    &claude_desktop::CLAUDE_DESKTOP,
    &vscode::VSCODE,
    &cursor::CURSOR,
    &windsurf::WINDSURF,
    &cline::CLINE,
    &roo::ROO,
    &gemini_cli::GEMINI_CLI,
    &kiro::KIRO,
    &copilot_cli::COPILOT_CLI,
    &amazon_q::AMAZON_Q,
    &codex::CODEX,
    &zed::ZED,
    &continue_dev::CONTINUE,
    &goose::GOOSE,
    &mcp_hub::MCP_HUB,
    &generic::GENERIC,
];

/// How the client of each config is chosen: `--client`, then a `"clients"` glob of
/// `.mcplint.json` (the last that matches), then its `"client"`, then the path.
#[derive(Debug, Clone, Default)]
pub struct ClientChoice {
    /// `--client`: every config.
    pub forced: Option<&'static Client>,
    /// `"clients"`: globs, matched against the path as given and relative to `base`.
    pub globs: Vec<(globset::GlobMatcher, &'static Client)>,
    /// The folder of the settings file.
    pub base: Option<std::path::PathBuf>,
    /// `"client"`.
    pub default: Option<&'static Client>,
}

impl ClientChoice {
    pub fn for_path(&self, path: &str) -> &'static Client {
        if let Some(client) = self.forced {
            return client;
        }
        let relative = self.base.as_deref().and_then(|base| {
            let abs = std::path::Path::new(path).canonicalize().ok()?;
            abs.strip_prefix(base)
                .ok()
                .map(std::path::Path::to_path_buf)
        });
        self.globs
            .iter()
            .rev()
            .find(|(glob, _)| {
                glob.is_match(path) || relative.as_ref().is_some_and(|r| glob.is_match(r))
            })
            .map(|(_, c)| *c)
            .or(self.default)
            .unwrap_or_else(|| for_path(path))
    }
}

/// The client with this id.
pub fn find(id: &str) -> Option<&'static Client> {
    CLIENTS.iter().copied().find(|c| c.id == id)
}

/// The client whose files `path` looks like; `generic` when none.
pub fn for_path(path: &str) -> &'static Client {
    recognised(path).unwrap_or(&generic::GENERIC)
}

/// The client whose files `path` looks like, if one's do: what `check DIR` checks.
pub fn recognised(path: &str) -> Option<&'static Client> {
    // The longest matching suffix wins: `.kiro/settings/mcp.json` over a bare `mcp.json`.
    let path = path.replace('\\', "/");
    CLIENTS
        .iter()
        .copied()
        .filter_map(|c| Some((c.matches_path(&path)?, c)))
        .max_by_key(|(len, _)| *len)
        .map(|(_, c)| c)
}

/// Fields that mean the same in different clients' formats.
const SYNONYMS: &[&[&str]] = &[
    &["url", "serverUrl", "httpUrl", "uri"],
    &["command", "cmd"],
    &["env", "envs"],
    &["headers", "http_headers"],
    &["type", "transportType"],
    &["autoApprove", "alwaysAllow"],
    &["disabledTools", "disabled_tools"],
];

/// The field `client` reads for what another client calls `field`, if it reads one.
pub fn own_name_for(client: &Client, field: &str) -> Option<&'static str> {
    let group = SYNONYMS.iter().find(|g| g.contains(&field))?;
    group
        .iter()
        .copied()
        .find(|f| *f != field && client.reads(f))
}

/// Every client that reads `field`, by name, for "`serverUrl` is Windsurf's" messages.
pub fn readers_of(field: &str) -> Vec<&'static Client> {
    CLIENTS
        .iter()
        .copied()
        .filter(|c| c.mode == Mode::Direct && c.id != "generic" && c.reads(field))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for c in CLIENTS {
            assert!(seen.insert(c.id), "{} twice", c.id);
            assert!(c.id.chars().all(|ch| ch.is_ascii_lowercase() || ch == '-'));
            assert!(!c.fields.source.is_empty(), "{} cites no source", c.id);
        }
        assert_eq!(CLIENTS.last().map(|c| c.id), Some("generic"));
    }

    #[test]
    fn files_are_recognised_by_their_path() {
        assert_eq!(for_path(".vscode/mcp.json").id, "vscode");
        assert_eq!(for_path("/home/me/project/.vscode/mcp.json").id, "vscode");
        assert_eq!(for_path(".mcp.json").id, "claude-code");
        assert_eq!(for_path("fixtures/x/mcp-servers.json").id, "template");
        assert_eq!(for_path("notes/mcp.json").id, "generic");
        assert_eq!(for_path("my.mcp.json").id, "generic");
        assert_eq!(for_path("/home/me/.codex/config.toml").id, "codex");
        assert_eq!(for_path("proj/.zed/settings.json").id, "zed");
        assert_eq!(for_path("/home/me/.config/zed/settings.json").id, "zed");
        assert_eq!(
            for_path("p/.continue/mcpServers/github.yaml").id,
            "continue"
        );
        assert_eq!(for_path("/home/me/.continue/config.yaml").id, "continue");
        assert_eq!(for_path("/home/me/.config/goose/config.yaml").id, "goose");
        assert_eq!(
            for_path("C:/Users/me/AppData/Roaming/Block/goose/config/config.yaml").id,
            "goose"
        );
    }
}
