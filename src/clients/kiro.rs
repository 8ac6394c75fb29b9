//! Kiro (IDE and CLI; closed source): `.kiro/settings/mcp.json` in a workspace and in the home
//! folder; workspace servers win on merge (CLI: agent > project > global).

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// IDE docs.
const KI: &str = "https://kiro.dev/docs/mcp/configuration";
/// CLI docs (same fields; examples of `${VAR}` in `env` and `headers`).
const KC: &str = "https://kiro.dev/docs/cli/mcp/configuration";
/// Not primary: a third-party book on Kiro CLI, and the Amazon Q CLI it replaced.
const THIRD: &str =
    "shunku.net (third-party book on Kiro CLI); aws/amazon-q-developer-cli (ancestor)";

pub static KIRO: Client = Client {
    id: "kiro",
    name: "Kiro",
    mode: Mode::Direct,
    // KI "Configuration locations": `.kiro/settings/mcp.json` and `~/.kiro/settings/mcp.json`.
    // CLI agent files (`.kiro/agents/*.json`) can also hold `mcpServers`: not recognised here.
    files: Fact::cited(&[".kiro/settings/mcp.json"], KI),
    // KI, KC "Configuration file structure".
    roots: Fact::cited(&["mcpServers"], KI),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, KI),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], KI),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], KI),
    // Not documented: assumed strict JSON.
    comments: Fact::unconfirmed(false, KI),
    // KI/KC document no `type`. THIRD shows `"type": "http"`; Amazon Q CLI reads `stdio`/`http`.
    transports: Fact::unconfirmed(&[("stdio", Kind::Stdio), ("http", Kind::Remote)], THIRD),
    // KI/KC tables: a local server is `command` + `args`, a remote one `url` (+ `headers`), with
    // no `type`. Streamable HTTP vs SSE selection is not documented.
    untyped: Fact::cited(Untyped::Infer, KI),
    writes_type: Fact::cited(false, KI),
    url_fields: Fact::cited(&["url"], KI),
    // KI/KC tables list every field but `type` (THIRD). A newer copy of KI, seen through a mirror
    // host, adds `oauth` ({ clientId }) and `oauthScopes` for remote servers. Unknown-field
    // handling is not documented.
    fields: Fact::unconfirmed(
        &[
            "type",
            "command",
            "args",
            "env",
            "url",
            "headers",
            "oauth",
            "oauthScopes",
            "disabled",
            "autoApprove",
            "disabledTools",
        ],
        KI,
    ),
    // KI/KC examples: `"${EXPANDED_VARIABLE}"`, `"Bearer ${API_TOKEN}"`. `$VAR`, `${env:VAR}`,
    // defaults and undefined variables are not documented. The IDE expands only variables the
    // user approved ("Mcp Approved Env Vars"; kiro.dev/docs/mcp/security, headings only read).
    grammar: Fact::cited(
        Grammar {
            braced: true,
            env_prefix: false,
            default: false,
            all_operators: false,
            bare: false,
            dollar_escape: false,
            inputs: false,
            command: false,
            secrets: false,
        },
        KC,
    ),
    // Only `env` and `headers` are shown with references; other fields are not documented.
    expands_in: Fact::unconfirmed(&["env", "headers"], KC),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], KC),
    predefined: Fact::unconfirmed(&[], KC),
    // The environment Kiro was started with (implied by the examples); `.env`: not documented.
    lookup: Fact::unconfirmed(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: None,
        },
        KC,
    ),
    // KC "Local server with environment variables": `"BRAVE_API_KEY": "${BRAVE_API_KEY}"`;
    // "Remote server with headers": `"Authorization": "Bearer ${API_TOKEN}"`.
    reference: Fact::cited(Reference::Braced, KC),
    // User configs (`check --user`): KI "Configuration locations", `~/.kiro/settings/mcp.json`;
    // what `~` is on Windows is not documented.
    user: UserFiles {
        linux: &[Fact::cited(
            Place::at(Base::Home, ".kiro/settings/mcp.json"),
            KI,
        )],
        macos: &[Fact::cited(
            Place::at(Base::Home, ".kiro/settings/mcp.json"),
            KI,
        )],
        windows: &[Fact::unconfirmed(
            Place::at(Base::Home, ".kiro/settings/mcp.json"),
            KI,
        )],
    },
    state_files: &[],
};
