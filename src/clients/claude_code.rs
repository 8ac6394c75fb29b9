//! Claude Code: the project's `.mcp.json`, `~/.claude.json` and the managed `managed-mcp.json`.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, StateFile, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// https://code.claude.com/docs/en/mcp (mirrored at ericbuess/claude-code-docs
/// docs/mcp.md@ec68a5b2d32cf44e913cb4a6ed35bb1cbc2cbdc9).
const MCP: &str = "https://code.claude.com/docs/en/mcp";
/// anthropics/claude-code CHANGELOG.md@5cfc0a1905ce0c0a9bd81d8a90fe6b62ff614357.
const CHANGELOG: &str =
    "anthropics/claude-code CHANGELOG.md@5cfc0a1905ce0c0a9bd81d8a90fe6b62ff614357";

/// `~/.claude.json` moves into `CLAUDE_CONFIG_DIR` when it is set (mcp-quickstart.md:128 of the
/// mirror; `%USERPROFILE%\.claude.json` on Windows).
const QUICKSTART: &str = "https://code.claude.com/docs/en/mcp-quickstart";
/// The managed file: macOS `/Library/Application Support/ClaudeCode/`, Linux and WSL
/// `/etc/claude-code/`, Windows `C:\Program Files\ClaudeCode\` (managed-mcp.md:59-65).
const MANAGED: &str = "https://code.claude.com/docs/en/managed-mcp";

/// `~/.claude.json`: user scope (top-level `mcpServers`, MCP "User scope") and local scope
/// (`projects.<path>.mcpServers`, MCP "Local scope"); it holds Claude Code's own state too.
const CLAUDE_JSON: Fact<Place> = Fact::cited(
    Place::at(Base::Home, ".claude.json").moved_by(&[("CLAUDE_CONFIG_DIR", ".claude.json")]),
    QUICKSTART,
);

pub static CLAUDE_CODE: Client = Client {
    id: "claude-code",
    name: "Claude Code",
    mode: Mode::Direct,
    // MCP "Project scope": `.mcp.json` at the project root; `managed-mcp.json` "uses the same
    // format" (https://code.claude.com/docs/en/managed-mcp); `~/.claude.json` holds the user and
    // local scopes (see `state_files`).
    files: Fact::cited(&[".mcp.json", "managed-mcp.json", ".claude.json"], MCP),
    // MCP examples; CHANGELOG 2.1.144: a `.mcp.json` with VS Code's `"servers"` key is a
    // configuration error.
    roots: Fact::cited(&["mcpServers"], CHANGELOG),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, CHANGELOG),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], CHANGELOG),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], CHANGELOG),
    // Not documented: read as strict JSON.
    comments: Fact::unconfirmed(false, MCP),
    // MCP: `stdio` (the default), `http` (`streamable-http` accepted as an alias), `sse`, `ws`.
    transports: Fact::cited(
        &[
            ("stdio", Kind::Stdio),
            ("http", Kind::Remote),
            ("streamable-http", Kind::Remote),
            ("sse", Kind::Remote),
            ("ws", Kind::Remote),
        ],
        MCP,
    ),
    // MCP: "Claude Code reads an entry with no `type` as a stdio server"; one with a "url" but
    // no "type" is a configuration error and is skipped (CHANGELOG 2.1.202).
    untyped: Fact::cited(Untyped::UrlNeedsType, MCP),
    // MCP examples write `type` on remote entries (required there, see `untyped`).
    // MCP: its examples write `type` on every entry; a URL without one is an error.
    writes_type: Fact::cited(true, MCP),
    url_fields: Fact::cited(&["url"], MCP),
    // MCP: command, args, env; url, headers, headersHelper, oauth; timeout, alwaysLoad.
    fields: Fact::cited(
        &[
            "type",
            "command",
            "args",
            "env",
            "url",
            "headers",
            "headersHelper",
            "oauth",
            "timeout",
            "alwaysLoad",
        ],
        MCP,
    ),
    // MCP "Environment variable expansion in .mcp.json": `${VAR}` and `${VAR:-default}` only.
    grammar: Fact::cited(
        Grammar {
            braced: true,
            env_prefix: false,
            default: true,
            all_operators: false,
            bare: false,
            dollar_escape: false,
            inputs: false,
            command: false,
            secrets: false,
        },
        MCP,
    ),
    // MCP: expanded in `command`, `args`, `env`, `url`, `headers`. `headersHelper` is a
    // command run by a shell, which expands its own variables.
    expands_in: Fact::cited(&["command", "args", "env", "url", "headers"], MCP),
    // MCP: plugin configs substitute `${CLAUDE_PLUGIN_ROOT}` and `${CLAUDE_PROJECT_DIR}`.
    // MCP "headersHelper": a command run by the shell, whose output is the headers.
    shell_fields: Fact::cited(&["headersHelper"], MCP),
    predefined: Fact::cited(&["CLAUDE_PLUGIN_ROOT", "CLAUDE_PROJECT_DIR"], MCP),
    // MCP: the environment of the Claude Code process; no `.env` and no `envFile` are read.
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: None,
        },
        MCP,
    ),
    // MCP: `"Authorization": "Bearer ${API_KEY}"`, with `API_KEY` exported.
    reference: Fact::cited(Reference::Braced, MCP),
    // User configs, per system (`check --user`).
    user: UserFiles {
        linux: &[
            CLAUDE_JSON,
            Fact::cited(
                Place::at(Base::Root, "/etc/claude-code/managed-mcp.json"),
                MANAGED,
            ),
        ],
        macos: &[
            CLAUDE_JSON,
            Fact::cited(
                Place::at(
                    Base::Root,
                    "/Library/Application Support/ClaudeCode/managed-mcp.json",
                ),
                MANAGED,
            ),
        ],
        windows: &[
            CLAUDE_JSON,
            Fact::cited(
                Place::at(Base::ProgramFiles, "ClaudeCode/managed-mcp.json"),
                MANAGED,
            ),
        ],
    },
    // settings.md:505: "a state file Claude Code writes itself" (OAuth, trust, per-project
    // state); MCP "Local scope": servers under `projects.<absolute path>.mcpServers`.
    state_files: &[Fact::cited(
        StateFile {
            file: ".claude.json",
            nested: Some("projects"),
        },
        "https://code.claude.com/docs/en/settings; https://code.claude.com/docs/en/mcp",
    )],
};
