//! Hardcoded credentials: where they are, what they are, and how much of one may be shown.
//!
//! Two passes share the work. Every string value goes once through [`tokens::find`]
//! (provider formats) and, when it holds a URL, through [`url::credentials`]; then each
//! server's known slots (`env`, `headers`, `args`, `oauth`) are judged in context, for
//! secrets that match no provider. Everything found is collected per config and deduplicated
//! (a provider match beats a context match on the same text) by [`Secrets::finish`], which
//! returns plain data: the `secret/` rules turn it into findings, `check` masks the code
//! frames with it, `fix` moves the secrets.
//!
//! This module knows nothing of rules or diagnostics.

pub mod catalogue;
pub mod checksum;
pub mod fake;
pub mod mask;
pub mod names;
mod scan;
pub mod tokens;
pub mod url;

use crate::hash::HashSet;

use crate::source::{FileId, Span};

pub use mask::{redact, shown_chars};
pub use names::is_secret_name;

/// What kind of thing was found.
#[derive(Debug, Clone, Copy)]
pub enum Kind {
    /// A token in a provider's format.
    Provider(&'static catalogue::Provider),
    /// A password in a URL or connection string.
    UrlPassword,
    /// `Authorization: Basic` with a `user:password` in it.
    BasicAuth,
    /// A random-looking literal in a secret slot.
    Generic,
    /// A placeholder where a real value belongs.
    Placeholder,
}

impl Kind {
    /// Which kind wins when two findings overlap.
    fn rank(self) -> u8 {
        match self {
            Kind::Provider(_) => 4,
            Kind::UrlPassword | Kind::BasicAuth => 3,
            Kind::Generic => 2,
            Kind::Placeholder => 1,
        }
    }

    /// What `fix` says it moved: "Hugging Face token", "password", "credential".
    fn what(self) -> String {
        match self {
            Kind::Provider(p) => p.name.to_owned(),
            Kind::UrlPassword => "password".to_owned(),
            Kind::BasicAuth => "Basic credentials".to_owned(),
            Kind::Generic | Kind::Placeholder => "credential".to_owned(),
        }
    }
}

/// One thing found in a config.
#[derive(Debug, Clone)]
pub struct Finding {
    pub kind: Kind,
    /// The secret's characters in the file (not the whole literal).
    pub span: Span,
    /// The pointer of the value that holds it.
    pub pointer: String,
    /// `hf_AbC…(37 chars)`, or the placeholder as written, in backticks.
    pub shown: String,
    /// Where, for the message: "the `Authorization` header of server `hf`".
    pub slot: String,
    /// The variable the fix should use.
    pub variable: String,
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

/// What [`Secrets::finish`] returns for one config.
#[derive(Debug, Default)]
pub struct Findings {
    /// One per place (the strongest kind wins), in the order of the text.
    pub all: Vec<Finding>,
    /// The secrets among them (placeholders are not), to mask and to move.
    pub moves: Vec<Move>,
}

/// Everything found in one config, as the walk goes.
#[derive(Debug, Default)]
pub struct Secrets {
    found: Vec<Finding>,
    /// Start offsets of the literals in which a provider token or URL credential was found.
    hit_literals: HashSet<usize>,
}

impl Secrets {
    /// Takes in what a scan of other servers of the same config found.
    pub fn merge(&mut self, other: Secrets) {
        self.found.extend(other.found);
        self.hit_literals.extend(other.hit_literals);
    }

    /// The findings, one per place (the strongest kind wins), and the secrets to move.
    pub fn finish(mut self, id: FileId) -> Findings {
        self.found
            .sort_by_key(|f| (f.span.start, std::cmp::Reverse(f.kind.rank())));
        let mut kept: Vec<Finding> = Vec::new();
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
        let moves = kept
            .iter()
            .filter(|f| !matches!(f.kind, Kind::Placeholder))
            .map(|f| Move {
                file: id,
                span: f.span,
                pointer: f.pointer.clone(),
                variable: f.variable.clone(),
                what: f.kind.what(),
                shown: f.shown.clone(),
            })
            .collect();
        Findings { all: kept, moves }
    }
}
