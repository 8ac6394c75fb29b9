//! `secret/`: hardcoded credentials, found without false alarms and never shown whole.
//!
//! Two passes share the work. Every string value goes once through [`scan::find`] (provider
//! formats) and, when it holds a URL, through the URL credential check; then each server's
//! known slots (`env`, `headers`, `args`, `oauth`) are judged in context, for secrets that
//! match no provider. Everything found is collected per config, deduplicated (a provider
//! match beats a context match on the same text), reported, and masked in the code frames.

pub mod catalogue;
pub mod checksum;
pub mod fake;
pub mod scan;

use std::collections::HashSet;
use std::path::Path as FsPath;

use jsonc_parser::ast::{Object, StringLit, Value as Node};

use crate::diagnostic::Diagnostic;
use crate::registry::Rule;
use crate::registry::rule;
use crate::rules::config::PLACEHOLDER_VALUE;
use crate::source::{FileId, Span};
use crate::tree::{self, Path};

rule! {
    /// ## What it does
    /// Finds a literal that is very likely a credential but matches no known provider format:
    /// a random-looking value in an `env` variable or header named like a secret, after
    /// `Authorization: Bearer`, after `--token` or `--api-key`, or in a URL's query
    /// (`?api_key=`).
    ///
    /// ## Why is this bad?
    /// Whatever the provider, a credential in a config file ends up in git history and in
    /// every copy of the file.
    ///
    /// ## Example
    /// ```json
    /// { "api": { "command": "node", "env": { "INTERNAL_API_TOKEN": "Zt8qLw2mN4vB7xK1pR9s" } } }
    /// ```
    ///
    /// Use instead: `"INTERNAL_API_TOKEN": "${INTERNAL_API_TOKEN}"` with the value in `.env`;
    /// then rotate the credential.
    GENERIC, "secret/generic", Warning, "a literal that looks like a credential in a secret slot"
}

rule! {
    /// ## What it does
    /// Finds `Authorization: Basic <base64>` whose base64 decodes to `user:password`.
    ///
    /// ## Why is this bad?
    /// Base64 is an encoding, not encryption: the password is in the file, readable by anyone.
    ///
    /// ## Example
    /// ```json
    /// { "api": { "type": "http", "url": "https://api.example.com/mcp",
    ///            "headers": { "Authorization": "Basic YWRtaW46aHVudGVyMg==" } } }
    /// ```
    ///
    /// Use instead: `"Authorization": "Basic ${API_BASIC_AUTH}"` with the value in `.env`;
    /// then change the password.
    BASIC_AUTH, "secret/basic-auth", Error, "HTTP Basic credentials written in a header"
}

rule! {
    /// ## What it does
    /// Finds a password in a URL or connection string: `postgres://user:password@host/db`,
    /// `redis://:password@host`, `mongodb+srv://...`, `amqp://...`, `Password=...;`.
    ///
    /// ## Why is this bad?
    /// Database servers often have no second factor: the connection string is the key.
    ///
    /// ## Example
    /// ```json
    /// { "db": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-postgres",
    ///   "postgresql://app:s3cr3t-Pa55@db.internal:5432/app"] } }
    /// ```
    ///
    /// Use instead: `"postgresql://app:${PGPASSWORD}@db.internal:5432/app"`, or the whole URL
    /// as `${DATABASE_URL}`; then change the password.
    URL_PASSWORD, "secret/url-password", Error, "a password in a URL or connection string"
}

rule! {
    /// ## What it does
    /// Reports a `.env` file that mcplint reads and that git tracks, or that sits in a git work
    /// tree without being ignored. Runs only where `git` is installed.
    ///
    /// ## Why is this bad?
    /// `.env` holds the secrets the config references; tracked, they are in the repository's
    /// history; not ignored, they are one `git add .` away from it.
    ///
    /// ## Example
    /// A repository whose `.gitignore` does not list `.env`.
    ///
    /// Use instead: add `.env` to `.gitignore`; if it was committed, `git rm --cached .env` and
    /// rotate every secret it holds.
    ENV_FILE_NOT_IGNORED, "secret/env-file-not-ignored", Error, "a `.env` that git tracks or does not ignore"
}

/// The `secret/` rules besides the provider catalogue, for the registry.
pub static RULES: &[&Rule] = &[&GENERIC, &BASIC_AUTH, &URL_PASSWORD, &ENV_FILE_NOT_IGNORED];

/// Words of a variable, header or flag name that say it holds a secret.
const SECRET_WORDS: &[&str] = &[
    "TOKEN",
    "TOKENS",
    "SECRET",
    "SECRETS",
    "KEY",
    "KEYS",
    "APIKEY",
    "PASSWORD",
    "PASSWD",
    "PASS",
    "PWD",
    "PAT",
    "CREDENTIAL",
    "CREDENTIALS",
    "CREDS",
    "AUTH",
    "AUTHORIZATION",
    "PRIVATE",
    "SIGNATURE",
    "SIG",
    "COOKIE",
    "SESSION",
];

/// Last words that make a name about a secret rather than the secret itself.
const NOT_SECRET_TAILS: &[&str] = &[
    "ID", "URL", "URI", "PATH", "FILE", "DIR", "NAME", "TYPE", "HOST", "PORT", "REGION",
    "ENDPOINT", "USER", "USERNAME", "EMAIL", "HEADER", "PREFIX", "LENGTH", "EXPIRY", "TTL",
];

/// True when a variable, header or flag name says it holds a secret: `HF_TOKEN`,
/// `X-API-Key`, `--api-key`, `clientSecret`, `PGPASSWORD`; not `KEY_PATH`, `PUBLIC_KEY`.
pub fn is_secret_name(name: &str) -> bool {
    // Called for every env key and header name: no allocation.
    let mut last = "";
    let mut secret = false;
    for w in word_slices(name) {
        if w.eq_ignore_ascii_case("PUBLIC") {
            return false;
        }
        let upper = |s: &str| w.len() >= s.len() && w[w.len() - s.len()..].eq_ignore_ascii_case(s);
        secret |= SECRET_WORDS.iter().any(|s| w.eq_ignore_ascii_case(s))
            || ["TOKEN", "SECRET", "PASSWORD", "APIKEY", "PASSWD"]
                .iter()
                .any(|s| upper(s));
        last = w;
    }
    secret
        && !NOT_SECRET_TAILS
            .iter()
            .any(|t| last.eq_ignore_ascii_case(t))
}

/// The words of a name, as slices: split at anything but ASCII letters and digits, and
/// before an upper-case letter that follows a lower-case one or a digit.
fn word_slices(name: &str) -> impl Iterator<Item = &str> {
    let bytes = name.as_bytes();
    let mut start = 0;
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            let b = bytes[i];
            if !b.is_ascii_alphanumeric() {
                let word = &name[start..i];
                i += 1;
                start = i;
                if !word.is_empty() {
                    return Some(word);
                }
                continue;
            }
            let boundary = b.is_ascii_uppercase()
                && i > start
                && (bytes[i - 1].is_ascii_lowercase() || bytes[i - 1].is_ascii_digit());
            if boundary {
                let word = &name[start..i];
                start = i;
                i += 1;
                return Some(word);
            }
            i += 1;
        }
        (start < bytes.len()).then(|| {
            let word = &name[start..];
            start = bytes.len();
            word
        })
    })
}

/// `HF_TOKEN` -> [HF, TOKEN]; `clientSecret` -> [CLIENT, SECRET]; `x-api-key` -> [X, API, KEY].
fn words(name: &str) -> Vec<String> {
    word_slices(name).map(str::to_ascii_uppercase).collect()
}

/// A secret as output may show it: at most its first 6 characters (fewer for a short one)
/// and its length: `hf_AbC…(37 chars)`.
pub fn redact(secret: &str) -> String {
    let n = secret.chars().count();
    let shown: String = secret.chars().take(shown_chars(n)).collect();
    format!("{shown}…({n} chars)")
}

/// How many leading characters of a secret of `n` characters any output may show.
pub fn shown_chars(n: usize) -> usize {
    (n / 3).min(6)
}

/// What kind of thing was found.
#[derive(Debug, Clone, Copy)]
enum Kind {
    Provider(&'static catalogue::Provider),
    UrlPassword,
    BasicAuth,
    Generic,
    Placeholder,
}

impl Kind {
    fn rank(self) -> u8 {
        match self {
            Kind::Provider(_) => 4,
            Kind::UrlPassword | Kind::BasicAuth => 3,
            Kind::Generic => 2,
            Kind::Placeholder => 1,
        }
    }
}

#[derive(Debug)]
struct Found {
    kind: Kind,
    span: Span,
    pointer: String,
    /// `hf_AbC…(37 chars)`, or the placeholder as written.
    shown: String,
    /// Where, for the message: "the `Authorization` header of server `hf`".
    slot: String,
    /// The variable the fix should use.
    variable: String,
}

/// A secret found, as `mcplint fix` moves it: where it is and the variable it should become.
#[derive(Debug, Clone)]
pub struct Move {
    pub file: FileId,
    pub span: Span,
    pub pointer: String,
    pub variable: String,
    /// "Hugging Face token", "password", "credential".
    pub what: String,
    /// The secret as output may show it.
    pub shown: String,
}

/// Everything found in one config.
#[derive(Debug, Default)]
pub struct Secrets {
    found: Vec<Found>,
    /// Start offsets of the literals in which a provider token or URL credential was found.
    hit_literals: HashSet<usize>,
}

/// The part of a slot that is known: for messages and variable names.
struct Slot<'a> {
    server: Option<&'a str>,
    label: String,
    /// The name of the variable, header or flag that holds the value, if any.
    name: Option<&'a str>,
    /// The flag before an argument (`--api-key`), for the variable's name.
    flag: Option<&'a str>,
    /// The value of an `env` variable: its key is the variable's name.
    env: bool,
}

impl Slot<'_> {
    /// The variable `fix` moves the secret to: the env key itself for a whole env value, the
    /// provider's usual name, the slot's name, or one made of the server and the slot.
    fn variable(&self, kind: Kind, whole: bool) -> String {
        if let (true, true, Some(name)) = (whole, self.env, self.name) {
            return name.to_owned();
        }
        if let Kind::Provider(p) = kind {
            return p.variable.to_owned();
        }
        if let Some(name) = self
            .name
            .filter(|n| is_secret_name(n) && !n.eq_ignore_ascii_case("authorization"))
        {
            let var: String = words(name).join("_");
            if !var.is_empty() {
                return var;
            }
        }
        let base = self
            .server
            .map_or_else(|| "API".to_owned(), |s| words(s).join("_"));
        if let Some(flag) = self.flag.filter(|f| is_secret_name(f)) {
            return format!("{base}_{}", words(flag).join("_"));
        }
        match kind {
            Kind::UrlPassword => format!("{base}_PASSWORD"),
            Kind::BasicAuth => format!("{base}_BASIC_AUTH"),
            _ => format!("{base}_TOKEN"),
        }
    }
}

/// "`env.HF_TOKEN` of server `hf`", from the last two steps of a path.
fn slot_of<'a>(path: &'a Path<'a>, server: Option<&'a str>) -> Slot<'a> {
    let (label, name) = match path {
        Path::Key(Path::Key(_, "env"), k) => (format!("`env.{k}`"), Some(*k)),
        Path::Key(Path::Key(_, "headers"), k) => (format!("the `{k}` header"), Some(*k)),
        Path::Key(Path::Key(_, "oauth"), k) => (format!("`oauth.{k}`"), Some(*k)),
        Path::Index(Path::Key(_, "args"), i) => (format!("`args[{i}]`"), None),
        Path::Key(_, k) => (format!("`{k}`"), Some(*k)),
        Path::Index(_, i) => (format!("item {i}"), None),
        Path::Root => ("the value".to_owned(), None),
    };
    Slot {
        server,
        label: match server {
            Some(s) => format!("{label} of server `{s}`"),
            None => label,
        },
        name,
        flag: None,
        env: matches!(path, Path::Key(Path::Key(_, "env"), _)),
    }
}

impl Secrets {
    /// Takes in what a scan of other servers of the same config found.
    pub fn merge(&mut self, other: Secrets) {
        self.found.extend(other.found);
        self.hit_literals.extend(other.hit_literals);
    }

    fn push(
        &mut self,
        kind: Kind,
        span: Span,
        pointer: String,
        secret: &str,
        slot: &Slot,
        whole: bool,
    ) {
        let shown = match kind {
            Kind::Placeholder => format!("`{}`", secret.chars().take(40).collect::<String>()),
            _ => redact(secret),
        };
        self.found.push(Found {
            kind,
            span,
            pointer,
            shown,
            slot: slot.label.clone(),
            variable: slot.variable(kind, whole),
        });
    }

    /// Scans one string literal: provider tokens anywhere in it, and URL credentials.
    /// `server` is the entry it belongs to, if any.
    pub fn scan_literal(&mut self, text: &str, lit: &StringLit, path: &Path, server: Option<&str>) {
        let value: &str = &lit.value;
        if value.len() < 8 {
            return;
        }
        let lit_span: Span = lit.range.into();
        let at = |r: std::ops::Range<usize>| {
            Span::new(
                tree::string_offset(text, lit_span, r.start),
                tree::string_offset(text, lit_span, r.end),
            )
        };
        let mut slot = None;
        let first_of_literal = self.found.len();
        for m in scan::find(value) {
            let slot = slot.get_or_insert_with(|| slot_of(path, server));
            self.hit_literals.insert(lit_span.start);
            let whole = m.range == (0..value.len());
            self.push(
                Kind::Provider(m.provider),
                at(m.range.clone()),
                path.pointer(),
                &value[m.range],
                slot,
                whole,
            );
        }
        if memchr::memmem::find(value.as_bytes(), b"://").is_some()
            || contains_ignore_case(value, "password=")
            || contains_ignore_case(value, "pwd=")
        {
            for (kind, range) in url_credentials(value) {
                // Inside a provider token already found in this literal: that one reports it.
                let span = at(range.clone());
                if self.found[first_of_literal..]
                    .iter()
                    .any(|f| f.span.start <= span.start && f.span.end >= span.end)
                {
                    continue;
                }
                let slot = slot.get_or_insert_with(|| slot_of(path, server));
                self.hit_literals.insert(lit_span.start);
                self.push(
                    kind,
                    at(range.clone()),
                    path.pointer(),
                    &value[range],
                    slot,
                    false,
                );
            }
        }
    }

    /// Judges the known slots of one server entry in context.
    pub fn scan_entry(&mut self, text: &str, entry: &Object, path: &Path, server: &str) {
        for prop in &entry.properties {
            let key = prop.name.as_str();
            let here = Path::Key(path, key);
            match (key, &prop.value) {
                ("env" | "oauth", Node::Object(map)) => {
                    for p in &map.properties {
                        if let Node::StringLit(lit) = &p.value {
                            let name = p.name.as_str();
                            if is_secret_name(name) {
                                let slot_path = Path::Key(&here, name);
                                self.judge(
                                    text,
                                    lit,
                                    0..lit.value.len(),
                                    &slot_path,
                                    Some(name),
                                    server,
                                    false,
                                );
                            }
                        }
                    }
                }
                ("headers", Node::Object(map)) => {
                    for p in &map.properties {
                        let Node::StringLit(lit) = &p.value else {
                            continue;
                        };
                        let name = p.name.as_str();
                        let slot_path = Path::Key(&here, name);
                        if name.eq_ignore_ascii_case("authorization")
                            || name.eq_ignore_ascii_case("proxy-authorization")
                        {
                            self.authorization(text, lit, &slot_path, server);
                        } else if is_secret_name(name) {
                            self.judge(
                                text,
                                lit,
                                0..lit.value.len(),
                                &slot_path,
                                Some(name),
                                server,
                                false,
                            );
                        }
                    }
                }
                ("args", Node::Array(items)) => self.args(text, &items.elements, &here, server),
                _ => {}
            }
        }
    }

    fn args(&mut self, text: &str, items: &[Node], path: &Path, server: &str) {
        let strings: Vec<Option<&StringLit>> = items
            .iter()
            .map(|v| match v {
                Node::StringLit(s) => Some(s),
                _ => None,
            })
            .collect();
        for (i, lit) in strings.iter().enumerate() {
            let Some(lit) = lit else { continue };
            let arg: &str = &lit.value;
            let here = Path::Index(path, i);
            // `--api-key=X`, `API_KEY=X` (docker -e / --env), `--env=API_KEY=X`.
            let assignment = arg
                .strip_prefix("--env=")
                .unwrap_or(arg)
                .split_once('=')
                .filter(|(name, _)| !name.is_empty() && !name.contains(['/', ' ', ':']));
            if let Some((name, value)) = assignment {
                if is_secret_name(name) && !value.is_empty() {
                    let start = arg.len() - value.len();
                    self.judge(
                        text,
                        lit,
                        start..arg.len(),
                        &here,
                        Some(name.trim_start_matches('-')),
                        server,
                        false,
                    );
                }
                continue;
            }
            // `--token X`, `-p X`: the flag names the next argument.
            // `-p` is a password for mysql, psql-like tools and many CLIs (a port is a number,
            // which is never judged a secret).
            if let Some(flag) = arg.strip_prefix('-')
                && (is_secret_name(flag.trim_start_matches('-')) || flag == "p")
                && let Some(Some(next)) = strings.get(i + 1)
                && !next.value.starts_with('-')
            {
                let next_path = Path::Index(path, i + 1);
                self.judge(
                    text,
                    next,
                    0..next.value.len(),
                    &next_path,
                    Some(flag.trim_start_matches('-')),
                    server,
                    false,
                );
            }
        }
    }

    /// `Authorization: Bearer X`, `token X`, `Basic X`.
    fn authorization(&mut self, text: &str, lit: &StringLit, path: &Path, server: &str) {
        let value: &str = &lit.value;
        let (scheme, credential) = match value.split_once(' ') {
            Some((s, c)) => (s, c.trim_start()),
            None => ("", value),
        };
        let start = value.len() - credential.len();
        if scheme.eq_ignore_ascii_case("basic") {
            let decoded = data_encoding::BASE64
                .decode(credential.as_bytes())
                .ok()
                .and_then(|b| String::from_utf8(b).ok());
            if let Some((_, password)) = decoded.as_deref().and_then(|d| d.split_once(':'))
                && !password.is_empty()
                && !fake::is_placeholder(password)
                && !self.hit_literals.contains(&lit.range.start)
            {
                let span = Span::new(
                    tree::string_offset(text, lit.range.into(), start),
                    tree::string_offset(text, lit.range.into(), value.len()),
                );
                let slot = slot_of(path, Some(server));
                self.push(
                    Kind::BasicAuth,
                    span,
                    path.pointer(),
                    credential,
                    &slot,
                    false,
                );
                return;
            }
        }
        self.judge(
            text,
            lit,
            start..value.len(),
            path,
            Some("Authorization"),
            server,
            true,
        );
    }

    /// Judges `value[range]` of a literal in a secret slot: placeholder, provider by slot name,
    /// or a random-looking literal. `strong` relaxes the randomness test where the context
    /// alone says credential (after `Bearer`).
    #[allow(clippy::too_many_arguments)]
    fn judge(
        &mut self,
        text: &str,
        lit: &StringLit,
        range: std::ops::Range<usize>,
        path: &Path,
        name: Option<&str>,
        server: &str,
        strong: bool,
    ) {
        if self.hit_literals.contains(&lit.range.start) {
            return;
        }
        let value = &lit.value[range.clone()];
        if value.contains("${") || value.trim().is_empty() {
            return;
        }
        let span = Span::new(
            tree::string_offset(text, lit.range.into(), range.start),
            tree::string_offset(text, lit.range.into(), range.end),
        );
        let mut slot = slot_of(path, Some(server));
        if matches!(path, Path::Index(..)) {
            slot.flag = name;
        }
        let kind = if fake::is_placeholder(value) {
            Kind::Placeholder
        } else if let Some(p) = name.and_then(|n| scan::by_slot(n, value)) {
            Kind::Provider(p)
        } else if fake::looks_secret(value)
            || (strong && value.len() >= 16 && !fake::is_decoy(value) && !fake::looks_fake(value))
        {
            Kind::Generic
        } else {
            return;
        };
        let whole = range == (0..lit.value.len());
        self.push(kind, span, path.pointer(), value, &slot, whole);
    }

    /// The findings, one per place (the strongest kind wins), and the spans to mask.
    pub fn finish(mut self, id: FileId, out: &mut Vec<Diagnostic>) -> Vec<Move> {
        self.found
            .sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.kind.rank())));
        let mut kept: Vec<Found> = Vec::new();
        for f in self.found {
            if let Some(last) = kept.last_mut()
                && f.span.start < last.span.end
            {
                if f.kind.rank() > last.kind.rank() {
                    *last = f;
                }
                continue;
            }
            kept.push(f);
        }
        let mut mask = Vec::new();
        for f in kept {
            let rotate = "then rotate it: it has been written to a file";
            let diag = match f.kind {
                Kind::Placeholder => Diagnostic::new(
                    &PLACEHOLDER_VALUE,
                    id,
                    f.span,
                    f.pointer,
                    format!(
                        "placeholder {} in {} where a real value belongs",
                        f.shown, f.slot
                    ),
                )
                .label("placeholder")
                .help(format!(
                    "put the real value in `.env` as `{0}=…` and write `${{{0}}}` here",
                    f.variable
                )),
                kind => {
                    let (rule, what): (&'static Rule, String) = match kind {
                        Kind::Provider(p) => (&p.rule, format!("hardcoded {}", p.name)),
                        Kind::UrlPassword => (&URL_PASSWORD, "hardcoded password".into()),
                        Kind::BasicAuth => (&BASIC_AUTH, "hardcoded HTTP Basic credentials".into()),
                        _ => (&GENERIC, "likely hardcoded credential".into()),
                    };
                    mask.push(Move {
                        file: id,
                        span: f.span,
                        pointer: f.pointer.clone(),
                        variable: f.variable.clone(),
                        what: match kind {
                            Kind::Provider(p) => p.name.to_owned(),
                            Kind::UrlPassword => "password".to_owned(),
                            Kind::BasicAuth => "Basic credentials".to_owned(),
                            _ => "credential".to_owned(),
                        },
                        shown: f.shown.clone(),
                    });
                    Diagnostic::new(
                        rule,
                        id,
                        f.span,
                        f.pointer,
                        format!("{what} `{}` in {}", f.shown, f.slot),
                    )
                    .label("secret")
                    .help(format!(
                        "move it to `.env` as `{0}=…` and write `${{{0}}}` here; {rotate}",
                        f.variable
                    ))
                }
            };
            out.push(diag);
        }
        mask
    }
}

fn contains_ignore_case(haystack: &str, needle: &str) -> bool {
    haystack
        .as_bytes()
        .windows(needle.len())
        .any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

/// Query parameters that carry a credential.
const CREDENTIAL_PARAMS: &[&str] = &[
    "api_key",
    "apikey",
    "api-key",
    "key",
    "token",
    "access_token",
    "auth",
    "auth_token",
    "secret",
    "client_secret",
    "password",
    "sig",
    "signature",
    "private_token",
];

/// Passwords in URLs (`scheme://user:password@host`) and `Password=...;` pairs, and
/// credential query parameters: their byte ranges in `value`.
fn url_credentials(value: &str) -> Vec<(Kind, std::ops::Range<usize>)> {
    let mut out = Vec::new();
    let bytes = value.as_bytes();
    let mut from = 0;
    while let Some(i) = memchr::memmem::find(&bytes[from..], b"://") {
        let authority_start = from + i + 3;
        let rest = &value[authority_start..];
        let authority_end = rest.find(['/', '?', '#', ' ', '"']).unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        if let Some(at) = authority.rfind('@')
            && let Some((_, password)) = authority[..at].split_once(':')
            && !password.is_empty()
            && !password.contains("${")
            && !password.starts_with('$')
        {
            let start = authority_start + authority[..at].find(':').unwrap_or(0) + 1;
            let kind = if fake::is_placeholder(password) {
                Kind::Placeholder
            } else {
                Kind::UrlPassword
            };
            out.push((kind, start..start + password.len()));
        }
        // The query of this URL.
        let url_end = authority_start + rest.find([' ', '"']).unwrap_or(rest.len());
        if let Some(q) = value[authority_start..url_end].find('?') {
            let query_start = authority_start + q + 1;
            let mut pos = query_start;
            for pair in value[query_start..url_end].split(['&', '#']) {
                if let Some((name, v)) = pair.split_once('=')
                    && CREDENTIAL_PARAMS.contains(&name.to_ascii_lowercase().as_str())
                    && !v.is_empty()
                    && !v.contains("${")
                {
                    let start = pos + name.len() + 1;
                    if fake::is_placeholder(v) {
                        out.push((Kind::Placeholder, start..start + v.len()));
                    } else if fake::looks_secret(v)
                        || (v.len() >= 16 && !fake::is_decoy(v) && !fake::looks_fake(v))
                    {
                        out.push((Kind::Generic, start..start + v.len()));
                    }
                }
                pos += pair.len() + 1;
            }
        }
        from = authority_start;
    }
    // `Server=...;User Id=...;Password=...;` (ADO.NET, ODBC).
    let lower = value.to_ascii_lowercase();
    for key in ["password=", "pwd="] {
        let mut from = 0;
        while let Some(i) = lower[from..].find(key) {
            let start = from + i + key.len();
            let boundary = from + i == 0 || matches!(bytes[from + i - 1], b';' | b' ');
            let end = value[start..].find(';').map_or(value.len(), |e| start + e);
            let password = &value[start..end];
            if boundary && !password.is_empty() && !password.contains("${") {
                let kind = if fake::is_placeholder(password) {
                    Kind::Placeholder
                } else {
                    Kind::UrlPassword
                };
                out.push((kind, start..end));
            }
            from = start;
        }
    }
    out
}

/// `secret/env-file-not-ignored` for a `.env` in a git work tree, asked of the git CLI.
/// Nothing when git is missing or the file is outside a work tree.
pub fn env_file_hygiene(path: &FsPath, id: FileId) -> Option<Diagnostic> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => FsPath::new("."),
    };
    let name = path.file_name()?;
    // Most runs are outside a repository or in one: look for `.git` before spawning git.
    let absolute = dir.canonicalize().ok()?;
    if !absolute.ancestors().any(|a| a.join(".git").exists()) {
        return None;
    }
    // One call: `??` untracked and not ignored, `!!` ignored, nothing or a change: tracked.
    let output = std::process::Command::new("git")
        .arg("-C")
        .arg(dir)
        .args([
            "status",
            "--porcelain=v1",
            "--ignored=matching",
            "--untracked-files=all",
            "--",
        ])
        .arg(name)
        .stdin(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .output()
        .ok()?;
    if !output.status.success() {
        return None;
    }
    let status = String::from_utf8_lossy(&output.stdout);
    let diag = |message: String, help: &str| {
        Diagnostic::new(&ENV_FILE_NOT_IGNORED, id, Span::new(0, 0), "", message)
            .label("this file")
            .help(help.to_owned())
    };
    if status.starts_with("!!") {
        None
    } else if status.starts_with("??") {
        Some(
            diag(
                format!(
                    "{} is not ignored by git: one `git add .` would commit its secrets",
                    path.display()
                ),
                "add `.env` to .gitignore",
            )
            .severity(crate::registry::Severity::Warning),
        )
    } else {
        Some(diag(
            format!(
                "{} is tracked by git: the secrets in it are in the repository",
                path.display()
            ),
            "run `git rm --cached .env`, add `.env` to .gitignore, and rotate every secret it holds",
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_names() {
        for n in [
            "HF_TOKEN",
            "GITHUB_PERSONAL_ACCESS_TOKEN",
            "OPENAI_API_KEY",
            "X-API-Key",
            "clientSecret",
            "PGPASSWORD",
            "api-key",
            "DB_PASS",
            "GITHUB_PAT",
            "Authorization",
        ] {
            assert!(is_secret_name(n), "{n}");
        }
        for n in [
            "PATH",
            "HF_CLIENT_ID",
            "KEY_PATH",
            "SSH_PUBLIC_KEY",
            "TOKEN_URL",
            "LOG_LEVEL",
            "KEYBOARD",
            "PATTERN",
        ] {
            assert!(!is_secret_name(n), "{n}");
        }
    }

    #[test]
    fn name_words() {
        assert_eq!(words("HF_TOKEN"), ["HF", "TOKEN"]);
        assert_eq!(words("clientSecret"), ["CLIENT", "SECRET"]);
        assert_eq!(words("x-api-key"), ["X", "API", "KEY"]);
        assert_eq!(words("--api2Key_"), ["API2", "KEY"]);
        assert_eq!(words("URL"), ["URL"]);
        assert!(words("").is_empty() && words("__").is_empty());
    }

    #[test]
    fn redaction_shows_at_most_six_characters() {
        assert_eq!(
            redact("hf_AbCdEfGhIjKlMnOpQrStUvWxYz0123456789"),
            "hf_AbC…(39 chars)"
        );
        assert_eq!(redact("short123"), "sh…(8 chars)");
    }

    #[test]
    fn url_credentials_are_located() {
        let v = "postgresql://app:s3cr3t-Pa55@db:5432/app";
        let found = url_credentials(v);
        assert_eq!(&v[found[0].1.clone()], "s3cr3t-Pa55");
        let v = "https://api.example.com/x?region=eu&api_key=Zt8qLw2mN4vB7xK1pR9s";
        assert_eq!(&v[url_credentials(v)[0].1.clone()], "Zt8qLw2mN4vB7xK1pR9s");
        assert!(url_credentials("https://api.example.com/x?page=2").is_empty());
        assert!(url_credentials("postgresql://app:${PGPASSWORD}@db/app").is_empty());
        let v = "Server=db;User Id=sa;Password=Hunter2-Secret;";
        assert_eq!(&v[url_credentials(v)[0].1.clone()], "Hunter2-Secret");
    }
}
