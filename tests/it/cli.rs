//! The command line as a user meets it: exit codes, file discovery, stdin, several files,
//! the rule documentation, and exact positions.

use crate::support::Mcplint;

fn fixture(case: &str) -> String {
    format!("{}/fixtures/{case}", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn syntax_error_has_its_exact_line_and_column() {
    let r = Mcplint::new(&[
        "check",
        "--format",
        "json",
        &fixture("syntax-error-mid-file/mcp-servers.json"),
    ])
    .run();
    assert_eq!(r.code, 1);
    let d = &r.json()["diagnostics"][0];
    assert_eq!(d["rule"], "parse/syntax");
    // Line 7 is `    "command": "uvx"`; the comma belongs right after the closing quote.
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(7), Some(21))
    );
}

#[test]
fn duplicate_key_names_both_lines() {
    let r = Mcplint::new(&[
        "check",
        "--format",
        "json",
        &fixture("duplicate-server-name/mcp-servers.json"),
    ])
    .run();
    let d = &r.json()["diagnostics"][0];
    assert_eq!(d["rule"], "parse/duplicate-key");
    assert_eq!(d["pointer"], "/github");
    assert_eq!(d["line"], 11);
    assert!(d["message"].as_str().unwrap().contains("line 2"));
    assert_eq!(d["related"][0]["line"], 2);
    assert_eq!(d["related"][0]["column"], 3);
}

#[test]
fn columns_count_characters() {
    let r = Mcplint::new(&[
        "check",
        "--format",
        "json",
        &fixture("non-ascii/mcp-servers.json"),
    ])
    .run();
    let doc = r.json();
    let d = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "schema/unknown-field")
        .unwrap();
    // `  "日本語サーバー": { "type": "sse", "url": "http://例え.jp/sse", "timeoutß": 5 }`
    assert_eq!(
        (d["line"].as_u64(), d["column"].as_u64()),
        (Some(8), Some(58))
    );
    assert_eq!(d["end_column"], 68);
    assert_eq!(d["pointer"], "/日本語サーバー/timeoutß");
}

#[test]
fn no_file_checks_the_config_in_the_current_directory() {
    let dir = tempfile::tempdir().unwrap();
    let r = Mcplint::new(&["check"]).dir(dir.path()).run();
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("no MCP config found"), "{}", r.stderr);
    assert!(r.stderr.contains("mcp-servers.json"));

    std::fs::write(dir.path().join(".mcp.json"), r#"{"mcpServers": {"a": {}}}"#).unwrap();
    let r = Mcplint::new(&["check", "--format", "json"])
        .dir(dir.path())
        .run();
    assert_eq!(r.code, 1);
    assert_eq!(r.json()["diagnostics"][0]["file"], ".mcp.json");
    assert_eq!(r.json()["diagnostics"][0]["pointer"], "/mcpServers/a");
}

#[test]
fn stdin_and_several_files_in_one_run() {
    // From the repository root, where the runner starts unless told otherwise.
    let r = Mcplint::new(&[
        "check",
        "--format",
        "json",
        "fixtures/valid-bare-map/mcp-servers.json",
        "-",
        "fixtures/empty-command/mcp-servers.json",
    ])
    .stdin(r#"{"x": {"command": "npx", "arg": []}}"#)
    .run();
    assert_eq!(r.code, 1);
    let doc = r.json();
    assert_eq!(doc["summary"]["files"], 3);
    let files: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file"].as_str().unwrap())
        .collect();
    assert_eq!(
        files,
        ["<stdin>", "fixtures/empty-command/mcp-servers.json"]
    );
}

#[test]
fn unreadable_file_is_exit_2_and_the_others_are_still_checked() {
    let r = Mcplint::new(&[
        "check",
        "does-not-exist.json",
        &fixture("empty-command/mcp-servers.json"),
    ])
    .run();
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("cannot read does-not-exist.json"),
        "{}",
        r.stderr
    );
    assert!(r.stdout.contains("config/empty-command"));
}

#[test]
fn fail_on_sets_the_threshold() {
    let file = fixture("utf8-bom/mcp-servers.json"); // one warning
    assert_eq!(Mcplint::new(&["check", &file]).run().code, 0);
    assert_eq!(
        Mcplint::new(&["check", &file, "--fail-on", "warning"])
            .run()
            .code,
        1
    );
}

#[test]
fn usage_errors_are_exit_2() {
    assert_eq!(Mcplint::new(&["check", "--format", "xml"]).run().code, 2);
    assert_eq!(Mcplint::new(&["frobnicate"]).run().code, 2);
}

#[test]
fn colour_only_when_asked_or_on_a_terminal() {
    let file = fixture("empty-command/mcp-servers.json");
    assert!(
        !Mcplint::new(&["check", &file])
            .run()
            .stdout
            .contains('\u{1b}')
    );
    assert!(
        Mcplint::new(&["check", &file, "--color", "always"])
            .run()
            .stdout
            .contains('\u{1b}')
    );
}

#[test]
fn rules_lists_every_rule() {
    let r = Mcplint::new(&["rules"]).run();
    assert_eq!(r.code, 0);
    for rule in mcplint::rules::all() {
        let line = r.stdout.lines().find(|l| l.starts_with(rule.id)).unwrap();
        assert!(line.contains(rule.severity.as_str()), "{line}");
    }
}

#[test]
fn explain_prints_the_docs_and_suggests_on_a_typo() {
    let r = Mcplint::new(&["explain", "parse/duplicate-key"]).run();
    assert_eq!(r.code, 0);
    assert!(
        r.stdout
            .starts_with("parse/duplicate-key (error by default)")
    );
    assert!(r.stdout.contains("## Why is this bad?"));
    assert!(!r.stdout.contains("\n /// "));

    assert_eq!(Mcplint::new(&["explain", "shell-wrapper"]).run().code, 0);

    let r = Mcplint::new(&["explain", "schema/unknown-fields"]).run();
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("did you mean `schema/unknown-field`?"),
        "{}",
        r.stderr
    );
}

#[test]
fn schema_prints_the_embedded_schema() {
    let r = Mcplint::new(&["schema"]).run();
    assert_eq!(r.code, 0);
    let printed: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let file = std::fs::read_to_string(format!(
        "{}/schema/mcp-servers.schema.json",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    assert_eq!(
        printed,
        serde_json::from_str::<serde_json::Value>(&file).unwrap()
    );
}

/// The schema editors see and the per-branch validation mcplint does must agree on the
/// valid fixtures.
#[test]
fn valid_fixtures_pass_the_editor_schema() {
    let schema: serde_json::Value = serde_json::from_str(mcplint::schema::SOURCE).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (case, file) in [
        ("valid-bare-map", "mcp-servers.json"),
        ("valid-mcpservers", ".mcp.json"),
        ("hub-oauth", "mcp-servers.json"),
    ] {
        let text = std::fs::read_to_string(format!("{}/{file}", fixture(case))).unwrap();
        let value: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert!(validator.is_valid(&value), "{case}");
    }
    // And the editor schema rejects what mcplint reports as a schema error.
    let bad: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(fixture("wrong-value-types/mcp-servers.json")).unwrap(),
    )
    .unwrap();
    assert!(!validator.is_valid(&bad));
}

#[test]
fn settings_file_ignores_paths_and_names_env_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::create_dir_all(d.join("vendor")).unwrap();
    std::fs::write(d.join("vendor/mcp-servers.json"), "[]").unwrap();
    std::fs::write(
        d.join("mcp-servers.json"),
        r#"{ "a": { "command": "npx", "env": { "X": "${FROM_CI_FILE}" } } }"#,
    )
    .unwrap();
    std::fs::write(d.join("ci.env"), "FROM_CI_FILE=1\n").unwrap();
    std::fs::write(
        d.join(".mcplint.json"),
        r#"{ "ignore": ["vendor/**"], "envFiles": ["ci.env"] }"#,
    )
    .unwrap();
    let r = Mcplint::new(&["check", "mcp-servers.json", "vendor/mcp-servers.json"])
        .dir(d)
        .run();
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    // Flags override the file.
    // Flags override the file: without it, nothing declares or sets the variable.
    let r = Mcplint::new(&["check", "mcp-servers.json", "--no-config"])
        .dir(d)
        .run();
    assert!(
        r.stdout.contains("env/undeclared-variables"),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains("FROM_CI_FILE"));
}

#[test]
fn the_client_registry_is_listed_and_each_client_has_a_schema() {
    let clients = Mcplint::new(&["clients"]).run();
    assert_eq!(clients.code, 0);
    for id in [
        "claude-code",
        "vscode",
        "cursor",
        "windsurf",
        "gemini-cli",
        "generic",
    ] {
        assert!(clients.stdout.contains(id), "{id} is not listed");
    }
    let schema = Mcplint::new(&["schema", "--client", "windsurf"]).run();
    assert_eq!(schema.code, 0, "{}", schema.stderr);
    let doc: serde_json::Value = serde_json::from_str(&schema.stdout).unwrap();
    assert!(doc["$defs"]["remoteServer"]["properties"]["serverUrl"].is_object());
    let unknown = Mcplint::new(&["check", "--client", "vs-code", "x.json"]).run();
    assert_eq!(unknown.code, 2);
    assert!(unknown.stderr.contains("vscode"), "{}", unknown.stderr);
}

/// A rule off by default says so in `rules` and `explain`, and is reported only when asked
/// for: by `--select` (the rule or its family) or by a severity in `.mcplint.json`.
#[test]
fn a_rule_off_by_default_is_reported_only_when_selected() {
    let rules = Mcplint::new(&["rules"]).run().stdout;
    let line = rules
        .lines()
        .find(|l| l.starts_with("supply/unpinned-package"))
        .unwrap();
    assert!(line.contains("off (warning)"), "{line}");
    let explain = Mcplint::new(&["explain", "supply/latest-tag"]).run().stdout;
    assert!(
        explain.starts_with("supply/latest-tag (off by default; warning when selected)"),
        "{explain}"
    );

    let dir = tempfile::tempdir().unwrap();
    let config = r#"{ "fetch": { "command": "uvx", "args": ["mcp-server-fetch"] } }"#;
    std::fs::write(dir.path().join("mcp-servers.json"), config).unwrap();
    let found = |extra: &[&str]| {
        let run = Mcplint::new(&["check", "mcp-servers.json", "--format", "json"])
            .args(extra)
            .isolated_in(dir.path())
            .run();
        assert_eq!(run.code, 0, "{}", run.stderr);
        let doc: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        doc["diagnostics"].as_array().unwrap().len()
    };
    assert_eq!(found(&[]), 0);
    assert_eq!(found(&["--select", "supply/"]), 1);
    assert_eq!(found(&["--select", "supply/unpinned-package"]), 1);
    assert_eq!(found(&["--select", "secret/"]), 0);
    std::fs::write(
        dir.path().join(".mcplint.json"),
        r#"{ "rules": { "supply/": "info" } }"#,
    )
    .unwrap();
    assert_eq!(found(&[]), 1);
}
