//! Limits and safety: huge and hostile inputs end in a clear message, files are never left
//! half-written, and nothing in a config is ever executed.

use crate::support::{Mcplint, Output};

#[test]
fn huge_values_deep_templates_and_long_dotenv_files() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // A 10 MB string value, a template nested 100,000 times, a .env of 100,000 lines.
    let big = "x".repeat(10 * 1024 * 1024);
    let deep = "${A:-".repeat(100_000) + &"}".repeat(100_000);
    std::fs::write(
        d.join("mcp-servers.json"),
        serde_json::json!({
            "a": { "command": "npx", "note": big, "args": [deep], "env": { "K": "${LAST}" } }
        })
        .to_string(),
    )
    .unwrap();
    let mut env = String::with_capacity(3_000_000);
    for i in 0..100_000 {
        env.push_str(&format!("VAR_{i}=value-{i}\n"));
    }
    env.push_str("LAST=${VAR_99999}\nSELF=${SELF}\n");
    std::fs::write(d.join(".env"), env).unwrap();
    let Output {
        code,
        stdout,
        stderr,
        ..
    } = Mcplint::new(&["check", "mcp-servers.json", "--format", "json"])
        .isolated_in(d)
        .lossy()
        .run();
    assert_eq!(code, 1, "{stderr}");
    let doc: serde_json::Value = serde_json::from_str(&stdout).unwrap();
    let rules: Vec<&str> = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .filter(|r| *r != "env/unused-variable")
        .collect();
    // The nesting is reported; the variable that refers to itself is undefined in .env.
    assert_eq!(
        rules,
        ["env/invalid-template", "env/undefined-variable"],
        "{stdout}"
    );
    let self_ref = doc["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "env/undefined-variable")
        .unwrap();
    assert_eq!(self_ref["file"], ".env");
    assert_eq!(self_ref["line"], 100_002);
}

#[test]
fn files_over_the_size_limit_are_not_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let config = format!(
        "{{ \"a\": {{ \"command\": \"npx\", \"note\": \"{}\" }} }}",
        "x".repeat(2 * 1024 * 1024)
    );
    std::fs::write(d.join("mcp-servers.json"), &config).unwrap();
    let Output { code, stdout, .. } =
        Mcplint::new(&["check", "mcp-servers.json", "--max-file-size", "1"])
            .isolated_in(d)
            .lossy()
            .run();
    assert_eq!(code, 1);
    assert!(stdout.contains("parse/too-large"), "{stdout}");
    assert!(stdout.contains("--max-file-size"));
    let Output { code, .. } = Mcplint::new(&["check", "mcp-servers.json"])
        .isolated_in(d)
        .lossy()
        .run();
    assert_eq!(code, 0);
}

#[test]
fn nothing_in_a_config_is_ever_run() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let marker = d.join("executed");
    let config = serde_json::json!({
        "a": { "command": "npx", "env": {
            "T": format!("${{cmd: touch {}}}", marker.display()),
            "U": format!("$(touch {})", marker.display()),
            "V": format!("`touch {}`", marker.display()),
        } }
    });
    std::fs::write(d.join("mcp-servers.json"), config.to_string()).unwrap();
    let stdout = Mcplint::new(&["check", "mcp-servers.json"])
        .isolated_in(d)
        .lossy()
        .run()
        .stdout;
    assert!(stdout.contains("env/command-substitution"));
    let Output {
        code,
        stdout: rendered,
        stderr,
        ..
    } = Mcplint::new(&["render", "mcp-servers.json"])
        .isolated_in(d)
        .lossy()
        .run();
    assert_eq!(code, 0, "{stderr}");
    assert!(rendered.contains("${cmd: touch"));
    assert!(!marker.exists(), "something was executed");
}

#[test]
fn render_never_writes_through_a_symlink() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("mcp-servers.json"),
        r#"{ "a": { "command": "npx" } }"#,
    )
    .unwrap();
    std::fs::write(d.join("elsewhere.json"), "keep").unwrap();
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink(d.join("elsewhere.json"), d.join("out.json")).unwrap();
        let Output { code, stderr, .. } =
            Mcplint::new(&["render", "mcp-servers.json", "-o", "out.json"])
                .isolated_in(d)
                .lossy()
                .run();
        assert_eq!(code, 2);
        assert!(stderr.contains("symbolic link"), "{stderr}");
        assert_eq!(
            std::fs::read_to_string(d.join("elsewhere.json")).unwrap(),
            "keep"
        );
        assert!(
            std::fs::symlink_metadata(d.join("out.json"))
                .unwrap()
                .file_type()
                .is_symlink()
        );
    }
}

/// SIGKILL while `render -o` writes a large file: the output is the old file or the new one,
/// whole, never a mix.
#[cfg(unix)]
#[test]
fn a_killed_render_leaves_the_old_file_or_the_new_one() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let mut servers = serde_json::Map::new();
    for i in 0..40_000 {
        servers.insert(
            format!("server-{i:05}"),
            serde_json::json!({ "command": "npx", "args": ["-y", format!("pkg-{i}")], "note": "x".repeat(200) }),
        );
    }
    std::fs::write(
        d.join("mcp-servers.json"),
        serde_json::Value::Object(servers).to_string(),
    )
    .unwrap();
    let old = "{ \"previous\": true }\n";
    let out = d.join("rendered.json");
    let mut saw_old = false;
    for delay_ms in [5u64, 20, 50, 100, 200, 400, 800] {
        std::fs::write(&out, old).unwrap();
        let mut child = Mcplint::new(&["render", "mcp-servers.json", "-o", "rendered.json"])
            .isolated_in(d)
            .spawn();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        let text = std::fs::read_to_string(&out).unwrap();
        if text == old {
            saw_old = true;
        } else {
            let doc: serde_json::Value = serde_json::from_str(&text).expect("the new file, whole");
            assert_eq!(doc.as_object().unwrap().len(), 40_000);
        }
    }
    assert!(
        saw_old,
        "no kill landed before the rename; the test proved nothing"
    );
}

/// Found by fuzzing the template engine: a multi-byte character right after `${`, here in a
/// `.env`, where the template's span is used to slice the value.
#[test]
fn a_multibyte_character_after_a_brace_in_dotenv() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    std::fs::write(
        d.join("mcp-servers.json"),
        r#"{ "a": { "command": "npx", "env": { "A": "${A}" } } }"#,
    )
    .unwrap();
    std::fs::write(d.join(".env"), "A=${\u{389}}\n").unwrap();
    let Output {
        code,
        stdout,
        stderr,
        ..
    } = Mcplint::new(&["check", "mcp-servers.json"])
        .isolated_in(d)
        .lossy()
        .run();
    assert_eq!(code, 1, "{stderr}");
    assert!(stdout.contains("env/invalid-template"), "{stdout}");
    assert!(!stderr.contains("internal error"));
}
