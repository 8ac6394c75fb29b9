//! Roo Code (VS Code extension `RooVeterinaryInc.roo-cline`): the project's `.roo/mcp.json` and
//! the global `mcp_settings.json` in its settings folder (VS Code global storage, or
//! `roo-cline.customStoragePath`). Project servers win over global ones of the same name.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// Reading, validation and connection of servers (schema at l.67-148, validateServerConfig).
const HUB: &str =
    "RooCodeInc/Roo-Code src/services/mcp/McpHub.ts@cb836567180a3ff1da6d082f3178b90c3bd22a70";
/// `injectVariables`: the expansion.
const VARS: &str =
    "RooCodeInc/Roo-Code src/utils/config.ts@cb836567180a3ff1da6d082f3178b90c3bd22a70";
// DOC: https://docs.roocode.com/features/mcp/using-mcp-in-roo (RooCodeInc/Roo-Code-Docs
// docs/features/mcp/using-mcp-in-roo.mdx@487827acaf84300c4f9ee98cf2c8e9682be5a083), older than HUB.

/// The global file: `<settings dir>/mcp_settings.json`, the settings dir being VS Code's global
/// storage for `rooveterinaryinc.roo-cline` (McpHub.ts:487-507; src/utils/storage.ts). The path
/// per system is VS Code's global-storage convention, derived: not in Roo's docs.
const GLOBAL_STORAGE: &str =
    "Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json";

pub static ROO: Client = Client {
    id: "roo",
    name: "Roo Code",
    mode: Mode::Direct,
    // HUB: `path.join(workspacePath, ".roo")` + `mcp.json`; global `GlobalFileNames.mcpSettings`
    // = `mcp_settings.json` (src/shared/globalFileNames.ts).
    files: Fact::cited(&[".roo/mcp.json", "mcp_settings.json"], HUB),
    // HUB McpSettingsSchema: `{ mcpServers: record }`; other root keys are stripped.
    roots: Fact::cited(&["mcpServers"], HUB),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, HUB),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], HUB),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], HUB),
    // HUB: `JSON.parse`; a syntax error loads nothing. DOC's example has `//` comments, which
    // would fail.
    comments: Fact::cited(false, HUB),
    // HUB: "Server type must be 'stdio', 'sse', or 'streamable-http'"; `http` and
    // `streamableHttp` are rejected.
    transports: Fact::cited(
        &[
            ("stdio", Kind::Stdio),
            ("sse", Kind::Remote),
            ("streamable-http", Kind::Remote),
        ],
        HUB,
    ),
    // HUB validateServerConfig: no `type` + `command` → stdio; no `type` + `url` → "Configuration
    // with 'url' must explicitly specify 'type'", the server is skipped; `command` + `url` is an
    // error too. DOC's older example with a bare `url` is now invalid.
    untyped: Fact::cited(Untyped::UrlNeedsType, HUB),
    writes_type: Fact::cited(false, HUB),
    url_fields: Fact::cited(&["url"], HUB),
    // HUB schema. `env` is stdio-only (must be absent on sse/streamable-http); `headers` is
    // remote-only.
    fields: Fact::cited(
        &[
            "type",
            "command",
            "args",
            "cwd",
            "env",
            "url",
            "headers",
            "disabled",
            "timeout",
            "alwaysAllow",
            "disabledTools",
            "watchPaths",
        ],
        HUB,
    ),
    // VARS: `${env:NAME}` (NAME `\w+`) and `${workspaceFolder}`; nothing else. Undefined → left
    // as written, with a warning. Every substituted value goes through `toPosix()` (`\` → `/`).
    grammar: Fact::cited(
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
        VARS,
    ),
    // VARS: the whole server config is stringified and substituted, at connect time, after
    // validation (so `"url": "${env:BASE}/mcp"` fails the URL check first: inferred from code).
    expands_in: Fact::cited(&["*"], VARS),
    // VARS: the first workspace folder ("" when none).
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], VARS),
    predefined: Fact::cited(&["workspaceFolder"], VARS),
    // HUB `injectVariables(config, { env: process.env, ... })`; no `.env`, no `envFile`. A stdio
    // server gets the MCP SDK's default environment plus `env`.
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: None,
        },
        HUB,
    ),
    // VARS: `"API_KEY": "${env:API_KEY}"`; remote entries also need `"type"`.
    reference: Fact::cited(Reference::EnvPrefix, VARS),
    // User configs, per system (`check --user`), derived from HUB (see GLOBAL_STORAGE); a
    // `roo-cline.customStoragePath` setting moves it, which mcplint does not read.
    user: UserFiles {
        linux: &[Fact::unconfirmed(
            Place::at(Base::XdgConfig, GLOBAL_STORAGE),
            HUB,
        )],
        macos: &[Fact::unconfirmed(
            Place::at(Base::AppSupport, GLOBAL_STORAGE),
            HUB,
        )],
        windows: &[Fact::unconfirmed(
            Place::at(Base::AppData, GLOBAL_STORAGE),
            HUB,
        )],
    },
    state_files: &[],
};
