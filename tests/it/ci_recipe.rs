//! The README's CI recipe, on a repository laid out as a clean clone: a config full of
//! `${VAR}`, a committed `.env.example`, no `.env` and no secret in the environment.

use crate::support::Mcplint;

fn repository(config: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("mcp-servers.json"), config).unwrap();
    std::fs::write(
        dir.path().join(".env.example"),
        "# Set these in .env (never committed) or as CI secrets.\nGITHUB_TOKEN=\nNOTION_TOKEN=\n",
    )
    .unwrap();
    std::fs::write(dir.path().join(".gitignore"), ".env\n").unwrap();
    dir
}

const CONFIG: &str = r#"{
  "github": {
    "command": "npx",
    "args": ["-y", "@modelcontextprotocol/server-github"],
    "env": { "GITHUB_PERSONAL_ACCESS_TOKEN": "${GITHUB_TOKEN}" }
  },
  "notion": {
    "type": "streamable-http",
    "url": "https://mcp.notion.com/mcp",
    "headers": { "Authorization": "Bearer ${NOTION_TOKEN}" }
  }
}
"#;

#[test]
fn the_ci_recipe_passes_without_secrets_and_fails_on_a_misspelt_name() {
    let dir = repository(CONFIG);
    // The README's command, as the workflow runs it.
    let run = Mcplint::new(&["check", "--no-process-env", "--format", "github"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(run.stdout.contains("env/unset-variable"), "{}", run.stdout);

    let misspelt = repository(&CONFIG.replace("${GITHUB_TOKEN}", "${GITHUB_TOKN}"));
    let run = Mcplint::new(&["check", "--no-process-env", "--format", "github"])
        .isolated_in(misspelt.path())
        .run();
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stdout.contains("env/undefined-variable"),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("GITHUB_TOKEN"),
        "did you mean: {}",
        run.stdout
    );

    // The step that needs the values says so.
    let run = Mcplint::new(&["check", "--no-process-env", "--require-set"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(run.code, 1, "{}", run.stdout);
    // And render refuses without them.
    let run = Mcplint::new(&["render", "mcp-servers.json", "--no-process-env"])
        .isolated_in(dir.path())
        .run();
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.is_empty());
}
