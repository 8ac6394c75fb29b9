//! Lexical checks of a `.env` file: what dotenvy accepts but loaders read differently.
//!
//! Pure functions over the text and the entries `dotenv::parse` found; they return plain data
//! (the key, where, what) and the rules in `crate::rules::env` build the findings. What dotenvy
//! rejects (a key with `-`, a line without `=`, a quote never closed) is `env/syntax`'s, and an
//! unclosed `${VAR` is `env/invalid-template`'s: they are not reported twice.

use std::collections::HashMap;

use super::dotenv::Assignment;
use crate::source::Span;

/// What is wrong with a key of a `.env` file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum What {
    /// Defined again; `first` is the span of its first key.
    Duplicate { first: Span },
    /// Blanks before or after its `=`.
    SpacesAroundEquals,
    /// A name dotenvy reads but others do not: `dotted` when it holds a `.` (a shell cannot
    /// name it, a `${...}` cannot reference it), otherwise it has lowercase letters.
    InvalidKeyName { dotted: bool },
    /// In the `.env` but not in the template.
    MissingFromTemplate,
    /// In the template but not in the `.env`.
    MissingFromDotenv,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub key: String,
    /// Where the key is, in the file that has it.
    pub span: Span,
    pub what: What,
}

/// The findings of one `.env` text with its entries, in the order of the file.
pub fn check(text: &str, entries: &[Assignment]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut first: HashMap<&str, Span> = HashMap::new();
    for e in entries {
        if let Some(&at) = first.get(e.name.as_str()) {
            out.push(Finding {
                key: e.name.clone(),
                span: e.key_span,
                what: What::Duplicate { first: at },
            });
        } else {
            first.insert(&e.name, e.key_span);
        }
        let dotted = e.name.contains('.');
        if dotted || e.name.chars().any(|c| c.is_ascii_lowercase()) {
            out.push(Finding {
                key: e.name.clone(),
                span: e.key_span,
                what: What::InvalidKeyName { dotted },
            });
        }
        let between = text.get(e.key_span.end..e.value_span.start).unwrap_or("");
        // A blank after `=` matters only before a value: `KEY= ` is an empty value anywhere.
        let blank_before = between.split('=').next().is_some_and(|b| !b.is_empty());
        let blank_after = between.ends_with([' ', '\t']) && e.value_span.start < e.value_span.end;
        if between.contains('=') && (blank_before || blank_after) {
            out.push(Finding {
                key: e.name.clone(),
                span: e.key_span,
                what: What::SpacesAroundEquals,
            });
        }
    }
    out
}

/// The keys one file has and the other lacks: `dotenv`'s missing from the template (at their
/// line in the `.env`), then the template's missing from the `.env` (at their line in the
/// template).
pub fn drift(dotenv: &[Assignment], template: &[Assignment]) -> Vec<Finding> {
    let has = |list: &[Assignment], name: &str| list.iter().any(|e| e.name == name);
    let mut out = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for e in dotenv {
        if seen.insert(e.name.as_str()) && !has(template, &e.name) {
            out.push(Finding {
                key: e.name.clone(),
                span: e.key_span,
                what: What::MissingFromTemplate,
            });
        }
    }
    let mut seen = std::collections::HashSet::new();
    for e in template {
        if seen.insert(e.name.as_str()) && !has(dotenv, &e.name) {
            out.push(Finding {
                key: e.name.clone(),
                span: e.key_span,
                what: What::MissingFromDotenv,
            });
        }
    }
    out
}

/// The template files looked for beside a `.env`, in order; the first that exists is used.
pub const TEMPLATES: &[&str] = &[".env.example", ".env.sample", ".env.template", ".env.dist"];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::env::dotenv::parse;

    fn whats(text: &str) -> Vec<(String, What)> {
        let p = parse(text);
        check(text, &p.entries)
            .into_iter()
            .map(|f| (f.key, f.what))
            .collect()
    }

    #[test]
    fn a_key_written_twice_points_at_the_first() {
        let text = "A=1\nB=2\nA=3\n";
        let got = whats(text);
        assert_eq!(
            got,
            vec![(
                "A".to_owned(),
                What::Duplicate {
                    first: Span::new(0, 1)
                }
            )]
        );
        assert!(whats("A=1\nB=1\n").is_empty());
    }

    #[test]
    fn spaces_around_equals() {
        for text in ["A = 1\n", "A= 1\n", "A =1\n", "export A = \"x\"\n"] {
            assert_eq!(
                whats(text),
                vec![("A".to_owned(), What::SpacesAroundEquals)],
                "{text}"
            );
        }
        assert!(whats("A=1\nexport B=\"two words\"\nC=\nD= \n").is_empty());
    }

    #[test]
    fn names_loaders_disagree_on() {
        assert_eq!(
            whats("my.key=1\n"),
            vec![("my.key".to_owned(), What::InvalidKeyName { dotted: true })]
        );
        assert_eq!(
            whats("Token=1\n"),
            vec![("Token".to_owned(), What::InvalidKeyName { dotted: false })]
        );
        assert!(whats("HF_TOKEN_2=1\n_X=2\n").is_empty());
    }

    #[test]
    fn drift_both_ways() {
        let env = parse("A=1\nB=2\n").entries;
        let tpl = parse("A=\nC=\n").entries;
        let got: Vec<(String, What)> = drift(&env, &tpl)
            .into_iter()
            .map(|f| (f.key, f.what))
            .collect();
        assert_eq!(
            got,
            vec![
                ("B".to_owned(), What::MissingFromTemplate),
                ("C".to_owned(), What::MissingFromDotenv)
            ]
        );
        assert!(drift(&env, &parse("B=\nA=x\n").entries).is_empty());
    }
}
