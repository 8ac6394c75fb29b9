//! Windsurf (Cascade): the user-level `~/.codeium/windsurf/mcp_config.json`; no project file.
//!
//! Closed source, and only translated intros of its MCP page could be read: most facts here
//! are unconfirmed (a third-party note quoting the page, VS Code's reader of Windsurf files).

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// https://docs.windsurf.com/windsurf/cascade/mcp, read as its translation
/// https://docs.windsurf.com/zh/windsurf/cascade/mcp.md (intro only).
const DOC: &str = "https://docs.windsurf.com/windsurf/cascade/mcp (zh translation, intro only)";
/// The page (now https://docs.devin.ai/desktop/cascade/mcp) as quoted by a third-party note
/// ("MCP hosts: how a local stdio server receives environment variables", 2026-09-25).
const QUOTE: &str =
    "docs.devin.ai/desktop/cascade/mcp as quoted by a third-party note (2026-09-25), unchecked";
/// VS Code's reader of Windsurf files (`~/.codeium/windsurf/mcp_config.json` on every OS).
const VSC_NATIVE: &str = "microsoft/vscode src/vs/workbench/contrib/mcp/common/discovery/nativeMcpDiscoveryAdapters.ts@cf89be79477f13bc85abe57a4643fe7ca2ae977c";

/// The JetBrains plugin's file, `~/.codeium/mcp_config.json` (read as its translation,
/// https://docs.windsurf.com/zh/plugins/cascade/mcp.md).
const PLUGIN_DOC: &str = "https://docs.windsurf.com/plugins/cascade/mcp (zh translation)";

pub static WINDSURF: Client = Client {
    id: "windsurf",
    name: "Windsurf",
    mode: Mode::Direct,
    // VSC_NATIVE and vendor docs: the editor's file. The JetBrains plugin reads
    // `~/.codeium/mcp_config.json` (https://docs.windsurf.com/zh/plugins/cascade/mcp.md,
    // translated). QUOTE: Devin Desktop's "legacy Cascade agent" reads `~/.config/devin/` (or
    // `%APPDATA%\devin\`) `mcp_config.json`. No project-level file found.
    files: Fact::unconfirmed(
        &[
            ".codeium/windsurf/mcp_config.json",
            ".codeium/mcp_config.json",
            "devin/mcp_config.json",
        ],
        VSC_NATIVE,
    ),
    // Every example; VSC_NATIVE reads `mcpServers`.
    roots: Fact::unconfirmed(&["mcpServers"], VSC_NATIVE),
    // A map of servers keyed by name.
    servers: Fact::unconfirmed(Servers::Map, VSC_NATIVE),
    // No field of an entry is required beyond its transport's.
    required: Fact::unconfirmed(&[], VSC_NATIVE),
    // Nothing at the top level is required.
    preamble: Fact::unconfirmed(&[], VSC_NATIVE),
    // Not found in any source: assumed strict JSON.
    comments: Fact::unconfirmed(false, DOC),
    // DOC (primary, translated): stdio, Streamable HTTP and SSE, OAuth for each. No `type`
    // values are documented (examples write none); a vendor writes `"type": "streamable-http"`.
    transports: Fact::unconfirmed(
        &[
            ("stdio", Kind::Stdio),
            ("streamable-http", Kind::Remote),
            ("sse", Kind::Remote),
        ],
        DOC,
    ),
    // Examples have no `type`: `command` → stdio, `serverUrl`/`url` → remote.
    untyped: Fact::unconfirmed(Untyped::Infer, QUOTE),
    writes_type: Fact::cited(false, QUOTE),
    // QUOTE's interpolation list names both; `serverUrl` is Windsurf's own. One vendor says a
    // Cursor-style `url` does not connect (conflicting, unconfirmed).
    url_fields: Fact::unconfirmed(&["serverUrl", "url"], QUOTE),
    // QUOTE and vendor examples; `disabled` from vendor examples (docs.silabs.com); `type` only
    // from a vendor example (developer.mescius.com).
    fields: Fact::unconfirmed(
        &[
            "type",
            "command",
            "args",
            "env",
            "serverUrl",
            "url",
            "headers",
            "disabled",
            // Kept by Windsurf's MCP store in the entries it writes (seen in real
            // `mcp_config.json` files).
            "metadata",
        ],
        QUOTE,
    ),
    // QUOTE: `${env:VAR}` (unset → ""), and `${file:/path}` (the file's trimmed contents; left as
    // written if unreadable), which `Grammar` does not model.
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
    // QUOTE: "command, args, env, serverUrl, url, and headers".
    expands_in: Fact::unconfirmed(
        &["command", "args", "env", "serverUrl", "url", "headers"],
        QUOTE,
    ),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], QUOTE),
    predefined: Fact::unconfirmed(&[], QUOTE),
    // QUOTE: `${env:}` reads Windsurf's environment; no `envFile` or `.env` documented.
    lookup: Fact::unconfirmed(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: None,
        },
        QUOTE,
    ),
    // `"Authorization": "Bearer ${env:API_TOKEN}"` (or `${file:/path}`), as vendor docs write.
    reference: Fact::unconfirmed(Reference::EnvPrefix, QUOTE),
    // User configs (`check --user`): the editor's file on every system (VS Code's discovery
    // label and adapter; the Windows form `%USERPROFILE%\.codeium\...` is third-party), and
    // the JetBrains plugin's.
    user: UserFiles::everywhere(&[
        Fact::unconfirmed(
            Place::at(Base::Home, ".codeium/windsurf/mcp_config.json"),
            VSC_NATIVE,
        ),
        Fact::cited(
            Place::at(Base::Home, ".codeium/mcp_config.json"),
            PLUGIN_DOC,
        ),
    ]),
    state_files: &[],
};
