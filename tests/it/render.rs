//! `mcplint render` and variable sources, through the binary.

use crate::support::Mcplint;

const CONFIG: &str = r#"{
  "api": {
    "type": "http",
    "url": "https://${HOST}/mcp",
    "headers": {
      "Authorization": "Bearer ${API_TOKEN}"
    }
  }
}
"#;

fn project(env: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mcp-servers.json"), CONFIG).unwrap();
    std::fs::write(dir.path().join(".env"), env).unwrap();
    dir
}

#[test]
fn renders_resolved_values_in_the_same_shape() {
    let dir = project("HOST=api.example.com\nAPI_TOKEN=synthetic-token\n");
    let r = Mcplint::new(&["render", "mcp-servers.json"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stdout,
        CONFIG
            .replace("${HOST}", "api.example.com")
            .replace("${API_TOKEN}", "synthetic-token")
    );
}

#[test]
fn process_environment_wins_unless_told_otherwise() {
    let dir = project("HOST=from-file.example.com\nAPI_TOKEN=t\n");
    let r = Mcplint::new(&["render", "mcp-servers.json"])
        .isolated_in(dir.path())
        .env("HOST", "from-env.example.com")
        .run();
    assert!(r.stdout.contains("from-env.example.com"));
    let r = Mcplint::new(&["render", "mcp-servers.json", "--no-process-env"])
        .isolated_in(dir.path())
        .env("HOST", "from-env.example.com")
        .run();
    assert!(r.stdout.contains("from-file.example.com"));
}

#[test]
fn later_env_files_win_and_replace_the_default() {
    let dir = project("HOST=default.example.com\nAPI_TOKEN=t\n");
    std::fs::write(
        dir.path().join("a.env"),
        "HOST=a.example.com\nAPI_TOKEN=a\n",
    )
    .unwrap();
    std::fs::write(dir.path().join("b.env"), "HOST=b.example.com\n").unwrap();
    let r = Mcplint::new(&[
        "render",
        "mcp-servers.json",
        "--env-file",
        "a.env",
        "--env-file",
        "b.env",
    ])
    .isolated_in(dir.path())
    .run();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("https://b.example.com/mcp"));
    assert!(r.stdout.contains("Bearer a\""));

    let r = Mcplint::new(&["check", "mcp-servers.json", "--env-file", "missing.env"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("cannot read missing.env"), "{}", r.stderr);
}

#[test]
fn an_undefined_variable_means_no_output_and_exit_1() {
    let dir = project("HOST=api.example.com\n");
    let r = Mcplint::new(&["render", "mcp-servers.json"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(r.code, 1);
    assert!(r.stdout.is_empty());
    assert!(r.stderr.contains("env/undefined-variable"));
    assert!(r.stderr.contains("API_TOKEN"));
}

#[test]
fn output_file_is_private_atomic_and_never_the_input() {
    let dir = project("HOST=api.example.com\nAPI_TOKEN=synthetic-token\n");
    let out = dir.path().join("rendered.json");
    let r = Mcplint::new(&["render", "mcp-servers.json", "-o", "rendered.json"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty());
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    assert!(
        std::fs::read_to_string(&out)
            .unwrap()
            .contains("synthetic-token")
    );

    // --check: up to date, then stale.
    let check = [
        "render",
        "mcp-servers.json",
        "-o",
        "rendered.json",
        "--check",
    ];
    assert_eq!(Mcplint::new(&check).isolated_in(dir.path()).run().code, 0);
    std::fs::write(
        dir.path().join(".env"),
        "HOST=new.example.com\nAPI_TOKEN=synthetic-token\n",
    )
    .unwrap();
    let r = Mcplint::new(&check).isolated_in(dir.path()).run();
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("stale"), "{}", r.stderr);

    // A render that fails leaves the existing output byte-identical.
    let before = std::fs::read(&out).unwrap();
    std::fs::write(dir.path().join(".env"), "HOST=x\n").unwrap();
    let r = Mcplint::new(&["render", "mcp-servers.json", "-o", "rendered.json"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(r.code, 1);
    assert_eq!(std::fs::read(&out).unwrap(), before);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with(".mcplint-render-")
        })
        .collect();
    assert!(leftovers.is_empty());

    // Rendering onto the input is refused, whatever the spelling of the path.
    let original = std::fs::read(dir.path().join("mcp-servers.json")).unwrap();
    for target in ["mcp-servers.json", "./mcp-servers.json"] {
        let r = Mcplint::new(&["render", "mcp-servers.json", "-o", target])
            .isolated_in(dir.path())
            .run();
        assert_eq!(r.code, 2, "{target}");
        assert!(r.stderr.contains("refusing"), "{}", r.stderr);
    }
    assert_eq!(
        std::fs::read(dir.path().join("mcp-servers.json")).unwrap(),
        original
    );
}

#[test]
fn redact_hides_every_secret_value() {
    let dir = project("HOST=api.example.com\nAPI_TOKEN=synthetic-token\n");
    let r = Mcplint::new(&["render", "mcp-servers.json", "--redact"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(r.code, 0);
    assert!(!r.stdout.contains("synthetic-token"));
    assert!(r.stdout.contains("\"Authorization\": \"***\""));
    assert!(r.stdout.contains("https://api.example.com/mcp"));
}

#[test]
fn values_are_not_expanded_twice() {
    let dir = project("HOST=${API_TOKEN}\nAPI_TOKEN=t\n");
    // In `.env`, `${API_TOKEN}` is a reference resolved once, like dotenv; the value that
    // results, and a value from the environment, go into the config as they are.
    let r = Mcplint::new(&["render", "mcp-servers.json", "--no-process-env"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(r.code, 1, "HOST refers to API_TOKEN before it is defined");
    let r = Mcplint::new(&["render", "mcp-servers.json"])
        .isolated_in(dir.path())
        .envs([("HOST", "${API_TOKEN}"), ("API_TOKEN", "t")])
        .run();
    assert!(
        r.stdout.contains("\"url\": \"https://${API_TOKEN}/mcp\""),
        "{}",
        r.stdout
    );
}
