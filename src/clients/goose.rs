//! Goose (Block; also published as aaif-goose/goose): `config.yaml` in goose's config folder
//! (`~/.config/goose/`, `%APPDATA%\Block\goose\config\`, or `$GOOSE_PATH_ROOT/config/`). Its
//! MCP servers are the `extensions:` entries of type `stdio` and `streamable_http`; the rest of
//! the file is goose's own settings. No project-level file.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// `ExtensionConfig` (`#[serde(tag = "type")]`) and `Envs::DISALLOWED_KEYS`.
const EXTENSION: &str =
    "block/goose crates/goose/src/agents/extension.rs@01cad15fdcd662b667c6f36b1a29258ef3e69b34";
/// `ExtensionEntry { enabled, ..ExtensionConfig }`; malformed entries are skipped.
const ENTRIES: &str =
    "block/goose crates/goose/src/config/extensions.rs@1071c824ea744b1bfb655d85ca03b7425f2e845c";
/// The config folder (`etcetera` app strategy, `GOOSE_PATH_ROOT`).
pub const PATHS: &str =
    "block/goose crates/goose/src/config/paths.rs@6397b6d1a99c5a72ade56f006ac95664f51ec4ad";
/// `serde_yaml::from_str`; `env_keys` looked up in the environment, then the keyring.
const BASE: &str =
    "block/goose crates/goose/src/config/base.rs@40f4719feedae5e40781f42641ba0a6b73051a7b";
/// The documented file (https://block.github.io/goose/docs/guides/config-files).
const DOC: &str = "block/goose documentation/docs/guides/config-files.md@457447b42014d508bc0e1c149c2d56174b7592f2";
/// `${VAR}` in a remote extension's headers, from its `envs` and `env_keys` (PR text only).
const HEADERS: &str =
    "https://github.com/aaif-goose/goose/pull/5439 (merged; code not read at a commit)";

/// `$XDG_CONFIG_HOME/goose/config.yaml` (default `~/.config/goose/`), or
/// `$GOOSE_PATH_ROOT/config/config.yaml`.
const GOOSE_CONFIG: Fact<Place> = Fact::cited(
    Place::at(Base::XdgConfig, "goose/config.yaml")
        .moved_by(&[("GOOSE_PATH_ROOT", "config/config.yaml")]),
    PATHS,
);

pub static GOOSE: Client = Client {
    id: "goose",
    name: "Goose",
    mode: Mode::Direct,
    // DOC: `~/.config/goose/config.yaml`, Windows `%APPDATA%\Block\goose\config\config.yaml`;
    // PATHS: `GOOSE_PATH_ROOT` → `<root>/config/config.yaml`.
    files: Fact::cited(&["goose/config.yaml", "goose/config/config.yaml"], DOC),
    // DOC "Extensions Configuration": the top-level `extensions:` mapping.
    roots: Fact::cited(&["extensions"], ENTRIES),
    // ENTRIES: a map keyed by the extension's key (its name, lowercased).
    servers: Fact::cited(Servers::Map, ENTRIES),
    // EXTENSION (`#[serde(tag = "type")]`, `name`; `args` on a stdio one) and ENTRIES
    // (`enabled`): an entry without one is malformed and skipped.
    required: Fact::cited(&["type", "name", "enabled", "args"], EXTENSION),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], DOC),
    // BASE: YAML, which has `#` comments.
    comments: Fact::cited(true, BASE),
    // EXTENSION: `type` is required. `sse` is "no longer supported - kept only for config file
    // compatibility" (ENTRIES warns "SSE is unsupported, migrate to streamable_http"): left out,
    // so it is reported. `builtin`, `platform`, `frontend` and `inline_python` run inside goose.
    transports: Fact::cited(
        &[
            ("stdio", Kind::Stdio),
            ("streamable_http", Kind::Remote),
            ("builtin", Kind::Builtin),
            ("platform", Kind::Builtin),
            ("frontend", Kind::Builtin),
            ("inline_python", Kind::Builtin),
        ],
        EXTENSION,
    ),
    // ENTRIES: without a known `type` the entry is malformed and skipped with a warning.
    untyped: Fact::cited(Untyped::StdioOnly, ENTRIES),
    writes_type: Fact::cited(true, EXTENSION),
    url_fields: Fact::cited(&["uri"], EXTENSION),
    // EXTENSION (every variant's fields) and ENTRIES (`enabled`). Unknown keys are ignored.
    fields: Fact::cited(
        &[
            "type",
            "enabled",
            "name",
            "description",
            "display_name",
            "cmd",
            "args",
            "envs",
            "env_keys",
            "uri",
            "headers",
            "timeout",
            "bundled",
            "available_tools",
            "tools",
            "instructions",
            "code",
            "dependencies",
        ],
        EXTENSION,
    ),
    // HEADERS: `${VAR}` and `${ VAR }` in `headers`, from the extension's own `envs` and
    // `env_keys`; not read in code.
    grammar: Fact::unconfirmed(
        Grammar {
            braced: true,
            ..Grammar::NONE
        },
        HEADERS,
    ),
    expands_in: Fact::unconfirmed(&["headers"], HEADERS),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], EXTENSION),
    predefined: Fact::cited(&[], EXTENSION),
    // BASE: `env_keys` from the environment (exact name), then the keyring (or `secrets.yaml`
    // with `GOOSE_DISABLE_KEYRING`); no `.env`.
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: None,
        },
        BASE,
    ),
    // No reference inside `envs`: a secret is named in `env_keys: [NAME]` instead (EXTENSION;
    // DOC "env_keys: [] # Required environment variables"), and a header writes `${NAME}`.
    reference: Fact::cited(
        Reference::Named {
            example: "`env_keys: [NAME]`, and `${NAME}` where a header needs it",
        },
        DOC,
    ),
    // User configs (`check --user`): PATHS `etcetera::choose_app_strategy` (XDG on Linux and
    // macOS: `$XDG_CONFIG_HOME` or `~/.config`, then `goose/`; Windows `%APPDATA%\Block\goose\
    // config\`), or `$GOOSE_PATH_ROOT/config/`; DOC gives the default paths.
    user: UserFiles {
        linux: &[GOOSE_CONFIG],
        macos: &[GOOSE_CONFIG],
        windows: &[Fact::cited(
            Place::at(Base::AppData, "Block/goose/config/config.yaml")
                .moved_by(&[("GOOSE_PATH_ROOT", "config/config.yaml")]),
            DOC,
        )],
    },
    state_files: &[],
};
