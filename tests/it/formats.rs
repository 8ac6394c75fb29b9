//! SARIF, GitHub and GitLab output, `-o`, and the rule-selection flags, through the binary.

use std::path::Path;

use crate::support::{self, Mcplint, Output, root};

#[test]
fn sarif_of_every_fixture_is_valid_sarif_2_1_0() {
    let schema_path = root().join("tests/sarif/sarif-schema-2.1.0.json");
    let Ok(schema_text) = std::fs::read_to_string(&schema_path) else {
        panic!(
            "the OASIS SARIF schema is expected at {}",
            schema_path.display()
        );
    };
    let schema: serde_json::Value = serde_json::from_str(&schema_text).unwrap();
    let validator = jsonschema::options()
        .with_draft(jsonschema::Draft::Draft4)
        .build(&schema)
        .expect("the SARIF schema compiles");
    let mut results = 0;
    let _glob = support::glob_lock();
    insta::glob!("../../fixtures", "*", |dir| {
        if !support::is_case(dir) {
            return;
        }
        let config = support::config_of(dir);
        let doc = Mcplint::new(&["check", &config, "--format", "sarif"])
            .dir(dir)
            .env_clear()
            .run()
            .json();
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e.kind().keyword(), e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}: {errors:?}", dir.display());
        let run = &doc["runs"][0];
        assert_eq!(run["tool"]["driver"]["name"], "mcplint");
        for r in run["results"].as_array().unwrap() {
            results += 1;
            let rule = r["ruleId"].as_str().unwrap();
            let index = r["ruleIndex"].as_u64().unwrap() as usize;
            assert_eq!(run["tool"]["driver"]["rules"][index]["id"], rule);
            // The rule's docs: the same link as the language server's `codeDescription`.
            let help = &run["tool"]["driver"]["rules"][index]["helpUri"];
            assert!(help.as_str().is_some_and(|u| u.ends_with(".rs")), "{help}");
            let uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            assert!(!uri.starts_with('/'), "{uri} is not relative");
            assert!(r["partialFingerprints"]["primaryLocationLineHash"].is_string());
        }
    });
    assert!(results > 50, "only {results} results across the fixtures");
}

#[test]
fn sarif_fingerprints_survive_edits_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let config = r#"{
  "a": { "command": "npx", "comand": "x" }
}
"#;
    std::fs::write(dir.path().join("mcp-servers.json"), config).unwrap();
    let fingerprint = |dir: &Path| {
        let out = Mcplint::new(&["check", "mcp-servers.json", "--format", "sarif"])
            .dir(dir)
            .env_clear()
            .run()
            .stdout;
        let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
        doc["runs"][0]["results"][0]["partialFingerprints"]["primaryLocationLineHash"].clone()
    };
    let before = fingerprint(dir.path());
    // Lines added above move the finding; its fingerprint stays.
    std::fs::write(
        dir.path().join("mcp-servers.json"),
        format!("{{\n  \"z\": {{ \"command\": \"uvx\" }},\n{}", &config[2..]),
    )
    .unwrap();
    assert_eq!(before, fingerprint(dir.path()));
}

#[test]
fn github_annotations_escape_what_the_toolkit_escapes() {
    let dir = tempfile::tempdir().unwrap();
    // A server name with `%`, `,` and `:`: it appears in the message.
    std::fs::write(
        dir.path().join("mcp-servers.json"),
        r#"{ "a%b,c:d": { "command": "" } }"#,
    )
    .unwrap();
    let Output {
        code, stdout: out, ..
    } = Mcplint::new(&["check", "mcp-servers.json", "--format", "github"])
        .dir(dir.path())
        .env_clear()
        .run();
    assert_eq!(code, 1);
    let line = out.lines().find(|l| l.starts_with("::error ")).unwrap();
    assert!(
        line.starts_with(
            "::error file=mcp-servers.json,line=1,col=27,endLine=1,endColumn=29,title=config/empty-command::"
        ),
        "{line}"
    );
    let message = line.split_once("::").unwrap().1.split_once("::").unwrap().1;
    // `%` escaped, the help on its own (escaped) line, `:` and `,` left alone in the message.
    assert!(message.contains("server `a%25b,c:d`"), "{message}");
    assert!(message.contains("%0Ahelp: "), "{message}");
    assert!(!message.contains('\n'));

    // In properties, `:` and `,` are escaped too.
    std::fs::write(
        dir.path().join("a,b:c.json"),
        r#"{ "x": { "command": "" } }"#,
    )
    .unwrap();
    let out = Mcplint::new(&["check", "a,b:c.json", "--format", "github"])
        .dir(dir.path())
        .env_clear()
        .run()
        .stdout;
    assert!(
        out.starts_with("::error file=a%2Cb%3Ac.json,line=1,"),
        "{out}"
    );
}

#[test]
fn gitlab_code_quality_report() {
    let dir = root().join("fixtures/misspelt-field");
    let out = Mcplint::new(&["check", "mcp-servers.json", "--format", "gitlab"])
        .dir(&dir)
        .env_clear()
        .run()
        .stdout;
    let issues: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert!(!issues.is_empty());
    for i in &issues {
        for key in ["description", "check_name", "fingerprint", "severity"] {
            assert!(i[key].is_string(), "{key} in {i}");
        }
        assert_eq!(i["location"]["path"], "mcp-servers.json");
        assert!(i["location"]["lines"]["begin"].as_u64().unwrap() >= 1);
    }
    let mut prints: Vec<&str> = issues
        .iter()
        .map(|i| i["fingerprint"].as_str().unwrap())
        .collect();
    prints.dedup();
    assert_eq!(prints.len(), issues.len(), "fingerprints are unique");
}

#[test]
fn output_file_quiet_select_ignore_deny() {
    let dir = root().join("fixtures/misspelt-field");
    let tmp = tempfile::tempdir().unwrap();
    let out_file = tmp.path().join("report.json");
    let Output { code, stdout, .. } = Mcplint::new(&[
        "check",
        "mcp-servers.json",
        "--format",
        "json",
        "-o",
        out_file.to_str().unwrap(),
    ])
    .dir(&dir)
    .env_clear()
    .run();
    assert_eq!(code, 1);
    assert!(stdout.is_empty());
    let doc: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(&out_file).unwrap()).unwrap();
    assert_eq!(doc["summary"]["warnings"], 3);

    let stdout = Mcplint::new(&["check", "mcp-servers.json", "-q"])
        .dir(&dir)
        .env_clear()
        .run()
        .stdout;
    assert!(!stdout.contains("Found "));

    let rules = |args: &[&str]| -> Vec<String> {
        let mut all = vec!["check", "mcp-servers.json", "--format", "json"];
        all.extend_from_slice(args);
        let Output {
            code, stdout: out, ..
        } = Mcplint::new(&all).dir(&dir).env_clear().run();
        let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
        let mut r: Vec<String> = doc["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["rule"].as_str().unwrap().to_owned())
            .collect();
        r.push(format!("exit {code}"));
        r
    };
    assert_eq!(
        rules(&["--select", "schema/unknown-field"]),
        [
            "schema/unknown-field",
            "schema/unknown-field",
            "schema/unknown-field",
            "exit 0"
        ]
    );
    assert_eq!(rules(&["--ignore", "schema/"]), ["exit 0"]);
    assert_eq!(
        rules(&["--ignore", "schema/missing-field", "--deny", "warnings"])
            .last()
            .unwrap(),
        "exit 1"
    );
    assert_eq!(
        rules(&["--ignore", "schema/missing-field"]).last().unwrap(),
        "exit 0"
    );
}

#[test]
fn completions_and_man_page() {
    for shell in ["bash", "zsh", "fish"] {
        let Output {
            code, stdout: out, ..
        } = Mcplint::new(&["completions", shell]).env_clear().run();
        assert_eq!(code, 0);
        assert!(out.contains("mcplint") && out.contains("check"), "{shell}");
    }
    let Output {
        code, stdout: out, ..
    } = Mcplint::new(&["man"]).env_clear().run();
    assert_eq!(code, 0);
    assert!(out.contains(".TH mcplint 1"));
}
