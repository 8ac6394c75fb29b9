//! Real config files from public repositories (`tests/realworld/`, sources in its
//! `manifest.json`; every credential replaced by a synthetic one of the same format), each
//! checked as its own client reads it. The snapshot states the expected findings of every
//! file: a change in what mcplint reports on files it did not write shows up here.

use std::fmt::Write as _;
use std::path::Path;

use crate::support::Mcplint;

#[test]
fn real_configs_get_the_findings_their_clients_call_for() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/realworld");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("manifest.json")).unwrap())
            .unwrap();
    let entries = manifest.as_array().expect("the manifest is a list");
    assert!(entries.len() >= 40, "only {} real configs", entries.len());
    let mut expected = String::new();
    let mut checked = 0;
    let mut declared = 0;
    for entry in entries {
        let file = entry["file"].as_str().unwrap();
        for key in ["repository", "path"] {
            assert!(entry[key].is_string(), "{file}: no {key}");
        }
        let commit = entry["commit"].as_str().unwrap_or("");
        assert!(
            commit.len() == 40 && commit.chars().all(|c| c.is_ascii_hexdigit()),
            "{file}: the commit must be 40 hex digits"
        );
        let client = match entry["client"].as_str().unwrap() {
            "copilot" => "copilot-cli",
            other => other,
        };
        checked += 1;
        let mut args = vec![
            "check",
            "--format",
            "json",
            "--no-process-env",
            "--no-config",
        ];
        if client != "generic" {
            args.extend(["--client", client]);
        }
        args.push(file);
        let run = Mcplint::new(&args).dir(&root).env_clear().run();
        assert!(run.code <= 1, "{file}: exit {}: {}", run.code, run.stderr);
        let doc = run.json();
        assert_eq!(doc["inputs"][0]["client"], client, "{file}");
        writeln!(expected, "{file} ({client}):").unwrap();
        if let Some(names) = undeclared_names(&doc) {
            passes_once_declared(&root, file, client, &names);
            declared += 1;
        }
        for d in doc["diagnostics"].as_array().unwrap() {
            writeln!(
                expected,
                "  {} {} {}",
                d["severity"].as_str().unwrap(),
                d["rule"].as_str().unwrap(),
                d["pointer"].as_str().unwrap()
            )
            .unwrap();
        }
    }
    assert!(checked >= 40, "only {checked} configs checked");
    assert!(
        declared >= 2,
        "only {declared} configs tried with a template"
    );
    insta::with_settings!({
        snapshot_path => root,
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("expected", expected);
    });
}

/// The names of an `env/undeclared-variables` finding, when the file has one.
fn undeclared_names(doc: &serde_json::Value) -> Option<Vec<String>> {
    let d = doc["diagnostics"]
        .as_array()?
        .iter()
        .find(|d| d["rule"] == "env/undeclared-variables")?;
    let message = d["message"].as_str()?;
    let list = message.rsplit(": ").next()?;
    Some(
        list.split(", ")
            .map(|n| n.trim_matches('`').to_owned())
            .collect(),
    )
}

/// The file, beside a `.env.example` that declares `names`, has no variable finding above
/// `info`: a config that failed only for want of values passes in CI once a template exists.
fn passes_once_declared(root: &Path, file: &str, client: &str, names: &[String]) {
    let dir = tempfile::tempdir().unwrap();
    let name = Path::new(file).file_name().unwrap();
    std::fs::copy(root.join(file), dir.path().join(name)).unwrap();
    let example: String = names.iter().map(|n| format!("{n}=\n")).collect();
    std::fs::write(dir.path().join(".env.example"), example).unwrap();
    let mut args = vec![
        "check",
        "--format",
        "json",
        "--no-process-env",
        "--no-config",
    ];
    if client != "generic" {
        args.extend(["--client", client]);
    }
    let name = name.to_str().unwrap();
    args.push(name);
    let doc = Mcplint::new(&args).dir(dir.path()).env_clear().run().json();
    for d in doc["diagnostics"].as_array().unwrap() {
        let rule = d["rule"].as_str().unwrap();
        if rule.starts_with("env/") && rule != "env/unset-variable" {
            panic!(
                "{file}: {rule} once its variables are declared: {}",
                d["message"]
            );
        }
    }
}
