//! `fixtures/bad/`: malformed inputs, each with a snapshot of what the user sees and the exit
//! code: 1 (a finding) or 2 (trouble), never a crash.

use crate::support::{self, Mcplint};

#[test]
fn every_malformed_input_gets_a_clear_message_and_never_a_crash() {
    let _glob = support::glob_lock();
    let mut inputs = 0;
    insta::glob!("../../fixtures/bad", "*", |path| {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !path.is_file() || name.ends_with(".snap") || name.ends_with(".snap.new") {
            return;
        }
        inputs += 1;
        let dir = path.parent().unwrap();
        let out = Mcplint::new(&["check", &name, "--color", "never", "--no-config"])
            .dir(dir)
            .env_clear()
            .ceiling(dir)
            .lossy()
            .run();
        let code = out.code;
        assert!(matches!(code, 1 | 2), "{name}: exit {code}");
        assert!(
            !out.stderr.contains("internal error"),
            "{name}: {}",
            out.stderr
        );
        // Long lines (100,000 brackets) are cut: the frame is not what the snapshot is about.
        let shown: String = format!(
            "exit code: {code}\n--- stderr\n{}--- stdout\n{}",
            out.stderr, out.stdout
        )
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
        // The snapshot sits beside the input: `<input>.snap`.
        insta::with_settings!({
            snapshot_path => dir,
            prepend_module_to_snapshot => false,
            snapshot_suffix => "",
            omit_expression => true,
        }, {
            insta::assert_snapshot!(name.as_str(), shown);
        });
    });
    assert!(inputs >= 30, "only {inputs} bad inputs");
}

/// Every prefix of the TOML, YAML and Zed fixtures (a file cut anywhere, as an editor saves it
/// half-typed) is checked without a panic, and each finding's span lies inside the text.
#[test]
fn toml_and_yaml_cut_anywhere_never_crash() {
    use mcplint::pipeline::{Options, check_text};
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures");
    let cases = [
        ("codex-findings", ".codex/config.toml"),
        ("continue-findings", ".continue/config.yaml"),
        ("goose-findings", ".config/goose/config.yaml"),
        ("goose-clean", ".config/goose/config.yaml"),
        ("zed-clean", ".zed/settings.json"),
    ];
    let options = Options::default();
    for (case, file) in cases {
        let text = std::fs::read_to_string(root.join(case).join(file)).unwrap();
        let cuts = text.char_indices().map(|(i, _)| i).chain([text.len()]);
        for cut in cuts {
            let part = &text[..cut];
            let report = check_text(file, part, &options);
            for d in &report.diagnostics {
                assert!(
                    d.span.start <= d.span.end && d.span.end <= part.len(),
                    "{case} cut at {cut}: {} at {:?}",
                    d.rule.id,
                    d.span
                );
            }
        }
    }
}
