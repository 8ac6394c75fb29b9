//! `secret/env-file-not-ignored`: asked of the real git CLI in a scratch repository.

use std::path::Path;
use std::process::Command;

use crate::support::Mcplint;

fn git(dir: &Path, args: &[&str]) -> bool {
    Command::new("git")
        .args(args)
        .current_dir(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}

fn env_file_findings(dir: &Path) -> Vec<(String, String)> {
    // The test's environment is kept: the binary needs `PATH` to find git.
    let doc = Mcplint::new(&["check", "--format", "json", "mcp-servers.json"])
        .dir(dir)
        .ceiling(dir.parent().unwrap())
        .run()
        .json();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "secret/env-file-not-ignored")
        .map(|d| {
            (
                d["severity"].as_str().unwrap().to_owned(),
                d["file"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_dotenv_must_be_ignored_and_never_tracked() {
    if !git(Path::new("."), &["--version"]) {
        eprintln!("skipped: git is not installed");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("mcp-servers.json"),
        r#"{ "gh": { "command": "npx", "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}" } } }"#,
    )
    .unwrap();
    std::fs::write(d.join(".env"), "GITHUB_TOKEN=synthetic-token\n").unwrap();

    // Outside a work tree: nothing to say.
    assert!(env_file_findings(d).is_empty());

    assert!(git(d, &["init", "-q"]));
    assert_eq!(
        env_file_findings(d),
        [("warning".to_owned(), ".env".to_owned())]
    );

    std::fs::write(d.join(".gitignore"), ".env\n").unwrap();
    assert!(env_file_findings(d).is_empty());

    assert!(git(d, &["add", "-f", ".env"]));
    assert_eq!(
        env_file_findings(d),
        [("error".to_owned(), ".env".to_owned())]
    );
}
