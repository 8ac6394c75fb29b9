//! A generated corpus of hub configs with planted secrets and decoys, and its truth.
//!
//! About 60% stdio and 40% remote servers; a share of them carry one planted secret, in a
//! slot that rotates through every place MCP configs hide secrets, and a share carry one
//! decoy that must not be taken for a secret. The truth lists where each one is (the JSON
//! pointer of the string that holds it).

#![allow(dead_code)]

use serde_json::{Map, Value, json};

use super::tokens::{self, ALNUM, DIGITS, HEX, Rng};
use mcplint::secrets::catalogue::PROVIDERS;

#[derive(Debug, Clone, serde::Serialize)]
pub struct Truth {
    pub pointer: String,
    /// `secret` or `decoy`.
    pub kind: &'static str,
    /// What was planted: the slot and provider, or the kind of decoy.
    pub what: String,
}

pub struct Corpus {
    pub config: Value,
    pub truth: Vec<Truth>,
}

/// The ways a secret is planted.
const SECRET_SLOTS: &[&str] = &[
    "env-provider",
    "env-generic",
    "bearer-provider",
    "bearer-generic",
    "basic-auth",
    "api-key-header",
    "arg-equals",
    "arg-flag",
    "docker-env",
    "connection-string-arg",
    "connection-string-env",
    "url-query",
    "arg-embedded-provider",
];

const DECOYS: &[&str] = &[
    "template",
    "template-bearer",
    "placeholder",
    "masked-key",
    "uuid",
    "git-sha",
    "image-digest",
    "path",
    "url-without-credentials",
    "version",
    "repeated",
    "sequence",
];

const SCHEMES: &[&str] = &[
    "postgres",
    "postgresql",
    "mysql",
    "mongodb",
    "mongodb+srv",
    "redis",
    "rediss",
    "amqp",
];

fn pointer(name: &str, rest: &[&str]) -> String {
    let mut p = String::new();
    for seg in std::iter::once(name).chain(rest.iter().copied()) {
        p.push('/');
        p.push_str(&seg.replace('~', "~0").replace('/', "~1"));
    }
    p
}

fn generic_secret(rng: &mut Rng) -> String {
    let n = 20 + rng.below(20);
    let mut s = rng.string(ALNUM, n);
    // Some generic secrets carry symbols, as passwords do.
    if rng.chance(30) {
        s.insert(rng.below(n), '#');
        s.insert(rng.below(n), '!');
    }
    s
}

fn provider_token(rng: &mut Rng) -> (String, &'static str, String) {
    // Providers with a prefix: the slot-only ones need their variable name, planted apart.
    let prefixed: Vec<_> = PROVIDERS
        .iter()
        .filter(|p| !p.prefixes.is_empty())
        .collect();
    let p = *rng.pick(&prefixed);
    let id = p.rule.id.strip_prefix("secret/").unwrap();
    let variant = rng.below(2);
    (tokens::sample(id, variant, rng), p.variable, id.to_owned())
}

fn base_server(i: usize, remote: bool, rng: &mut Rng) -> Map<String, Value> {
    let mut m = Map::new();
    if remote {
        m.insert(
            "type".into(),
            json!(*rng.pick(&["streamable-http", "sse", "http"])),
        );
        m.insert(
            "url".into(),
            json!(format!("https://mcp{}.example.com/mcp", i % 50)),
        );
        m.insert(
            "headers".into(),
            json!({ "Authorization": format!("Bearer ${{REMOTE_{}_TOKEN}}", i % 11) }),
        );
    } else {
        m.insert(
            "command".into(),
            json!(*rng.pick(&["npx", "uvx", "node", "docker"])),
        );
        m.insert(
            "args".into(),
            json!(["-y", format!("@example/mcp-server-{}", i % 97)]),
        );
        m.insert(
            "env".into(),
            json!({ format!("SERVICE_{}_TOKEN", i % 13): format!("${{SERVICE_{}_TOKEN}}", i % 13),
                    "LOG_LEVEL": *rng.pick(&["info", "debug", "warn"]) }),
        );
    }
    if rng.chance(10) {
        m.insert("disabled".into(), json!(true));
    }
    m.insert("note".into(), json!(format!("generated server number {i}")));
    m
}

/// Makes a server a stdio one (for slots only stdio servers have: args, docker).
fn make_stdio(m: &mut Map<String, Value>) {
    for key in ["url", "type", "headers"] {
        m.remove(key);
    }
    m.entry("command".to_owned())
        .or_insert_with(|| json!("npx"));
}

/// Makes a server a remote one (for headers and URLs).
fn make_remote(m: &mut Map<String, Value>) {
    for key in ["command", "args"] {
        m.remove(key);
    }
    m.entry("type".to_owned())
        .or_insert_with(|| json!("streamable-http"));
    m.entry("url".to_owned())
        .or_insert_with(|| json!("https://mcp.example.com/mcp"));
}

fn obj<'a>(m: &'a mut Map<String, Value>, key: &str) -> &'a mut Map<String, Value> {
    m.entry(key.to_owned())
        .or_insert_with(|| json!({}))
        .as_object_mut()
        .unwrap()
}

fn args(m: &mut Map<String, Value>) -> &mut Vec<Value> {
    m.entry("args".to_owned())
        .or_insert_with(|| json!([]))
        .as_array_mut()
        .unwrap()
}

/// Plants secret slot `slot` in server `name`; returns the truth.
fn plant_secret(name: &str, m: &mut Map<String, Value>, slot: &str, rng: &mut Rng) -> Truth {
    match slot {
        "bearer-provider" | "bearer-generic" | "basic-auth" | "api-key-header" | "url-query" => {
            make_remote(m)
        }
        "arg-equals"
        | "arg-flag"
        | "docker-env"
        | "connection-string-arg"
        | "arg-embedded-provider" => make_stdio(m),
        _ => {}
    }
    let (what, at) = match slot {
        "env-provider" => {
            // Prefixed formats and, under their usual variable, the formats without a prefix.
            let p = rng.pick(PROVIDERS);
            let id = p.rule.id.strip_prefix("secret/").unwrap();
            let token = tokens::sample(id, rng.below(2), rng);
            obj(m, "env").insert(p.variable.into(), json!(token));
            (format!("{slot} {id}"), pointer(name, &["env", p.variable]))
        }
        "env-generic" => {
            let key = *rng.pick(&[
                "INTERNAL_API_TOKEN",
                "DB_PASSWORD",
                "SERVICE_SECRET",
                "APP_KEY",
                "ADMIN_PASS",
            ]);
            obj(m, "env").insert(key.into(), json!(generic_secret(rng)));
            (slot.to_owned(), pointer(name, &["env", key]))
        }
        "bearer-provider" | "bearer-generic" => {
            let token = if slot == "bearer-provider" {
                provider_token(rng).0
            } else {
                generic_secret(rng)
            };
            obj(m, "headers").insert("Authorization".into(), json!(format!("Bearer {token}")));
            (
                slot.to_owned(),
                pointer(name, &["headers", "Authorization"]),
            )
        }
        "basic-auth" => {
            let creds = format!("svc-{}:{}", rng.string(DIGITS, 3), generic_secret(rng));
            let b64 = data_encoding::BASE64.encode(creds.as_bytes());
            obj(m, "headers").insert("Authorization".into(), json!(format!("Basic {b64}")));
            (
                slot.to_owned(),
                pointer(name, &["headers", "Authorization"]),
            )
        }
        "api-key-header" => {
            let token = if rng.chance(50) {
                provider_token(rng).0
            } else {
                generic_secret(rng)
            };
            let header = *rng.pick(&["X-API-Key", "Api-Key", "X-Auth-Token"]);
            obj(m, "headers").insert(header.into(), json!(token));
            (slot.to_owned(), pointer(name, &["headers", header]))
        }
        "arg-equals" => {
            let token = if rng.chance(50) {
                provider_token(rng).0
            } else {
                generic_secret(rng)
            };
            let flag = *rng.pick(&["--api-key", "--token", "--access-token", "--secret"]);
            let a = args(m);
            a.push(json!(format!("{flag}={token}")));
            (
                slot.to_owned(),
                pointer(name, &["args", &(a.len() - 1).to_string()]),
            )
        }
        "arg-flag" => {
            let token = if rng.chance(50) {
                provider_token(rng).0
            } else {
                generic_secret(rng)
            };
            let flag = *rng.pick(&["--token", "--api-key", "--password", "-p"]);
            let a = args(m);
            a.push(json!(flag));
            a.push(json!(token));
            (
                slot.to_owned(),
                pointer(name, &["args", &(a.len() - 1).to_string()]),
            )
        }
        "docker-env" => {
            let token = if rng.chance(50) {
                provider_token(rng).0
            } else {
                generic_secret(rng)
            };
            let var = *rng.pick(&["GITHUB_TOKEN", "API_KEY", "SLACK_BOT_TOKEN", "DB_PASSWORD"]);
            m.insert("command".into(), json!("docker"));
            let a = args(m);
            a.push(json!("-e"));
            a.push(json!(format!("{var}={token}")));
            (
                slot.to_owned(),
                pointer(name, &["args", &(a.len() - 1).to_string()]),
            )
        }
        "connection-string-arg" | "connection-string-env" => {
            let scheme = *rng.pick(SCHEMES);
            let password = generic_secret(rng).replace(['#', '!'], "-");
            let url = format!(
                "{scheme}://app:{password}@db{}.internal:5432/app",
                rng.below(9)
            );
            if slot == "connection-string-arg" {
                let a = args(m);
                a.push(json!(url));
                (
                    format!("{slot} {scheme}"),
                    pointer(name, &["args", &(a.len() - 1).to_string()]),
                )
            } else {
                obj(m, "env").insert("DATABASE_URL".into(), json!(url));
                (
                    format!("{slot} {scheme}"),
                    pointer(name, &["env", "DATABASE_URL"]),
                )
            }
        }
        "url-query" => {
            let param = *rng.pick(&["api_key", "apikey", "token", "access_token", "key", "sig"]);
            let token = generic_secret(rng).replace(['#', '!'], "x");
            m.insert("type".into(), json!("sse"));
            m.insert(
                "url".into(),
                json!(format!(
                    "https://search.example.com/sse?region=eu&{param}={token}"
                )),
            );
            m.remove("command");
            m.remove("args");
            (format!("{slot} {param}"), pointer(name, &["url"]))
        }
        "arg-embedded-provider" => {
            let (token, _, id) = provider_token(rng);
            let a = args(m);
            a.push(json!(format!("--header=Authorization: token {token}")));
            (
                format!("{slot} {id}"),
                pointer(name, &["args", &(a.len() - 1).to_string()]),
            )
        }
        other => unreachable!("{other}"),
    };
    Truth {
        pointer: at,
        kind: "secret",
        what,
    }
}

fn plant_decoy(name: &str, m: &mut Map<String, Value>, kind: &str, rng: &mut Rng) -> Truth {
    match kind {
        "uuid" | "git-sha" | "image-digest" => make_stdio(m),
        "template-bearer" => make_remote(m),
        _ => {}
    }
    let secret_var = *rng.pick(&[
        "API_TOKEN",
        "OPENAI_API_KEY",
        "DB_PASSWORD",
        "GITHUB_TOKEN",
        "HF_TOKEN",
    ]);
    let env = |m: &mut Map<String, Value>, key: &str, value: String| {
        obj(m, "env").insert(key.into(), json!(value));
        pointer(name, &["env", key])
    };
    let at = match kind {
        "template" => env(m, secret_var, format!("${{{secret_var}}}")),
        "template-bearer" => {
            obj(m, "headers").insert("Authorization".into(), json!("Bearer ${API_TOKEN}"));
            pointer(name, &["headers", "Authorization"])
        }
        "placeholder" => {
            let v = *rng.pick(&[
                "<YOUR_API_KEY>",
                "your_token_here",
                "changeme",
                "xxxxxxxxxxxxxxxx",
                "REPLACE_ME",
            ]);
            env(m, secret_var, v.to_owned())
        }
        "masked-key" => {
            let v = *rng.pick(&[
                "sk-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
                "ghp_************************************",
            ]);
            env(m, secret_var, v.to_owned())
        }
        "uuid" => {
            let id = format!(
                "{}-{}-4{}-a{}-{}",
                rng.string(HEX, 8),
                rng.string(HEX, 4),
                rng.string(HEX, 3),
                rng.string(HEX, 3),
                rng.string(HEX, 12)
            );
            if rng.chance(50) {
                env(m, "WORKSPACE_ID", id)
            } else {
                let a = args(m);
                a.push(json!("--project"));
                a.push(json!(id));
                pointer(name, &["args", &(a.len() - 1).to_string()])
            }
        }
        "git-sha" => {
            let sha = rng.string(HEX, 40);
            if rng.chance(50) {
                env(m, "GIT_COMMIT", sha)
            } else {
                let a = args(m);
                a.push(json!("--revision"));
                a.push(json!(sha));
                pointer(name, &["args", &(a.len() - 1).to_string()])
            }
        }
        "image-digest" => {
            let a = args(m);
            a.push(json!(format!(
                "ghcr.io/example/mcp-server@sha256:{}",
                rng.string(HEX, 64)
            )));
            pointer(name, &["args", &(a.len() - 1).to_string()])
        }
        "path" => env(
            m,
            "SSH_KEY_PATH",
            format!("/home/dev/.ssh/id_ed25519_{}", rng.string(DIGITS, 4)),
        ),
        "url-without-credentials" => env(
            m,
            "API_BASE_URL",
            format!("https://api{}.example.com/v1?page=2", rng.below(9)),
        ),
        "version" => env(
            m,
            "SERVER_VERSION",
            format!("{}.{}.{}", rng.below(5), rng.below(20), rng.below(30)),
        ),
        "repeated" => env(m, secret_var, "a".repeat(24 + rng.below(10))),
        "sequence" => env(m, secret_var, "abcdefghijklmnopqrstuvwxyz".to_owned()),
        other => unreachable!("{other}"),
    };
    Truth {
        pointer: at,
        kind: "decoy",
        what: kind.to_owned(),
    }
}

/// `n` servers; a tenth carry a planted secret, a twentieth a decoy.
pub fn generate(n: usize, seed: u64) -> Corpus {
    let mut rng = Rng(seed | 1);
    let mut servers = Map::new();
    let mut truth = Vec::new();
    let (mut next_secret, mut next_decoy) = (0, 0);
    for i in 0..n {
        let name = format!("server-{i:06}");
        let mut m = base_server(i, rng.chance(40), &mut rng);
        if i % 10 == 3 {
            let slot = SECRET_SLOTS[next_secret % SECRET_SLOTS.len()];
            next_secret += 1;
            truth.push(plant_secret(&name, &mut m, slot, &mut rng));
        } else if i % 20 == 7 {
            let kind = DECOYS[next_decoy % DECOYS.len()];
            next_decoy += 1;
            truth.push(plant_decoy(&name, &mut m, kind, &mut rng));
        }
        servers.insert(name, Value::Object(m));
    }
    Corpus {
        config: Value::Object(servers),
        truth,
    }
}

/// The variables the base servers reference, for a `.env` that makes a clean run.
pub fn dotenv() -> String {
    let mut s = String::new();
    for i in 0..13 {
        s.push_str(&format!("SERVICE_{i}_TOKEN=synthetic-service-{i}\n"));
    }
    for i in 0..11 {
        s.push_str(&format!("REMOTE_{i}_TOKEN=synthetic-remote-{i}\n"));
    }
    s.push_str("API_TOKEN=synthetic-api-token\n");
    for var in ["OPENAI_API_KEY", "DB_PASSWORD", "GITHUB_TOKEN", "HF_TOKEN"] {
        s.push_str(&format!("{var}=synthetic-value\n"));
    }
    s
}
