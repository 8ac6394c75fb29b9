//! The install snippets that MCP server vendors publish in their READMEs (`tests/vendor/`,
//! sources in its `manifest.json`), each checked at default settings as the client it was
//! written for: none fails the run, and no `exec/` or `supply/` rule (the rules about what a
//! config runs, issue 15) raises more than `info` on them. The snapshot lists what each one
//! gets, so that a rule that starts to fire on vendor lines shows up in review.

use std::fmt::Write as _;
use std::path::Path;

use crate::support::Mcplint;

/// Snippets that a client mcplint reads and that a default run still fails, each with why:
/// the vendor's block is wrong for the client it names.
const FAILING_ON_PURPOSE: &[(&str, &str)] = &[(
    "aws-vscode-mcpServers.json",
    "headed `.vscode/mcp.json` but keyed `mcpServers`: VS Code reads `servers` there, so the \
     server is never started (config/ignored-root)",
)];

#[test]
fn vendor_snippets_pass_at_default_settings() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vendor");
    let manifest: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root.join("manifest.json")).unwrap())
            .unwrap();
    let entries = manifest.as_array().expect("the manifest is a list");
    let mut servers = std::collections::BTreeSet::new();
    let mut listed = String::new();
    let mut checked = 0;
    for entry in entries {
        let file = entry["file"].as_str().unwrap();
        for key in ["server", "notes"] {
            assert!(entry[key].is_string(), "{file}: no {key}");
        }
        // A repository's file at a commit, or a vendor's docs page (Linear has no repository).
        if !entry["url"].is_string() {
            for key in ["repository", "path"] {
                assert!(entry[key].is_string(), "{file}: no {key}");
            }
            let commit = entry["commit"].as_str().unwrap_or("");
            assert!(
                commit.len() == 40 && commit.chars().all(|c| c.is_ascii_hexdigit()),
                "{file}: the commit must be 40 hex digits"
            );
        }
        assert!(
            root.join("snippets").join(file).is_file(),
            "{file} is missing"
        );
        let Some(client) = entry["client"].as_str() else {
            let why = entry["not_checked"]
                .as_str()
                .expect("a reason not to check it");
            writeln!(listed, "{file}: not checked: {why}").unwrap();
            continue;
        };
        assert!(
            entry["client_basis"].is_string(),
            "{file}: why this client?"
        );
        servers.insert(entry["server"].as_str().unwrap().to_owned());
        checked += 1;
        let mut args = vec![
            "check",
            "--format",
            "json",
            "--no-process-env",
            "--no-config",
            "--client",
            client,
        ];
        // A README block with comments or a trailing comma is read as JSONC, as a person who
        // pastes it into an editor that tolerates them would.
        if entry["valid_json"] == false {
            args.push("--jsonc");
        }
        // VS Code's settings.json holds the servers in its `mcp` section, in the shape of
        // `.vscode/mcp.json`: that section is checked as that file.
        let scratch = tempfile::tempdir().unwrap();
        let dir = match entry["section"].as_str() {
            Some(section) => {
                let text = std::fs::read_to_string(root.join("snippets").join(file)).unwrap();
                let whole: serde_json::Value = serde_json::from_str(&text).unwrap();
                let inner = serde_json::to_string_pretty(&whole[section]).unwrap();
                std::fs::create_dir(scratch.path().join(".vscode")).unwrap();
                std::fs::write(scratch.path().join(".vscode/mcp.json"), inner).unwrap();
                args.push(".vscode/mcp.json");
                scratch.path().to_owned()
            }
            None => {
                args.push(file);
                root.join("snippets")
            }
        };
        let run = Mcplint::new(&args).dir(&dir).env_clear().run();
        let failing = FAILING_ON_PURPOSE.iter().any(|(f, _)| *f == file);
        assert_eq!(
            run.code,
            if failing { 1 } else { 0 },
            "{file} ({client}): exit {}: {}",
            run.code,
            run.stdout
        );
        let doc = run.json();
        match entry["section"].as_str() {
            Some(section) => write!(listed, "{file} ({client}, its `{section}` section):"),
            None => write!(listed, "{file} ({client}):"),
        }
        .unwrap();
        let diagnostics = doc["diagnostics"].as_array().unwrap();
        if diagnostics.is_empty() {
            listed.push_str(" nothing");
        }
        listed.push('\n');
        for d in diagnostics {
            let rule = d["rule"].as_str().unwrap();
            let severity = d["severity"].as_str().unwrap();
            let family = rule.split('/').next().unwrap();
            assert!(
                !matches!(family, "exec" | "supply") || severity == "info",
                "{file}: {rule} is {severity} on a vendor's published snippet: {}",
                d["message"]
            );
            writeln!(
                listed,
                "  {severity} {rule} {}",
                d["pointer"].as_str().unwrap()
            )
            .unwrap();
        }
    }
    assert!(checked >= 100, "only {checked} snippets checked");
    assert!(servers.len() >= 25, "only {} servers", servers.len());
    // The servers issue 15 names, each checked at least once.
    for wanted in [
        "filesystem",
        "fetch",
        "git",
        "memory",
        "time",
        "everything",
        "sequentialthinking",
        "github",
        "playwright",
        "notion",
        "slack-legacy",
        "sentry",
        "supabase",
        "stripe",
        "figma",
        "linear",
        "atlassian",
        "cloudflare",
        "aws",
        "docker-mcp-gateway",
    ] {
        assert!(servers.contains(wanted), "no checked snippet of {wanted}");
    }
    for (file, _) in FAILING_ON_PURPOSE {
        assert!(
            entries.iter().any(|e| e["file"] == *file),
            "{file} is listed as failing but is no snippet"
        );
    }
    insta::with_settings!({
        snapshot_path => root,
        prepend_module_to_snapshot => false,
        omit_expression => true,
    }, {
        insta::assert_snapshot!("expected", listed);
    });
}
