//! VS Code (and GitHub Copilot's agent mode in it, which uses the same implementation):
//! `.vscode/mcp.json` in a workspace and `mcp.json` in the user profile.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// https://code.visualstudio.com/docs/copilot/reference/mcp-configuration
/// (microsoft/vscode-docs docs/copilot/reference/mcp-configuration.md@0892da1a3afa8c1ee5d6e0ffe9c0476bca104212)
const DOC_REF: &str = "https://code.visualstudio.com/docs/copilot/reference/mcp-configuration";
/// The JSON schema VS Code validates `mcp.json` with.
const SCHEMA: &str = "microsoft/vscode src/vs/workbench/contrib/mcp/common/mcpConfiguration.ts@0b37532c56dc57c42571502253aba19111d27fc0";
/// How the file is read, and how an untyped entry is sanitised.
const SCAN: &str = "microsoft/vscode src/vs/platform/mcp/common/mcpResourceScannerService.ts@20ba3e6cd351826a3f6f8f2850e902fe3b0db6e8 (sanitizeServer, withProfileMcpServers)";
/// The variable resolver.
const VARRES: &str = "microsoft/vscode src/vs/workbench/services/configurationResolver/common/variableResolver.ts@052c276f6e81838d68240a288a893e993e78f7ae";

/// VS Code's predefined variables, which it fills in itself (VARRES).
pub const PREDEFINED: &[&str] = &[
    "workspaceFolder",
    "workspaceFolderBasename",
    "workspaceRoot",
    "userHome",
    "cwd",
    "pathSeparator",
    "/",
    "file",
    "fileBasename",
    "fileDirname",
    "relativeFile",
    "execPath",
    "defaultBuildTask",
];

/// The user profile's `mcp.json` sits in VS Code's User folder (`joinPath(<profile location>,
/// 'mcp.json')` for the default profile); the folder per system is the one of `settings.json`
/// in https://code.visualstudio.com/docs/configure/settings#settings-file-locations. Derived,
/// not stated by the MCP docs.
const USER_DIR: &str = "https://code.visualstudio.com/docs/configure/settings#settings-file-locations (User folder; mcp.json beside settings.json, derived)";

pub static VSCODE: Client = Client {
    id: "vscode",
    name: "VS Code",
    mode: Mode::Direct,
    // DOC_REF: "This file can be in your workspace (`.vscode/mcp.json`) or in your user
    // profile"; the profile file is `mcp.json` in the User folder (see discovery).
    files: Fact::cited(&[".vscode/mcp.json"], DOC_REF),
    // DOC_REF "Configuration structure": `servers` and `inputs`; SCAN reads only `servers`,
    // `inputs` and `sandbox` (an `mcpServers` key is not read as servers).
    roots: Fact::cited(&["servers"], SCAN),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, SCAN),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], SCAN),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], SCAN),
    // SCHEMA: allowComments: true, allowTrailingCommas: true.
    comments: Fact::cited(true, SCHEMA),
    // SCHEMA: `type` enum stdio | http | sse.
    transports: Fact::cited(
        &[
            ("stdio", Kind::Stdio),
            ("http", Kind::Remote),
            ("sse", Kind::Remote),
        ],
        SCHEMA,
    ),
    // SCAN sanitizeServer: no `type` → `command ? 'stdio' : 'http'`.
    untyped: Fact::cited(Untyped::Infer, SCAN),
    // DOC_REF's field tables mark `type` "Required".
    // DOC_REF: the field tables mark `type` "Required".
    writes_type: Fact::cited(true, DOC_REF),
    url_fields: Fact::cited(&["url"], SCHEMA),
    // SCHEMA server properties, and DOC_REF's "Development mode" (`dev`) and sandbox.
    fields: Fact::cited(
        &[
            "type",
            "command",
            "args",
            "env",
            "envFile",
            "cwd",
            "dev",
            "sandboxEnabled",
            "sandbox",
            "url",
            "headers",
            // Written by VS Code itself when it installs a server from the MCP gallery (seen in
            // real `.vscode/mcp.json` files; not in the schema it validates with).
            "gallery",
            "version",
        ],
        SCHEMA,
    ),
    // VARRES: `${env:NAME}` (undefined → ""), `${input:id}`, predefined variables; any other
    // `${X}` and a bare `$X` are left as written; no operators, no `$$`.
    grammar: Fact::cited(
        Grammar {
            braced: false,
            env_prefix: true,
            default: false,
            all_operators: false,
            bare: false,
            dollar_escape: false,
            inputs: true,
            command: false,
            secrets: false,
        },
        VARRES,
    ),
    // DOC_REF shows variables in `command`, `args`, `env`, `envFile`, `cwd`, `url`, `headers`;
    // the exact list of resolved fields is not stated (the whole definition is resolved).
    expands_in: Fact::unconfirmed(&["*"], DOC_REF),
    // VARRES: the predefined variables.
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], DOC_REF),
    predefined: Fact::cited(PREDEFINED, VARRES),
    // VARRES: `${env:NAME}` is VS Code's own environment. `envFile` (DOC_REF) loads a dotenv
    // file into the server's environment, not into `${env:...}`; no `.env` is read otherwise.
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: Some("envFile"),
        },
        DOC_REF,
    ),
    // DOC_REF "Input variables" (prompted, stored securely) or `${env:NAME}`.
    reference: Fact::cited(Reference::EnvPrefix, DOC_REF),
    // User configs, per system (`check --user`): the default profile's `mcp.json` (DOC_REF:
    // "in your user profile"). Other profiles (`User/profiles/<id>/`) are not looked in.
    user: UserFiles {
        linux: &[Fact::unconfirmed(
            Place::at(Base::XdgConfig, "Code/User/mcp.json"),
            USER_DIR,
        )],
        macos: &[Fact::unconfirmed(
            Place::at(Base::AppSupport, "Code/User/mcp.json"),
            USER_DIR,
        )],
        windows: &[Fact::unconfirmed(
            Place::at(Base::AppData, "Code/User/mcp.json"),
            USER_DIR,
        )],
    },
    state_files: &[],
};
