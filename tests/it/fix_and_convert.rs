//! `mcplint fix` and `render --to`, through the binary.

use std::path::Path;
use std::process::Command;

use mcplint::env::EnvOptions;
use mcplint::pipeline::{Input, Options, check_inputs};

use crate::support::{Mcplint, Output, root};

fn copy_case(case: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for entry in std::fs::read_dir(root().join("fixtures").join(case)).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        if !name.ends_with(".snap") && !matches!(name.as_str(), "args" | "render") {
            std::fs::copy(&path, dir.path().join(&name)).unwrap();
        }
    }
    dir
}

fn options() -> Options {
    Options {
        env: EnvOptions {
            files: Vec::new(),
            process: false,
            dotenv: true,
            ..Default::default()
        },
        keep_resolved: true,
        ..Options::default()
    }
}

/// The resolved config and the secret findings of `dir/mcp-servers.json`.
fn resolve(dir: &Path) -> (serde_json::Value, Vec<String>) {
    let report = check_inputs(&[Input::Path(dir.join("mcp-servers.json"))], &options());
    let secrets = report
        .diagnostics
        .iter()
        .filter(|d| d.rule.id.starts_with("secret/") && d.rule.id != "secret/env-file-not-ignored")
        .map(|d| d.rule.id.to_owned())
        .collect();
    (report.resolved[0].root.clone(), secrets)
}

#[test]
fn fix_moves_every_secret_and_the_render_stays_the_same() {
    for case in [
        "secret-in-header",
        "secret-in-env",
        "secret-in-args",
        "secret-connection-string",
    ] {
        let dir = copy_case(case);
        let (before, secrets) = resolve(dir.path());
        assert!(!secrets.is_empty(), "{case}");
        let original = std::fs::read_to_string(dir.path().join("mcp-servers.json")).unwrap();
        // An existing `.env` keeps its mode; a new one is created 0600.
        #[cfg(unix)]
        let env_mode = {
            use std::os::unix::fs::PermissionsExt;
            std::fs::metadata(dir.path().join(".env"))
                .map_or(0o600, |m| m.permissions().mode() & 0o777)
        };

        let Output {
            code,
            stdout,
            stderr,
            ..
        } = Mcplint::new(&["fix", "--no-process-env"])
            .isolated_in(dir.path())
            .run();
        assert_eq!(code, 0, "{case}: {stderr}");
        assert!(stdout.is_empty());
        assert!(stderr.contains("rotate"), "{stderr}");

        let (after, left) = resolve(dir.path());
        assert!(left.is_empty(), "{case}: still {left:?}");
        assert_eq!(before, after, "{case}: the resolved config changed");

        let config = std::fs::read_to_string(dir.path().join("mcp-servers.json")).unwrap();
        let env = std::fs::read_to_string(dir.path().join(".env")).unwrap();
        // Byte-precise: outside the replaced secrets, every line is as it was.
        assert_eq!(config.lines().count(), original.lines().count());
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(dir.path().join(".env"))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, env_mode, "{case}: {stderr}");
        }
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(root().join("fixtures").join(case));
        settings.set_prepend_module_to_snapshot(false);
        settings.set_omit_expression(true);
        settings.bind(|| {
            insta::assert_snapshot!("fix-config", config);
            insta::assert_snapshot!("fix-env", env);
        });
    }
}

#[test]
fn fix_keeps_comments_line_endings_and_everything_else() {
    let dir = tempfile::tempdir().unwrap();
    let token = "ghp_Qm3kP9zT2vL8xW4nR7yB1cD5fG6hJ0"; // 30 random characters...
    let check = mcplint::secrets::checksum::base62_6(crc32fast::hash(&token.as_bytes()[4..]));
    let token = format!("{token}{check}");
    let original = format!(
        "// team config\r\n{{\r\n  \"gh\": {{ \"command\": \"npx\", /* keep */ \"env\": {{ \"GITHUB_TOKEN\": \"{token}\", }} }},\r\n}}\r\n"
    );
    std::fs::write(dir.path().join("mcp-servers.jsonc"), &original).unwrap();
    let Output { code, stderr, .. } = Mcplint::new(&["fix", "mcp-servers.jsonc"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(code, 0, "{stderr}");
    let fixed = std::fs::read_to_string(dir.path().join("mcp-servers.jsonc")).unwrap();
    assert_eq!(fixed, original.replace(&token, "${GITHUB_TOKEN}"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".env")).unwrap(),
        format!("GITHUB_TOKEN={token}\n")
    );
}

#[test]
fn fix_never_reuses_a_name_for_another_value() {
    let dir = copy_case("secret-in-header");
    std::fs::write(
        dir.path().join(".env"),
        "HF_CLIENT_ID=x\nHF_TOKEN=another-value\n",
    )
    .unwrap();
    let Output { code, stderr, .. } = Mcplint::new(&["fix", "--no-process-env"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(code, 0, "{stderr}");
    let config = std::fs::read_to_string(dir.path().join("mcp-servers.json")).unwrap();
    assert!(config.contains("Bearer ${HF_TOKEN_2}"), "{config}");
    let env = std::fs::read_to_string(dir.path().join(".env")).unwrap();
    assert!(
        env.starts_with("HF_CLIENT_ID=x\nHF_TOKEN=another-value\nHF_TOKEN_2=hf_"),
        "{env}"
    );
}

#[test]
fn an_interrupted_fix_never_loses_the_secret() {
    let dir = copy_case("secret-in-header");
    let original = std::fs::read_to_string(dir.path().join("mcp-servers.json")).unwrap();
    let Output { code, stderr, .. } = Mcplint::new(&["fix", "--no-process-env"])
        .isolated_in(dir.path())
        .env("MCPLINT_FAULT_AFTER_ENV_WRITE", "1")
        .run();
    assert_eq!(code, 2, "{stderr}");
    // The second write did not happen: the config still holds the secret, and so does .env.
    let config = std::fs::read_to_string(dir.path().join("mcp-servers.json")).unwrap();
    assert_eq!(config, original);
    let token = original
        .split("Bearer ")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap();
    let env = std::fs::read_to_string(dir.path().join(".env")).unwrap();
    assert!(env.contains(token));
    // Running fix again finishes the job without a second copy in .env.
    let Output { code, .. } = Mcplint::new(&["fix", "--no-process-env"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(code, 0);
    let env = std::fs::read_to_string(dir.path().join(".env")).unwrap();
    assert_eq!(env.matches(token).count(), 1);
    assert!(
        !std::fs::read_to_string(dir.path().join("mcp-servers.json"))
            .unwrap()
            .contains(token)
    );
}

#[test]
fn fix_refuses_a_dotenv_git_would_commit_and_dry_run_writes_nothing() {
    let dir = copy_case("secret-in-header");
    let d = dir.path();
    let original = std::fs::read_to_string(d.join("mcp-servers.json")).unwrap();
    let token = original
        .split("Bearer ")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();

    let Output { code, stdout, .. } = Mcplint::new(&["fix", "--dry-run", "--no-process-env"])
        .isolated_in(d)
        .run();
    assert_eq!(code, 0);
    assert!(
        stdout.contains("+    \"headers\": { \"Authorization\": \"Bearer ${HF_TOKEN}\" },"),
        "{stdout}"
    );
    assert!(stdout.contains("+HF_TOKEN=hf_"), "{stdout}");
    assert!(!stdout.contains(&token));
    assert_eq!(
        std::fs::read_to_string(d.join("mcp-servers.json")).unwrap(),
        original
    );

    if Command::new("git").arg("--version").output().is_err() {
        return;
    }
    assert!(
        Command::new("git")
            .args(["init", "-q"])
            .current_dir(d)
            .status()
            .unwrap()
            .success()
    );
    let Output { code, stderr, .. } = Mcplint::new(&["fix", "--no-process-env"])
        .isolated_in(d)
        .run();
    assert_eq!(code, 2);
    assert!(
        stderr.contains("refusing") && stderr.contains(".gitignore"),
        "{stderr}"
    );
    assert_eq!(
        std::fs::read_to_string(d.join("mcp-servers.json")).unwrap(),
        original
    );
    let Output { code, .. } = Mcplint::new(&["fix", "--no-process-env", "--force"])
        .isolated_in(d)
        .run();
    assert_eq!(code, 0);
}

#[test]
fn every_conversion_passes_check_in_its_own_shape() {
    let names = [
        ("claude-desktop", "claude_desktop_config.json"),
        ("claude-code", ".mcp.json"),
        ("cursor", "cursor-mcp.json"),
        ("vscode", "mcp.json"),
        ("mcp-hub", "mcp-servers.json"),
        ("codex", ".codex/config.toml"),
        ("zed", ".zed/settings.json"),
        ("continue", ".continue/mcpServers/servers.yaml"),
        ("goose", ".config/goose/config.yaml"),
    ];
    for (target, file) in names {
        let dir = copy_case(&format!("convert-to-{target}"));
        for keep in [false, true] {
            let mut args = vec![
                "render",
                "mcp-servers.json",
                "--no-process-env",
                "--to",
                target,
            ];
            if keep {
                args.push("--keep-vars");
            }
            let Output {
                code,
                stdout,
                stderr,
                ..
            } = Mcplint::new(&args).isolated_in(dir.path()).run();
            assert_eq!(code, 0, "{target}: {stderr}");
            let out = tempfile::tempdir().unwrap();
            let written = out.path().join(file);
            std::fs::create_dir_all(written.parent().unwrap()).unwrap();
            std::fs::write(&written, &stdout).unwrap();
            std::fs::copy(dir.path().join(".env"), out.path().join(".env")).unwrap();
            let Output {
                code,
                stdout: report,
                ..
            } = Mcplint::new(&["check", file, "--no-process-env"])
                .isolated_in(out.path())
                .run();
            assert_eq!(code, 0, "{target} (keep-vars: {keep}):\n{stdout}\n{report}");
            // Read back as its client, the file has every server that was not left out.
            let json = Mcplint::new(&["check", file, "--no-process-env", "--format", "json"])
                .isolated_in(out.path())
                .run();
            if file.contains('/') {
                assert_eq!(json.json()["inputs"][0]["client"], target, "{file}");
            }
            for server in ["hf", "github", "events"] {
                assert!(
                    stdout.contains(server),
                    "{target}: `{server}` lost:\n{stdout}"
                );
            }
            if !keep {
                assert!(
                    !stdout.contains("${"),
                    "{target}: a reference was left unresolved"
                );
            }
        }
    }
}

/// A token of GitHub's format with a valid checksum, for the client tests below.
fn github_token() -> String {
    let token = "ghp_Zq8mK2vT9xL4wR7nB1cY5dF3gH6jP0";
    let check = mcplint::secrets::checksum::base62_6(crc32fast::hash(&token.as_bytes()[4..]));
    format!("{token}{check}")
}

#[test]
fn fix_writes_the_reference_the_client_expands() {
    let dir = tempfile::tempdir().unwrap();
    let token = github_token();
    std::fs::create_dir(dir.path().join(".vscode")).unwrap();
    let config = format!(
        "{{ \"servers\": {{ \"gh\": {{ \"command\": \"npx\", \"env\": {{ \"GITHUB_TOKEN\": \"{token}\" }} }} }} }}\n"
    );
    std::fs::write(dir.path().join(".vscode/mcp.json"), &config).unwrap();
    let out = Mcplint::new(&["fix", ".vscode/mcp.json", "--no-process-env"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let fixed = std::fs::read_to_string(dir.path().join(".vscode/mcp.json")).unwrap();
    assert_eq!(fixed, config.replace(&token, "${env:GITHUB_TOKEN}"));
    // VS Code does not read `.env`: the user is told what to export.
    assert!(
        out.stderr.contains("VS Code does not read"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains(&token));
    // Read as VS Code, the fixed file has no secret and nothing unexpanded.
    let check = Mcplint::new(&["check", ".vscode/mcp.json", "--format", "json"])
        .isolated_in(dir.path())
        .run();
    let rules: Vec<String> = check.json()["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_owned())
        .collect();
    assert!(
        !rules
            .iter()
            .any(|r| r.starts_with("secret/") || r == "env/unexpanded-reference"),
        "{rules:?}"
    );
}

#[test]
fn fix_refuses_a_client_that_expands_nothing_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let token = github_token();
    let config = format!(
        "{{ \"mcpServers\": {{ \"gh\": {{ \"command\": \"npx\", \"env\": {{ \"GITHUB_TOKEN\": \"{token}\" }} }} }} }}\n"
    );
    std::fs::write(dir.path().join("claude_desktop_config.json"), &config).unwrap();
    let out = Mcplint::new(&["fix", "claude_desktop_config.json"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("Claude Desktop expands no"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("render"), "the way out: {}", out.stderr);
    assert!(!out.stderr.contains(&token));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("claude_desktop_config.json")).unwrap(),
        config
    );
    assert!(!dir.path().join(".env").exists());
}

/// A scratch project with a secret-holding config, and `.env` a symbolic link to `target`.
#[cfg(unix)]
fn project_with_linked_env(target: &Path) -> (tempfile::TempDir, String) {
    let dir = tempfile::tempdir().unwrap();
    let config = format!(
        "{{ \"gh\": {{ \"command\": \"npx\", \"env\": {{ \"GITHUB_TOKEN\": \"{}\" }} }} }}\n",
        github_token()
    );
    std::fs::write(dir.path().join("mcp-servers.json"), &config).unwrap();
    std::os::unix::fs::symlink(target, dir.path().join(".env")).unwrap();
    (dir, config)
}

#[cfg(unix)]
fn mode(p: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(p).unwrap().permissions().mode() & 0o7777
}

#[cfg(unix)]
#[test]
fn fix_refuses_a_dotenv_linked_outside_the_project_unless_forced() {
    use std::os::unix::fs::PermissionsExt;
    let home = tempfile::tempdir().unwrap();
    let rc = home.path().join(".zshrc");
    let rc_text = "export PATH=$HOME/bin:$PATH\nalias ll='ls -l'\n";
    std::fs::write(&rc, rc_text).unwrap();
    std::fs::set_permissions(&rc, std::fs::Permissions::from_mode(0o644)).unwrap();
    let (dir, config) = project_with_linked_env(&rc);
    let real = rc.canonicalize().unwrap();

    let out = Mcplint::new(&["fix", "--no-process-env"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("refusing")
            && out.stderr.contains(&real.display().to_string())
            && out.stderr.contains("--force")
            && out.stderr.contains("--env-file"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains(&github_token()));
    assert_eq!(std::fs::read(&rc).unwrap(), rc_text.as_bytes());
    assert_eq!(mode(&rc), 0o644);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("mcp-servers.json")).unwrap(),
        config
    );
    assert!(
        std::fs::symlink_metadata(dir.path().join(".env"))
            .unwrap()
            .file_type()
            .is_symlink()
    );

    // An explicit --env-file outside the project is refused the same way.
    let outside = home.path().join("secrets.env");
    std::fs::write(&outside, "OTHER=1\n").unwrap();
    let out = Mcplint::new(&[
        "fix",
        "--no-process-env",
        "--env-file",
        outside.to_str().unwrap(),
    ])
    .isolated_in(dir.path())
    .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(out.stderr.contains("outside the project"), "{}", out.stderr);
    assert_eq!(std::fs::read_to_string(&outside).unwrap(), "OTHER=1\n");

    // With --force it writes where the link points, keeps the mode, and says so.
    let out = Mcplint::new(&["fix", "--no-process-env", "--force"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "wrote {} (via .env; its mode 0644 kept)",
            real.display()
        )),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("mode 0644 kept"), "{}", out.stderr);
    let after = std::fs::read_to_string(&rc).unwrap();
    assert!(after.starts_with(rc_text), "{after}");
    assert!(after.contains(&format!("GITHUB_TOKEN={}", github_token())));
    assert_eq!(mode(&rc), 0o644);
    assert!(
        std::fs::symlink_metadata(dir.path().join(".env"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(
        std::fs::read_to_string(dir.path().join("mcp-servers.json"))
            .unwrap()
            .contains("${GITHUB_TOKEN}")
    );
}

#[cfg(unix)]
#[test]
fn fix_writes_a_dotenv_linked_inside_the_project_where_it_points() {
    let (dir, _) = project_with_linked_env(Path::new("secrets/dev.env"));
    std::fs::create_dir(dir.path().join("secrets")).unwrap();
    let out = Mcplint::new(&["fix", "--no-process-env"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    let real = dir.path().join("secrets/dev.env");
    assert_eq!(
        std::fs::read_to_string(&real).unwrap(),
        format!("GITHUB_TOKEN={}\n", github_token())
    );
    assert_eq!(mode(&real), 0o600);
    assert!(
        out.stderr.contains(&format!(
            "wrote {} (via .env; new, mode 0600)",
            real.canonicalize().unwrap().display()
        )),
        "{}",
        out.stderr
    );
    assert!(
        std::fs::symlink_metadata(dir.path().join(".env"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
}

#[cfg(unix)]
#[test]
fn fix_writes_a_symlinked_config_where_it_points_and_names_that_path() {
    use std::os::unix::fs::PermissionsExt;
    let dotfiles = tempfile::tempdir().unwrap();
    let dir = tempfile::tempdir().unwrap();
    let real = dotfiles.path().join("mcp-servers.json");
    let config = format!(
        "{{ \"gh\": {{ \"command\": \"npx\", \"env\": {{ \"GITHUB_TOKEN\": \"{}\" }} }} }}\n",
        github_token()
    );
    std::fs::write(&real, &config).unwrap();
    std::fs::set_permissions(&real, std::fs::Permissions::from_mode(0o644)).unwrap();
    std::os::unix::fs::symlink(&real, dir.path().join("mcp-servers.json")).unwrap();
    let out = Mcplint::new(&["fix", "--no-process-env"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stderr.contains(&format!(
            "and {} (via mcp-servers.json)",
            real.canonicalize().unwrap().display()
        )),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read_to_string(&real).unwrap(),
        config.replace(&github_token(), "${GITHUB_TOKEN}")
    );
    assert_eq!(mode(&real), 0o644);
    assert!(
        std::fs::symlink_metadata(dir.path().join("mcp-servers.json"))
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // The `.env` is beside the link, in the project, new and private.
    assert_eq!(mode(&dir.path().join(".env")), 0o600);
}

#[test]
fn fix_refuses_toml_and_yaml_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let token = github_token();
    std::fs::create_dir(dir.path().join(".codex")).unwrap();
    let config = format!(
        "model = \"o3\"\n\n[mcp_servers.gh]\ncommand = \"npx\"\nenv = {{ GITHUB_TOKEN = \"{token}\" }}\n"
    );
    std::fs::write(dir.path().join(".codex/config.toml"), &config).unwrap();
    let out = Mcplint::new(&["fix", ".codex/config.toml", "--no-process-env"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(out.code, 2, "{}", out.stderr);
    assert!(
        out.stderr.contains("is TOML") && out.stderr.contains("nothing was written"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains(&token));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".codex/config.toml")).unwrap(),
        config
    );
    assert!(!dir.path().join(".codex/.env").exists());
}

#[test]
fn render_to_codex_and_goose_names_the_variables_instead_of_writing_secrets() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("mcp-servers.json"),
        r#"{
  "github": { "command": "npx", "env": { "GITHUB_TOKEN": "${GITHUB_TOKEN}", "HOST": "github.com" } },
  "docs": { "type": "streamable-http", "url": "https://mcp.example.com/mcp",
            "headers": { "Authorization": "Bearer ${DOCS_TOKEN}", "X-Api-Key": "${DOCS_KEY}" } }
}"#,
    )
    .unwrap();
    std::fs::write(
        dir.path().join(".env"),
        "GITHUB_TOKEN=synthetic-github-value\nDOCS_TOKEN=synthetic-docs-value\nDOCS_KEY=synthetic-key-value\n",
    )
    .unwrap();
    let render = |to: &str| {
        let out = Mcplint::new(&["render", "mcp-servers.json", "--to", to, "--keep-vars"])
            .isolated_in(dir.path())
            .run();
        assert_eq!(out.code, 0, "{}", out.stderr);
        out.stdout
    };
    let codex = render("codex");
    assert!(codex.contains("env_vars = [\"GITHUB_TOKEN\"]"), "{codex}");
    assert!(
        codex.contains("bearer_token_env_var = \"DOCS_TOKEN\""),
        "{codex}"
    );
    assert!(codex.contains("X-Api-Key = \"DOCS_KEY\""), "{codex}");
    assert!(!codex.contains("synthetic-"), "{codex}");
    let goose = render("goose");
    assert!(
        goose.contains("env_keys:\n      - \"GITHUB_TOKEN\""),
        "{goose}"
    );
    assert!(!goose.contains("synthetic-github-value"), "{goose}");
}
