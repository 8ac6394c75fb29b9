//! No output of any kind shows a detected secret whole: every secret kind, through every
//! output format and command, stdout and stderr alike.

use std::path::Path;

use mcplint::secrets::catalogue::PROVIDERS;

use crate::support::Mcplint;
use crate::support::tokens::{self, Rng};

/// Fails when more than the allowed prefix of `secret` shows anywhere in `output`: every
/// 12-character window after that prefix is looked for.
fn assert_hidden(secret: &str, output: &str, what: &str) {
    let chars: Vec<char> = secret.chars().collect();
    let allowed = (chars.len() / 3).min(6);
    for start in allowed..chars.len().saturating_sub(12) {
        let window: String = chars[start..start + 12].iter().collect();
        assert!(
            !output.contains(&window),
            "{what}: `{window}` of a secret is in the output:\n{output}"
        );
    }
}

#[test]
fn no_output_shows_a_secret() {
    let mut rng = Rng(0x005E_C2E7_1EAC);
    let dir = tempfile::tempdir().unwrap();
    let mut env = serde_json::Map::new();
    let mut secrets = Vec::new();
    for (i, p) in PROVIDERS.iter().enumerate() {
        let id = p.rule.id.strip_prefix("secret/").unwrap();
        let token = tokens::sample(id, i, &mut rng);
        env.insert(format!("{}_{i}", p.variable), token.clone().into());
        secrets.push(token);
    }
    let generic = "Zt8qLw2mN4vB7xK1pR9sQ3wE".to_owned();
    let password = "S3cr3t-Pa55w0rd-Kq7Zt".to_owned();
    let basic = "YWRtaW46SHVudGVyMi1UcjB1YjRkb3ItWnQ4cUx3Mm0=".to_owned(); // admin:Hunter2-...
    secrets.extend([generic.clone(), password.clone(), basic.clone()]);
    let config = serde_json::json!({
        "everything": { "command": "npx", "args": [
            "--token", generic,
            format!("postgresql://app:{password}@db.internal/app"),
        ], "env": env },
        "remote": { "type": "http", "url": "https://api.example.com/mcp",
            "headers": { "Authorization": format!("Basic {basic}") } }
    });
    std::fs::write(
        dir.path().join("mcp-servers.json"),
        serde_json::to_string_pretty(&config).unwrap(),
    )
    .unwrap();

    // A `.env` full of secrets, with findings of its own (unused, undefined references).
    let dotenv_secret = tokens::sample("github-token", 0, &mut rng);
    std::fs::write(
        dir.path().join(".env"),
        format!("GITHUB_TOKEN={dotenv_secret}\nBROKEN=${{NOWHERE}}{generic}\n"),
    )
    .unwrap();
    secrets.push(dotenv_secret.clone());

    // A second config that takes its secrets from `.env`, for render.
    let sub = dir.path().join("clean");
    std::fs::create_dir(&sub).unwrap();
    std::fs::write(
        sub.join("mcp-servers.json"),
        r#"{ "gh": { "command": "npx", "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN}" } } }"#,
    )
    .unwrap();
    std::fs::write(sub.join(".env"), format!("GITHUB_TOKEN={dotenv_secret}\n")).unwrap();

    let runs: Vec<(&Path, Vec<&str>)> = vec![
        (
            dir.path(),
            vec!["check", "mcp-servers.json", "--color", "never"],
        ),
        (
            dir.path(),
            vec!["check", "mcp-servers.json", "--color", "always"],
        ),
        (
            dir.path(),
            vec!["check", "mcp-servers.json", "--format", "json"],
        ),
        (
            dir.path(),
            vec![
                "check",
                "mcp-servers.json",
                "--format",
                "human",
                "--fail-on",
                "info",
            ],
        ),
        (dir.path(), vec!["render", "mcp-servers.json"]),
        (dir.path(), vec!["render", "mcp-servers.json", "--redact"]),
        (&sub, vec!["render", "mcp-servers.json", "--redact"]),
        (&sub, vec!["check", "mcp-servers.json", "--fail-on", "info"]),
    ];
    for (cwd, args) in &runs {
        let out = Mcplint::new(args).isolated_in(cwd).lossy().run();
        assert!(matches!(out.code, 0..=2), "{args:?} exited {}", out.code);
        let output = format!("{}\n{}", out.stdout, out.stderr);
        for secret in &secrets {
            assert_hidden(secret, &output, &args.join(" "));
        }
    }
    // The check found them all, so the assertions above were about found secrets.
    let out = Mcplint::new(&["check", "mcp-servers.json", "--format", "json"])
        .isolated_in(dir.path())
        .lossy()
        .run();
    assert!(matches!(out.code, 0..=2), "exited {}", out.code);
    let doc = out.json();
    let found = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"].as_str().unwrap().starts_with("secret/"))
        .count();
    assert!(found >= PROVIDERS.len() + 3, "{found} secret findings");
}
