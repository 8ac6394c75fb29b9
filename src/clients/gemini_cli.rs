//! Gemini CLI: `~/.gemini/settings.json` and a project's `.gemini/settings.json` (ignored in an
//! untrusted folder), plus the system settings file. Servers are under `mcpServers`.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// https://geminicli.com/docs/reference/configuration (the repo's own docs).
const CONF_DOC: &str = "google-gemini/gemini-cli docs/reference/configuration.md@5411f113cafae26161b4969b0237b8e1e024e2c2";
/// https://geminicli.com/docs/tools/mcp-server
const MCP_DOC: &str =
    "google-gemini/gemini-cli docs/tools/mcp-server.md@5411f113cafae26161b4969b0237b8e1e024e2c2";
/// Loading: paths, `stripJsonComments`, `.env` files, expansion at load.
const SETTINGS: &str = "google-gemini/gemini-cli packages/cli/src/config/settings.ts@5411f113cafae26161b4969b0237b8e1e024e2c2";
/// The JSON schema of a server entry (`MCPServerConfig`, `additionalProperties: false`).
const SCHEMA: &str = "google-gemini/gemini-cli packages/cli/src/config/settingsSchema.ts@5411f113cafae26161b4969b0237b8e1e024e2c2";
/// Transport selection.
const CLIENT: &str = "google-gemini/gemini-cli packages/core/src/tools/mcp-client.ts@5411f113cafae26161b4969b0237b8e1e024e2c2";
/// The load-time expansion of every string of the settings.
const RESOLVER: &str = "google-gemini/gemini-cli packages/cli/src/utils/envVarResolver.ts@5411f113cafae26161b4969b0237b8e1e024e2c2";

/// `homedir()`: `GEMINI_CLI_HOME` when set, else the home folder (l.19-27); the user file is
/// `<home>/.gemini/settings.json` (packages/core/src/config/storage.ts:54-80).
const HOME_DIR: &str = "google-gemini/gemini-cli packages/core/src/utils/paths.ts@5411f113cafae26161b4969b0237b8e1e024e2c2";

pub static GEMINI_CLI: Client = Client {
    id: "gemini-cli",
    name: "Gemini CLI",
    mode: Mode::Direct,
    // CONF_DOC: user and workspace `.gemini/settings.json`. SETTINGS: system overrides
    // `/etc/gemini-cli/`, `C:\ProgramData\gemini-cli\`, `/Library/Application Support/GeminiCli/`.
    files: Fact::cited(
        &[
            ".gemini/settings.json",
            "gemini-cli/settings.json",
            "GeminiCli/settings.json",
        ],
        CONF_DOC,
    ),
    // MCP_DOC: `mcpServers` (name → server); the `mcp` object holds allowed/excluded lists.
    roots: Fact::cited(&["mcpServers"], MCP_DOC),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, MCP_DOC),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], MCP_DOC),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], MCP_DOC),
    // SETTINGS: `JSON.parse(stripJsonComments(content))`: comments yes; trailing commas are not
    // stripped by that call (no options passed), so they are a parse error.
    comments: Fact::cited(true, SETTINGS),
    // SCHEMA: `type` enum `stdio`, `sse`, `http`.
    transports: Fact::cited(
        &[
            ("stdio", Kind::Stdio),
            ("sse", Kind::Remote),
            ("http", Kind::Remote),
        ],
        SCHEMA,
    ),
    // CLIENT: `url` without `type` → Streamable HTTP, falling back to SSE (MCP_DOC still says
    // SSE); otherwise `command` → stdio. A URL wins over `command`.
    untyped: Fact::cited(Untyped::Infer, CLIENT),
    writes_type: Fact::cited(false, CLIENT),
    // CLIENT: `httpUrl` (deprecated, Streamable HTTP) is taken first, warning if `url` is set too.
    url_fields: Fact::cited(&["httpUrl", "url"], CLIENT),
    // SCHEMA and packages/core/src/config/config.ts `MCPServerConfig`. Unknown fields are a
    // validation warning only; the settings are still used (SETTINGS).
    fields: Fact::cited(
        &[
            "type",
            "command",
            "args",
            "env",
            "cwd",
            "url",
            "httpUrl",
            "headers",
            "tcp",
            "timeout",
            "trust",
            "description",
            "includeTools",
            "excludeTools",
            "oauth",
            "authProviderType",
            "targetAudience",
            "targetServiceAccount",
            "extension",
        ],
        SCHEMA,
    ),
    // RESOLVER: `$VAR`, `${VAR}`, `${VAR:-default}`; undefined without default → left as written.
    // `env` is expanded again at spawn (undefined → "", `%VAR%` on Windows) (MCP_DOC).
    grammar: Fact::cited(
        Grammar {
            braced: true,
            env_prefix: false,
            default: true,
            all_operators: false,
            bare: true,
            dollar_escape: false,
            inputs: false,
            command: false,
            secrets: false,
        },
        RESOLVER,
    ),
    // SETTINGS: the resolver runs over every string of the settings file at load.
    expands_in: Fact::cited(&["*"], SETTINGS),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], SETTINGS),
    predefined: Fact::cited(&[], RESOLVER),
    // SETTINGS / CONF_DOC: `process.env`, after loading the first `.gemini/.env` or `.env` found
    // from the cwd upward (project `.env` only in a trusted folder), else `~/.gemini/.env`,
    // `~/.env`. No `envFile` field.
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: true,
            env_file_field: None,
        },
        CONF_DOC,
    ),
    // MCP_DOC: `"MY_KEY": "$MY_KEY"` in `env`; `${TOKEN}` works in every field. A secret must be
    // named in `env` to reach a stdio server (`*TOKEN*`, `*KEY*`... are redacted otherwise).
    reference: Fact::cited(Reference::Braced, MCP_DOC),
    // User configs (`check --user`): the same place on every system (CONF_DOC l.45).
    user: UserFiles::everywhere(&[Fact::cited(
        Place::at(Base::Home, ".gemini/settings.json")
            .moved_by(&[("GEMINI_CLI_HOME", ".gemini/settings.json")]),
        HOME_DIR,
    )]),
    state_files: &[],
};
