//! The documents the editor has open, with their text as typed (which wins over the disk),
//! and which configs depend on which env files.

use crate::hash::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;

use lsp_types::{TextDocumentContentChangeEvent, Uri};

use super::position;
use crate::source::SourceFile;

/// One open document.
#[derive(Debug)]
pub struct Doc {
    /// Its path, when the URI is a `file:` one.
    pub path: Option<PathBuf>,
    pub text: String,
    pub version: i32,
    /// The editor's language id (`json`, `jsonc`, `dotenv`, ...).
    pub language: String,
}

#[derive(Debug, Default)]
pub struct Documents {
    open: HashMap<String, Doc>,
}

/// Whether a path names an env file: `.env`, `.env.local`, `prod.env`.
pub fn is_env_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n == ".env" || n.starts_with(".env.") || n.ends_with(".env"))
}

impl Documents {
    pub fn open(&mut self, uri: Uri, text: String, version: i32, language: String) {
        let path = super::uri::to_path(&uri);
        self.open.insert(
            uri.as_str().to_owned(),
            Doc {
                path,
                text,
                version,
                language,
            },
        );
    }

    /// Applies the changes to an open document, in order: a whole new text (the full sync
    /// the server asks for), or a range's replacement from a client that sends those anyway.
    /// False when the document is not open.
    pub fn change(
        &mut self,
        uri: &Uri,
        changes: Vec<TextDocumentContentChangeEvent>,
        version: i32,
    ) -> bool {
        let Some(doc) = self.open.get_mut(uri.as_str()) else {
            return false;
        };
        for change in changes {
            match change.range {
                None => doc.text = change.text,
                Some(range) => {
                    let file = SourceFile::new("", doc.text.as_str());
                    // Offsets into the text without a BOM, as `SourceFile` keeps it.
                    let bom = doc.text.len() - file.text.len();
                    let start = bom + position::offset(&file, range.start);
                    let end = (bom + position::offset(&file, range.end)).max(start);
                    doc.text.replace_range(start..end, &change.text);
                }
            }
        }
        doc.version = version;
        true
    }

    pub fn close(&mut self, uri: &Uri) -> Option<Doc> {
        self.open.remove(uri.as_str())
    }

    pub fn get(&self, uri: &Uri) -> Option<&Doc> {
        self.open.get(uri.as_str())
    }

    /// The open env files' texts, by path: what the pipeline reads instead of the disk.
    pub fn overlay(&self) -> Arc<HashMap<PathBuf, String>> {
        Arc::new(
            self.open
                .values()
                .filter_map(|d| Some((d.path.clone()?, &d.text)))
                .filter(|(p, _)| is_env_file(p))
                .map(|(p, t)| (p, t.clone()))
                .collect(),
        )
    }
}

/// Which env files each checked config read (or would read once created): a change to one
/// re-checks the configs that depend on it.
#[derive(Debug, Default)]
pub struct Dependencies {
    by_config: HashMap<String, Vec<PathBuf>>,
}

impl Dependencies {
    pub fn set(&mut self, config: &Uri, env_files: Vec<PathBuf>) {
        self.by_config.insert(config.as_str().to_owned(), env_files);
    }

    pub fn remove(&mut self, config: &Uri) {
        self.by_config.remove(config.as_str());
    }

    /// The configs (by URI) that depend on the env file at `path`.
    pub fn dependents(&self, path: &Path) -> Vec<String> {
        let mut out: Vec<String> = self
            .by_config
            .iter()
            .filter(|(_, files)| files.iter().any(|f| f == path))
            .map(|(uri, _)| uri.clone())
            .collect();
        out.sort();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn env_file_names() {
        assert!(is_env_file(Path::new("/p/.env")));
        assert!(is_env_file(Path::new("/p/.env.local")));
        assert!(is_env_file(Path::new("/p/prod.env")));
        assert!(!is_env_file(Path::new("/p/.vscode/mcp.json")));
    }

    #[test]
    fn ranged_changes_count_utf16_units() {
        let mut docs = Documents::default();
        let uri: Uri = "file:///p/mcp.json".parse().unwrap();
        docs.open(uri.clone(), "{ \"é😀\": 1 }".into(), 1, "json".into());
        let change = TextDocumentContentChangeEvent {
            range: Some(lsp_types::Range::new(
                lsp_types::Position::new(0, 9),
                lsp_types::Position::new(0, 10),
            )),
            range_length: None,
            text: "2".into(),
        };
        assert!(docs.change(&uri, vec![change], 2));
        assert_eq!(docs.get(&uri).unwrap().text, "{ \"é😀\": 2 }");
    }

    #[test]
    fn dependents_of_an_env_file() {
        let mut deps = Dependencies::default();
        let a: Uri = "file:///p/a.json".parse().unwrap();
        deps.set(&a, vec![PathBuf::from("/p/.env")]);
        assert_eq!(
            deps.dependents(Path::new("/p/.env")),
            vec!["file:///p/a.json"]
        );
        deps.remove(&a);
        assert!(deps.dependents(Path::new("/p/.env")).is_empty());
    }
}
