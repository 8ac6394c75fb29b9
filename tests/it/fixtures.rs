//! Every folder under `fixtures/` is a case: one config file (plus, maybe, a `.env`), run
//! through the real binary in both formats. The snapshots sit beside the config, as
//! `human.snap` and `json.snap`, so a case is read in one place.

use std::path::Path;

use crate::support::{self, Mcplint, Output};

fn shown(run: &Output) -> String {
    let mut s = format!("exit code: {}\n", run.code);
    if !run.stderr.is_empty() {
        s.push_str(&format!("--- stderr\n{}", run.stderr));
    }
    s.push_str(&format!("--- stdout\n{}", run.stdout));
    s
}

#[test]
fn every_fixture_matches_its_snapshots() {
    let _glob = support::glob_lock();
    let mut cases = 0;
    insta::glob!("../../fixtures", "*", |dir| {
        if !support::is_case(dir) {
            return;
        }
        cases += 1;
        let config = support::config_of(dir);
        // `args`: extra arguments for `check`, one per line.
        let extra = read_args(&dir.join("args"));
        // An empty environment: variables come from the case's `.env` alone.
        let human = Mcplint::new(&["check", &config, "--color", "never"])
            .args(&extra)
            .isolated_in(dir)
            .run();
        let json = Mcplint::new(&["check", &config, "--format", "json"])
            .args(&extra)
            .isolated_in(dir)
            .run();
        // `render`: when present, the case is also rendered with these arguments.
        let render = dir.join("render").is_file().then(|| {
            Mcplint::new(&["render", &config])
                .args(read_args(&dir.join("render")))
                .isolated_in(dir)
                .run()
        });

        // Shared expectations, whatever the case.
        assert!(
            matches!(human.code, 0..=2),
            "{}: exit {}",
            dir.display(),
            human.code
        );
        assert_eq!(
            human.code,
            json.code,
            "{}: formats disagree on the exit code",
            dir.display()
        );
        let doc: serde_json::Value = serde_json::from_str(&json.stdout)
            .unwrap_or_else(|e| panic!("{}: --format json is not JSON: {e}", dir.display()));
        check_json_shape(&doc, &config);

        // The snapshots sit beside the config, named `human`, `json` and `render`.
        insta::with_settings!({
            snapshot_path => dir,
            prepend_module_to_snapshot => false,
            snapshot_suffix => "",
            input_file => dir.join(&config),
            omit_expression => true,
        }, {
            insta::assert_snapshot!("human", shown(&human));
            insta::assert_snapshot!("json", shown(&json));
            if let Some(render) = &render {
                insta::assert_snapshot!("render", shown(render));
            }
        });
    });
    assert!(cases >= 15, "only {cases} fixtures");
}

/// Rules no fixture can show, each with the reason and the test that covers it instead.
/// The parse rules are cases like any other: `parse/too-deep` has `fixtures/parse-too-deep/`
/// (its input in `fixtures/bad/` has a human snapshot only, which this test does not read), and
/// `parse/too-large` has `fixtures/parse-too-large/` (a 1 MiB log, `--max-file-size 1`).
const NOT_A_FIXTURE: &[(&str, &str)] = &[
    (
        "secret/env-file-not-ignored",
        "needs a git work tree: a fixture cannot track a `.git`, and the runner stops git at the \
         fixture's parent; tested in `git_hygiene.rs` on a scratch repository",
    ),
    (
        "parse/unreadable",
        "needs a file mode 000, a FIFO or a symbolic link loop, which git cannot track as such; \
         tested in `discovery.rs` on scratch folders and fake homes",
    ),
];

/// Every rule is shown by at least one case: its id is in a `json.snap` (the `--format json`
/// run of a case; the human snapshots of `fixtures/bad/` do not count).
#[test]
fn every_rule_has_a_fixture() {
    let _glob = support::glob_lock();
    let mut in_snapshots = std::collections::BTreeSet::new();
    insta::glob!("../../fixtures", "**/json.snap", |path| {
        for line in std::fs::read_to_string(path).unwrap().lines() {
            if let Some(rest) = line.trim_start().strip_prefix("\"rule\": \"") {
                in_snapshots.insert(rest.split('"').next().unwrap().to_owned());
            }
        }
    });
    let exempt = |id: &str| NOT_A_FIXTURE.iter().any(|(e, _)| *e == id);
    let missing: Vec<&str> = mcplint::rules::all()
        .map(|r| r.id)
        .filter(|id| !in_snapshots.contains(*id) && !exempt(id))
        .collect();
    // An exemption stays only as long as it is needed: no stale entries, no unknown rules.
    for (id, _) in NOT_A_FIXTURE {
        assert!(
            mcplint::rules::all().any(|r| r.id == *id),
            "{id} is exempt but is no rule"
        );
        assert!(
            !in_snapshots.contains(*id),
            "{id} is exempt but has a fixture: remove the exemption"
        );
    }
    assert!(
        missing.is_empty(),
        "{} rules are in no fixture's json.snap:\n{}",
        missing.len(),
        missing.join("\n")
    );
}

fn read_args(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .map(|s| {
            s.lines()
                .filter(|l| !l.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default()
}

/// The document the README describes, field for field.
fn check_json_shape(doc: &serde_json::Value, config: &str) {
    assert_eq!(doc["version"], 1);
    let diagnostics = doc["diagnostics"].as_array().expect("diagnostics array");
    for d in diagnostics {
        for key in ["rule", "severity", "message", "file", "pointer"] {
            assert!(d[key].is_string(), "{key} missing in {d}");
        }
        for key in ["line", "column", "end_line", "end_column"] {
            assert!(
                d[key].as_u64().is_some_and(|n| n >= 1),
                "{key} not 1-based in {d}"
            );
        }
        let file = d["file"].as_str().unwrap();
        assert!(
            file == config || file.starts_with(".env") || file == ".mcplint.json",
            "{file}"
        );
        let pointer = d["pointer"].as_str().unwrap();
        assert!(pointer.is_empty() || pointer.starts_with('/'), "{pointer}");
        assert!(["error", "warning", "info"].contains(&d["severity"].as_str().unwrap()));
        let allowed = [
            "rule",
            "severity",
            "message",
            "help",
            "file",
            "pointer",
            "line",
            "column",
            "end_line",
            "end_column",
            "related",
        ];
        for key in d.as_object().unwrap().keys() {
            assert!(allowed.contains(&key.as_str()), "unexpected field {key}");
        }
    }
    let summary = &doc["summary"];
    let count = |s: &str| diagnostics.iter().filter(|d| d["severity"] == s).count() as u64;
    assert_eq!(summary["files"], 1);
    assert_eq!(summary["errors"], count("error"));
    assert_eq!(summary["warnings"], count("warning"));
    assert_eq!(summary["infos"], count("info"));
}
