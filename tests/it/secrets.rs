//! Secrets: every provider on generated samples and near misses, every context slot, the
//! decoys that must stay quiet, and no secret shown whole in any output.

use crate::support::tokens::{self, Rng};
use mcplint::env::EnvOptions;
use mcplint::pipeline::{Options, Report, check_text};
use mcplint::secrets::catalogue::PROVIDERS;

fn options() -> Options {
    Options {
        env: EnvOptions {
            files: Vec::new(),
            process: false,
            dotenv: false,
            ..Default::default()
        },
        ..Options::default()
    }
}

fn check(config: &serde_json::Value) -> Report {
    check_text(
        "mcp-servers.json",
        &serde_json::to_string_pretty(config).unwrap(),
        &options(),
    )
}

fn rules(report: &Report) -> Vec<&'static str> {
    report.diagnostics.iter().map(|d| d.rule.id).collect()
}

/// A config with `value` in the `env` block under `name`.
fn in_env(name: &str, value: &str) -> serde_json::Value {
    serde_json::json!({ "server": { "command": "npx", "env": { name: value } } })
}

#[test]
fn every_provider_finds_its_samples_and_ignores_near_misses() {
    let mut rng = Rng(0xDEC0_DE5E_C12E_7001);
    let mut failures = Vec::new();
    for p in PROVIDERS {
        let id = p.rule.id.strip_prefix("secret/").unwrap();
        let slot_only = p.prefixes.is_empty();
        for variant in 0..2 {
            let token = tokens::sample(id, variant, &mut rng);
            let report = check(&in_env(p.variable, &token));
            if !rules(&report).contains(&p.rule.id) {
                failures.push(format!(
                    "{id}: sample {variant} not found: {:?}",
                    rules(&report)
                ));
            }
            // Outside a slot named for it, a prefixed token is still found, anywhere.
            if !slot_only {
                let config = serde_json::json!({
                    "server": { "command": "npx", "args": ["--config", format!("x {token} y")] }
                });
                if !rules(&check(&config)).contains(&p.rule.id) {
                    failures.push(format!(
                        "{id}: sample {variant} not found inside an argument"
                    ));
                }
            }
        }
        for (i, miss) in tokens::near_misses(id, slot_only, &mut rng)
            .iter()
            .enumerate()
        {
            let report = check(&in_env(p.variable, miss));
            if rules(&report).contains(&p.rule.id) {
                failures.push(format!("{id}: near miss {i} matched"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn context_slots() {
    let random = "Zt8qLw2mN4vB7xK1pR9sQ3";
    let cases: Vec<(serde_json::Value, &str)> = vec![
        (in_env("INTERNAL_API_TOKEN", random), "secret/generic"),
        (
            serde_json::json!({ "api": { "type": "http", "url": "https://a.example.com/mcp",
                "headers": { "Authorization": format!("Bearer {random}") } } }),
            "secret/generic",
        ),
        (
            serde_json::json!({ "api": { "type": "http", "url": "https://a.example.com/mcp",
                "headers": { "X-API-Key": random } } }),
            "secret/generic",
        ),
        (
            serde_json::json!({ "api": { "type": "http", "url": "https://a.example.com/mcp",
                // admin:Hunter2-Tr0ub4dor
                "headers": { "Authorization": "Basic YWRtaW46SHVudGVyMi1UcjB1YjRkb3I=" } } }),
            "secret/basic-auth",
        ),
        (
            serde_json::json!({ "s": { "command": "tool", "args": [format!("--api-key={random}")] } }),
            "secret/generic",
        ),
        (
            serde_json::json!({ "s": { "command": "tool", "args": ["--token", random] } }),
            "secret/generic",
        ),
        (
            serde_json::json!({ "s": { "command": "tool", "args": ["--password", random] } }),
            "secret/generic",
        ),
        (
            serde_json::json!({ "s": { "command": "docker",
                "args": ["run", "-e", format!("API_TOKEN={random}"), "image"] } }),
            "secret/generic",
        ),
        (
            serde_json::json!({ "s": { "type": "sse",
                "url": format!("https://a.example.com/sse?api_key={random}") } }),
            "secret/generic",
        ),
    ];
    for (config, rule) in &cases {
        let report = check(config);
        assert!(
            rules(&report).contains(rule),
            "{config}: {:?}",
            rules(&report)
        );
    }
    for scheme in [
        "postgres",
        "postgresql",
        "mysql",
        "mongodb",
        "mongodb+srv",
        "redis",
        "rediss",
        "amqp",
    ] {
        let url = format!("{scheme}://app:S3cr3t-Pa55w0rd@db.internal:5432/app");
        for config in [
            serde_json::json!({ "db": { "command": "npx", "args": ["-y", "server", url] } }),
            in_env("DATABASE_URL", &url),
        ] {
            assert!(
                rules(&check(&config)).contains(&"secret/url-password"),
                "{scheme}"
            );
        }
    }
    let url = "redis://:S3cr3t-Pa55w0rd@cache:6379";
    assert!(rules(&check(&in_env("REDIS_URL", url))).contains(&"secret/url-password"));
}

#[test]
fn decoys_raise_nothing() {
    let decoys = [
        "${GITHUB_TOKEN}",
        "Bearer ${HF_TOKEN}",
        "${env:API_KEY}",
        "${input:api-key}",
        "9fceb02",
        "/home/me/.config/keys/api.key",
        "https://api.example.com/v1",
        "postgresql://app:${PGPASSWORD}@db/app",
        "1.4.2",
        "aaaaaaaaaaaaaaaaaaaaaaaa",
        "abcdefghijklmnopqrstuvwx",
        "gpt-4o-mini",
        "true",
    ];
    for decoy in decoys {
        for name in ["API_TOKEN", "OPENAI_API_KEY", "DB_PASSWORD"] {
            let report = check(&in_env(name, decoy));
            let found: Vec<_> = rules(&report)
                .into_iter()
                .filter(|r| r.starts_with("secret/") || *r == "config/placeholder-value")
                .collect();
            assert!(found.is_empty(), "{name}={decoy}: {found:?}");
        }
    }
    // Identifiers under names that are not a secret's: a UUID, a commit, an image digest.
    let config = serde_json::json!({ "s": { "command": "docker",
        "env": { "WORKSPACE_ID": "3bc8b81d-905e-4a54-a46a-eaced2d0f416",
                 "GIT_COMMIT": "9fceb02d0ae598e95dc970b74767f19372d61af8" },
        "args": [
        "run", "ghcr.io/github/github-mcp-server@sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "--revision", "9fceb02d0ae598e95dc970b74767f19372d61af8",
        "--project", "3bc8b81d-905e-4a54-a46a-eaced2d0f416"
    ] } });
    assert!(
        rules(&check(&config)).is_empty(),
        "{:?}",
        rules(&check(&config))
    );
}

#[test]
fn long_random_ids_in_secret_slots_are_secrets() {
    // A random-looking value in a slot named like a secret is one, whatever its shape: Heroku's
    // and Snyk's keys are UUIDs, Sendbird's and Meraki's tokens 40 hex digits, Discord's client
    // secrets 32 digits (issue 13). Under other names they are identifiers (above).
    let mut rng = Rng(13);
    let uuid = format!(
        "{}-{}-{}-{}-{}",
        rng.string(tokens::HEX, 8),
        rng.string(tokens::HEX, 4),
        rng.string(tokens::HEX, 4),
        rng.string(tokens::HEX, 4),
        rng.string(tokens::HEX, 12)
    );
    for value in [
        uuid,
        rng.string(tokens::HEX, 40),
        rng.string(tokens::DIGITS, 32),
    ] {
        for name in ["API_TOKEN", "HEROKU_API_KEY", "DB_PASSWORD"] {
            assert_eq!(
                rules(&check(&in_env(name, &value))),
                ["secret/generic"],
                "{name}={}",
                mcplint::secrets::redact(&value)
            );
        }
        let config = serde_json::json!({ "s": { "command": "npx", "args": ["--api-key", value] } });
        assert_eq!(rules(&check(&config)), ["secret/generic"]);
    }
    // A short commit stays an identifier even there.
    assert!(rules(&check(&in_env("API_TOKEN", "9fceb02"))).is_empty());
}

#[test]
fn placeholders_are_their_own_warning() {
    for placeholder in [
        "<YOUR_API_KEY>",
        "your_token_here",
        "changeme",
        "xxxxxxxxxxxxxxxx",
        "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    ] {
        let report = check(&in_env("OPENAI_API_KEY", placeholder));
        assert_eq!(
            rules(&report),
            ["config/placeholder-value"],
            "{placeholder}"
        );
    }
    let config = serde_json::json!({ "api": { "type": "http", "url": "https://a.example.com/mcp",
        "headers": { "Authorization": "Bearer <YOUR_TOKEN>" } } });
    assert_eq!(rules(&check(&config)), ["config/placeholder-value"]);
}

#[test]
fn findings_name_the_provider_the_slot_and_the_variable_and_show_six_characters() {
    let mut rng = Rng(42);
    let token = tokens::sample("huggingface-token", 0, &mut rng);
    let config = serde_json::json!({ "hf": { "type": "http", "url": "https://huggingface.co/mcp",
        "headers": { "Authorization": format!("Bearer {token}") } } });
    let report = check(&config);
    let d = &report.diagnostics[0];
    assert_eq!(d.rule.id, "secret/huggingface-token");
    assert!(d.message.contains("Hugging Face token"), "{}", d.message);
    assert!(
        d.message.contains("`Authorization` header of server `hf`"),
        "{}",
        d.message
    );
    assert!(
        d.message.contains(&format!("{}…(37 chars)", &token[..6])),
        "{}",
        d.message
    );
    let help = d.help.as_deref().unwrap();
    assert!(
        help.contains("`HF_TOKEN=…`") && help.contains("${HF_TOKEN}") && help.contains("rotate")
    );
    assert_eq!(d.pointer, "/hf/headers/Authorization");
    // The span is the token alone, not `Bearer `.
    let text = &report.files[0].text;
    assert_eq!(&text[d.span.start..d.span.end], token);
}

#[test]
fn random_hex_tokens_in_secret_slots_are_found() {
    // `openssl rand -hex 32`: 64 hex digits, found under a secret-named key and after Bearer.
    let mut rng = Rng(0x0FF5_E7A1_2026);
    let hex = rng.string(tokens::HEX, 64);
    assert_eq!(
        rules(&check(&in_env("API_TOKEN", &hex))),
        ["secret/generic"]
    );
    let config = serde_json::json!({ "api": { "type": "http", "url": "https://a.example.com/mcp",
        "headers": { "Authorization": format!("Bearer {hex}") } } });
    assert_eq!(rules(&check(&config)), ["secret/generic"]);
    // Under a name that is not a secret's, it is not judged.
    assert!(rules(&check(&in_env("BUILD_DIGEST", &hex))).is_empty());
}

#[test]
fn a_github_token_with_a_bad_checksum_is_a_warning() {
    let mut rng = Rng(0xBAD_C4EC_2026);
    let good = tokens::sample("github-token", 0, &mut rng);
    let last = if good.ends_with('a') { "b" } else { "a" };
    let bad = format!("{}{last}", &good[..good.len() - 1]);
    let report = check(&in_env("GITHUB_PERSONAL_ACCESS_TOKEN", &bad));
    assert_eq!(rules(&report), ["secret/github-token-checksum-mismatch"]);
    let d = &report.diagnostics[0];
    assert_eq!(d.severity, mcplint::registry::Severity::Warning);
    assert!(
        d.message.contains("checksum does not match"),
        "{}",
        d.message
    );
    assert!(!d.message.contains(&bad));
}
