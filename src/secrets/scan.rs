//! The scanner's two passes: every string literal, for provider tokens and URL credentials;
//! each server entry's known slots, judged in context.

use jsonc_parser::ast::{Object, StringLit, Value as Node};

use super::names::{is_secret_name, words};
use super::{Finding, Kind, Secrets, fake, redact, tokens, url};
use crate::source::Span;
use crate::tree::{self, Path};

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

/// Whether an argument is a flag (`-v`, `--api-key`, `--level=debug`) rather than a value that
/// happens to start with `-` (`-_328ese…`, `-yk8ab4+…`: random tokens can).
fn is_flag(arg: &str) -> bool {
    let name = arg
        .strip_prefix('-')
        .map(|a| a.strip_prefix('-').unwrap_or(a));
    let name = name.map(|n| n.split_once('=').map_or(n, |(n, _)| n));
    name.is_some_and(|n| {
        n.as_bytes().first().is_some_and(u8::is_ascii_alphabetic)
            && n.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    })
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
        self.found.push(Finding {
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
        let at = |r: std::ops::Range<usize>| tree::decoded_span(text, lit_span, r.clone());
        let mut slot = None;
        let first_of_literal = self.found.len();
        for m in tokens::find(value) {
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
        if url::may_hold_credentials(value) {
            for (kind, range) in url::credentials(value) {
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
                && !is_flag(&next.value)
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
                let span = tree::decoded_span(text, lit.range.into(), start..value.len());
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
        if fake::has_reference(value) || value.trim().is_empty() {
            return;
        }
        let span = tree::decoded_span(text, lit.range.into(), range.clone());
        let mut slot = slot_of(path, Some(server));
        if matches!(path, Path::Index(..)) {
            slot.flag = name;
        }
        let kind = if fake::is_placeholder(value) {
            Kind::Placeholder
        } else if let Some(p) = name.and_then(|n| tokens::by_slot(n, value)) {
            Kind::Provider(p)
        } else if fake::looks_secret(value)
            || (strong
                && value.len() >= 16
                && !fake::is_other_decoy(value)
                && !fake::looks_fake(value))
            || ((value.len() >= 32 || fake::entropy(value) >= 3.5)
                && value.len() >= 16
                && !fake::is_decoy(value)
                && !fake::looks_fake(value))
        {
            Kind::Generic
        } else {
            return;
        };
        let whole = range == (0..lit.value.len());
        self.push(kind, span, path.pointer(), value, &slot, whole);
    }
}
