//! The vocabulary of the client registry: what is known of a client, and how sure.

use super::places::{Os, Place};
use crate::registry::Severity;

/// A fact about a client, with its source.
#[derive(Debug, Clone, Copy)]
pub struct Fact<T: 'static> {
    pub value: T,
    /// Where it was read: a documentation URL, or `owner/repo path@commit`.
    pub source: &'static str,
    /// False when no primary source (the client's docs or code) says it.
    pub confirmed: bool,
}

impl<T: Copy> Fact<T> {
    /// A fact the client's own documentation or source code states.
    pub const fn cited(value: T, source: &'static str) -> Fact<T> {
        Fact {
            value,
            source,
            confirmed: true,
        }
    }

    /// A fact no primary source confirmed; `source` says what was seen instead.
    pub const fn unconfirmed(value: T, source: &'static str) -> Fact<T> {
        Fact {
            value,
            source,
            confirmed: false,
        }
    }

    /// The severity a finding that rests on this fact may have: `wanted`, or `info` at most
    /// when the fact is unconfirmed.
    pub fn cap(&self, wanted: Severity) -> Severity {
        if self.confirmed {
            wanted
        } else {
            wanted.min(Severity::Info)
        }
    }
}

/// Whether a file is read by its client or rendered by mcplint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// The client reads the file as it is: its own expansion, fields and transports apply.
    Direct,
    /// mcplint renders the file (`mcplint render`): its full grammar applies, and `.env`.
    Template,
}

/// What kind of server a transport name starts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Stdio,
    Remote,
    /// Runs inside the client (Goose's `builtin` extensions): not an MCP server mcplint checks.
    Builtin,
}

/// What a client does with a server entry that has no `type`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Untyped {
    /// `command` makes it a stdio server, a URL a remote one.
    Infer,
    /// A stdio server unless it has a URL, which is an error: the entry is not started.
    UrlNeedsType,
    /// Only stdio servers exist in this file.
    StdioOnly,
}

/// The `${...}` forms a client expands itself.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Grammar {
    /// `${NAME}`.
    pub braced: bool,
    /// `${env:NAME}`.
    pub env_prefix: bool,
    /// `${NAME:-default}` and the other POSIX operators it knows (`:-` at least).
    pub default: bool,
    /// All of `:-`, `-`, `:?`, `?`, `:+`, `+`.
    pub all_operators: bool,
    /// `$NAME` without braces.
    pub bare: bool,
    /// `$$` as a literal `$`.
    pub dollar_escape: bool,
    /// `${input:id}`, declared in the file's `inputs`.
    pub inputs: bool,
    /// `${cmd: ...}`: a command the client runs.
    pub command: bool,
    /// `${{ secrets.NAME }}` (Continue).
    pub secrets: bool,
}

impl Grammar {
    /// Nothing is expanded: every `${...}` reaches the server as written.
    pub const NONE: Grammar = Grammar {
        braced: false,
        env_prefix: false,
        default: false,
        all_operators: false,
        bare: false,
        dollar_escape: false,
        inputs: false,
        command: false,
        secrets: false,
    };
}

/// Where a client looks a variable up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Lookup {
    /// The environment the client itself was started with.
    pub process: bool,
    /// A `.env` beside the config.
    pub dotenv: bool,
    /// A field naming an env file whose variables reach the server process (VS Code's
    /// `envFile`): not used for `${...}` in the config itself.
    pub env_file_field: Option<&'static str>,
}

/// How a file lists its servers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Servers {
    /// An object (a TOML table, a YAML mapping) of servers keyed by their name.
    Map,
    /// A list of servers, each named by the field given (Continue's `mcpServers:` items and
    /// their `name`). A server's path is its index: `/mcpServers/0`.
    List { name_field: &'static str },
}

/// How `fix` and every help write a reference to a variable `NAME` for this client.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reference {
    /// `${NAME}`, the variable exported before the client starts.
    Braced,
    /// `${env:NAME}`.
    EnvPrefix,
    /// `${{ secrets.NAME }}` (Continue), looked up in its `.env` files, then the environment.
    Secrets,
    /// No reference inside a string: the secret is taken out and its variable named in a field
    /// instead, as `example` shows with `NAME` (Codex's `env_vars`, Goose's `env_keys`); the
    /// client passes the variable on from its own environment.
    Named { example: &'static str },
    /// The client expands nothing in that place: a secret cannot be referenced.
    None,
}

impl Reference {
    /// The reference to `name`, as written in this client's files.
    pub fn to(self, name: &str) -> Option<String> {
        match self {
            Reference::Braced => Some(format!("${{{name}}}")),
            Reference::EnvPrefix => Some(format!("${{env:{name}}}")),
            Reference::Secrets => Some(format!("${{{{ secrets.{name} }}}}")),
            Reference::Named { .. } | Reference::None => None,
        }
    }
}

/// One client: how its files are recognised and how it reads them.
#[derive(Debug)]
pub struct Client {
    /// Stable id: `--client`, `.mcplint.json`, the JSON output.
    pub id: &'static str,
    /// The client's name in messages: "Claude Code".
    pub name: &'static str,
    pub mode: Mode,
    /// Paths that identify its files, as `/`-separated suffixes of the path (`.vscode/mcp.json`),
    /// compared case-sensitively; a `*` in the last segment stands for any run of characters
    /// but `/` (`.continue/mcpServers/*.yaml`).
    pub files: Fact<&'static [&'static str]>,
    /// The top-level keys it reads servers from, in order of preference. Empty: the top-level
    /// object is itself the map of servers.
    pub roots: Fact<&'static [&'static str]>,
    /// Whether the servers under the root are a map keyed by name or a list of named items.
    pub servers: Fact<Servers>,
    /// Fields every server entry must have beyond its transport's own (`render --to` writes
    /// them: `name` the server's name, `enabled` true unless disabled, `args` empty).
    pub required: Fact<&'static [&'static str]>,
    /// Top-level keys a file must have, with the value `render --to` writes (Continue's
    /// `name`, `version`, `schema`).
    pub preamble: Fact<&'static [(&'static str, &'static str)]>,
    /// Whether `//` comments and trailing commas are accepted.
    pub comments: Fact<bool>,
    /// The `type` values it accepts, and what each starts.
    pub transports: Fact<&'static [(&'static str, Kind)]>,
    /// What it does with an entry without `type`.
    pub untyped: Fact<Untyped>,
    /// Whether its documentation writes `type` on every entry (what `render --to` writes).
    pub writes_type: Fact<bool>,
    /// The field names that hold a remote server's URL, preferred first.
    pub url_fields: Fact<&'static [&'static str]>,
    /// Every field it reads in a server entry (any transport).
    pub fields: Fact<&'static [&'static str]>,
    /// The references it expands.
    pub grammar: Fact<Grammar>,
    /// The fields whose strings it expands (`*`: every string of the entry).
    pub expands_in: Fact<&'static [&'static str]>,
    /// Fields whose value it runs through a shell, which expands its own variables: no
    /// reference there is the client's business.
    pub shell_fields: Fact<&'static [&'static str]>,
    /// Variables it fills in itself (`${workspaceFolder}`): never "undefined".
    pub predefined: Fact<&'static [&'static str]>,
    pub lookup: Fact<Lookup>,
    /// How a secret is referenced instead of written.
    pub reference: Fact<Reference>,
    /// Where it keeps a user's configs, per operating system (`check --user`).
    pub user: UserFiles,
    /// Its files that hold its own state besides servers (`~/.claude.json`).
    pub state_files: &'static [Fact<StateFile>],
}

/// A file a client writes its own state in, which also holds servers: only the servers are
/// read (the root key, and the root key of each member of `nested`); nothing else in it is
/// looked at, and `fix` changes only the bytes of a secret in those servers.
#[derive(Debug, Clone, Copy)]
pub struct StateFile {
    /// Its name, a suffix of the path as in [`Client::files`].
    pub file: &'static str,
    /// A top-level key whose members each hold servers too (Claude Code's
    /// `projects.<path>.mcpServers`).
    pub nested: Option<&'static str>,
}

impl Client {
    /// How much of `path` (`/`-separated) one of this client's file patterns matches: the
    /// length of the longest suffix that is a whole path or ends after a `/`; `None` when none.
    pub fn matches_path(&self, path: &str) -> Option<usize> {
        self.files
            .value
            .iter()
            .filter(|pattern| suffix_matches(path, pattern))
            .map(|pattern| pattern.len())
            .max()
    }

    /// The state file `path` is, if it is one of its state files.
    pub fn state_file(&self, path: &str) -> Option<&'static StateFile> {
        let path = path.replace('\\', "/");
        self.state_files
            .iter()
            .map(|f| &f.value)
            .find(|f| path == f.file || path.ends_with(&format!("/{}", f.file)))
    }

    /// The syntax of its files, from their names: TOML for `.toml`, YAML for `.yaml`, else JSON.
    pub fn format(&self) -> crate::source::Format {
        use crate::source::Format;
        match self.files.value.first().and_then(|f| f.rsplit_once('.')) {
            Some((_, "toml")) => Format::Toml,
            Some((_, "yaml" | "yml")) => Format::Yaml,
            _ => Format::Json,
        }
    }

    /// The field that holds a stdio server's command (`command`; Goose's `cmd`).
    pub fn command_field(&self) -> &'static str {
        if !self.reads("command") && self.reads("cmd") {
            "cmd"
        } else {
            "command"
        }
    }

    /// What a `type` value starts in this client, if it accepts it.
    pub fn transport(&self, name: &str) -> Option<Kind> {
        self.transports
            .value
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, kind)| *kind)
    }

    /// Its name for a transport: stdio (`stdio`, or Copilot's `local`), or remote, SSE when
    /// `sse` and it has SSE, else its Streamable HTTP name (`http`, `streamable-http`, ...).
    pub fn transport_name(&self, remote: bool, sse: bool) -> Option<&'static str> {
        let names = || {
            self.transports
                .value
                .iter()
                .filter(move |(_, k)| (*k == Kind::Remote) == remote)
                .map(|(n, _)| *n)
        };
        let pick = |wanted: &[&str]| names().find(|n| wanted.contains(n));
        if !remote {
            return pick(&["stdio", "local"]);
        }
        let http = pick(&[
            "http",
            "streamable-http",
            "streamableHttp",
            "streamable_http",
        ]);
        if sse {
            pick(&["sse"]).or(http).or_else(|| names().next())
        } else {
            http.or_else(|| names().next())
        }
    }

    /// Whether it reads `field` in a server entry.
    pub fn reads(&self, field: &str) -> bool {
        self.fields.value.contains(&field)
    }

    /// Whether it expands references in `field` (a field of the entry).
    pub fn expands(&self, field: &str) -> bool {
        self.expands_in
            .value
            .iter()
            .any(|f| *f == "*" || *f == field)
    }
}

/// A client's user-level configs: a table per operating system, each place with its source.
#[derive(Debug, Clone, Copy)]
pub struct UserFiles {
    pub linux: &'static [Fact<Place>],
    pub macos: &'static [Fact<Place>],
    pub windows: &'static [Fact<Place>],
}

impl UserFiles {
    /// No fixed place: the client is given its config on its command line (mcp-hub).
    pub const NONE: UserFiles = UserFiles {
        linux: &[],
        macos: &[],
        windows: &[],
    };

    /// The same places on every system (a folder below the home folder).
    pub const fn everywhere(places: &'static [Fact<Place>]) -> UserFiles {
        UserFiles {
            linux: places,
            macos: places,
            windows: places,
        }
    }

    pub fn on(&self, os: Os) -> &'static [Fact<Place>] {
        match os {
            Os::Linux => self.linux,
            Os::Macos => self.macos,
            Os::Windows => self.windows,
        }
    }
}

/// Whether `path` ends with `pattern` as whole segments; a `*` in the pattern's last segment
/// matches any run of characters but `/`.
fn suffix_matches(path: &str, pattern: &str) -> bool {
    let Some((prefix, last)) = pattern.rsplit_once('/').map_or(Some(("", pattern)), Some) else {
        return false;
    };
    let (dir, file) = path.rsplit_once('/').unwrap_or(("", path));
    let file_ok = match last.split_once('*') {
        Some((head, tail)) => {
            file.len() >= head.len() + tail.len() && file.starts_with(head) && file.ends_with(tail)
        }
        None => file == last,
    };
    if !file_ok {
        return false;
    }
    if prefix.is_empty() {
        return true;
    }
    dir == prefix
        || dir
            .strip_suffix(prefix)
            .is_some_and(|rest| rest.ends_with('/'))
}

#[cfg(test)]
mod tests {
    use super::suffix_matches;

    #[test]
    fn suffixes_match_whole_segments_and_one_star() {
        assert!(suffix_matches(".vscode/mcp.json", ".vscode/mcp.json"));
        assert!(suffix_matches("a/.vscode/mcp.json", ".vscode/mcp.json"));
        assert!(!suffix_matches("a/x.vscode/mcp.json", ".vscode/mcp.json"));
        assert!(!suffix_matches("my.mcp.json", "mcp.json"));
        assert!(suffix_matches(
            "p/.continue/mcpServers/gh.yaml",
            ".continue/mcpServers/*.yaml"
        ));
        assert!(!suffix_matches(
            "p/.continue/mcpServers/gh.json",
            ".continue/mcpServers/*.yaml"
        ));
        assert!(!suffix_matches(
            "p/.continue/mcpServers/a/gh.yaml",
            ".continue/mcpServers/*.yaml"
        ));
    }
}
