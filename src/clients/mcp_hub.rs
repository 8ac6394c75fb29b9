//! mcp-hub (npm `mcp-hub`, ravitemer/mcp-hub): reads the files given by `--config` (repeatable,
//! merged in order; no default path). MCPHub.nvim, its Neovim front end, passes
//! `~/.config/mcphub/servers.json` by default and a project's `.mcphub/servers.json`.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// Reading, merging and validating the files.
const CONFIG: &str =
    "ravitemer/mcp-hub src/utils/config.js@bdbd7e47dbde52f95bd4e21d6b4de64f918e57dd";
/// The placeholder resolver (strict mode is what the hub uses).
const RESOLVER: &str =
    "ravitemer/mcp-hub src/utils/env-resolver.js@bdbd7e47dbde52f95bd4e21d6b4de64f918e57dd";
const README: &str = "ravitemer/mcp-hub README.md@bdbd7e47dbde52f95bd4e21d6b4de64f918e57dd";
/// The default paths MCPHub.nvim gives mcp-hub (also its
/// doc/mcp/servers_json.md@0aff3ec2f82c27d0739b7718c9c2dedb7e827579).
const NVIM: &str =
    "ravitemer/mcphub.nvim doc/workspace.md@f987786606ea3cbe6e36ac0dc955007901acbb69";
/// The fields: the hub's own, and the ones MCPHub.nvim keeps in the same entries.
const FIELDS_SRC: &str = "ravitemer/mcp-hub src/utils/config.js@bdbd7e47dbde52f95bd4e21d6b4de64f918e57dd; ravitemer/mcphub.nvim doc/mcp/servers_json.md@0aff3ec2f82c27d0739b7718c9c2dedb7e827579";

pub static MCP_HUB: Client = Client {
    id: "mcp-hub",
    name: "mcp-hub",
    mode: Mode::Direct,
    // NVIM: global `~/.config/mcphub/servers.json`, project `.mcphub/servers.json` (it also looks
    // for `.vscode/mcp.json` and `.cursor/mcp.json`, left to their own clients). README's
    // `~/.config/mcphub/global.json` and `.mcphub/project.json` are examples only.
    files: Fact::cited(&["mcphub/servers.json", ".mcphub/servers.json"], NVIM),
    // CONFIG: VS Code's `servers` replaces `mcpServers` when both exist ("prefer servers").
    roots: Fact::cited(&["servers", "mcpServers"], CONFIG),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, CONFIG),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], CONFIG),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], CONFIG),
    // CONFIG `JSON5.parse`: comments, trailing commas, single quotes, unquoted keys.
    comments: Fact::cited(true, CONFIG),
    // CONFIG: a `type` in the file is ignored and overwritten (`command` → stdio, `url` → remote):
    // any value is tolerated. These are the common names, so none is reported as unknown.
    transports: Fact::cited(
        &[
            ("stdio", Kind::Stdio),
            ("sse", Kind::Remote),
            ("http", Kind::Remote),
            ("streamable-http", Kind::Remote),
            ("streamableHttp", Kind::Remote),
        ],
        CONFIG,
    ),
    // CONFIG: `command` → stdio, `url` → Streamable HTTP then SSE (src/MCPConnection.js); both,
    // or neither, is a ConfigError.
    untyped: Fact::cited(Untyped::Infer, CONFIG),
    writes_type: Fact::cited(false, CONFIG),
    url_fields: Fact::cited(&["url"], CONFIG),
    // CONFIG: `command`, `args`, `env`, `cwd`, `dev`, `url`, `headers` (+ `type`, ignored);
    // src/MCPConnection.js: `disabled`, `name`, `description`. The rest are MCPHub.nvim's.
    fields: Fact::cited(
        &[
            "type",
            "command",
            "args",
            "env",
            "cwd",
            "dev",
            "url",
            "headers",
            "disabled",
            "name",
            "description",
            "autoApprove",
            "disabled_tools",
            "disabled_resources",
            "disabled_resourceTemplates",
            "custom_instructions",
        ],
        FIELDS_SRC,
    ),
    // RESOLVER: `${NAME}` = `${env:NAME}`, `${cmd: ...}` (runs a shell command), nested. No
    // operators: `${VAR:-d}` looks up `VAR:-d` and throws. A bare `$VAR` only as a whole `args`
    // item (deprecated, warns); `${input:ID}` only through `MCP_HUB_ENV`, not declared inputs.
    // Undefined → error, the server does not start.
    grammar: Fact::cited(
        Grammar {
            braced: true,
            env_prefix: true,
            default: false,
            all_operators: false,
            bare: false,
            dollar_escape: false,
            inputs: false,
            command: true,
            secrets: false,
        },
        RESOLVER,
    ),
    // RESOLVER: `env` first (its values are then visible to the others), then these fields.
    expands_in: Fact::cited(
        &["env", "args", "command", "url", "headers", "cwd"],
        RESOLVER,
    ),
    // RESOLVER: VS Code-compatible; `workspaceFolder` is the hub's cwd.
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], RESOLVER),
    predefined: Fact::cited(
        &[
            "workspaceFolder",
            "userHome",
            "pathSeparator",
            "/",
            "workspaceFolderBasename",
            "cwd",
        ],
        RESOLVER,
    ),
    // RESOLVER: predefined < `process.env` < `MCP_HUB_ENV` (a JSON object in the environment,
    // the hub's own injection mechanism) < the server's resolved `env`. No `.env`, no `envFile`.
    // An `env` value `null` or `""` takes the same-named variable.
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: None,
        },
        RESOLVER,
    ),
    // README: `"Authorization": "Bearer ${API_KEY}"` (`${env:API_KEY}` works alike), or
    // `"${cmd: op read op://vault/item/token}"`.
    reference: Fact::cited(Reference::Braced, README),
    // User configs (`check --user`): mcp-hub has no default path; MCPHub.nvim passes
    // `~/.config/mcphub/servers.json` (NVIM).
    user: UserFiles::everywhere(&[Fact::cited(
        Place::at(Base::Home, ".config/mcphub/servers.json"),
        NVIM,
    )]),
    state_files: &[],
};
