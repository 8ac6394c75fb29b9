//! Secrets in files that do not parse or are not UTF-8, and credential-shaped text no rule
//! named: the token formats are still found in the raw text, and no output shows any of it
//! whole (frames, context lines, every format, every command).

use crate::support::Mcplint;
use crate::support::tokens::{self, Rng};

/// Fails when more than the allowed prefix of `secret` shows anywhere in `output`: every
/// 8-character window after that prefix is looked for.
fn assert_hidden(secret: &str, output: &str, what: &str) {
    let chars: Vec<char> = secret.chars().collect();
    let allowed = (chars.len() / 3).min(6);
    for start in allowed..chars.len().saturating_sub(8) {
        let window: String = chars[start..start + 8].iter().collect();
        assert!(
            !output.contains(&window),
            "{what}: `{window}` of a secret is in the output:\n{output}"
        );
    }
}

/// Every output a user can ask for of the config in `dir`.
fn every_output(dir: &std::path::Path) -> Vec<(String, String)> {
    let runs: Vec<Vec<&str>> = vec![
        vec!["check", "mcp-servers.json", "--color", "never"],
        vec!["check", "mcp-servers.json", "--color", "always"],
        vec!["check", "mcp-servers.json", "--format", "json"],
        vec!["check", "mcp-servers.json", "--format", "sarif"],
        vec!["check", "mcp-servers.json", "--format", "github"],
        vec!["check", "mcp-servers.json", "--format", "gitlab"],
        vec!["render", "mcp-servers.json"],
        vec!["render", "mcp-servers.json", "--redact"],
        vec!["fix", "--dry-run", "--no-process-env"],
    ];
    runs.iter()
        .map(|args| {
            let out = Mcplint::new(args).isolated_in(dir).lossy().run();
            assert!(matches!(out.code, 0..=2), "{args:?} exited {}", out.code);
            (args.join(" "), format!("{}\n{}", out.stdout, out.stderr))
        })
        .collect()
}

/// The configs: a token in each slot, each broken beside the token in each way.
fn broken_configs(token: &str) -> Vec<(String, Vec<u8>)> {
    let slots = [
        format!(r#""env": {{ "HF_TOKEN": "{token}" }}"#),
        format!(r#""headers": {{ "Authorization": "Bearer {token}" }}"#),
        format!(r#""args": ["--api-key", "{token}"]"#),
    ];
    let mut out = Vec::new();
    for (i, slot) in slots.iter().enumerate() {
        let good = format!("{{\n  \"s\": {{\n    \"command\": \"npx\",\n    {slot}\n  }}\n}}\n");
        let at = good.find(token).unwrap();
        let end = at + token.len();
        // A missing comma after the token's value.
        let missing_comma =
            format!("{{\n  \"s\": {{\n    {slot}\n    \"command\": \"npx\"\n  }}\n}}\n");
        // An unterminated string: the token's closing quote is gone.
        let mut unterminated = good.clone();
        unterminated.remove(end);
        // A stray `}` before the token's slot.
        let key = good.find(slot.as_str()).unwrap();
        let stray = format!("{}}} {}", &good[..key], &good[key..]);
        // 0xFF right before and right after the token.
        let mut ff = good.clone().into_bytes();
        ff.insert(end + 1, 0xFF);
        let mut ff_before = good.clone().into_bytes();
        ff_before.insert(at - 1, 0xFF);
        for (what, bytes) in [
            ("missing comma", missing_comma.into_bytes()),
            ("unterminated string", unterminated.into_bytes()),
            ("stray brace", stray.into_bytes()),
            ("0xFF after", ff),
            ("0xFF before", ff_before),
        ] {
            out.push((format!("slot {i}, {what}"), bytes));
        }
    }
    out
}

#[test]
fn tokens_in_broken_files_are_found_and_never_shown() {
    let mut rng = Rng(0x0B20_CE11);
    for (n, id) in ["huggingface-token", "github-token"].iter().enumerate() {
        let token = tokens::sample(id, n, &mut rng);
        for (case, bytes) in broken_configs(&token) {
            let dir = tempfile::tempdir().unwrap();
            std::fs::write(dir.path().join("mcp-servers.json"), &bytes).unwrap();
            // Found by the raw scan, with a line and a column, and no pointer.
            let out = Mcplint::new(&["check", "mcp-servers.json", "--format", "json"])
                .isolated_in(dir.path())
                .lossy()
                .run();
            let doc = out.json();
            let hit = doc["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .find(|d| d["rule"] == format!("secret/{id}"))
                .unwrap_or_else(|| panic!("{case}: {id} not found:\n{}", out.stdout));
            assert_eq!(hit["pointer"], "", "{case}");
            let text = String::from_utf8_lossy(&bytes);
            let at = text.find(&token[..10]).unwrap();
            let line = text[..at].matches('\n').count() + 1;
            assert_eq!(hit["line"], line, "{case}: {hit}");
            let column = text[..at].rsplit('\n').next().unwrap().chars().count() + 1;
            assert_eq!(hit["column"], column, "{case}: {hit}");
            // The human summary says what was checked.
            let human = Mcplint::new(&["check", "mcp-servers.json", "--color", "never"])
                .isolated_in(dir.path())
                .lossy()
                .run();
            assert!(
                human.stdout.contains(
                    "mcp-servers.json could not be read as a config: only the token formats were \
                     checked"
                ),
                "{case}:\n{}",
                human.stdout
            );
            for (what, output) in every_output(dir.path()) {
                assert_hidden(&token, &output, &format!("{case}: {what}"));
            }
        }
    }
}

#[test]
fn credential_shaped_text_no_rule_names_is_masked_in_context_lines() {
    let mut rng = Rng(0x7E57_0C0A);
    let flagged = tokens::sample("huggingface-token", 0, &mut rng);
    // A random token under a neutral key, on the line after a flagged key: no rule names it.
    let neutral = rng.string(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        40,
    );
    let slot_value = "Kq7-Zt8q.Lw2m"; // short, under a secret name: masked as a slot value
    let config = format!(
        "{{\n  \"s\": {{\n    \"command\": \"npx\",\n    \"env\": {{\n      \"HF_TOKEN\": \"{flagged}\",\n      \"build\": \"{neutral}\",\n      \"DB_PASSWORD\": \"{slot_value}\"\n    }}\n  }}\n}}\n"
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mcp-servers.json"), &config).unwrap();
    let out = Mcplint::new(&["check", "mcp-servers.json", "--color", "never"])
        .isolated_in(dir.path())
        .run();
    // The frame of the flagged key shows the next line as context.
    assert!(out.stdout.contains("\"build\": \""), "{}", out.stdout);
    for (what, output) in every_output(dir.path()) {
        assert_hidden(&neutral, &output, &what);
        assert_hidden(&flagged, &output, &what);
        assert!(!output.contains("Zt8q.Lw2m"), "{what}:\n{output}");
    }
}

#[test]
fn render_redact_renders_a_config_that_holds_a_secret() {
    let mut rng = Rng(0x4ED4_C7ED);
    let token = tokens::sample("huggingface-token", 0, &mut rng);
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mcp-servers.json"),
        format!(r#"{{ "s": {{ "command": "npx", "env": {{ "HF_TOKEN": "{token}" }} }} }}"#),
    )
    .unwrap();
    let plain = Mcplint::new(&["render", "mcp-servers.json"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(plain.code, 1, "{}", plain.stderr);
    let out = Mcplint::new(&["render", "mcp-servers.json", "--redact"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let rendered: serde_json::Value = serde_json::from_str(&out.stdout).unwrap();
    assert_eq!(rendered["s"]["env"]["HF_TOKEN"], "***");
    assert_hidden(
        &token,
        &format!("{}\n{}", out.stdout, out.stderr),
        "render --redact",
    );
    // Other errors still refuse.
    std::fs::write(
        dir.path().join("mcp-servers.json"),
        format!(
            r#"{{ "s": {{ "command": "npx", "env": {{ "HF_TOKEN": "{token}", "X": "${{NOWHERE_DEFINED}}" }} }} }}"#
        ),
    )
    .unwrap();
    let out = Mcplint::new(&["render", "mcp-servers.json", "--redact", "--no-process-env"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(out.code, 1, "{}", out.stderr);
}

#[test]
fn a_dotenv_line_that_does_not_parse_is_masked() {
    let mut rng = Rng(0x0D07_E4F1);
    let token = tokens::sample("github-token", 0, &mut rng);
    let stray = rng.string(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789",
        40,
    );
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mcp-servers.json"),
        r#"{ "gh": { "command": "npx", "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN}" } } }"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join(".env"),
        format!("GITHUB_TOKEN=\"{token}\nOTHER=1\n{stray}\n"),
    )
    .unwrap();
    for (what, output) in every_output(dir.path()) {
        assert_hidden(&token, &output, &what);
        assert_hidden(&stray, &output, &what);
    }
}

#[test]
fn a_private_key_body_is_never_shown() {
    let mut rng = Rng(0x9E3B_0D1E);
    let pem = tokens::sample("private-key", 0, &mut rng);
    let body: Vec<&str> = pem.lines().filter(|l| !l.starts_with("-----")).collect();
    let escaped = pem.replace('\n', "\\n");
    for broken in [false, true] {
        let comma = if broken { "" } else { "," };
        let config = format!(
            "{{\n  \"s\": {{\n    \"command\": \"npx\"{comma}\n    \"env\": {{ \"cert\": \"{escaped}\" }}\n  }}\n}}\n"
        );
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("mcp-servers.json"), &config).unwrap();
        for (what, output) in every_output(dir.path()) {
            for line in &body {
                let chars: Vec<char> = line.chars().collect();
                for start in 0..chars.len() - 8 {
                    let window: String = chars[start..start + 8].iter().collect();
                    assert!(
                        !output.contains(&window),
                        "broken {broken}, {what}: `{window}` of a key body is in the output"
                    );
                }
            }
        }
    }
}
