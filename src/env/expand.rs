//! Expanding the strings of one server entry.

use std::collections::BTreeMap;

use crate::hash::{HashMap, HashSet};

use jsonc_parser::ast::{ObjectProp, StringLit};

use super::dialect::{Judgement, Reader};
use super::template::{self, Event, Grammar};
use super::{Environment, Place, VarSet, is_secret_name};
use crate::clients::Client;
use crate::diagnostic::Diagnostic;
use crate::rules::env as rules;
use crate::source::{FileId, SourceFile, Span};
use crate::tree::{self, Path};

/// Expands the strings of one server entry, as the tree walk meets them.
pub struct Expander<'x> {
    pub env: &'x Environment,
    pub set: &'x VarSet,
    pub file: &'x SourceFile,
    pub id: FileId,
    /// The entry's resolved `env` block, for its other fields.
    pub scope: Option<&'x HashMap<String, String>>,
    /// Names of that block whose expansion failed (reported there already).
    pub scope_failed: Option<&'x HashSet<String>>,
    /// Values already resolved, by the offset of their literal (the `env` block's); looked up
    /// for every string of the entry, so ordered rather than hashed (a few keys at most).
    pub resolved: BTreeMap<usize, String>,
    /// Variables looked up.
    pub used: HashSet<String>,
    /// Whether to note the values that hold a secret (for `render --redact`).
    pub track_secrets: bool,
    /// Pointers of values that hold a secret.
    pub redact: Vec<String>,
    /// Pointers of values whose expansion failed.
    pub failed: HashSet<String>,
    /// The client the file is read as.
    pub client: &'static Client,
    /// The ids the file's `inputs` declare (VS Code), when it has `inputs`.
    pub inputs: Option<&'x HashSet<String>>,
    /// How many steps of a path lead to the entry: the next one is the entry's field.
    pub entry_depth: usize,
    /// Variables already reported as invisible to the client, once per entry.
    pub invisible: HashSet<String>,
    /// Variables already reported as placeholders in `.env`, once per entry.
    pub placeholders: HashSet<String>,
    /// Variables with no value that nothing declares, where nothing around the config says
    /// what they are: reported once per file (name, first use, its pointer).
    pub undeclared: Vec<(String, Span, String)>,
}

impl<'x> Expander<'x> {
    pub fn new(
        env: &'x Environment,
        set: &'x VarSet,
        file: &'x SourceFile,
        id: FileId,
        client: &'static Client,
    ) -> Self {
        Expander {
            env,
            set,
            file,
            id,
            scope: None,
            scope_failed: None,
            resolved: BTreeMap::new(),
            used: HashSet::default(),
            track_secrets: false,
            redact: Vec::new(),
            failed: HashSet::default(),
            client,
            inputs: None,
            entry_depth: 0,
            invisible: HashSet::default(),
            placeholders: HashSet::default(),
            undeclared: Vec::new(),
        }
    }

    /// Expands one string literal; findings point into it.
    pub fn expand(&mut self, lit: &StringLit, path: &Path, out: &mut Vec<Diagnostic>) -> String {
        let src: &str = &lit.value;
        let key = match path {
            Path::Key(_, key) => Some(*key),
            _ => None,
        };
        if self.track_secrets && key.is_some_and(is_secret_name) && !src.is_empty() {
            self.redact.push(path.pointer());
        }
        if !crate::env::dollar::has_dollar(src) {
            return src.to_owned();
        }
        let field = path.key_at(self.entry_depth);
        let reader = Reader {
            client: self.client,
            field,
            inputs: self.inputs,
        };
        if reader.direct() && reader.leaves_alone() {
            // A shell expands this value: `$HOME` and `${X}` there are the shell's.
            return src.to_owned();
        }
        let lit_span: Span = lit.range.into();
        let at =
            |r: std::ops::Range<usize>| tree::decoded_span(&self.file.text, lit_span, r.clone());
        let pieces = match template::parse(src, Grammar::Config) {
            Ok(p) => p,
            Err(invalid) => {
                self.failed.insert(path.pointer());
                out.push(rules::invalid_template::diagnostic(
                    self.id,
                    at(invalid.span),
                    &path.pointer(),
                    invalid.message,
                    invalid.help,
                ));
                return src.to_owned();
            }
        };
        let mut judgements = Vec::new();
        let pieces = reader.judge(src, pieces, &mut judgements);
        if !judgements.is_empty() {
            self.report_judgements(&judgements, src, &at, path, out);
        }
        let env = self.env;
        let set = self.set;
        let scope = self.scope;
        let lookup = |name: &str| env.lookup(set, scope, name);
        let mut events = Vec::new();
        let value = template::evaluate(src, &pieces, &lookup, &mut events);
        let mut secret = false;
        for event in &events {
            if let Event::Used { name, span } = event {
                secret |= is_secret_name(name);
                if let Some((file, key_span, shown)) = env.placeholder_in_dotenv(set, scope, name)
                    && self.placeholders.insert((*name).to_owned())
                {
                    out.push(crate::rules::config::placeholder_value::in_dotenv(
                        file,
                        key_span,
                        name,
                        &shown,
                        self.id,
                        at(span.clone()),
                    ));
                }
                let client = self.client;
                if reader.direct()
                    && !client.lookup.value.dotenv
                    && env.only_in_dotenv(set, scope, name)
                    && self.invisible.insert((*name).to_owned())
                {
                    let span = at(span.clone());
                    out.push(rules::invisible_variable::diagnostic(
                        self.id,
                        span,
                        &path.pointer(),
                        name,
                        client.name,
                        client
                            .lookup
                            .cap(rules::invisible_variable::INVISIBLE_VARIABLE.severity),
                    ));
                }
                if set.tainted.contains(*name) && !scope.is_some_and(|s| s.contains_key(*name)) {
                    // Its `.env` line is reported already; its value is not checked again.
                    self.failed.insert(path.pointer());
                }
                if !self.used.contains(*name) {
                    self.used.insert((*name).to_owned());
                }
            }
            if matches!(event, Event::Undefined { .. } | Event::Required { .. }) {
                self.failed.insert(path.pointer());
            }
            if let Event::Undefined { name, span } = event
                && env.declared_in(set, name).is_none()
                && env.nothing_declares(set)
                && !env.require_set()
            {
                self.undeclared
                    .push(((*name).to_owned(), at(span.clone()), path.pointer()));
            }
        }
        // A use raises no finding of its own: the pointer is built only for the other events.
        if events.iter().any(|e| !matches!(e, Event::Used { .. })) {
            let pointer = path.pointer();
            let place = Place {
                id: self.id,
                at: &at,
                pointer: &pointer,
                dotenv_key: None,
                scope,
                client: Some(self.client),
            };
            let failed_in_scope = |name: &str| self.scope_failed.is_some_and(|f| f.contains(name));
            for event in &events {
                if let Event::Empty { name, .. } = event
                    && failed_in_scope(name)
                {
                    continue;
                }
                out.extend(env.finding(set, event, src, &place));
            }
        }
        if secret && self.track_secrets {
            self.redact.push(path.pointer());
        }
        value
    }
}

impl Expander<'_> {
    /// The findings of references the client does not read as mcplint does.
    fn report_judgements(
        &mut self,
        judgements: &[Judgement],
        src: &str,
        at: &dyn Fn(std::ops::Range<usize>) -> Span,
        path: &Path,
        out: &mut Vec<Diagnostic>,
    ) {
        let client = self.client;
        let pointer = path.pointer();
        for j in judgements {
            match j {
                Judgement::Unexpanded {
                    span,
                    why,
                    fix,
                    by_field,
                } => {
                    let wanted = rules::unexpanded_reference::UNEXPANDED_REFERENCE.severity;
                    let severity = if *by_field {
                        client.expands_in.cap(wanted)
                    } else {
                        client.grammar.cap(wanted)
                    };
                    out.push(rules::unexpanded_reference::diagnostic(
                        self.id,
                        at(span.clone()),
                        &pointer,
                        &src[span.clone()],
                        why,
                        fix.as_deref(),
                        severity,
                    ));
                }
                Judgement::UndeclaredInput { span, id } => {
                    let mut declared: Vec<&str> = self
                        .inputs
                        .map(|ids| ids.iter().map(String::as_str).collect())
                        .unwrap_or_default();
                    declared.sort_unstable();
                    out.push(rules::undeclared_input::diagnostic(
                        self.id,
                        at(span.clone()),
                        &pointer,
                        id,
                        &declared,
                        client
                            .grammar
                            .cap(rules::undeclared_input::UNDECLARED_INPUT.severity),
                    ));
                }
            }
        }
        self.failed.insert(pointer);
    }

    /// A value of the entry: expanded once (the `env` block's were, first).
    pub fn value(&mut self, lit: &StringLit, path: &Path, out: &mut Vec<Diagnostic>) -> String {
        match self.resolved.remove(&lit.range.start) {
            Some(value) => value,
            None => self.expand(lit, path, out),
        }
    }

    /// Keys are never expanded: a `${` in one is a mistake.
    pub fn key(&mut self, prop: &ObjectProp, path: &Path, out: &mut Vec<Diagnostic>) {
        let name = prop.name.as_str();
        if let Some(at) = crate::env::dollar::find_open(name) {
            let span = tree::prop_name_span(prop);
            let start = tree::string_offset(&self.file.text, span, at);
            out.push(rules::variable_in_key::diagnostic(
                self.id,
                start,
                Path::Key(path, name).pointer(),
                name,
            ));
        }
    }
}
