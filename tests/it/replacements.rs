//! `Diagnostic::replacement`, the one sure fix a finding carries (the editor's quick fix):
//! put in place of the finding's span, it fixes that finding.

use mcplint::env::EnvOptions;
use mcplint::pipeline::{Options, check_text};

fn options() -> Options {
    Options {
        env: EnvOptions {
            process: false,
            ..Default::default()
        },
        ..Options::default()
    }
}

/// Checks `text` as `name` (in a folder whose `.env` is `env`), puts the replacement of the
/// finding of `rule` in place, and returns the new text, checked to be free of that finding.
fn fixed(name: &str, text: &str, env: &str, rule: &str) -> String {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path.with_file_name(".env"), env).unwrap();
    let path = path.to_string_lossy().into_owned();
    let report = check_text(&path, text, &options());
    let d = report
        .diagnostics
        .iter()
        .find(|d| d.rule.id == rule)
        .unwrap_or_else(|| panic!("no {rule}: {:#?}", report.diagnostics));
    let replacement = d.replacement.as_deref().expect("a replacement");
    let mut out = text.to_owned();
    out.replace_range(d.span.start..d.span.end, replacement);
    let again = check_text(&path, &out, &options());
    assert!(
        again.diagnostics.iter().all(|e| e.rule.id != rule),
        "{rule} still raised after the fix:\n{out}"
    );
    out
}

#[test]
fn did_you_mean_fields_and_values() {
    assert_eq!(
        fixed(
            "mcp-servers.json",
            r#"{ "s": { "comand": "npx" } }"#,
            "",
            "schema/missing-field"
        ),
        r#"{ "s": { "command": "npx" } }"#
    );
    assert_eq!(
        fixed(
            "mcp-servers.json",
            r#"{ "s": { "command": "npx", "argz": [] } }"#,
            "",
            "schema/unknown-field"
        ),
        r#"{ "s": { "command": "npx", "args": [] } }"#
    );
    assert_eq!(
        fixed(
            ".vscode/mcp.json",
            r#"{ "servers": { "s": { "type": "htp", "url": "https://example.com/mcp" } } }"#,
            "",
            "schema/invalid-value"
        ),
        r#"{ "servers": { "s": { "type": "http", "url": "https://example.com/mcp" } } }"#
    );
}

#[test]
fn variables_and_the_clients_reference_syntax() {
    assert_eq!(
        fixed(
            "mcp-servers.json",
            r#"{ "s": { "command": "npx", "env": { "T": "${GITHUB_TOKN}" } } }"#,
            "GITHUB_TOKEN=x\n",
            "env/undefined-variable"
        ),
        r#"{ "s": { "command": "npx", "env": { "T": "${GITHUB_TOKEN}" } } }"#
    );
    assert_eq!(
        fixed(
            ".vscode/mcp.json",
            r#"{ "servers": { "s": { "command": "npx", "args": ["${GITHUB_TOKEN}"] } } }"#,
            "",
            "env/unexpanded-reference"
        ),
        r#"{ "servers": { "s": { "command": "npx", "args": ["${env:GITHUB_TOKEN}"] } } }"#
    );
    assert_eq!(
        fixed(
            "mcp-servers.json",
            r#"{ "s": { "command": "npx", "args": ["$GITHUB_TOKEN"] } }"#,
            "GITHUB_TOKEN=x\n",
            "env/bare-variable"
        ),
        r#"{ "s": { "command": "npx", "args": ["${GITHUB_TOKEN}"] } }"#
    );
}
