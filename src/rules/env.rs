//! `env/`: `${VAR}` references, `.env` files and what they resolve to.

use crate::registry::rule;

rule! {
    /// ## What it does
    /// Reports a `${NAME}` that neither the environment nor any `.env` file defines, and
    /// suggests the name that was probably meant. References inside a `.env` file are
    /// checked too.
    ///
    /// ## Why is this bad?
    /// Clients substitute an empty string: the server starts without its token and fails
    /// later with a 401 that says nothing about the missing variable.
    ///
    /// ## Example
    /// ```json
    /// { "hf": { "type": "http", "url": "https://huggingface.co/mcp",
    ///           "headers": { "Authorization": "Bearer ${HF_TOKN}" } } }
    /// ```
    ///
    /// Use instead: the name `.env` defines (`HF_TOKEN=...`), or a default:
    /// `${HF_TOKEN}`, `${LOG_LEVEL:-info}`.
    UNDEFINED_VARIABLE, "env/undefined-variable", Error, "a `${VAR}` that nothing defines"
}

rule! {
    /// ## What it does
    /// Reports `${NAME:?message}` (or `${NAME?message}`) whose variable is unset (or empty),
    /// with the author's message.
    ///
    /// ## Why is this bad?
    /// The config's author marked the variable as required; the server cannot work without it.
    ///
    /// ## Example
    /// ```json
    /// { "db": { "command": "uvx", "args": ["mcp-server-postgres", "${PG_URL:?set PG_URL in .env}"] } }
    /// ```
    ///
    /// Use instead: define it, in `.env` (`PG_URL=...`) or in the environment.
    REQUIRED_VARIABLE, "env/required-variable", Error, "a required `${VAR:?message}` is not set"
}

rule! {
    /// ## What it does
    /// Reports a plain `${NAME}` whose variable is set to the empty string.
    ///
    /// ## Why is this bad?
    /// The server starts with an empty token or URL, which fails later and far from the cause.
    ///
    /// ## Example
    /// A `.env` with `GITHUB_TOKEN=` and a config with `"${GITHUB_TOKEN}"`.
    ///
    /// Use instead: give it a value, or make the intent explicit: `${NAME:-fallback}` for a
    /// default, `${NAME:?NAME must be set}` to fail when it is empty.
    EMPTY_VALUE, "env/empty-value", Warning, "a referenced variable is set but empty"
}

rule! {
    /// ## What it does
    /// Reports `$NAME` without braces in a config value.
    ///
    /// ## Why is this bad?
    /// MCP clients and hubs expand only `${NAME}`; `$NAME` reaches the server as the literal
    /// text `$NAME`.
    ///
    /// ## Example
    /// ```json
    /// { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "$HOME/docs"] } }
    /// ```
    ///
    /// Use instead: `"${HOME}/docs"`, or `"$$HOME/docs"` for a literal `$`.
    BARE_VARIABLE, "env/bare-variable", Warning, "`$NAME` without braces, which nothing expands"
}

rule! {
    /// ## What it does
    /// Reports `${cmd: ...}`, a command some clients run to produce a value. mcplint never runs
    /// it, so the value cannot be checked.
    ///
    /// ## Why is this bad?
    /// A config that runs commands when it is loaded is a config that runs whatever someone
    /// writes into it; it also makes the resolved value invisible to review.
    ///
    /// ## Example
    /// ```json
    /// { "gh": { "command": "npx", "env": { "GITHUB_TOKEN": "${cmd: gh auth token}" } } }
    /// ```
    ///
    /// Use instead: put the value in `.env` and write `${GITHUB_TOKEN}`.
    COMMAND_SUBSTITUTION, "env/command-substitution", Warning, "`${cmd: ...}`, which mcplint never runs"
}

rule! {
    /// ## What it does
    /// Notes `${input:id}`, `${workspaceFolder}`, `${config:...}` and the other references a
    /// client such as VS Code fills in itself when the server starts. They are left as written.
    ///
    /// ## Why is this bad?
    /// It is not: this is information, so that a rendered config that still holds such a
    /// reference is not a surprise.
    ///
    /// ## Example
    /// ```json
    /// { "servers": { "api": { "command": "node", "env": { "KEY": "${input:api-key}" } } } }
    /// ```
    ///
    /// Use instead: nothing to change; use `${NAME}` when the value should come from `.env`.
    RUNTIME_INPUT, "env/runtime-input", Info, "a reference the client fills in at run time"
}

rule! {
    /// ## What it does
    /// Reports `${` in an object key.
    ///
    /// ## Why is this bad?
    /// Keys are never expanded, by mcplint or by clients: the server gets a variable literally
    /// named `${NAME}`.
    ///
    /// ## Example
    /// ```json
    /// { "api": { "command": "node", "env": { "${PREFIX}_TOKEN": "x" } } }
    /// ```
    ///
    /// Use instead: write the key out: `"API_TOKEN": "${API_TOKEN}"`.
    VARIABLE_IN_KEY, "env/variable-in-key", Warning, "`${` in an object key, which nothing expands"
}

rule! {
    /// ## What it does
    /// Notes a variable of the `.env` beside the config that no config (and no other `.env`
    /// value) references.
    ///
    /// ## Why is this bad?
    /// Often a leftover, or a misspelling of a name the config does use; a secret nobody uses
    /// is a secret that should not be lying around.
    ///
    /// ## Example
    /// `.env` defines `HF_TOKEN` and `HF_TOKN`; the config references only `${HF_TOKEN}`.
    ///
    /// Use instead: remove the unused line, or reference it.
    UNUSED_VARIABLE, "env/unused-variable", Info, "a `.env` variable no config references"
}

rule! {
    /// ## What it does
    /// Reports a `${...}` that cannot be read: `${`, `${}`, `${ NAME}`, `${NAME }`, an unknown
    /// operator as in `${NAME!}` or `${NAME:=x}`, an unterminated `${NAME:-x`.
    ///
    /// ## Why is this bad?
    /// Clients pass such text through unexpanded, or fail to load the config.
    ///
    /// ## Example
    /// ```json
    /// { "api": { "url": "https://${ HOST}/mcp", "type": "http" } }
    /// ```
    ///
    /// Use instead: `${HOST}`; operators are `:-` `-` `:?` `?` `:+` `+`; `$$` is a literal `$`.
    INVALID_TEMPLATE, "env/invalid-template", Error, "a `${...}` that cannot be read"
}

rule! {
    /// ## What it does
    /// Reports a `.env` line that is not `NAME=value`: a space in an unquoted value, an unknown
    /// escape, a quote never closed, a name that starts with a digit.
    ///
    /// ## Why is this bad?
    /// The line is skipped or the whole file is rejected, depending on the tool that reads it;
    /// the variables it defines are missing at run time.
    ///
    /// ## Example
    /// ```text
    /// GREETING=hello world
    /// ```
    ///
    /// Use instead:
    /// ```text
    /// GREETING="hello world"
    /// ```
    SYNTAX, "env/syntax", Error, "a `.env` line that is not `NAME=value`"
}
