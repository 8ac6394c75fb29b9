//! Cursor: `.cursor/mcp.json` in a project and `~/.cursor/mcp.json`.
//!
//! Closed source, and only the intro and transport table of its MCP page could be read: almost
//! every fact here is unconfirmed (a third-party note quoting the page, or VS Code's reader of
//! Cursor files), so no rule resting on it reports more than `info`.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// https://cursor.com/docs/mcp: only the intro and the transport table were read.
const DOC: &str = "https://cursor.com/docs/mcp";
/// The same page as quoted by a third-party note ("MCP hosts: how a local stdio server receives
/// environment variables", accessed 2026-09-25); quotes not checked against the page.
const QUOTE: &str = "cursor.com/docs/mcp as quoted by a third-party note (2026-09-25), unchecked";
/// VS Code's reader of Cursor files (`CursorDesktopMpcDiscoveryAdapter`): not Cursor's code.
const VSC_NATIVE: &str = "microsoft/vscode src/vs/workbench/contrib/mcp/common/discovery/nativeMcpDiscoveryAdapters.ts@cf89be79477f13bc85abe57a4643fe7ca2ae977c";

pub static CURSOR: Client = Client {
    id: "cursor",
    name: "Cursor",
    mode: Mode::Direct,
    // QUOTE: "Create .cursor/mcp.json in your project" / "~/.cursor/mcp.json in your home
    // directory"; VSC_NATIVE reads `~/.cursor/mcp.json` on every OS.
    files: Fact::unconfirmed(&[".cursor/mcp.json"], QUOTE),
    // Every example; VSC_NATIVE reads `parsed.mcpServers`.
    roots: Fact::unconfirmed(&["mcpServers"], VSC_NATIVE),
    // A map of servers keyed by name.
    servers: Fact::unconfirmed(Servers::Map, VSC_NATIVE),
    // No field of an entry is required beyond its transport's.
    required: Fact::unconfirmed(&[], VSC_NATIVE),
    // Nothing at the top level is required.
    preamble: Fact::unconfirmed(&[], VSC_NATIVE),
    // Not found in any source: assumed strict JSON.
    comments: Fact::unconfirmed(false, DOC),
    // DOC's table names stdio, SSE and Streamable HTTP, but no `type` values. QUOTE shows
    // `"type": "stdio"`; third-party configs write `http`, `streamable-http`, `sse`.
    transports: Fact::unconfirmed(
        &[
            ("stdio", Kind::Stdio),
            ("sse", Kind::Remote),
            ("http", Kind::Remote),
            ("streamable-http", Kind::Remote),
        ],
        QUOTE,
    ),
    // Not documented; VSC_NATIVE: `url` → HTTP, else stdio; common practice agrees.
    untyped: Fact::unconfirmed(Untyped::Infer, VSC_NATIVE),
    writes_type: Fact::cited(false, VSC_NATIVE),
    url_fields: Fact::unconfirmed(&["url"], QUOTE),
    // QUOTE: stdio `type`, `command`, `args`, `env`, `envFile`; remote `url`, `headers`.
    // `auth` (static OAuth client) is from third-party pages (pipeshub, mittwald).
    fields: Fact::unconfirmed(
        &[
            "type", "command", "args", "env", "envFile", "url", "headers", "auth",
        ],
        QUOTE,
    ),
    // QUOTE: `${env:NAME}` and the predefined variables below; `${NAME}` and `$NAME` are not in
    // the list (presumably literal). Older Cursor (≤ 0.4x) expanded nothing.
    grammar: Fact::unconfirmed(
        Grammar {
            braced: false,
            env_prefix: true,
            default: false,
            all_operators: false,
            bare: false,
            dollar_escape: false,
            inputs: false,
            command: false,
            secrets: false,
        },
        QUOTE,
    ),
    // QUOTE: "Cursor resolves variables in these fields: command, args, env, url, and headers."
    expands_in: Fact::unconfirmed(&["command", "args", "env", "url", "headers"], QUOTE),
    // QUOTE: `${workspaceFolder}` is the folder that contains `.cursor/mcp.json`.
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], QUOTE),
    predefined: Fact::unconfirmed(
        &[
            "userHome",
            "workspaceFolder",
            "workspaceFolderBasename",
            "pathSeparator",
            "/",
        ],
        QUOTE,
    ),
    // QUOTE: Cursor's own environment; `envFile` (stdio only) loads a dotenv file into the
    // server's environment. Undefined `${env:X}`: not documented.
    lookup: Fact::unconfirmed(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: Some("envFile"),
        },
        QUOTE,
    ),
    // QUOTE's example: `"env": { "API_KEY": "${env:API_KEY}" }`.
    reference: Fact::unconfirmed(Reference::EnvPrefix, QUOTE),
    // User configs (`check --user`): "Create ~/.cursor/mcp.json in your home directory"
    // (QUOTE); VSC_NATIVE reads `homedir/.cursor/mcp.json` on every system.
    user: UserFiles::everywhere(&[Fact::unconfirmed(
        Place::at(Base::Home, ".cursor/mcp.json"),
        QUOTE,
    )]),
    state_files: &[],
};
