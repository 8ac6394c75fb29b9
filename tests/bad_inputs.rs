//! `fixtures/bad/`: malformed inputs, each with a snapshot of what the user sees and the exit
//! code: 1 (a finding) or 2 (trouble), never a crash.

use std::path::Path;
use std::process::Command;

#[test]
fn every_malformed_input_gets_a_clear_message_and_never_a_crash() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures/bad");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".snap") && !n.ends_with(".snap.new"))
        .collect();
    names.sort();
    assert!(names.len() >= 30, "only {} bad inputs", names.len());
    let mut failed = Vec::new();
    for name in &names {
        let out = Command::new(env!("CARGO_BIN_EXE_mcplint"))
            .args(["check", name, "--color", "never", "--no-config"])
            .current_dir(&dir)
            .env_clear()
            .env("GIT_CEILING_DIRECTORIES", &dir)
            .output()
            .unwrap();
        let code = out.status.code().expect("exited, not killed by a signal");
        assert!(matches!(code, 1 | 2), "{name}: exit {code}");
        let stdout = String::from_utf8_lossy(&out.stdout);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(!stderr.contains("internal error"), "{name}: {stderr}");
        // Long lines (100,000 brackets) are cut: the frame is not what the snapshot is about.
        let shown: String = format!("exit code: {code}\n--- stderr\n{stderr}--- stdout\n{stdout}")
            .lines()
            .map(|l| {
                if l.chars().count() > 160 {
                    format!("{}…", l.chars().take(160).collect::<String>())
                } else {
                    l.to_owned()
                }
            })
            .collect::<Vec<_>>()
            .join("\n");
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(&dir);
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            settings.bind(|| insta::assert_snapshot!(name.as_str(), shown));
        }));
        if result.is_err() {
            failed.push(name.clone());
        }
    }
    assert!(failed.is_empty(), "snapshots differ for: {failed:?}");
}
