//! Amazon Q Developer (CLI and IDE plugins): `.amazonq/mcp.json` in the workspace and
//! `~/.aws/amazonq/mcp.json`; workspace servers win. The CLI reads them only while the agent's
//! `useLegacyMcpJson` is true (the default). The open-source CLI is now Kiro CLI (see kiro.rs).

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// The two paths.
const PATHS: &str = "aws/amazon-q-developer-cli crates/chat-cli/src/util/paths.rs@15cc8f3cd18c4272925ce1c7053268eedff1ea0a";
/// `serde_json::from_slice`; "No mcp servers found in config".
const CONFIG: &str = "aws/amazon-q-developer-cli crates/chat-cli/src/cli/agent/mcp_config.rs@15cc8f3cd18c4272925ce1c7053268eedff1ea0a";
/// `CustomToolConfig` and `TransportType`.
const TOOL: &str = "aws/amazon-q-developer-cli crates/chat-cli/src/cli/chat/tools/custom_tool.rs@15cc8f3cd18c4272925ce1c7053268eedff1ea0a";
/// Starting a server; `substitute_env_vars`.
const CLIENT: &str = "aws/amazon-q-developer-cli crates/chat-cli/src/mcp_client/client.rs@15cc8f3cd18c4272925ce1c7053268eedff1ea0a";

/// The IDE plugins' global file `~/.aws/amazonq/default.json` (and the legacy `mcp.json`),
/// "Understanding MCP configuration files".
const IDE: &str = "https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/mcp-ide.html";

pub static AMAZON_Q: Client = Client {
    id: "amazon-q",
    name: "Amazon Q Developer",
    mode: Mode::Direct,
    // PATHS: `<cwd>/.amazonq/mcp.json`, `~/.aws/amazonq/mcp.json`. The IDE's GUI-managed
    // `default.json` files (https://docs.aws.amazon.com/amazonq/latest/qdeveloper-ug/mcp-ide.html)
    // are not listed.
    files: Fact::cited(&[".amazonq/mcp.json", ".aws/amazonq/mcp.json"], PATHS),
    // CONFIG: `mcpServers` is required; other root keys are ignored.
    roots: Fact::cited(&["mcpServers"], CONFIG),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, CONFIG),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], CONFIG),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], CONFIG),
    // CONFIG: `serde_json`, strict JSON.
    comments: Fact::cited(false, CONFIG),
    // TOOL `TransportType`: `stdio` (the default) and `http`; no SSE.
    transports: Fact::cited(&[("stdio", Kind::Stdio), ("http", Kind::Remote)], TOOL),
    // CLIENT: no inference; a `url`-only entry is stdio with an empty command → "MCP config is
    // malformed: transport type is specified to be stdio but command is empty".
    untyped: Fact::cited(Untyped::UrlNeedsType, CLIENT),
    writes_type: Fact::cited(false, CLIENT),
    url_fields: Fact::cited(&["url"], TOOL),
    // TOOL (camelCase, unknown fields ignored).
    fields: Fact::cited(
        &[
            "type",
            "command",
            "args",
            "env",
            "url",
            "headers",
            "oauthScopes",
            "oauth",
            "timeout",
            "disabled",
        ],
        TOOL,
    ),
    // CLIENT `substitute_env_vars`: `${env:VAR}` only; undefined → `${VAR}` (the `env:` dropped).
    // `command` is also shell-expanded (`~`, `$VAR`, `${VAR}`; undefined is an error), which
    // `Grammar` cannot say per field. The IDE plugin's expansion was not read.
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
        CLIENT,
    ),
    // CLIENT: `env` and `headers` values; `args` and `url` are not expanded.
    expands_in: Fact::cited(&["env", "headers"], CLIENT),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], CLIENT),
    predefined: Fact::cited(&[], CLIENT),
    // CLIENT: the CLI's environment; no `.env`. A stdio server also inherits the whole process
    // environment, which overrides `env` entries of the same name.
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: None,
        },
        CLIENT,
    ),
    // CLIENT: `"GITHUB_TOKEN": "${env:GITHUB_TOKEN}"`, `"Bearer ${env:API_TOKEN}"`.
    reference: Fact::cited(Reference::EnvPrefix, CLIENT),
    // User configs (`check --user`): `dirs::home_dir()/.aws/amazonq/mcp.json` on every system
    // (PATHS l.61, 276), and the IDE plugins' `default.json`.
    user: UserFiles::everywhere(&[
        Fact::cited(Place::at(Base::Home, ".aws/amazonq/mcp.json"), PATHS),
        Fact::cited(Place::at(Base::Home, ".aws/amazonq/default.json"), IDE),
    ]),
    state_files: &[],
};
