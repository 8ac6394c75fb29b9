//! The one place where the events of a template become findings, in a config and in a `.env`.

use crate::hash::HashMap;

use super::template::Event;
use super::{Environment, VarSet};
use crate::diagnostic::Diagnostic;
use crate::rules::env as rules;
use crate::source::{FileId, Span};

/// Where an expanded value sits, for the findings its events raise.
pub(crate) struct Place<'p> {
    pub id: FileId,
    /// The file span of a range of the value's text.
    pub at: &'p dyn Fn(std::ops::Range<usize>) -> Span,
    pub pointer: &'p str,
    /// In a `.env` file: the key whose value this is.
    pub dotenv_key: Option<&'p str>,
    /// The entry's own `env` block, for the other fields of a server.
    pub scope: Option<&'p HashMap<String, String>>,
    /// The client the file is read as, for help in its own syntax (a config only).
    pub client: Option<&'static crate::clients::Client>,
}

impl Environment {
    /// The finding an expansion event raises at `place`, if any: the one place where the
    /// events of a template become findings, in a config and in a `.env` alike.
    pub(crate) fn finding(
        &self,
        set: &VarSet,
        event: &Event,
        src: &str,
        place: &Place,
    ) -> Option<Diagnostic> {
        let (id, at, pointer) = (place.id, place.at, place.pointer);
        match (event, place.dotenv_key) {
            (Event::Used { .. }, _) => None,
            (Event::Undefined { name, span }, Some(key)) => {
                Some(rules::undefined_variable::in_dotenv(
                    id,
                    at(span.clone()),
                    name,
                    key,
                    self.undefined_help(set, name, true, None),
                ))
            }
            (Event::Undefined { name, span }, None) => match self.declared_in(set, name) {
                Some(template) => Some(rules::unset_variable::diagnostic(
                    id,
                    at(span.clone()),
                    pointer,
                    name,
                    template,
                    self.require_set(),
                )),
                // Reported once for the whole file (`env/undeclared-variables`).
                None if self.nothing_declares(set) && !self.require_set() => None,
                None => {
                    let d = rules::undefined_variable::in_config(
                        id,
                        at(span.clone()),
                        pointer,
                        name,
                        self.undefined_help(set, name, false, place.client),
                    );
                    // The did-you-mean, in the reference as written (`${env:NAME}` stays so).
                    let near = crate::suggest::closest(name, self.known_names(set));
                    Some(match near.filter(|_| !set.broken.contains_key(*name)) {
                        Some(near) => d.replace_with(src[span.clone()].replacen(name, near, 1)),
                        None => d,
                    })
                }
            },
            (
                Event::Required {
                    name,
                    message,
                    set: is_set,
                    span,
                },
                _,
            ) => Some(rules::required_variable::diagnostic(
                id,
                at(span.clone()),
                pointer,
                name,
                message,
                *is_set,
            )),
            // A `.env` value reports only what makes it unusable.
            (_, Some(_)) => None,
            (Event::Empty { name, span }, None) => {
                let defined = set.values.get(*name);
                let whence = if place.scope.is_some_and(|s| s.contains_key(*name)) {
                    " by this server's `env` block"
                } else if self.process.as_ref().is_some_and(|p| p.contains_key(*name)) {
                    " in the environment"
                } else if defined.is_some() {
                    " in the env file"
                } else {
                    ""
                };
                let related = match (defined, whence) {
                    (Some(def), " in the env file") => Some((def.file, def.key_span)),
                    _ => None,
                };
                Some(rules::empty_value::diagnostic(
                    id,
                    at(span.clone()),
                    pointer,
                    name,
                    whence,
                    related,
                ))
            }
            (Event::Bare { name, span }, None) => {
                let reference = place
                    .client
                    .filter(|c| c.mode == crate::clients::Mode::Direct)
                    .and_then(|c| c.reference.value.to(name));
                Some(rules::bare_variable::diagnostic(
                    id,
                    at(span.clone()),
                    pointer,
                    name,
                    reference.as_deref(),
                ))
            }
            (Event::Command { span }, None) => Some(rules::command_substitution::diagnostic(
                id,
                at(span.clone()),
                pointer,
            )),
            (Event::Runtime { span }, None) => Some(rules::runtime_input::diagnostic(
                id,
                at(span.clone()),
                pointer,
                &src[span.clone()],
            )),
        }
    }
}
