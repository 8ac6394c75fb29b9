//! GitHub Copilot CLI (closed source): `~/.copilot/mcp-config.json` (`$COPILOT_HOME`), and per
//! repository `.github/mcp.json` and `.mcp.json` (trusted folders only; project files win).
//!
//! `.mcp.json` is not listed in `files`: Claude Code owns that name here, and the two read it
//! alike (`mcpServers`, `${VAR}`), though Copilot also accepts `local` and needs `tools`.

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};
use super::places::{Base, Place};

/// github/docs content/copilot/how-tos/copilot-cli/customize-copilot/add-mcp-servers.md
/// @091100a4315b125650e65f6567256fce35d0d605.
const ADD: &str =
    "https://docs.github.com/en/copilot/how-tos/copilot-cli/customize-copilot/add-mcp-servers";
/// "MCP server configuration" (github/docs content/copilot/reference/copilot-cli-reference/
/// cli-command-reference.md; one stored version is @046d26799c8dcf0ce012cb6f2151e1edd62e30d9).
const REF: &str =
    "https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-command-reference";
/// github/docs content/copilot/reference/copilot-cli-reference/cli-config-dir-reference.md
/// @03b432e6d532db63f40312771e3ba8212d1995c0.
const DIR: &str =
    "https://docs.github.com/en/copilot/reference/copilot-cli-reference/cli-config-dir-reference";

pub static COPILOT_CLI: Client = Client {
    id: "copilot-cli",
    name: "GitHub Copilot CLI",
    mode: Mode::Direct,
    // ADD "Editing the configuration file" and "Adding per-repository MCP servers"; DIR. It does
    // not read `.vscode/mcp.json` (ADD).
    files: Fact::cited(&[".copilot/mcp-config.json", ".github/mcp.json"], ADD),
    // ADD examples; project files use "the same" format.
    roots: Fact::cited(&["mcpServers"], ADD),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, ADD),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], ADD),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], ADD),
    // DIR says JSONC for `settings.json` only; not stated for `mcp-config.json`.
    comments: Fact::unconfirmed(false, DIR),
    // REF "Transport types": `local` / `stdio` (the same), `http` (Streamable HTTP), `sse`.
    transports: Fact::cited(
        &[
            ("local", Kind::Stdio),
            ("stdio", Kind::Stdio),
            ("http", Kind::Remote),
            ("sse", Kind::Remote),
        ],
        REF,
    ),
    // REF: `type` is optional only for a local server (default `local`) and required for a
    // remote one. What the CLI does with a `url` and no `type` was not observed.
    untyped: Fact::cited(Untyped::UrlNeedsType, REF),
    writes_type: Fact::cited(false, REF),
    url_fields: Fact::cited(&["url"], REF),
    // REF "Local/Remote server configuration fields"; `tools` (`["*"]` or names) is required for
    // both kinds.
    fields: Fact::cited(
        &[
            "type",
            "command",
            "args",
            "env",
            "cwd",
            "url",
            "headers",
            "tools",
            "timeout",
            "oauthClientId",
            "oauthPublicClient",
            "oidc",
            "filterMapping",
        ],
        REF,
    ),
    // REF: `env` "Supports `$VAR`, `${VAR}`, and `${VAR:-default}` expansion"; `headers`
    // "Supports variable expansion". Undefined variables: not documented.
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
        REF,
    ),
    expands_in: Fact::cited(&["env", "headers"], REF),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], REF),
    predefined: Fact::cited(&[], REF),
    // The CLI's environment (implied, not stated); `.env`: not documented. Only `PATH` reaches a
    // stdio server unless listed in `env` (ADD).
    lookup: Fact::unconfirmed(
        Lookup {
            process: true,
            dotenv: false,
            env_file_field: None,
        },
        REF,
    ),
    // REF's expansion rules: `"API_KEY": "${API_KEY}"` in `env`, `"Bearer ${TOKEN}"` in `headers`.
    reference: Fact::cited(Reference::Braced, REF),
    // User configs (`check --user`): `~/.copilot/mcp-config.json`, moved by `COPILOT_HOME`
    // (DIR "File location"; Windows `C:\Users\<user>\.copilot\`).
    user: UserFiles::everywhere(&[Fact::cited(
        Place::at(Base::Home, ".copilot/mcp-config.json")
            .moved_by(&[("COPILOT_HOME", "mcp-config.json")]),
        DIR,
    )]),
    state_files: &[],
};
