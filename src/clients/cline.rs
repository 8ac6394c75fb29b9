//! Cline (VS Code extension `saoudrizwan.claude-dev`, CLI, JetBrains):
//! `cline_mcp_settings.json`, now `~/.cline/data/settings/`, formerly in VS Code's global
//! storage (`saoudrizwan.claude-dev/settings/`) or `<Documents>/Cline/MCP/` (migrated 2026-06).

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// The zod schema of the file and of a server entry.
const SCHEMAS: &str =
    "cline/cline apps/vscode/src/services/mcp/schemas.ts@21cb8d2525bcedf1f4b6890b27a74a14fe7451e4";
/// How the file is read and expanded.
const HUB: &str =
    "cline/cline apps/vscode/src/services/mcp/McpHub.ts@21cb8d2525bcedf1f4b6890b27a74a14fe7451e4";
/// `mcpSettings: "cline_mcp_settings.json"`.
const DISK: &str =
    "cline/cline apps/vscode/src/core/storage/disk.ts@21cb8d2525bcedf1f4b6890b27a74a14fe7451e4";
/// "Server type must be one of: 'stdio', 'sse', or 'streamableHttp'".
const CONSTANTS: &str = "cline/cline apps/vscode/src/services/mcp/constants.ts@21cb8d2525bcedf1f4b6890b27a74a14fe7451e4";
/// The expansion: `/\$\{env:([^}]+)\}/g` over every string value.
const ENVEXP: &str =
    "cline/cline apps/vscode/src/utils/envExpansion.ts@21cb8d2525bcedf1f4b6890b27a74a14fe7451e4";

/// `resolveMcpSettingsPath`: `CLINE_MCP_SETTINGS_PATH`, else `CLINE_DATA_DIR/settings/`, else
/// `CLINE_DIR/data/settings/`, else `~/.cline/data/settings/` (l.130-164, 409-415).
const PATHS: &str =
    "cline/cline sdk/packages/shared/src/storage/paths.ts@21cb8d2525bcedf1f4b6890b27a74a14fe7451e4";
/// The legacy file in VS Code's global storage, migrated since 2026-06 (l.237-250); the
/// macOS path is in the old docs (docs/mcp/mcp-marketplace.mdx:59 @1f0246655c78f74525aaa4d49677919f361b69c0);
/// Linux and Windows follow VS Code's global-storage convention (not in Cline's docs).
const LEGACY: &str = "cline/cline apps/vscode/src/hosts/vscode/mcp-settings-legacy-migration.ts@21cb8d2525bcedf1f4b6890b27a74a14fe7451e4";

/// The current file, shared by the extension, the CLI and JetBrains, on every system.
const SHARED: Fact<Place> = Fact::cited(
    Place::at(Base::Home, ".cline/data/settings/cline_mcp_settings.json").moved_by(&[
        ("CLINE_MCP_SETTINGS_PATH", ""),
        ("CLINE_DATA_DIR", "settings/cline_mcp_settings.json"),
        ("CLINE_DIR", "data/settings/cline_mcp_settings.json"),
    ]),
    PATHS,
);
const GLOBAL_STORAGE: &str =
    "Code/User/globalStorage/saoudrizwan.claude-dev/settings/cline_mcp_settings.json";

pub static CLINE: Client = Client {
    id: "cline",
    name: "Cline",
    mode: Mode::Direct,
    // DISK; paths: sdk/packages/shared/src/storage/paths.ts (resolveMcpSettingsPath). The docs'
    // `~/.cline/mcp.json` / `.cline/mcp.json` are read by no code at this commit.
    files: Fact::cited(&["cline_mcp_settings.json"], DISK),
    // SCHEMAS McpSettingsSchema: `{ mcpServers: record }`; other root keys are stripped.
    roots: Fact::cited(&["mcpServers"], SCHEMAS),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, SCHEMAS),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], SCHEMAS),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], SCHEMAS),
    // HUB: `JSON.parse`; a syntax error → "Invalid JSON in MCP settings file", no servers.
    comments: Fact::cited(false, HUB),
    // CONSTANTS. `http` and `streamable-http` are rejected, and any schema error rejects the
    // whole file ("no servers were loaded"). The legacy `transportType` field takes `stdio`,
    // `sse`, `http` (→ streamableHttp) (SCHEMAS).
    transports: Fact::cited(
        &[
            ("stdio", Kind::Stdio),
            ("sse", Kind::Remote),
            ("streamableHttp", Kind::Remote),
        ],
        CONSTANTS,
    ),
    // SCHEMAS: no `type` → `command` is stdio, `url` is SSE ("when type is not specified, it will
    // default to sse"); docs/mcp/mcp-overview.mdx recommends `"type": "streamableHttp"`.
    untyped: Fact::cited(Untyped::Infer, SCHEMAS),
    writes_type: Fact::cited(false, SCHEMAS),
    url_fields: Fact::cited(&["url"], SCHEMAS),
    // SCHEMAS: the transport arms and the shared fields; `transport` is the nested form
    // `cline mcp add` writes (flattened on read); `oauthClient` is read by the CLI/SDK loader
    // (sdk/packages/core/src/extensions/mcp/config-loader.ts). `alwaysAllow` is not read
    // (stripped; old docs showed it): the field is `autoApprove`.
    fields: Fact::cited(
        &[
            "type",
            "transportType",
            "transport",
            "command",
            "args",
            "cwd",
            "env",
            "url",
            "headers",
            "autoApprove",
            "disabled",
            "timeout",
            "remoteConfigured",
            "oauth",
            "oauthClient",
            "metadata",
        ],
        SCHEMAS,
    ),
    // ENVEXP (since 2025-12, extension only; no expansion found in the CLI/SDK loader):
    // `${env:VAR}` only; undefined → left as written, with a log warning.
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
        ENVEXP,
    ),
    // HUB: applied to every string value of the parsed file before validation, and again per
    // server at connect.
    expands_in: Fact::cited(&["*"], HUB),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], HUB),
    predefined: Fact::cited(&[], ENVEXP),
    // ENVEXP: `process.env` of the extension host; no `.env`, no `envFile`. A stdio server gets
    // only the MCP SDK's default environment plus `env` (HUB).
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: None,
        },
        ENVEXP,
    ),
    // ENVEXP: `"API_KEY": "${env:API_KEY}"`, the variable set where VS Code was started.
    reference: Fact::cited(Reference::EnvPrefix, ENVEXP),
    // User configs, per system (`check --user`): the shared file, and the legacy one an older
    // extension still reads.
    user: UserFiles {
        linux: &[
            SHARED,
            Fact::unconfirmed(Place::at(Base::XdgConfig, GLOBAL_STORAGE), LEGACY),
        ],
        macos: &[
            SHARED,
            Fact::cited(Place::at(Base::AppSupport, GLOBAL_STORAGE), LEGACY),
        ],
        windows: &[
            SHARED,
            Fact::unconfirmed(Place::at(Base::AppData, GLOBAL_STORAGE), LEGACY),
        ],
    },
    state_files: &[],
};
