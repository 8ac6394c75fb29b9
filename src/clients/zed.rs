//! Zed: `settings.json` in Zed's config folder (`~/.config/zed/`, `%APPDATA%\Zed\`) and a
//! project's `.zed/settings.json`, JSON with comments. Servers are under `context_servers`.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// `ContextServerSettingsContent` (untagged: stdio, HTTP, extension), parsed as JSONC.
const PROJECT: &str = "zed-industries/zed crates/settings_content/src/project.rs@68db2132b7f4ca10b708e11c64f92b82241a6aad";
/// The settings files: `config_dir()/settings.json`, `.zed/settings.json`.
pub const PATHS: &str =
    "zed-industries/zed crates/paths/src/paths.rs@010c9b6fa6d6efbf90a3b8d5ee64cb30297ba275";
/// The documentation page (the older tagged form with `"source": "custom"`).
pub const DOC: &str = "https://zed.dev/docs/ai/mcp (zed-industries/zed docs/src/ai/mcp.md@04ebba463d123387b2ca27eaecd6c540ebb7c044)";
/// No expansion in `context_servers`: headers reach the server as written.
const NO_EXPANSION: &str = "https://github.com/zed-industries/zed/issues/60459 (open; PR #60457 adding expansion was closed)";

pub static ZED: Client = Client {
    id: "zed",
    name: "Zed",
    mode: Mode::Direct,
    // PATHS `settings_file()` (`zed/settings.json` under the config folder on Linux and macOS,
    // `Zed\settings.json` under RoamingAppData on Windows) and `local_settings_file_relative_path()`.
    files: Fact::cited(
        &[
            ".zed/settings.json",
            "zed/settings.json",
            "Zed/settings.json",
        ],
        PATHS,
    ),
    // PROJECT: `context_servers: HashMap<Arc<str>, ContextServerSettingsContent>`.
    roots: Fact::cited(&["context_servers"], PROJECT),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, PROJECT),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], PROJECT),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], PROJECT),
    // PROJECT: `parse_json_with_comments`. Trailing commas: not read, assumed accepted.
    comments: Fact::cited(true, PROJECT),
    // PROJECT: no `type`; the untagged variants are stdio (`command`) and HTTP (`url`); no SSE.
    // The names are used in messages only.
    transports: Fact::cited(&[("stdio", Kind::Stdio), ("http", Kind::Remote)], PROJECT),
    // PROJECT: the first variant that deserialises: `command` → stdio, `url` → HTTP.
    untyped: Fact::cited(Untyped::Infer, PROJECT),
    writes_type: Fact::cited(false, PROJECT),
    url_fields: Fact::cited(&["url"], PROJECT),
    // PROJECT: stdio `enabled`, `remote`, `command` (a string; the older form nests
    // `{path, args, env}` in it), `args`, `env`, `timeout`; HTTP `enabled`, `url`, `headers`,
    // `timeout` (and `oauth` in a newer version); extension `enabled`, `remote`, `settings`.
    // DOC: the older `"source": "custom"`, now ignored. Unknown keys are ignored.
    fields: Fact::cited(
        &[
            "command", "args", "env", "enabled", "remote", "timeout", "url", "headers", "oauth",
            "settings", "source",
        ],
        PROJECT,
    ),
    // NO_EXPANSION: `$VAR` and `${VAR}` are sent as written.
    grammar: Fact::cited(Grammar::NONE, NO_EXPANSION),
    expands_in: Fact::cited(&[], NO_EXPANSION),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], PROJECT),
    predefined: Fact::cited(&[], NO_EXPANSION),
    // Nothing is looked up in the config; whether a stdio server inherits Zed's environment
    // was not read.
    lookup: Fact::unconfirmed(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: None,
        },
        "not read in zed-industries/zed; research/clients/zed.md §4",
    ),
    // No reference syntax: a remote server's token goes through Zed's OAuth flow (DOC), a stdio
    // server's through the environment Zed was started in (unconfirmed).
    reference: Fact::cited(Reference::None, NO_EXPANSION),
    // User configs (`check --user`), PATHS `config_dir()`: Linux `$FLATPAK_XDG_CONFIG_HOME`,
    // else `dirs::config_dir()` (`$XDG_CONFIG_HOME` or `~/.config`), then `zed/`; macOS
    // `~/.config/zed/` (not `~/Library`); Windows RoamingAppData `Zed\`.
    user: UserFiles {
        linux: &[Fact::cited(
            Place::at(Base::XdgConfig, "zed/settings.json")
                .moved_by(&[("FLATPAK_XDG_CONFIG_HOME", "zed/settings.json")]),
            PATHS,
        )],
        macos: &[Fact::cited(
            Place::at(Base::Home, ".config/zed/settings.json"),
            PATHS,
        )],
        windows: &[Fact::cited(
            Place::at(Base::AppData, "Zed/settings.json"),
            PATHS,
        )],
    },
    state_files: &[],
};
