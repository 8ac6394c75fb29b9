//! Properties over generated configs: spans sit on the values their pointers name, render
//! resolves exactly, no output shows a planted secret, and expansion always terminates.

use jsonc_parser::common::Ranged;
use proptest::prelude::*;
use proptest::test_runner::FileFailurePersistence;

use mcplint::env::EnvOptions;
use mcplint::env::template::{self, Grammar};
use mcplint::pipeline::{Options, check_text};
use mcplint::report::{self, Format, Style};
use mcplint::tree::{Step, lookup, unescape_segment};

use crate::support::tokens;

fn options() -> Options {
    Options {
        env: EnvOptions {
            files: Vec::new(),
            process: false,
            dotenv: false,
            ..Default::default()
        },
        keep_resolved: true,
        ..Options::default()
    }
}

/// Field names, right and wrong; values of every type.
fn field() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("command".to_owned()),
        Just("args".to_owned()),
        Just("env".to_owned()),
        Just("url".to_owned()),
        Just("type".to_owned()),
        Just("headers".to_owned()),
        Just("comand".to_owned()),
        Just("timeout".to_owned()),
        Just("disabled".to_owned()),
        "[a-z]{1,8}",
    ]
}

fn value() -> impl Strategy<Value = serde_json::Value> {
    let leaf = prop_oneof![
        Just(serde_json::json!("npx")),
        Just(serde_json::json!("http://example.com/mcp")),
        Just(serde_json::json!("${UNDEFINED}")),
        Just(serde_json::json!("$HOME")),
        Just(serde_json::json!("stdio")),
        "[ -~]{0,12}".prop_map(serde_json::Value::String),
        any::<i32>().prop_map(|n| serde_json::json!(n)),
        any::<bool>().prop_map(|b| serde_json::json!(b)),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::Array),
            prop::collection::btree_map("[A-Za-z_]{1,6}", inner, 0..4)
                .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
        ]
    })
}

fn config() -> impl Strategy<Value = String> {
    prop::collection::btree_map(
        "[a-z]{1,6}",
        prop::collection::btree_map(field(), value(), 0..5),
        1..5,
    )
    .prop_map(|servers| {
        let map: serde_json::Map<String, serde_json::Value> = servers
            .into_iter()
            .map(|(k, v)| (k, serde_json::Value::Object(v.into_iter().collect())))
            .collect();
        serde_json::to_string_pretty(&serde_json::Value::Object(map)).unwrap()
    })
}

proptest! {
    // Past failures are replayed first, from `properties.proptest-regressions` beside this file.
    #![proptest_config(ProptestConfig {
        cases: 200,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource("proptest-regressions"))),
        ..ProptestConfig::default()
    })]

    #[test]
    fn every_span_lies_on_the_value_its_pointer_names(text in config()) {
        let report = check_text("mcp-servers.json", &text, &options());
        let root = jsonc_parser::parse_to_ast(&text, &Default::default(), &Default::default())
            .unwrap()
            .value
            .unwrap();
        for d in report.diagnostics.iter().filter(|d| d.file == 0 && !d.pointer.is_empty()) {
            let segments: Vec<String> =
                d.pointer.split('/').skip(1).map(unescape_segment).collect();
            let steps = segments.iter().map(|s| match s.parse::<usize>() {
                Ok(i) if !s.starts_with('0') || s == "0" => Step::Index(i),
                _ => Step::Key(s),
            });
            let found = lookup(&root, steps);
            prop_assert!(found.is_some(), "{} names nothing: {}", d.pointer, d.rule.id);
            let (node, key) = found.unwrap();
            let value = node.range();
            let on_value = value.start <= d.span.start && d.span.end <= value.end;
            let on_key = key.is_some_and(|k| k.start <= d.span.start && d.span.end <= k.end);
            prop_assert!(on_value || on_key, "{} at {:?} is not on {}", d.rule.id, d.span, d.pointer);
        }
    }

    #[test]
    fn render_resolves_exactly(values in prop::collection::vec("[a-zA-Z0-9 ./:@-]{0,16}", 1..5)) {
        let dir = tempfile::tempdir().unwrap();
        let mut env = String::new();
        let mut expected = serde_json::Map::new();
        let mut config = serde_json::Map::new();
        for (i, v) in values.iter().enumerate() {
            env.push_str(&format!("V{i}=\"{v}\"\n"));
            config.insert(format!("s{i}"), serde_json::json!({
                "command": "npx", "args": [format!("--x=${{V{i}}}"), "$$literal"],
                "env": { "LEVEL": format!("${{MISSING_{i}:-d{i}}}") }
            }));
            expected.insert(format!("s{i}"), serde_json::json!({
                "command": "npx", "args": [format!("--x={v}"), "$literal"],
                "env": { "LEVEL": format!("d{i}") }
            }));
        }
        std::fs::write(dir.path().join(".env"), env).unwrap();
        let path = dir.path().join("mcp-servers.json");
        std::fs::write(&path, serde_json::to_string(&config).unwrap()).unwrap();
        let options = mcplint::render::RenderOptions {
            check: Options { env: EnvOptions { process: false, ..EnvOptions::default() }, ..Options::default() },
            ..Default::default()
        };
        let (report, text) = mcplint::render::render(&mcplint::pipeline::Input::Path(path), &options, Default::default());
        prop_assert!(text.is_some(), "{:?}", report.diagnostics.iter().map(|d| &d.message).collect::<Vec<_>>());
        let parsed: serde_json::Value = serde_json::from_str(&text.unwrap()).unwrap();
        prop_assert_eq!(parsed, serde_json::Value::Object(expected));
    }

    #[test]
    fn no_output_shows_a_planted_secret(
        seed in any::<u64>(),
        slot in 0usize..4,
        provider in 0usize..mcplint::secrets::catalogue::PROVIDERS.len(),
    ) {
        let p = &mcplint::secrets::catalogue::PROVIDERS[provider];
        let id = p.rule.id.strip_prefix("secret/").unwrap();
        let token = tokens::sample(id, 0, &mut tokens::Rng(seed | 1));
        let entry = match slot {
            0 => serde_json::json!({ "command": "npx", "env": { p.variable: token } }),
            1 => serde_json::json!({ "type": "http", "url": "https://a.example.com/mcp",
                                      "headers": { "Authorization": format!("Bearer {token}") } }),
            2 => serde_json::json!({ "command": "npx", "args": ["--config", format!("k={token}")] }),
            _ => serde_json::json!({ "command": "npx", "env": { p.variable: token }, "comand": "x" }),
        };
        let text = serde_json::to_string_pretty(&serde_json::json!({ "s": entry })).unwrap();
        let report = check_text("mcp-servers.json", &text, &options());
        for format in [Format::Human, Format::Json, Format::Sarif, Format::Github, Format::Gitlab] {
            let mut out = Vec::new();
            report::write(&report, format, Style::PLAIN, &mut out).unwrap();
            let out = String::from_utf8(out).unwrap();
            prop_assert!(!out.contains(&token), "{:?} shows the {} token", format, id);
        }
    }

    #[test]
    fn expansion_always_terminates(s in "[${}:?+ABC_ -]{0,200}") {
        for dialect in [Grammar::Config, Grammar::DotEnv] {
            if let Ok(pieces) = template::parse(&s, dialect) {
                let mut events = Vec::new();
                let _ = template::evaluate(&s, &pieces, &|n: &str| n.len().is_multiple_of(2).then_some("${A}"), &mut events);
            }
        }
    }
}
