//! `parse/duplicate-key`: a key appears twice in one object; parsers keep only the last.

use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use jsonc_parser::ast::ObjectProp;

use crate::diagnostic::Diagnostic;
use crate::source::{FileId, SourceFile};
use crate::tree::{Path, prop_name_span};

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

pub struct DuplicateKey;

impl Check for DuplicateKey {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&DUPLICATE_KEY]
    }
}

/// Reports each key that an earlier key of the same object already used.
/// `servers` says the object is the map of server names, for a message in those words.
pub fn report(
    file: &SourceFile,
    id: FileId,
    props: &[ObjectProp],
    path: &Path,
    servers: bool,
    out: &mut Vec<Diagnostic>,
) {
    if props.len() < 2 {
        return;
    }
    let first_of = |i: usize| -> Option<usize> {
        let name = props[i].name.as_str();
        props[..i].iter().position(|p| p.name.as_str() == name)
    };
    // Small objects are the rule; a quadratic scan beats hashing there.
    let dupes: Vec<(usize, usize)> = if props.len() <= 16 {
        (1..props.len())
            .filter_map(|i| first_of(i).map(|f| (f, i)))
            .collect()
    } else {
        let mut seen =
            crate::hash::HashMap::with_capacity_and_hasher(props.len(), Default::default());
        let mut dupes = Vec::new();
        for (i, p) in props.iter().enumerate() {
            if let Some(&f) = seen.get(p.name.as_str()) {
                dupes.push((f, i));
            } else {
                seen.insert(p.name.as_str(), i);
            }
        }
        dupes
    };
    for (first, second) in dupes {
        let name = props[second].name.as_str();
        let first_span = prop_name_span(&props[first]);
        let first_line = file.position(first_span.start).line;
        let (message, help) = if servers {
            (
                format!("duplicate server name `{name}`: also defined at line {first_line}"),
                format!(
                    "JSON parsers keep only the last `{name}` and silently drop the first; \
                     rename one of the two servers or merge them"
                ),
            )
        } else {
            (
                format!("duplicate key `{name}`: also defined at line {first_line}"),
                format!(
                    "parsers keep only the last `{name}` and silently drop the first; \
                     remove one of them"
                ),
            )
        };
        out.push(
            Diagnostic::new(
                &DUPLICATE_KEY,
                id,
                prop_name_span(&props[second]),
                Path::Key(path, name).pointer(),
                message,
            )
            .label("defined again here")
            .help(help)
            .related(first_span, "first defined here"),
        );
    }
}
