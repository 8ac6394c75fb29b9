//! Every rule's documentation, run: the fenced blocks of its `## Example` are written into a
//! scratch directory as the files they stand for and must raise the rule; those after
//! `Use instead:` must not, and must parse.
//!
//! A block's info string says which file it is:
//!
//! - ```` ```json ```` is the config, `mcp-servers.json`; ```` ```jsonc ```` is
//!   `mcp-servers.jsonc`;
//! - ```` ```dotenv ```` or ```` ```env ```` is `.env`;
//! - ```` ```gitignore ```` is `.gitignore`, and makes the directory a git repository;
//! - a second word names the file instead: ```` ```json .vscode/mcp.json ````,
//!   ```` ```jsonc .mcplint.json ```` (settings).
//!
//! The binary runs `check --format json --no-process-env` on the config files, in that
//! directory, with an empty environment. In the generated docs of the provider rules
//! (`secret/<provider>`), the placeholder `<the ... itself>` is replaced by a synthetic token
//! of the provider's format.
//!
//! A few rules need a file that docs cannot hold ([`NOT_WRITABLE`]): their docs must still
//! have every heading, and the input named there tests them instead.

use std::path::Path;
use std::process::Command;

use mcplint::rules::Rule;
use mcplint::secrets::catalogue::PROVIDERS;

use crate::support::Mcplint;
use crate::support::tokens::{self, Rng};

/// A fenced code block: its info string and its text.
struct Block {
    info: String,
    text: String,
}

/// The `## Example` section of the docs, split at `Use instead:`.
fn example_and_fix(docs: &str) -> Result<(&str, &str), String> {
    let start = docs.find("## Example").ok_or("no `## Example` heading")?;
    let section = &docs[start + "## Example".len()..];
    let section = match section.find("\n## ") {
        Some(end) => &section[..end],
        None => section,
    };
    section
        .split_once("Use instead:")
        .ok_or_else(|| "no `Use instead:` in `## Example`".to_owned())
}

fn blocks(text: &str) -> Result<Vec<Block>, String> {
    let mut blocks = Vec::new();
    let mut lines = text.lines();
    while let Some(line) = lines.next() {
        let Some(info) = line.trim_start().strip_prefix("```") else {
            continue;
        };
        let mut body = String::new();
        loop {
            match lines.next() {
                Some(l) if l.trim() == "```" => break,
                Some(l) => {
                    body.push_str(l);
                    body.push('\n');
                }
                None => return Err(format!("```{info} block never closed")),
            }
        }
        blocks.push(Block {
            info: info.trim().to_owned(),
            text: body,
        });
    }
    Ok(blocks)
}

/// The file a block stands for, from its info string.
fn file_of(info: &str) -> Result<String, String> {
    let mut words = info.split_whitespace();
    let lang = words.next().unwrap_or("");
    let named = words.next();
    let default = match lang {
        "json" => "mcp-servers.json",
        "jsonc" => "mcp-servers.jsonc",
        "dotenv" | "env" => ".env",
        "gitignore" => ".gitignore",
        "" => return Err("a ``` block without an info string".to_owned()),
        other => return Err(format!("a ```{other} block is not a file mcplint reads")),
    };
    Ok(named.unwrap_or(default).to_owned())
}

fn is_config(file: &str) -> bool {
    let name = file.rsplit('/').next().unwrap();
    !name.starts_with(".env") && name != ".mcplint.json" && name != ".gitignore"
}

/// A synthetic token in place of the generated docs' `<the ... itself>`, written as the
/// block's language needs it.
fn with_token(id: &str, block: &Block) -> String {
    let Some(provider) = PROVIDERS.iter().find(|p| p.rule.id == id) else {
        return block.text.clone();
    };
    let (Some(start), Some(end)) = (block.text.find("<the "), block.text.find(" itself>")) else {
        return block.text.clone();
    };
    let id = provider.rule.id.strip_prefix("secret/").unwrap();
    let token = tokens::sample(id, 0, &mut Rng(0x00D0_C5E7_A3B1));
    let written = if block.info.starts_with("json") {
        let quoted = serde_json::to_string(&token).unwrap();
        quoted[1..quoted.len() - 1].to_owned()
    } else {
        token
    };
    let end = end + " itself>".len();
    format!("{}{written}{}", &block.text[..start], &block.text[end..])
}

/// The rules `check` reports on the blocks, written into a scratch directory.
fn rules_raised(id: &str, blocks: &[Block]) -> Result<Vec<String>, String> {
    if blocks.is_empty() {
        return Err("no code block (prose only)".to_owned());
    }
    let dir = tempfile::tempdir().unwrap();
    let mut configs = Vec::new();
    let mut repository = false;
    for block in blocks {
        let file = file_of(&block.info)?;
        let path = dir.path().join(&file);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, with_token(id, block)).unwrap();
        repository |= file == ".gitignore";
        if is_config(&file) {
            configs.push(file);
        }
    }
    if repository && !git_init(dir.path()) {
        return Err("needs git, which is not installed".to_owned());
    }
    let mut check = Mcplint::new(&["check", "--format", "json", "--no-process-env"])
        .args(&configs)
        .isolated_in(dir.path());
    if let (true, Some(path)) = (repository, std::env::var_os("PATH")) {
        // The binary asks git, wherever `PATH` has it.
        check = check.env("PATH", path);
    }
    let out = check.run();
    let doc: serde_json::Value = serde_json::from_str(&out.stdout).map_err(|_| {
        format!(
            "no report (exit {}): {}",
            out.code,
            out.stderr.lines().next().unwrap_or("")
        )
    })?;
    Ok(doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect())
}

fn git_init(dir: &Path) -> bool {
    Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir)
        .status()
        .is_ok_and(|s| s.success())
}

/// The rules whose example cannot be written as text in their docs: the rule, why, and the
/// input that tests it instead.
const NOT_WRITABLE: &[(&str, &str, &str)] = &[
    (
        "parse/invalid-utf8",
        "needs bytes that are not UTF-8, which docs (a `&str`) cannot hold",
        "fixtures/bad/invalid-utf8.json",
    ),
    (
        "parse/too-large",
        "needs a file over 64 MiB: `--max-file-size` is a flag, with no `.mcplint.json` key",
        "tests/it/limits.rs",
    ),
    (
        "parse/unreadable",
        "needs a file that cannot be read, or a symbolic link loop, which docs cannot make",
        "tests/it/discovery.rs",
    ),
    (
        "parse/too-deep",
        "needs over 512 levels of nesting, unreadable in `mcplint explain`",
        "fixtures/bad/deep-nesting.json",
    ),
];

/// The headings every rule's docs have, exempted or not.
const HEADINGS: &[&str] = &[
    "## What it does",
    "## Why is this bad?",
    "## Example",
    "Use instead:",
];

/// Why the examples in the docs of rule `id` do not show what they should, if they do not.
fn problems(id: &str, docs: &str) -> Vec<String> {
    if NOT_WRITABLE.iter().any(|(exempt, ..)| *exempt == id) {
        return HEADINGS
            .iter()
            .filter(|h| !docs.contains(*h))
            .map(|h| format!("exempt from running, but has no `{h}`"))
            .collect();
    }
    let (example, fix) = match example_and_fix(docs) {
        Ok(parts) => parts,
        Err(e) => return vec![e],
    };
    let mut problems = Vec::new();
    for (part, text, must_raise) in [("Example", example, true), ("Use instead", fix, false)] {
        let raised = blocks(text).and_then(|b| rules_raised(id, &b));
        match raised {
            Err(e) => problems.push(format!("{part}: {e}")),
            // A fix that does not parse shows nothing.
            Ok(raised) if !must_raise && raised.iter().any(|r| r.starts_with("parse/")) => {
                problems.push(format!("{part}: does not parse; raised: {raised:?}"));
            }
            Ok(raised) if raised.iter().any(|r| r == id) != must_raise => {
                let verb = if must_raise {
                    "does not raise it"
                } else {
                    "raises it"
                };
                problems.push(format!("{part}: {verb}; raised: {raised:?}"));
            }
            Ok(_) => {}
        }
    }
    problems
}

fn assert_examples_run(rules: impl Iterator<Item = &'static Rule>) {
    let mut checked = 0;
    let mut failing = Vec::new();
    for rule in rules {
        checked += 1;
        let problems = problems(rule.id, &rule.docs());
        if !problems.is_empty() {
            failing.push(format!("{}:\n    {}", rule.id, problems.join("\n    ")));
        }
    }
    assert!(checked > 0);
    assert!(
        failing.is_empty(),
        "{} of {checked} rules have examples that do not run as documented:\n{}",
        failing.len(),
        failing.join("\n")
    );
}

#[test]
fn every_rule_example_raises_it_and_its_fix_does_not() {
    assert_examples_run(mcplint::rules::all());
}

/// Each exemption names a rule that exists, and the input that tests it.
#[test]
fn every_exempt_example_is_tested_elsewhere() {
    for (id, why, tested_by) in NOT_WRITABLE {
        assert!(mcplint::rules::find(id).is_some(), "no rule `{id}`");
        assert!(!why.is_empty(), "{id}: no reason");
        assert!(
            crate::support::root().join(tested_by).is_file(),
            "{id}: no {tested_by}"
        );
    }
}

/// The provider rules' docs are generated from one template: their examples run already.
#[test]
fn every_provider_example_raises_it_and_its_fix_does_not() {
    assert_examples_run(PROVIDERS.iter().map(|p| &p.rule));
}
