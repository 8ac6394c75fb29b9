//! A template mcplint renders: the hub's `mcp-servers.json` with the `.env` beside it.
//!
//! Not a client: mcplint itself reads it (`mcplint render`), with its full grammar, and what it
//! writes is judged as its target client reads it (`render --to`).

use super::model::{
    Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Servers, Untyped, UserFiles,
};

const OWN: &str = "mcplint's own template format (README, \"Variables\")";

/// The fields of the merged dialect: what `schema/mcp-servers.schema.json` describes.
pub const FIELDS: &[&str] = &[
    "type",
    "command",
    "args",
    "env",
    "cwd",
    "envFile",
    "url",
    "headers",
    "disabled",
    "note",
    "description",
    "autoApprove",
    "alwaysAllow",
    "disabledTools",
    "timeout",
    "oauth",
];

pub static TEMPLATE: Client = TEMPLATE_FORMAT;

/// mcplint's own format, which `generic` shares.
pub const TEMPLATE_FORMAT: Client = Client {
    id: "template",
    name: "an mcplint template",
    mode: Mode::Template,
    files: Fact::cited(&["mcp-servers.json", "mcp-servers.jsonc"], OWN),
    // A bare map of servers, `mcpServers`, or VS Code's `servers`: the shapes it renders to.
    roots: Fact::cited(&[], OWN),
    // A map of servers keyed by name.
    servers: Fact::cited(Servers::Map, OWN),
    // No field of an entry is required beyond its transport's.
    required: Fact::cited(&[], OWN),
    // Nothing at the top level is required.
    preamble: Fact::cited(&[], OWN),
    comments: Fact::cited(false, OWN),
    transports: Fact::cited(
        &[
            ("stdio", Kind::Stdio),
            ("sse", Kind::Remote),
            ("http", Kind::Remote),
            ("streamable-http", Kind::Remote),
            ("streamableHttp", Kind::Remote),
        ],
        OWN,
    ),
    untyped: Fact::cited(Untyped::Infer, OWN),
    writes_type: Fact::cited(false, OWN),
    url_fields: Fact::cited(&["url"], OWN),
    fields: Fact::cited(FIELDS, OWN),
    grammar: Fact::cited(
        Grammar {
            braced: true,
            env_prefix: true,
            default: true,
            all_operators: true,
            bare: false,
            dollar_escape: true,
            inputs: true,
            command: false,
            secrets: false,
        },
        OWN,
    ),
    expands_in: Fact::cited(&["*"], OWN),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], OWN),
    predefined: Fact::cited(&[], OWN),
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: true,
            env_file_field: None,
        },
        OWN,
    ),
    reference: Fact::cited(Reference::Braced, OWN),
    // A template lives in a project; it has no user location.
    user: UserFiles::NONE,
    state_files: &[],
};
