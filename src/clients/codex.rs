//! OpenAI Codex (CLI and IDE extension): `config.toml` in `CODEX_HOME` (`~/.codex` by default),
//! a trusted project's `.codex/config.toml`, and `/etc/codex/config.toml`. Servers are the
//! TOML tables `[mcp_servers.NAME]`; the rest of the file is Codex's own settings.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// The server entry: `RawMcpServerConfig`, `McpServerTransportConfig`, `McpServerEnvVar`.
const TYPES: &str =
    "openai/codex codex-rs/config/src/mcp_types.rs@00b17c2659c96ab3d0ae8de723b4ce2d686850b1";
/// The same types at their older place, with their doc comments (`bearer_token_env_var`).
const OLD_TYPES: &str =
    "openai/codex codex-rs/core/src/config/types.rs@035416bfd9b70f179348fe3b74d4fe6f8ea91c07";
/// `CODEX_HOME` (default `~/.codex`).
pub const HOME: &str =
    "openai/codex codex-rs/utils/home-dir/src/lib.rs@69a3f82e6242adb4501640b154ba40b6f2629d63";
/// The config layers (system, user, project `.codex/config.toml` when trusted), `toml::from_str`.
const LOADER: &str =
    "openai/codex codex-rs/core/src/config_loader/mod.rs@b98130406aed032a794707309afc14219fee5991";
/// The environment of a stdio server and the headers of a remote one.
const UTILS: &str =
    "openai/codex codex-rs/rmcp-client/src/utils.rs@08e916598345c4e0d372e3c699bd6059c5b8c000";
/// No expansion in `config.toml`: the feature request was closed unimplemented.
const NO_EXPANSION: &str = "https://github.com/openai/codex/issues/7367 (closed by a maintainer, not implemented); LOADER has no expansion";

/// `$CODEX_HOME/config.toml`, `~/.codex/config.toml` by default.
const CODEX_HOME_FILE: Fact<Place> = Fact::cited(
    Place::at(Base::Home, ".codex/config.toml").moved_by(&[("CODEX_HOME", "config.toml")]),
    HOME,
);

pub static CODEX: Client = Client {
    id: "codex",
    name: "Codex",
    mode: Mode::Direct,
    // HOME: `$CODEX_HOME/config.toml`, `~/.codex` by default. LOADER: project layers are
    // `.codex/config.toml` in the cwd and its parents up to the project root (loaded but disabled
    // in an untrusted folder), and `/etc/codex/config.toml` on Unix.
    files: Fact::cited(&[".codex/config.toml", "etc/codex/config.toml"], LOADER),
    // TYPES: `mcp_servers`, a table of `[mcp_servers.NAME]` tables.
    roots: Fact::cited(&["mcp_servers"], TYPES),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, TYPES),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], TYPES),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], TYPES),
    // LOADER: TOML (`toml::from_str`), which has `#` comments; a parse error is fatal.
    comments: Fact::cited(true, LOADER),
    // TYPES: no `type` field; `McpServerTransportConfig` is `Stdio` or `StreamableHttp`, chosen
    // by `command` or `url` (no SSE). The names are the variants', used in messages only.
    transports: Fact::cited(
        &[("stdio", Kind::Stdio), ("streamable_http", Kind::Remote)],
        TYPES,
    ),
    // TYPES `TryFrom<RawMcpServerConfig>`: `command` → stdio, else `url` → streamable HTTP,
    // else "invalid transport".
    untyped: Fact::cited(Untyped::Infer, TYPES),
    writes_type: Fact::cited(false, TYPES),
    url_fields: Fact::cited(&["url"], TYPES),
    // TYPES `RawMcpServerConfig`. `bearer_token` is left out: it is always rejected ("not
    // supported"). Unknown keys are ignored by serde (only the JSON Schema denies them).
    fields: Fact::cited(
        &[
            "command",
            "args",
            "env",
            "env_vars",
            "cwd",
            "url",
            "bearer_token_env_var",
            "http_headers",
            "env_http_headers",
            "oauth",
            "oauth_resource",
            "scopes",
            "startup_timeout_sec",
            "startup_timeout_ms",
            "tool_timeout_sec",
            "enabled",
            "required",
            "supports_parallel_tool_calls",
            "enabled_tools",
            "disabled_tools",
            "default_tools_approval_mode",
            "tools",
            "experimental_environment",
            "name",
        ],
        TYPES,
    ),
    // NO_EXPANSION: `$VAR` and `${VAR}` reach the server as written.
    grammar: Fact::cited(Grammar::NONE, NO_EXPANSION),
    expands_in: Fact::cited(&[], NO_EXPANSION),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], TYPES),
    predefined: Fact::cited(&[], NO_EXPANSION),
    // UTILS `create_env_for_mcp_server`: a stdio server gets a few default variables, the names
    // listed in `env_vars` (from Codex's own environment) and the literal `env`; no `.env`.
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: None,
        },
        UTILS,
    ),
    // No reference inside a string: a secret is named instead, `env_vars = ["NAME"]` (stdio),
    // `bearer_token_env_var = "NAME"` or `env_http_headers = { "X-Key" = "NAME" }` (remote;
    // OLD_TYPES, UTILS `build_default_headers`).
    reference: Fact::cited(
        Reference::Named {
            example: "`env_vars = [\"NAME\"]` for a stdio server; `bearer_token_env_var = \"NAME\"` \
                      or `env_http_headers = { \"Header\" = \"NAME\" }` for a remote one",
        },
        OLD_TYPES,
    ),
    // User configs (`check --user`): HOME `find_codex_home()`: `$CODEX_HOME` (empty = unset),
    // else `dirs::home_dir()/.codex`, on every system (the home folder is the profile folder
    // on Windows: `dirs` semantics, not stated by Codex).
    user: UserFiles {
        linux: &[CODEX_HOME_FILE],
        macos: &[CODEX_HOME_FILE],
        windows: &[Fact::unconfirmed(CODEX_HOME_FILE.value, HOME)],
    },
    state_files: &[],
};
