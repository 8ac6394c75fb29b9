//! The hook as people install it: the real `pre-commit` (pinned, installed by `.ci/run`) runs
//! `try-repo` on this repository, in a scratch git repository, and builds the hook from source.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::support::tokens::{self, Rng};

fn pre_commit() -> Option<PathBuf> {
    let venv = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/ci-venv/bin/pre-commit");
    if venv.is_file() {
        return Some(venv);
    }
    Command::new("pre-commit")
        .arg("--version")
        .output()
        .ok()
        .filter(|o| o.status.success())
        .map(|_| PathBuf::from("pre-commit"))
}

fn run(dir: &Path, program: &Path, args: &[&str]) -> (bool, String) {
    let out = Command::new(program)
        .args(args)
        .current_dir(dir)
        // A cache of its own, kept in target/ so that a second run does not build again.
        .env(
            "PRE_COMMIT_HOME",
            Path::new(env!("CARGO_MANIFEST_DIR")).join("target/pre-commit-home"),
        )
        .env("GIT_AUTHOR_NAME", "mcplint tests")
        .env("GIT_AUTHOR_EMAIL", "tests@mcplint.invalid")
        .env("GIT_COMMITTER_NAME", "mcplint tests")
        .env("GIT_COMMITTER_EMAIL", "tests@mcplint.invalid")
        .output()
        .expect("the program runs");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (out.status.success(), text)
}

#[test]
fn the_hook_fails_on_a_hardcoded_token_and_passes_on_a_clean_config() {
    let Some(pre_commit) = pre_commit() else {
        eprintln!("skipped: pre-commit is not installed (.ci/run installs it into target/ci-venv)");
        return;
    };
    let git = Path::new("git");
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    assert!(run(d, git, &["init", "-q"]).0);
    std::fs::write(d.join(".gitignore"), ".env\n").unwrap();

    let token = tokens::sample("huggingface-token", 0, &mut Rng(7));
    let dirty = format!(
        r#"{{ "hf": {{ "type": "http", "url": "https://huggingface.co/mcp",
  "headers": {{ "Authorization": "Bearer {token}" }} }} }}
"#
    );
    std::fs::write(d.join("mcp-servers.json"), &dirty).unwrap();
    assert!(run(d, git, &["add", "."]).0);
    let repo = env!("CARGO_MANIFEST_DIR");
    let args = [
        "try-repo",
        repo,
        "mcplint",
        "--files",
        "mcp-servers.json",
        "--verbose",
    ];
    let (ok, output) = run(d, &pre_commit, &args);
    assert!(!ok, "the hook passed a hardcoded token:\n{output}");
    assert!(output.contains("secret/huggingface-token"), "{output}");
    assert!(!output.contains(&token), "the hook printed the token");

    let clean = r#"{ "hf": { "type": "http", "url": "https://huggingface.co/mcp",
  "headers": { "Authorization": "Bearer ${HF_TOKEN}" } } }
"#;
    std::fs::write(d.join("mcp-servers.json"), clean).unwrap();
    std::fs::write(d.join(".env"), "HF_TOKEN=synthetic-token\n").unwrap();
    assert!(run(d, git, &["add", "mcp-servers.json"]).0);
    let (ok, output) = run(d, &pre_commit, &args);
    assert!(ok, "the hook failed on a clean config:\n{output}");
}

/// The `files` pattern of the `mcplint` hook, from `.pre-commit-hooks.yaml`.
fn hook_pattern() -> regex::Regex {
    let text = std::fs::read_to_string(crate::support::root().join(".pre-commit-hooks.yaml"))
        .expect("the hooks file");
    let hook = text
        .split("- id: ")
        .find(|h| h.starts_with("mcplint\n"))
        .expect("the mcplint hook");
    let line = hook
        .lines()
        .find_map(|l| l.trim().strip_prefix("files: "))
        .expect("its files pattern");
    // pre-commit's patterns are Python regexes; this one uses only what both dialects share.
    regex::Regex::new(line.trim_matches('\'')).expect("a regex")
}

/// Every name a client profile recognises (and every name `check` looks for without an
/// argument) is caught by the hook, at the top of the repository and in a folder: a new
/// client cannot be forgotten there.
#[test]
fn the_hook_catches_every_config_name_the_registry_knows() {
    let pattern = hook_pattern();
    let names = mcplint::clients::CLIENTS
        .iter()
        .flat_map(|c| c.files.value.iter().copied())
        .chain(mcplint::pipeline::DEFAULT_NAMES.iter().copied());
    let mut missed = Vec::new();
    for name in names {
        // A `*` in a pattern's last segment stands for any name.
        let name = name.replace('*', "github");
        for path in [name.clone(), format!("some/project/{name}")] {
            if !pattern.is_match(&path) {
                missed.push(path);
            }
        }
    }
    assert!(missed.is_empty(), "the hook misses {missed:?}");
    for other in [
        "package.json",
        "settings.json",
        "notes/mcp.json.bak",
        "src/mcp.rs",
    ] {
        assert!(!pattern.is_match(other), "the hook catches {other}");
    }
}
