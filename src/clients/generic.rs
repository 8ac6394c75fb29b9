//! `generic`: a file no client profile recognises, read in the merged dialect of the common
//! clients (every field and transport name one of them reads, mcplint's full grammar).

use super::model::{Client, Fact, Grammar, Kind, Lookup, Mode, Reference, Untyped};

const MERGED: &str = "the union of the common clients' formats (see the other client files)";

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

pub static GENERIC: Client = Client {
    id: "generic",
    name: "generic (no client recognised; name it with --client)",
    mode: Mode::Template,
    files: Fact::cited(&[], MERGED),
    roots: Fact::cited(&[], MERGED),
    comments: Fact::cited(false, MERGED),
    transports: Fact::cited(
        &[
            ("stdio", Kind::Stdio),
            ("sse", Kind::Remote),
            ("http", Kind::Remote),
            ("streamable-http", Kind::Remote),
            ("streamableHttp", Kind::Remote),
        ],
        MERGED,
    ),
    untyped: Fact::cited(Untyped::Infer, MERGED),
    writes_type: Fact::cited(false, MERGED),
    url_fields: Fact::cited(&["url"], MERGED),
    fields: Fact::cited(FIELDS, MERGED),
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
        },
        MERGED,
    ),
    expands_in: Fact::cited(&["*"], MERGED),
    // No field of this client is run by a shell.
    shell_fields: Fact::cited(&[], MERGED),
    predefined: Fact::cited(&[], MERGED),
    lookup: Fact::cited(
        Lookup {
            process: true,
            dotenv: true,
            env_file_field: None,
        },
        MERGED,
    ),
    reference: Fact::cited(Reference::Braced, MERGED),
};
