//! Claude Desktop (the chat app): `claude_desktop_config.json` in the app's config folder.
//! Closed source; a single user-level file of stdio servers, nothing expanded in it.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// https://modelcontextprotocol.io/docs/develop/connect-local-servers (Anthropic-maintained;
/// modelcontextprotocol/modelcontextprotocol docs/docs/develop/connect-local-servers.mdx@2058728385da440bf9424952bb7287a8b9f08194).
const LOCAL: &str = "https://modelcontextprotocol.io/docs/develop/connect-local-servers";
/// Remote servers are "custom connectors", not entries of this file (mirrored at
/// thevibeworks/claude-code-docs content/support/11175166-get-started-with-custom-connectors-using-remote-mcp.md@3f1ef7c2860523314e2c1b07d95f1db5235f66b1).
const CONNECTORS: &str = "https://support.claude.com/en/articles/11175166-get-started-with-custom-connectors-using-remote-mcp";
/// Not a primary source: an issue reporting that env vars are not expanded, and the
/// ENOENT `${APPDATA}` fix in LOCAL (write the expanded path into `env`).
const NO_EXPANSION: &str = "https://github.com/modelcontextprotocol/servers/issues/1039 (issue; no Anthropic doc on expansion)";

/// The config folder per system: LOCAL gives macOS and Windows. Linux is what VS Code's
/// discovery adapter reads (`$XDG_CONFIG_HOME` or `~/.config`, then `Claude/`): Anthropic
/// documents no Linux path.
const VSC_NATIVE: &str = "microsoft/vscode src/vs/workbench/contrib/mcp/common/discovery/nativeMcpDiscoveryAdapters.ts@cf89be79477f13bc85abe57a4643fe7ca2ae977c (ClaudeDesktopMpcDiscoveryAdapter)";

pub static CLAUDE_DESKTOP: Client = Client {
    id: "claude-desktop",
    name: "Claude Desktop",
    mode: Mode::Direct,
    // LOCAL: macOS `~/Library/Application Support/Claude/`, Windows `%APPDATA%\Claude\`. The
    // Linux path (`~/.config/Claude/`) is only what VS Code's discovery adapter reads.
    files: Fact::cited(&["claude_desktop_config.json"], LOCAL),
    // LOCAL examples.
    roots: Fact::cited(&["mcpServers"], LOCAL),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, LOCAL),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], LOCAL),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], LOCAL),
    // Not documented; a third-party guide (mcpbundles.com/blog/claude-desktop-mcp) reports a
    // trailing comma made the app ignore the file: treated as strict JSON.
    comments: Fact::unconfirmed(
        false,
        "https://mcpbundles.com/blog/claude-desktop-mcp (third-party)",
    ),
    // No `type` is documented; the file only starts stdio servers (LOCAL, CONNECTORS).
    transports: Fact::unconfirmed(&[("stdio", Kind::Stdio)], LOCAL),
    // CONNECTORS: remote servers are added in Settings → Connectors; "Local MCP servers
    // configured in Claude Desktop via claude_desktop_config.json are a separate mechanism".
    // Whether a `url` entry is ignored or rejected is not stated.
    untyped: Fact::cited(Untyped::StdioOnly, CONNECTORS),
    writes_type: Fact::cited(false, CONNECTORS),
    url_fields: Fact::cited(&[], CONNECTORS),
    // LOCAL examples: `command`, `args`, `env`. `cwd`, `type`, `disabled` are not documented.
    fields: Fact::cited(&["command", "args", "env"], LOCAL),
    // No expansion documented; NO_EXPANSION: `${VAR}` reaches the server as written.
    grammar: Fact::unconfirmed(Grammar::NONE, NO_EXPANSION),
    expands_in: Fact::unconfirmed(&[], NO_EXPANSION),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], NO_EXPANSION),
    predefined: Fact::unconfirmed(&[], NO_EXPANSION),
    // Nothing is looked up; no `.env`, no `envFile`.
    lookup: Fact::unconfirmed(
        Lookup {
            process: false,
            dotenv: false,
            env_file_field: None,
        },
        NO_EXPANSION,
    ),
    // No reference syntax: a fix must not rewrite a secret to `${VAR}` (it would be passed
    // literally); suggest a wrapper script, a `.mcpb` extension's sensitive `user_config`,
    // or Claude Code instead.
    reference: Fact::unconfirmed(Reference::None, NO_EXPANSION),
    // User configs, per system (`check --user`).
    user: UserFiles {
        linux: &[Fact::unconfirmed(
            Place::at(Base::XdgConfig, "Claude/claude_desktop_config.json"),
            VSC_NATIVE,
        )],
        macos: &[Fact::cited(
            Place::at(Base::AppSupport, "Claude/claude_desktop_config.json"),
            LOCAL,
        )],
        windows: &[Fact::cited(
            Place::at(Base::AppData, "Claude/claude_desktop_config.json"),
            LOCAL,
        )],
    },
    state_files: &[],
};
