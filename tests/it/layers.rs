//! The shape of the code: no module imports another that imports it back (directly or
//! through others), and no source file grows past what a reader takes in at once.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `src/`, by module path (`rules::config::empty_command`).
fn modules() -> BTreeMap<String, String> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("src/ is readable") {
            let path = entry.expect("a directory entry").path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&src, &mut files);
    let mut modules = BTreeMap::new();
    for file in files {
        let relative = file.strip_prefix(&src).unwrap().with_extension("");
        let mut parts: Vec<String> = relative
            .components()
            .map(|c| c.as_os_str().to_string_lossy().into_owned())
            .collect();
        if parts.last().is_some_and(|p| p == "mod") {
            parts.pop();
        }
        if parts == ["lib"] || parts == ["main"] {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        modules.insert(parts.join("::"), code_of(&text));
    }
    modules
}

/// The text without comments and without the unit tests at the end of a file.
fn code_of(text: &str) -> String {
    let text = match text.find("#[cfg(test)]\nmod tests") {
        Some(at) => &text[..at],
        None => text,
    };
    text.lines()
        .map(|line| line.split("//").next().unwrap_or(""))
        .collect::<Vec<_>>()
        .join("\n")
}

/// The longest prefix of `segments` that names a module.
fn module_of(segments: &[&str], names: &BTreeSet<String>) -> Option<String> {
    (1..=segments.len())
        .rev()
        .map(|k| segments[..k].join("::"))
        .find(|candidate| names.contains(candidate))
}

fn path_after(code: &str, prefix: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find(prefix) {
        let before = rest[..at].chars().last();
        rest = &rest[at + prefix.len()..];
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let path: String = rest
            .chars()
            .take_while(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '_' || *c == ':')
            .collect();
        out.push(
            path.split("::")
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
        );
    }
    out
}

/// Which modules each module uses: `crate::a::b`, `super::c`, and its own children by name.
fn edges(modules: &BTreeMap<String, String>) -> BTreeMap<String, BTreeSet<String>> {
    let names: BTreeSet<String> = modules.keys().cloned().collect();
    let mut edges = BTreeMap::new();
    for (module, code) in modules {
        let mut uses = BTreeSet::new();
        for path in path_after(code, "crate::") {
            let segments: Vec<&str> = path.iter().map(String::as_str).collect();
            uses.extend(module_of(&segments, &names));
        }
        let parent: Vec<&str> = module.split("::").collect();
        let parent = &parent[..parent.len() - 1];
        for path in path_after(code, "super::") {
            let segments: Vec<&str> = parent
                .iter()
                .copied()
                .chain(path.iter().map(String::as_str))
                .collect();
            uses.extend(module_of(&segments, &names));
        }
        for line in code.lines() {
            let line = line.trim();
            let Some(child) = line
                .strip_prefix("pub mod ")
                .or_else(|| line.strip_prefix("mod "))
                .or_else(|| line.strip_prefix("pub(crate) mod "))
                .and_then(|l| l.strip_suffix(';'))
            else {
                continue;
            };
            let full = format!("{module}::{child}");
            let used = code.lines().any(|l| {
                let l = l.trim();
                !l.starts_with("pub mod ")
                    && !l.starts_with("mod ")
                    && !l.starts_with("pub(crate) mod ")
                    && !l.starts_with("pub use ")
                    && !l.starts_with("pub(crate) use ")
                    && !l.starts_with("use ")
                    && l.contains(&format!("{child}::"))
            });
            if used && names.contains(&full) {
                uses.insert(full);
            }
        }
        uses.remove(module);
        edges.insert(module.clone(), uses);
    }
    edges
}

/// A cycle through `start`, if there is one.
fn cycle_from(start: &str, edges: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    let mut stack = vec![(start.to_owned(), vec![start.to_owned()])];
    let mut seen = BTreeSet::new();
    while let Some((node, path)) = stack.pop() {
        for next in edges.get(&node).into_iter().flatten() {
            if next == start {
                let mut cycle = path.clone();
                cycle.push(start.to_owned());
                return Some(cycle);
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let edges = edges(&modules());
    let cycles: Vec<String> = edges
        .keys()
        .filter_map(|m| cycle_from(m, &edges))
        .map(|c| c.join(" -> "))
        .collect();
    assert!(cycles.is_empty(), "import loops:\n{}", cycles.join("\n"));
}

#[test]
fn the_checker_sees_a_loop() {
    let mut modules = BTreeMap::new();
    modules.insert("a".to_owned(), "use crate::b::thing;".to_owned());
    modules.insert("b".to_owned(), "fn f() { crate::a::g() }".to_owned());
    modules.insert("c".to_owned(), "use crate::a;".to_owned());
    let edges = edges(&modules);
    assert!(cycle_from("a", &edges).is_some());
    assert!(cycle_from("c", &edges).is_none());
}

#[test]
fn no_source_file_is_too_long_to_read_at_once() {
    const LIMIT: usize = 600;
    let long: Vec<String> = modules()
        .keys()
        .filter_map(|m| {
            let base = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
            let file = base.join(m.replace("::", "/")).with_extension("rs");
            let file = if file.exists() {
                file
            } else {
                base.join(m.replace("::", "/")).join("mod.rs")
            };
            let lines = std::fs::read_to_string(&file).ok()?.lines().count();
            (lines > LIMIT).then(|| format!("{} ({lines} lines)", file.display()))
        })
        .collect();
    assert!(long.is_empty(), "split these by concern: {long:?}");
}
