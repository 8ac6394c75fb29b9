//! What a rule sees: the [`Check`] trait and the contexts the walk hands to its hooks.
//!
//! The walk (`crate::pipeline`) parses a file once, expands each server entry once, and then
//! calls every registered check's hooks: [`Check::entry`] once per server entry,
//! [`Check::file`] once per config file after its last entry. A rule never walks the file
//! itself and never calls another rule.
//!
//! Some rules are raised where the thing they describe is found rather than by a hook: the
//! `parse/` rules by the parser, the `env/` rules by the expansion of a `${VAR}`. Their files
//! still hold their id, docs and the one function that builds their diagnostic; their check
//! has no hooks.

use crate::hash::HashSet;

use jsonc_parser::ast::Object;

use crate::diagnostic::Diagnostic;
use crate::registry::Rule;
use crate::source::{FileId, SourceFile, Span};
use crate::tree::Path;

/// Which hooks a check implements, so that the walk calls only those.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Hooks {
    pub entry: bool,
    pub file: bool,
}

impl Hooks {
    pub const NONE: Hooks = Hooks {
        entry: false,
        file: false,
    };
    pub const ENTRY: Hooks = Hooks {
        entry: true,
        file: false,
    };
    pub const FILE: Hooks = Hooks {
        entry: false,
        file: true,
    };
}

/// A registered check: the rules it may raise and the hooks that raise them.
pub trait Check: Sync {
    /// Every rule this check may report (most checks have exactly one).
    fn rules(&self) -> Vec<&'static Rule>;

    /// Which of the hooks below do something.
    fn hooks(&self) -> Hooks {
        Hooks::NONE
    }

    /// Called once for every server entry, after its strings were expanded.
    fn entry(&self, _cx: &EntryContext, _out: &mut Vec<Diagnostic>) {}

    /// Called once for every config file that parsed, after its last entry.
    fn file(&self, _cx: &FileContext, _out: &mut Vec<Diagnostic>) {}
}

/// One server entry, as written and as resolved.
pub struct EntryContext<'e, 'a> {
    pub file: &'e SourceFile,
    pub id: FileId,
    /// The client the file is read as.
    pub client: &'static crate::clients::Client,
    /// The server's name (its key in the map of servers).
    pub name: &'e str,
    pub name_span: Span,
    /// The entry as written, with the span of every key and value.
    pub node: &'e Object<'a>,
    /// The same, as a value (for look-ups by path).
    pub value: &'e jsonc_parser::ast::Value<'a>,
    pub path: &'e Path<'e>,
    /// The entry after `${VAR}` expansion.
    pub resolved: &'e serde_json::Map<String, serde_json::Value>,
    /// The transport the entry's fields give it.
    pub transport: crate::schema::Transport,
    /// The resolved entry as the schema validator takes it (see `crate::schema::Schemas::wrap`).
    pub schema_instance: &'e serde_json::Value,
    /// The schemas of the client's files, looked up once per file.
    pub schemas: &'static crate::schema::Schemas,
    /// Pointers of the values whose expansion failed (reported already, not checked again).
    pub failed: &'e HashSet<String>,
    /// The advisories packages are checked against (shipped, and `--advisories`).
    pub advisories: &'e crate::supply::osv::Advisories,
    /// [`EntryContext::command_line`], read once for the ten rules that ask
    /// (`Default::default()` where the context is built).
    pub command_line: std::cell::OnceCell<Option<CommandLine<'e>>>,
    /// `crate::rules::exec::env_vars`, read once for the exec/ rules that ask
    /// (`Default::default()` where the context is built).
    pub env_vars: std::cell::OnceCell<Vec<EnvVar<'e>>>,
    /// What the command line runs through package runners (`crate::rules::supply`), read
    /// once for the five supply/ rules that ask (`Default::default()` where the context is
    /// built).
    pub launches: std::cell::OnceCell<crate::launch::package::Launches<'e>>,
    /// [`EntryContext::docker_run`], read once for the four rules that ask
    /// (`Default::default()` where the context is built).
    pub docker: std::cell::OnceCell<Option<crate::launch::docker::Run<'e>>>,
    /// `crate::rules::config::entry_url`, read once for the two rules that check the URL
    /// (`Default::default()` where the context is built).
    pub url: std::cell::OnceCell<Option<EntryUrl>>,
}

/// The URL a remote entry is reached at, as the config/ rules check it.
pub struct EntryUrl {
    pub field: &'static str,
    pub span: Span,
    /// Whether it was built from variables.
    pub templated: bool,
    /// Its lower-cased scheme and host, when it is an absolute IRI.
    pub scheme: Option<String>,
    pub host: Option<String>,
}

/// One `env` variable of an entry: its name and the span of its key as written, its
/// resolved value and the span of the value as written.
pub struct EnvVar<'e> {
    pub name: &'e str,
    /// `name` in ASCII upper case, made once for the rules that compare names that way.
    pub upper: String,
    pub key_span: Span,
    pub value: &'e str,
    pub value_span: Span,
}

/// The resolved `command` and its string `args` with their indices.
pub type CommandLine<'e> = (&'e str, Vec<(usize, &'e str)>);

impl<'e, 'a> EntryContext<'e, 'a> {
    /// The last property named `key` (the one every JSON parser keeps), with its key's span;
    /// `null` counts as absent, as clients treat it (the schema reports it where it is wrong).
    pub fn field(&self, key: &str) -> Option<(Span, &jsonc_parser::ast::Value<'a>)> {
        let prop = self
            .node
            .properties
            .iter()
            .rev()
            .find(|p| p.name.as_str() == key)?;
        if matches!(prop.value, jsonc_parser::ast::Value::NullKeyword(_)) {
            return None;
        }
        Some((crate::tree::prop_name_span(prop), &prop.value))
    }

    /// The entry's URL field as the client names it (`url`, Windsurf's `serverUrl`, ...).
    pub fn url_field(&self) -> Option<&'static str> {
        self.client
            .url_fields
            .value
            .iter()
            .chain(crate::schema::URL_FIELDS)
            .copied()
            .find(|k| self.field(k).is_some())
    }

    /// A string field as written, with the span of the literal (quotes included).
    pub fn string(&self, key: &str) -> Option<(Span, &str)> {
        match self.field(key)? {
            (_, jsonc_parser::ast::Value::StringLit(s)) => Some((s.range.into(), s.value.as_ref())),
            _ => None,
        }
    }

    /// The resolved `command` and the resolved string `args` after it (a non-string argument
    /// is left out of the list but keeps its index for [`EntryContext::arg_span`]).
    pub fn command_line(&self) -> Option<(&'e str, &[(usize, &'e str)])> {
        self.command_line
            .get_or_init(|| self.read_command_line())
            .as_ref()
            .map(|(command, args)| (*command, args.as_slice()))
    }

    fn read_command_line(&self) -> Option<CommandLine<'e>> {
        let resolved: &'e serde_json::Map<String, serde_json::Value> = self.resolved;
        let command = crate::tree::get(resolved, "command")?.as_str()?;
        let args = crate::tree::get(resolved, "args")
            .and_then(serde_json::Value::as_array)
            .map(|args| {
                args.iter()
                    .enumerate()
                    .filter_map(|(i, a)| Some((i, a.as_str()?)))
                    .collect()
            })
            .unwrap_or_default();
        Some((command, args))
    }

    /// The `docker run` (or podman, nerdctl) the command line is, if it is one.
    pub fn docker_run(&self) -> Option<&crate::launch::docker::Run<'e>> {
        self.docker
            .get_or_init(|| {
                let (command, args) = self.command_line()?;
                crate::launch::docker::parse(command, args)
            })
            .as_ref()
    }

    /// The span of `args[index]` as written (quotes included).
    pub fn arg_span(&self, index: usize) -> Option<Span> {
        match self.field("args")? {
            (_, jsonc_parser::ast::Value::Array(array)) => array
                .elements
                .get(index)
                .map(|e| jsonc_parser::common::Ranged::range(e).into()),
            _ => None,
        }
    }

    /// The pointer of one of the entry's fields, or of the entry itself for `""`.
    pub fn pointer(&self, key: &str) -> String {
        if key.is_empty() {
            self.path.pointer()
        } else {
            Path::Key(self.path, key).pointer()
        }
    }

    /// The field the entry's transport makes the client ignore when it has both: `url` on
    /// an entry with `command` (unless `type` says remote, then `command`), `url` on a
    /// `"type": "stdio"` entry. The rules that judge that field, and the schema, leave it to
    /// `config/command-and-url` and `config/stdio-with-url`.
    pub fn ignored_field(&self) -> Option<&'static str> {
        let ty = self.string("type").map(|(_, t)| t);
        let has_url = self.url_field().is_some();
        if self.field("command").is_some() && has_url {
            let remote = ty.is_some_and(|t| match self.client.transport(t) {
                Some(kind) => kind == crate::clients::Kind::Remote,
                None => crate::schema::REMOTE_TYPES.contains(&t),
            });
            Some(if remote {
                "command"
            } else {
                self.url_field().unwrap_or("url")
            })
        } else if ty == Some("stdio") && has_url {
            self.url_field()
        } else {
            None
        }
    }

    /// A finding of `rule` at `span`, about field `key` (`""`: the entry).
    pub fn diagnostic(
        &self,
        rule: &'static Rule,
        span: Span,
        key: &str,
        message: impl Into<String>,
    ) -> Diagnostic {
        Diagnostic::new(rule, self.id, span, self.pointer(key), message)
    }
}

/// One config file, after every entry was walked.
pub struct FileContext<'f, 'a> {
    pub file: &'f SourceFile,
    pub id: FileId,
    /// The client the file is read as.
    pub client: &'static crate::clients::Client,
    /// The top-level object as written.
    pub root: &'f Object<'a>,
    /// The OAuth apps the entries configure.
    pub apps: &'f [crate::oauth::App],
    /// What redirect URIs are checked against.
    pub oauth: &'f crate::oauth::OAuthOptions,
    /// What the secret scan found in the file, one per place, in the order of the text.
    pub secrets: &'f [crate::secrets::Finding],
    /// Look-ups by name in the file's objects (indexed once: a hook may look up one entry per
    /// finding among 100,000 servers).
    pub props: crate::tree::Props<'f>,
}
