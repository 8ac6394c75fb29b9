//! The advisories `supply/known-vulnerable` ships are OSV records (validated against the OSV
//! schema kept in `tests/osv/`), and `--advisories FILE` adds records through the binary.

use std::path::Path;

use crate::support::Mcplint;

fn shipped() -> Vec<(String, serde_json::Value)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/supply/advisories");
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if name.starts_with("GHSA-") && name.ends_with(".json") {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((name, serde_json::from_str(&text).unwrap()));
        }
    }
    out
}

#[test]
fn every_shipped_advisory_is_a_valid_osv_record() {
    let schema: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/osv/schema.json"),
        )
        .unwrap(),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let records = shipped();
    assert!(records.len() >= 15, "{} records", records.len());
    for (name, record) in &records {
        let errors: Vec<String> = validator
            .iter_errors(record)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{name}: {errors:?}");
        assert_eq!(
            format!("{}.json", record["id"].as_str().unwrap()),
            *name,
            "a record's file is named by its id"
        );
    }
    // The schema does reject what is not a record.
    assert!(!validator.is_valid(&serde_json::json!({ "id": 1 })));
}

const RECORD: &str = r#"{
  "schema_version": "1.4.0",
  "id": "EXAMPLE-2026-0001",
  "modified": "2026-01-01T00:00:00Z",
  "aliases": ["CVE-2026-99999"],
  "summary": "example-mcp-server runs commands from tool arguments",
  "affected": [{
    "package": { "ecosystem": "npm", "name": "example-mcp-server" },
    "ranges": [{ "type": "SEMVER", "events": [{ "introduced": "0" }, { "fixed": "1.4.2" }] }]
  }]
}"#;

const CONFIG: &str = r#"{
  "old": { "command": "npx", "args": ["-y", "example-mcp-server@1.4.1"] },
  "fixed": { "command": "npx", "args": ["-y", "example-mcp-server@1.4.2"] }
}"#;

fn rules_of(stdout: &str) -> Vec<(String, String)> {
    let doc: serde_json::Value = serde_json::from_str(stdout).unwrap();
    doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_owned(),
                d["message"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

#[test]
fn a_record_fed_with_advisories_is_checked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mcp-servers.json"), CONFIG).unwrap();
    std::fs::write(dir.path().join("extra.json"), RECORD).unwrap();
    std::fs::write(dir.path().join("list.json"), format!("[{RECORD}]")).unwrap();

    // Without it, nothing is known about the package.
    let check = |extra: &[&str]| {
        Mcplint::new(&["check", "mcp-servers.json", "--format", "json"])
            .args(extra)
            .isolated_in(dir.path())
            .run()
    };
    let plain = check(&[]);
    assert_eq!(plain.code, 0, "{}", plain.stderr);
    assert!(rules_of(&plain.stdout).is_empty());

    for file in ["extra.json", "list.json"] {
        let run = check(&["--advisories", file]);
        assert_eq!(run.code, 1, "{}", run.stderr);
        let found = rules_of(&run.stdout);
        assert_eq!(found.len(), 1, "{found:?}");
        let (rule, message) = &found[0];
        assert_eq!(rule, "supply/known-vulnerable");
        assert!(
            message.contains("EXAMPLE-2026-0001 (CVE-2026-99999)"),
            "{message}"
        );
        assert!(message.contains("fixed in 1.4.2"), "{message}");
    }
}

#[test]
fn a_bad_advisories_file_is_named_with_the_reason() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mcp-servers.json"), CONFIG).unwrap();
    std::fs::write(dir.path().join("broken.json"), "{ \"id\": ").unwrap();
    std::fs::write(dir.path().join("no-package.json"), r#"{"id": "X-1"}"#).unwrap();
    for (file, reason) in [
        ("broken.json", "not JSON"),
        ("no-package.json", "X-1 names no affected package"),
        ("missing.json", "cannot read"),
    ] {
        let run = Mcplint::new(&["check", "mcp-servers.json", "--advisories", file])
            .isolated_in(dir.path())
            .run();
        assert_eq!(run.code, 2, "{file}");
        assert!(
            run.stderr.contains(file) && run.stderr.contains(reason),
            "{file}: {}",
            run.stderr
        );
    }
}
