//! Every folder under `fixtures/` is a case: one config file (plus, maybe, a `.env`), run
//! through the real binary in both formats. The snapshots sit beside the config, as
//! `human.snap` and `json.snap`, so a case is read in one place.

use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

/// Runs the binary with an empty environment: variables come from the case's `.env` alone.
fn mcplint(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_mcplint"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        // The fixtures' `.env` files are tracked on purpose: keep git out of the picture.
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap())
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().expect("exited, not killed"),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

fn cases() -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let mut dirs: Vec<PathBuf> = std::fs::read_dir(&root)
        .expect("fixtures/ exists")
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir() && !p.ends_with("bad"))
        .collect();
    dirs.sort();
    dirs
}

/// The one file of a case that is not a `.env` or a snapshot.
fn config_of(dir: &Path) -> String {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| {
            !n.starts_with(".env")
                && !n.ends_with(".snap")
                && !n.ends_with(".snap.new")
                && !matches!(
                    n.as_str(),
                    "args" | "render" | ".mcplint.json" | "baseline.json"
                )
        })
        .collect();
    assert_eq!(
        names.len(),
        1,
        "{} must hold exactly one config: {names:?}",
        dir.display()
    );
    names.pop().unwrap()
}

fn shown(run: &Run) -> String {
    let mut s = format!("exit code: {}\n", run.code);
    if !run.stderr.is_empty() {
        s.push_str(&format!("--- stderr\n{}", run.stderr));
    }
    s.push_str(&format!("--- stdout\n{}", run.stdout));
    s
}

#[test]
fn every_fixture_matches_its_snapshots() {
    let mut failed = Vec::new();
    let cases = cases();
    assert!(cases.len() >= 15, "only {} fixtures", cases.len());
    for dir in &cases {
        let config = config_of(dir);
        // `args`: extra arguments for `check`, one per line.
        let extra = read_args(&dir.join("args"));
        let with = |base: &[&str]| -> Vec<String> {
            base.iter()
                .map(|s| s.to_string())
                .chain(extra.iter().cloned())
                .collect()
        };
        let human = mcplint(dir, &refs(&with(&["check", &config, "--color", "never"])));
        let json = mcplint(dir, &refs(&with(&["check", &config, "--format", "json"])));
        // `render`: when present, the case is also rendered with these arguments.
        let render = dir.join("render").is_file().then(|| {
            let mut args = vec!["render".to_owned(), config.clone()];
            args.extend(read_args(&dir.join("render")));
            mcplint(dir, &refs(&args))
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

        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(dir);
        settings.set_prepend_module_to_snapshot(false);
        settings.set_input_file(dir.join(&config));
        settings.set_omit_expression(true);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            settings.bind(|| {
                insta::assert_snapshot!("human", shown(&human));
                insta::assert_snapshot!("json", shown(&json));
                if let Some(render) = &render {
                    insta::assert_snapshot!("render", shown(render));
                }
            })
        }));
        if result.is_err() {
            failed.push(dir.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    assert!(failed.is_empty(), "snapshots differ for: {failed:?}");
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

fn refs(args: &[String]) -> Vec<&str> {
    args.iter().map(String::as_str).collect()
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
