//! Finding configs: `check DIR` (a walk that honours `.gitignore`) and `check --user` (each
//! client's places for Linux, macOS and Windows, on a fake home), and what cannot be read on
//! the way (`parse/unreadable`): a file mode 000, a FIFO, a folder in place of a file, a
//! symbolic link loop. The places are written out here by hand, from the clients' docs, so
//! that a wrong place in a profile fails a test rather than moving both sides at once.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::support::Mcplint;

/// Writes `text` at `root/rel`, with its folders.
fn put(root: &Path, rel: &str, text: &str) -> PathBuf {
    let path = root.join(rel);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, text).unwrap();
    path
}

/// A clean config in a client's own shape.
fn config_for(client: &str) -> String {
    let entry = r#"{ "command": "npx", "args": ["-y", "@scope/server@1.2.3"] }"#;
    match client {
        "vscode" => format!(r#"{{ "servers": {{ "s": {entry} }} }}"#),
        "claude-code" => format!(
            r#"{{
  "numStartups": 12,
  "oauthAccount": {{ "emailAddress": "someone@example.com" }},
  "mcpServers": {{ "user-server": {entry} }},
  "projects": {{
    "/home/someone/project": {{ "allowedTools": [], "mcpServers": {{ "local-server": {entry} }} }},
    "/home/someone/other": {{ "history": [] }}
  }}
}}"#
        ),
        "zed" => format!(r#"{{ "theme": "One Dark", "context_servers": {{ "s": {entry} }} }}"#),
        "codex" => "model = \"o3\"\n\n[mcp_servers.s]\ncommand = \"npx\"\n\
                    args = [\"-y\", \"@scope/server@1.2.3\"]\n"
            .to_owned(),
        "continue" => "name: Local\nversion: 1.0.0\nschema: v1\nmcpServers:\n  - name: s\n    \
                       command: npx\n    args: [\"-y\", \"@scope/server@1.2.3\"]\n"
            .to_owned(),
        "goose" => "GOOSE_PROVIDER: openai\nextensions:\n  s:\n    enabled: true\n    \
                    type: stdio\n    name: s\n    cmd: npx\n    \
                    args: [\"-y\", \"@scope/server@1.2.3\"]\n"
            .to_owned(),
        _ => format!(r#"{{ "mcpServers": {{ "s": {entry} }} }}"#),
    }
}

/// One system's layout: the variables of the fake home, and where each client's config goes
/// (relative to the scratch folder). Kiro gets none, to be listed as not found.
struct Layout {
    os: &'static str,
    vars: Vec<(&'static str, String)>,
    files: Vec<(&'static str, &'static str)>,
}

fn layout(os: &'static str, tmp: &Path) -> Layout {
    let at = |rel: &str| tmp.join(rel).display().to_string();
    let home_files = [
        ("claude-code", "home/.claude.json"),
        ("cursor", "home/.cursor/mcp.json"),
        ("windsurf", "home/.codeium/windsurf/mcp_config.json"),
        ("cline", "home/.cline/data/settings/cline_mcp_settings.json"),
        ("gemini-cli", "home/.gemini/settings.json"),
        ("copilot-cli", "home/.copilot/mcp-config.json"),
        ("amazon-q", "home/.aws/amazonq/mcp.json"),
        ("mcp-hub", "home/.config/mcphub/servers.json"),
        ("codex", "home/.codex/config.toml"),
        ("continue", "home/.continue/config.yaml"),
        ("continue", "home/.continue/mcpServers/github.yaml"),
    ];
    let mut files: Vec<(&str, &str)> = home_files.to_vec();
    let vars = match os {
        // XDG_CONFIG_HOME elsewhere than ~/.config, to see it honoured.
        "linux" => {
            files.extend([
                ("claude-desktop", "xdg/Claude/claude_desktop_config.json"),
                ("vscode", "xdg/Code/User/mcp.json"),
                (
                    "roo",
                    "xdg/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json",
                ),
                ("zed", "xdg/zed/settings.json"),
                ("goose", "xdg/goose/config.yaml"),
            ]);
            vec![("HOME", at("home")), ("XDG_CONFIG_HOME", at("xdg"))]
        }
        "macos" => {
            files.extend([
                (
                    "claude-desktop",
                    "home/Library/Application Support/Claude/claude_desktop_config.json",
                ),
                ("vscode", "home/Library/Application Support/Code/User/mcp.json"),
                (
                    "roo",
                    "home/Library/Application Support/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json",
                ),
                ("zed", "home/.config/zed/settings.json"),
                ("goose", "home/.config/goose/config.yaml"),
            ]);
            vec![("HOME", at("home"))]
        }
        "windows" => {
            files.extend([
                ("claude-desktop", "roaming/Claude/claude_desktop_config.json"),
                ("vscode", "roaming/Code/User/mcp.json"),
                (
                    "roo",
                    "roaming/Code/User/globalStorage/rooveterinaryinc.roo-cline/settings/mcp_settings.json",
                ),
                ("claude-code", "program-files/ClaudeCode/managed-mcp.json"),
                ("zed", "roaming/Zed/settings.json"),
                ("goose", "roaming/Block/goose/config/config.yaml"),
            ]);
            vec![
                ("USERPROFILE", at("home")),
                ("APPDATA", at("roaming")),
                ("ProgramFiles", at("program-files")),
            ]
        }
        _ => unreachable!(),
    };
    Layout { os, vars, files }
}

fn run_user(tmp: &Path, layout: &Layout, format: &str) -> crate::support::Output {
    Mcplint::new(&["check", "--user", "--os", layout.os, "--format", format])
        .args(["--no-process-env", "--color", "never"])
        .isolated_in(tmp)
        .envs(layout.vars.iter().map(|(k, v)| (*k, v.as_str())))
        .run()
}

/// The `"inputs"` of a JSON report as (file, client, status).
fn inputs(json: &Value) -> Vec<(String, String, String)> {
    json["inputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            let s = |k: &str| i[k].as_str().unwrap_or("<none>").to_owned();
            (s("file"), s("client"), s("status"))
        })
        .collect()
}

fn every_client_is_found_at_its_place(os: &'static str) {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path();
    let layout = layout(os, tmp);
    for (client, rel) in &layout.files {
        put(tmp, rel, &config_for(client));
    }
    let out = run_user(tmp, &layout, "json");
    assert_eq!(out.code, 0, "{os}: {}{}", out.stdout, out.stderr);
    let json = out.json();
    assert_eq!(json["diagnostics"], serde_json::json!([]), "{os}");
    let inputs = inputs(&json);
    for (client, rel) in &layout.files {
        let file = tmp.join(rel).display().to_string();
        assert!(
            inputs.contains(&(file.clone(), client.to_string(), "checked".into())),
            "{os}: {file} not checked as {client}: {inputs:#?}"
        );
    }
    let checked = inputs.iter().filter(|i| i.2 == "checked").count();
    assert_eq!(checked, layout.files.len(), "{os}: {inputs:#?}");
    // Kiro has no config here: listed, with the place looked at.
    let kiro = tmp
        .join("home/.kiro/settings/mcp.json")
        .display()
        .to_string();
    assert!(
        inputs.contains(&(kiro, "kiro".into(), "not-found".into())),
        "{os}: {inputs:#?}"
    );
    // Every client that has a place on this system is listed, each entry with a status, and
    // has a config in the fake home (Kiro aside): a new client's places must be added here.
    for client in mcplint::clients::CLIENTS {
        let os = mcplint::clients::Os::from_name(os).unwrap();
        if !client.user.on(os).is_empty() {
            assert!(
                inputs.iter().any(|i| i.1 == client.id),
                "{} not listed",
                client.id
            );
            assert!(
                client.id == "kiro" || layout.files.iter().any(|(c, _)| *c == client.id),
                "{}: add its config to the fake {os:?} home of this test",
                client.id
            );
        }
    }
    assert!(inputs.iter().all(|i| i.2 != "<none>"), "{inputs:#?}");
    assert_eq!(json["summary"]["files"], layout.files.len());
}

#[test]
fn user_configs_are_found_in_the_linux_layout() {
    every_client_is_found_at_its_place("linux");
}

#[test]
fn user_configs_are_found_in_the_macos_layout() {
    every_client_is_found_at_its_place("macos");
}

#[test]
fn user_configs_are_found_in_the_windows_layout() {
    every_client_is_found_at_its_place("windows");
}

/// The human and JSON reports of `check --user` on a fake Linux home, with a finding in the
/// local scope of `~/.claude.json` and one config missing.
#[test]
fn user_report_snapshots() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path();
    let layout = layout("linux", tmp);
    for (client, rel) in &layout.files {
        put(tmp, rel, &config_for(client));
    }
    // A URL without `type` in a project's servers: Claude Code skips it.
    put(
        tmp,
        "home/.claude.json",
        r#"{
  "numStartups": 12,
  "mcpServers": { "docs": { "type": "http", "url": "https://docs.example.com/mcp" } },
  "projects": {
    "/home/someone/project": { "mcpServers": { "web": { "url": "https://web.example.com/mcp" } } }
  }
}"#,
    );
    let shown = |text: &str| text.replace(&tmp.display().to_string(), "<tmp>");
    let human = run_user(tmp, &layout, "human");
    assert_eq!(human.code, 1, "{}", human.stderr);
    insta::assert_snapshot!("user-linux-human", shown(&human.stdout));
    let json = run_user(tmp, &layout, "json");
    insta::assert_snapshot!("user-linux-json", shown(&json.stdout));
}

/// The client's own variables move its file: the fake home has nothing, the moved files do.
#[test]
fn client_variables_move_their_files() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path();
    let moved = [
        ("CLAUDE_CONFIG_DIR", "claude", ".claude.json", "claude-code"),
        ("COPILOT_HOME", "copilot", "mcp-config.json", "copilot-cli"),
        (
            "GEMINI_CLI_HOME",
            "gemini",
            ".gemini/settings.json",
            "gemini-cli",
        ),
        (
            "CLINE_DIR",
            "cline",
            "data/settings/cline_mcp_settings.json",
            "cline",
        ),
    ];
    let mut run = Mcplint::new(&["check", "--user", "--os", "linux", "--format", "json"])
        .in_scratch(tmp)
        .env("HOME", tmp.join("home"));
    for (var, folder, file, client) in moved {
        put(tmp, &format!("{folder}/{file}"), &config_for(client));
        run = run.env(var, tmp.join(folder));
    }
    let out = run.run();
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let inputs = inputs(&out.json());
    for (_, folder, file, client) in moved {
        let path = tmp.join(folder).join(file).display().to_string();
        assert!(
            inputs.contains(&(path, client.into(), "checked".into())),
            "{inputs:#?}"
        );
    }
}

trait Scratch {
    fn in_scratch(self, tmp: &Path) -> Self;
}

impl Scratch for Mcplint {
    /// Isolated in `tmp`, without the process environment's variables in the configs.
    fn in_scratch(self, tmp: &Path) -> Mcplint {
        self.args(["--no-process-env"]).isolated_in(tmp)
    }
}

/// `fix` edits only the bytes of the secret in `~/.claude.json`, whose other state is left
/// as it was, byte for byte.
#[test]
fn fix_edits_only_the_secret_in_a_state_file() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path();
    let token =
        crate::support::tokens::sample("github-token", 0, &mut crate::support::tokens::Rng(3));
    let before = format!(
        r#"{{
  "numStartups": 12,
  "tipsHistory": {{ "x": 1 }},
  "mcpServers": {{ "gh": {{ "command": "npx", "args": ["-y", "@scope/server@1.2.3"],
    "env": {{ "GITHUB_TOKEN": "{token}" }} }} }}
}}"#
    );
    let path = put(tmp, ".claude.json", &before);
    let out = Mcplint::new(&["fix", ".claude.json", "--no-process-env"])
        .isolated_in(tmp)
        .run();
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let after = std::fs::read_to_string(&path).unwrap();
    assert!(!after.contains(&token), "{after}");
    assert_eq!(
        after,
        before.replace(&token, "${GITHUB_TOKEN}"),
        "only the secret's bytes change"
    );
}

/// Nothing but the servers of `~/.claude.json` is looked at: a token in its own state (not a
/// server's) is not this linter's business, and is not reported.
#[test]
fn a_state_file_is_read_for_its_servers_only() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path();
    let token =
        crate::support::tokens::sample("github-token", 0, &mut crate::support::tokens::Rng(5));
    put(
        tmp,
        ".claude.json",
        &format!(
            r#"{{ "cachedToken": "{token}", "servers": {{ "x": 1 }},
  "mcpServers": {{ "a": {{ "command": "npx", "args": ["-y", "@scope/server@1.2.3"] }} }},
  "projects": {{ "/p": {{ "notes": "{token}" }} }} }}"#
        ),
    );
    let out = Mcplint::new(&["check", ".claude.json", "--format", "json"])
        .in_scratch(tmp)
        .run();
    let json = out.json();
    let rules: Vec<&str> = json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap())
        .collect();
    assert!(rules.iter().all(|r| !r.starts_with("secret/")), "{rules:?}");
    assert_eq!(json["inputs"][0]["client"], "claude-code");
}

/// A tree with configs of several clients, files no client reads, and ignored folders.
fn tree(root: &Path) {
    git_init(root);
    put(root, ".gitignore", "ignored/\nbuild/\n");
    put(root, ".mcp.json", &config_for("claude-code"));
    put(root, "app/.vscode/mcp.json", &config_for("vscode"));
    put(root, "app/.cursor/mcp.json", &config_for("cursor"));
    put(root, "app/.gemini/settings.json", &config_for("gemini-cli"));
    put(root, "tools/.codex/config.toml", &config_for("codex"));
    put(
        root,
        "tools/.continue/mcpServers/github.yaml",
        &config_for("continue"),
    );
    put(root, "ignored/.mcp.json", "not even JSON");
    put(root, "build/.roo/mcp.json", "not even JSON");
    put(root, "notes/mcp.json.txt", "not even JSON");
    put(root, "notes/settings.json", "not even JSON");
    put(root, "src/main.rs", "fn main() {}");
}

fn git_init(root: &Path) {
    std::fs::create_dir_all(root).unwrap();
    let ok = std::process::Command::new("git")
        .args(["init", "-q"])
        .current_dir(root)
        .status()
        .unwrap()
        .success();
    assert!(ok, "git init");
}

fn files_checked(json: &Value) -> Vec<(String, String)> {
    inputs(json)
        .into_iter()
        .filter(|i| i.2 == "checked")
        .map(|i| (i.0, i.1))
        .collect()
}

#[test]
fn a_folder_is_walked_honouring_gitignore() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    tree(&root);
    let out = Mcplint::new(&["check", ".", "--format", "json"])
        .in_scratch(&root)
        .run();
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let json = out.json();
    assert_eq!(
        files_checked(&json),
        [
            (".mcp.json", "claude-code"),
            ("app/.cursor/mcp.json", "cursor"),
            ("app/.gemini/settings.json", "gemini-cli"),
            ("app/.vscode/mcp.json", "vscode"),
            ("tools/.codex/config.toml", "codex"),
            ("tools/.continue/mcpServers/github.yaml", "continue"),
        ]
        .map(|(f, c)| (f.to_owned(), c.to_owned()))
    );
    // A folder named on the command line keeps its name in the paths.
    let out = Mcplint::new(&["check", "repo/app", "--format", "json"])
        .in_scratch(dir.path())
        .run();
    assert_eq!(files_checked(&out.json()).len(), 3, "{}", out.stdout);
}

#[test]
fn a_folder_without_configs_says_so() {
    let dir = tempfile::tempdir().unwrap();
    put(dir.path(), "src/main.rs", "fn main() {}");
    let out = Mcplint::new(&["check", "."]).in_scratch(dir.path()).run();
    assert_eq!(out.code, 2);
    assert!(
        out.stderr.contains("no MCP config found under ."),
        "{}",
        out.stderr
    );
}

/// The rule of each unreadable input, by path.
fn unreadable(json: &Value) -> Vec<String> {
    json["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "parse/unreadable")
        .map(|d| d["file"].as_str().unwrap().to_owned())
        .collect()
}

#[cfg(unix)]
fn mkfifo(path: &Path) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    let ok = std::process::Command::new("mkfifo")
        .arg(path)
        .status()
        .unwrap()
        .success();
    assert!(ok, "mkfifo");
}

/// A symbolic link loop, a FIFO where a config should be, a file mode 000 and a folder that
/// cannot be listed: each a finding with its path; the rest of the tree is still checked.
/// Mode 000 does not stop root (CI runs as root): as root the run drops to the user `nobody`
/// with `setpriv` when it can; when it cannot, those two cases are skipped, and the FIFO
/// (never opened: it would block) and the loop stand for them.
#[cfg(unix)]
#[test]
fn what_cannot_be_read_is_a_finding_not_a_crash() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    tree(&root);
    std::os::unix::fs::symlink("..", root.join("app/loop")).unwrap();
    // A link to a config already walked: checked once.
    std::os::unix::fs::symlink("../.mcp.json", root.join("app/.mcp.json")).unwrap();
    // A link to itself.
    std::fs::create_dir_all(root.join("app/self")).unwrap();
    std::os::unix::fs::symlink(".mcp.json", root.join("app/self/.mcp.json")).unwrap();
    mkfifo(&root.join("app/.roo/mcp.json"));
    let locked = put(&root, "locked/.kiro/settings/mcp.json", &config_for("kiro"));
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o000)).unwrap();
    put(&root, "closed/.mcp.json", &config_for("claude-code"));
    let closed = root.join("closed");
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o000)).unwrap();
    let as_nobody = std::fs::read(&locked).is_ok() && nobody_can_run(dir.path());
    let permissions_apply = std::fs::read(&locked).is_err() || as_nobody;

    let out = if as_nobody {
        run_as_nobody(
            &root,
            &["check", ".", "--format", "json", "--no-process-env"],
        )
    } else {
        Mcplint::new(&["check", ".", "--format", "json"])
            .in_scratch(&root)
            .run()
    };
    std::fs::set_permissions(&closed, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert!(
        out.code == 0 || out.code == 1,
        "{}{}",
        out.stdout,
        out.stderr
    );
    assert!(!out.stderr.contains("internal error"), "{}", out.stderr);
    let json = out.json();
    let mut expected = vec!["app/.roo/mcp.json", "app/loop", "app/self/.mcp.json"];
    if permissions_apply {
        expected.extend(["closed", "locked/.kiro/settings/mcp.json"]);
    }
    expected.sort_unstable();
    assert_eq!(unreadable(&json), expected, "{}", out.stdout);
    let checked = files_checked(&json);
    assert!(checked.contains(&(".mcp.json".into(), "claude-code".into())));
    assert!(
        !checked.iter().any(|(f, _)| f == "app/.mcp.json"),
        "a file reached twice is checked once: {checked:?}"
    );
    let messages = json["diagnostics"].to_string();
    assert!(messages.contains("symbolic link loop"), "{messages}");
    assert!(messages.contains("FIFO"), "{messages}");
    // Human output names them too.
    let human = Mcplint::new(&["check", ".", "--color", "never"])
        .in_scratch(&root)
        .run();
    assert!(
        human.stdout.contains("parse/unreadable"),
        "{}",
        human.stdout
    );
}

/// Whether the user `nobody` (65534) can run the binary in `dir` (made readable to it): root
/// with `setpriv`, the binary in a folder others may enter.
#[cfg(unix)]
fn nobody_can_run(dir: &Path) -> bool {
    use std::os::unix::fs::PermissionsExt;
    let root = std::process::Command::new("id").arg("-u").output();
    if !root.is_ok_and(|o| o.stdout.starts_with(b"0\n")) {
        return false;
    }
    std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o755)).unwrap();
    std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_mcplint"))
        .arg("--version")
        .current_dir(dir)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The binary run as the user `nobody` in `dir`, with an empty environment.
#[cfg(unix)]
fn run_as_nobody(dir: &Path, args: &[&str]) -> crate::support::Output {
    let out = std::process::Command::new("setpriv")
        .args(["--reuid=65534", "--regid=65534", "--clear-groups"])
        .arg(env!("CARGO_BIN_EXE_mcplint"))
        .args(args)
        .current_dir(dir)
        .env_clear()
        .env("GIT_CEILING_DIRECTORIES", dir.parent().unwrap())
        .output()
        .unwrap();
    crate::support::Output {
        code: out.status.code().expect("exited"),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// `check --user`: a folder where `~/.cursor/mcp.json` should be (unreadable even for root),
/// and a broken link for Cline's file: findings, listed as unreadable, never skipped.
#[cfg(unix)]
#[test]
fn an_unreadable_user_config_is_listed_and_reported() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path();
    std::fs::create_dir_all(tmp.join("home/.cursor/mcp.json")).unwrap();
    std::fs::create_dir_all(tmp.join("home/.cline/data/settings")).unwrap();
    std::os::unix::fs::symlink(
        "nowhere.json",
        tmp.join("home/.cline/data/settings/cline_mcp_settings.json"),
    )
    .unwrap();
    let out = Mcplint::new(&["check", "--user", "--os", "linux", "--format", "json"])
        .in_scratch(tmp)
        .env("HOME", tmp.join("home"))
        .run();
    assert!(
        out.code == 0 || out.code == 1,
        "{}{}",
        out.stdout,
        out.stderr
    );
    let json = out.json();
    let cursor = tmp.join("home/.cursor/mcp.json").display().to_string();
    let cline = tmp
        .join("home/.cline/data/settings/cline_mcp_settings.json")
        .display()
        .to_string();
    assert_eq!(unreadable(&json), [cursor.clone(), cline.clone()]);
    let inputs = inputs(&json);
    assert!(inputs.contains(&(cursor, "cursor".into(), "unreadable".into())));
    assert!(inputs.contains(&(cline, "cline".into(), "unreadable".into())));
    assert!(
        json["diagnostics"]
            .to_string()
            .contains("it is a folder, not a file")
    );
}

/// Files no profile recognises are never opened: the test build records every config it
/// opens (`MCPLINT_TRACE_OPENS`), and a FIFO among the other files would block a read.
#[cfg(unix)]
#[test]
fn files_no_client_recognises_are_never_read() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    tree(&root);
    for i in 0..50 {
        put(&root, &format!("src/m{i}/mod.json"), "{}");
    }
    mkfifo(&root.join("src/pipe.json"));
    mkfifo(&root.join("notes/.mcp.json.bak"));
    let trace = dir.path().join("opened.txt");
    let out = Mcplint::new(&["check", ".", "--format", "json"])
        .in_scratch(&root)
        .env("MCPLINT_TRACE_OPENS", &trace)
        .run();
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let opened = std::fs::read_to_string(&trace).unwrap_or_default();
    let mut opened: Vec<&str> = opened.lines().collect();
    opened.sort_unstable();
    assert_eq!(
        opened,
        [
            ".mcp.json",
            "app/.cursor/mcp.json",
            "app/.gemini/settings.json",
            "app/.vscode/mcp.json",
            "tools/.codex/config.toml",
            "tools/.continue/mcpServers/github.yaml",
        ]
    );
}

/// `check` with no argument still checks the config of the current folder only.
#[test]
fn no_argument_still_means_the_config_here() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("repo");
    tree(&root);
    let out = Mcplint::new(&["check", "--format", "json"])
        .in_scratch(&root)
        .run();
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    let json = out.json();
    assert_eq!(
        json["inputs"],
        serde_json::json!([{ "file": ".mcp.json", "client": "claude-code" }])
    );
}

/// A config reached by `--user` and by a folder's walk, or named twice, is checked once.
#[test]
fn a_config_found_twice_is_checked_once() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = dir.path();
    put(tmp, "home/.cursor/mcp.json", &config_for("cursor"));
    let out = Mcplint::new(&["check", "--user", "--os", "linux", "--format", "json"])
        .args(["home", "home/.cursor/mcp.json"])
        .in_scratch(tmp)
        .env("HOME", tmp.join("home"))
        .run();
    assert_eq!(out.code, 0, "{}{}", out.stdout, out.stderr);
    assert_eq!(out.json()["summary"]["files"], 1, "{}", out.stdout);
}

/// The README's table of places names every client that has some (a new client's places are
/// documented there too).
#[test]
fn the_readme_lists_every_client_with_user_places() {
    let readme = std::fs::read_to_string(crate::support::root().join("README.md")).unwrap();
    let start = readme.find("## Finding configs").expect("the section");
    let section = &readme[start..];
    let section = &section[..section[3..].find("\n## ").map_or(section.len(), |e| e + 3)];
    for client in mcplint::clients::CLIENTS {
        let has_places = mcplint::clients::Os::ALL
            .iter()
            .any(|os| !client.user.on(*os).is_empty());
        if has_places {
            assert!(
                section.contains(&format!("| {} ", client.name))
                    || section.contains(&format!("| {} (", client.name)),
                "README \"Finding configs\" has no row for {}",
                client.name
            );
        }
    }
}
