//! `parse/`: the file cannot be read as the JSON a client expects.

use crate::registry::rule;

rule! {
    /// ## What it does
    /// Reports text that is not valid JSON: a missing comma or colon, an unterminated string,
    /// a comment or trailing comma in a strict `.json` file, and so on. mcplint stops at the
    /// first syntax error and points at the exact character.
    ///
    /// ## Why is this bad?
    /// A client that cannot parse its config starts no server at all, often with an error
    /// message that names neither the file nor the line.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "github": { "command": "npx" "args": ["-y", "@modelcontextprotocol/server-github"] }
    /// }
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// {
    ///   "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] }
    /// }
    /// ```
    ///
    /// Comments and trailing commas are accepted in `.jsonc` files, in VS Code's `mcp.json`,
    /// and with `--jsonc`.
    SYNTAX, "parse/syntax", Error, "the file is not valid JSON"
}

rule! {
    /// ## What it does
    /// Reports a key written twice in the same object, at any depth: two servers with the same
    /// name, or the same variable twice in an `env` block.
    ///
    /// ## Why is this bad?
    /// JSON parsers do not reject duplicates: they silently keep the last one. The first server
    /// (or the first value) simply disappears, and nothing says so.
    ///
    /// ## Example
    /// ```json
    /// {
    ///   "github": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] },
    ///   "github": { "url": "https://api.githubcopilot.com/mcp/", "type": "http" }
    /// }
    /// ```
    ///
    /// Use instead: one name per server.
    /// ```json
    /// {
    ///   "github-local": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-github"] },
    ///   "github": { "url": "https://api.githubcopilot.com/mcp/", "type": "http" }
    /// }
    /// ```
    DUPLICATE_KEY, "parse/duplicate-key", Error, "a key appears twice in one object; parsers keep only the last"
}

rule! {
    /// ## What it does
    /// Reports a config file that is empty or holds only whitespace (or only comments).
    ///
    /// ## Why is this bad?
    /// Clients fail to start on an empty config, or start with no servers at all.
    ///
    /// ## Example
    /// An empty `mcp-servers.json`.
    ///
    /// Use instead: an object of servers, even if empty:
    /// ```json
    /// {}
    /// ```
    EMPTY_FILE, "parse/empty-file", Error, "the config file is empty"
}

rule! {
    /// ## What it does
    /// Reports a config whose top-level value is not an object (an array, a string, a number).
    ///
    /// ## Why is this bad?
    /// Every MCP client expects an object: a map of server name to entry, or one under
    /// `mcpServers` (Claude, Cursor, Cline) or `servers` (VS Code).
    ///
    /// ## Example
    /// ```json
    /// [{ "name": "github", "command": "npx" }]
    /// ```
    ///
    /// Use instead:
    /// ```json
    /// { "github": { "command": "npx" } }
    /// ```
    INVALID_ROOT, "parse/invalid-root", Error, "the top-level value is not an object"
}

rule! {
    /// ## What it does
    /// Reports a config nested more than 512 levels deep. mcplint stops there instead of
    /// risking its stack on a hostile or corrupted file.
    ///
    /// ## Why is this bad?
    /// No MCP config needs a tenth of that depth; such a file is generated wrongly, corrupted,
    /// or made to crash the tools that read it.
    ///
    /// ## Example
    /// `{"a": [[[[[[ ... ]]]]]] }` with thousands of brackets.
    ///
    /// Use instead: the flat structure of a server map.
    TOO_DEEP, "parse/too-deep", Error, "the config is nested more than 512 levels deep"
}

rule! {
    /// ## What it does
    /// Reports a config larger than the size limit (64 MiB unless `--max-file-size` says
    /// otherwise); it is not read.
    ///
    /// ## Why is this bad?
    /// An MCP config is a few kilobytes; a file of that size is almost certainly not one, and
    /// reading it whole would take the memory of the machine that runs the hook.
    ///
    /// ## Example
    /// A log file passed by mistake: `mcplint check server.log.json`.
    ///
    /// Use instead: the config; or raise the limit: `--max-file-size 256` (MiB).
    TOO_LARGE, "parse/too-large", Error, "the file is over the size limit"
}

rule! {
    /// ## What it does
    /// Reports a file that is not valid UTF-8, with the byte offset of the first bad byte.
    ///
    /// ## Why is this bad?
    /// JSON must be UTF-8 (RFC 8259 §8.1). Such a file usually comes from an editor that saved
    /// it as Latin-1 or UTF-16; clients reject it or read mangled values.
    ///
    /// ## Example
    /// A file saved as UTF-16 by a Windows editor.
    ///
    /// Use instead: save the file as UTF-8 (a byte order mark is accepted).
    INVALID_UTF8, "parse/invalid-utf8", Error, "the file is not valid UTF-8"
}
