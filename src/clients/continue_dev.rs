//! Continue (IDE extensions and the `cn` CLI): YAML `config.yaml` in `~/.continue` (or
//! `CONTINUE_GLOBAL_DIR`) and block files `.continue/mcpServers/*.yaml` in the home folder and
//! in a workspace. Servers are a YAML list, `mcpServers:`, each item named by its `name`.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// The schema of a server entry (`mcpServerSchema`), zod objects: unknown keys dropped.
const SCHEMA: &str = "continuedev/continue packages/config-yaml/src/schemas/mcp/index.ts@d0a3c0b626b5bebc3bef4742eec05a0242be0bab";
/// The config schema: `mcpServers` is an array.
const CONFIG: &str = "continuedev/continue packages/config-yaml/src/schemas/index.ts@d0a3c0b626b5bebc3bef4742eec05a0242be0bab";
/// The YAML files read (`config.yaml`, `.continue/mcpServers/*.yaml|*.yml`).
const LOAD: &str = "continuedev/continue core/config/yaml/loadYaml.ts@d0a3c0b626b5bebc3bef4742eec05a0242be0bab (l.57-61) and core/util/paths.ts (l.27-36, 115-120)";
/// Transport selection.
const CONNECTION: &str = "continuedev/continue core/context/mcp/MCPConnection.ts@d0a3c0b626b5bebc3bef4742eec05a0242be0bab (l.217-280)";
/// `${{ secrets.NAME }}` rendered before parsing; undefined ones are left as written.
const UNROLL: &str = "continuedev/continue packages/config-yaml/src/load/unroll.ts@d0a3c0b626b5bebc3bef4742eec05a0242be0bab (l.83, 108-114)";
/// Where a secret is looked up: `~/.continue/.env`, `<workspace>/.continue/.env`,
/// `<workspace>/.env`, then the environment.
const SECRETS: &str = "continuedev/continue core/config/yaml/LocalPlatformClient.ts@d0a3c0b626b5bebc3bef4742eec05a0242be0bab (l.16-20, 100-115)";
/// The documentation's secret example (https://docs.continue.dev/customize/deep-dives/mcp).
const DOC: &str = "continuedev/continue docs/customize/deep-dives/mcp.mdx@d0a3c0b626b5bebc3bef4742eec05a0242be0bab";

pub static CONTINUE: Client = Client {
    id: "continue",
    name: "Continue",
    mode: Mode::Direct,
    // LOAD. The JSON files Continue also reads from `.continue/mcpServers/` have Claude's shapes
    // (`mcpServers` map): they are not this profile's.
    files: Fact::cited(
        &[
            ".continue/config.yaml",
            ".continue/mcpServers/*.yaml",
            ".continue/mcpServers/*.yml",
        ],
        LOAD,
    ),
    // CONFIG: `mcpServers` (a block file has `name`, `version`, `schema` beside it).
    roots: Fact::cited(&["mcpServers"], CONFIG),
    // CONFIG: an array of servers; SCHEMA: each has a required `name`.
    servers: Fact::cited(Servers::List { name_field: "name" }, CONFIG),
    // SCHEMA: `name` on every server (render writes the server's name there).
    required: Fact::cited(&["name"], SCHEMA),
    // DOC (the note after "How to Configure MCP Servers"): a block file has `name`, `version`
    // and `schema`; CONFIG's base schema.
    preamble: Fact::cited(
        &[
            ("name", "MCP servers"),
            ("version", "0.0.1"),
            ("schema", "v1"),
        ],
        CONFIG,
    ),
    // YAML has `#` comments.
    comments: Fact::cited(true, CONFIG),
    // SCHEMA: `type` `stdio`, `sse`, `streamable-http`. CONNECTION also starts `websocket`,
    // which the schema does not allow.
    transports: Fact::cited(
        &[
            ("stdio", Kind::Stdio),
            ("sse", Kind::Remote),
            ("streamable-http", Kind::Remote),
        ],
        SCHEMA,
    ),
    // CONNECTION: `command` → stdio; `url` without `type` → Streamable HTTP, then SSE.
    untyped: Fact::cited(Untyped::Infer, CONNECTION),
    writes_type: Fact::cited(false, DOC),
    url_fields: Fact::cited(&["url"], SCHEMA),
    // SCHEMA `mcpServerSchema`; `requestOptions.headers` holds a remote server's headers and
    // `apiKey` is sent as `Authorization: Bearer` (CONNECTION l.508-511).
    fields: Fact::cited(
        &[
            "name",
            "serverName",
            "faviconUrl",
            "connectionTimeout",
            "type",
            "command",
            "args",
            "env",
            "cwd",
            "url",
            "apiKey",
            "requestOptions",
        ],
        SCHEMA,
    ),
    // UNROLL: `${{ secrets.NAME }}` (and `${{ inputs.NAME }}` in hub blocks), anywhere in the
    // text; `$VAR` and `${VAR}` are not expanded.
    grammar: Fact::cited(
        Grammar {
            secrets: true,
            ..Grammar::NONE
        },
        UNROLL,
    ),
    expands_in: Fact::cited(&["*"], UNROLL),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], SCHEMA),
    predefined: Fact::cited(&[], UNROLL),
    // SECRETS: three `.env` files, then the environment.
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: true,
            env_file_field: None,
        },
        SECRETS,
    ),
    // DOC "How to Work with Secrets in MCP Servers": `${{ secrets.NAME }}`.
    reference: Fact::cited(Reference::Secrets, DOC),
    // User configs (`check --user`), LOAD: the global folder is `CONTINUE_GLOBAL_DIR`, else
    // `os.homedir()/.continue` (`HOME`, `USERPROFILE` on Windows) on every system: its
    // `config.yaml`, and its `mcpServers/` block files.
    user: UserFiles::everywhere(&[
        Fact::cited(
            Place::at(Base::Home, ".continue/config.yaml")
                .moved_by(&[("CONTINUE_GLOBAL_DIR", "config.yaml")]),
            LOAD,
        ),
        Fact::cited(
            Place::at(Base::Home, ".continue/mcpServers/")
                .moved_by(&[("CONTINUE_GLOBAL_DIR", "mcpServers/")]),
            LOAD,
        ),
    ]),
    state_files: &[],
};
