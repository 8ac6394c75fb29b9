//! Writes a generated source tree for the walk of `check DIR`:
//! `cargo run --release --example gen_tree -- FILES CONFIGS DIR`.
//! DIR gets FILES files in all, CONFIGS of them configs at the paths clients recognise
//! (`.mcp.json`, `.vscode/mcp.json`, `.codex/config.toml`, ...), spread over packages; the
//! rest are sources, docs, look-alikes no client reads (`settings.json`, `mcp.json.bak`) and a
//! `target/` folder that `.gitignore` leaves out (run `git init` in DIR for it to count).

use std::path::Path;

/// Where the configs go, in turn, the key their client reads servers from, and its name for
/// Streamable HTTP.
const CONFIGS: &[(&str, &str, &str)] = &[
    (".mcp.json", "mcpServers", "http"),
    (".vscode/mcp.json", "servers", "http"),
    (".cursor/mcp.json", "mcpServers", "http"),
    (".roo/mcp.json", "mcpServers", "streamable-http"),
    (".gemini/settings.json", "mcpServers", "http"),
    (".kiro/settings/mcp.json", "mcpServers", "http"),
    (".amazonq/mcp.json", "mcpServers", "http"),
    ("mcp-servers.json", "", "http"),
    (".codex/config.toml", "toml", ""),
    (".continue/mcpServers/docs.yaml", "yaml", ""),
];

/// The other files of a package, in turn.
const OTHERS: &[&str] = &[
    "src/lib.rs",
    "src/main.rs",
    "src/util/mod.rs",
    "src/util/strings.rs",
    "README.md",
    "settings.json",
    "docs/mcp.json.bak",
    "tests/data/config.json",
    "target/debug/build.log",
    "target/debug/deps/out.json",
];

fn write(path: &Path, text: &str) {
    std::fs::create_dir_all(path.parent().expect("a parent")).expect("create the folder");
    std::fs::write(path, text).expect("write the file");
}

fn config(key: &str, http: &str, n: usize) -> String {
    match key {
        // Codex: `[mcp_servers.NAME]` tables, no `type`.
        "toml" => {
            return format!(
                "model = \"o3\"\n\n[mcp_servers.files-{n}]\ncommand = \"node\"\n\
                 args = [\"server-{n}.js\"]\n\n[mcp_servers.docs-{n}]\n\
                 url = \"https://docs.example.com/mcp/{n}\"\n"
            );
        }
        // Continue: a block file with its list of servers.
        "yaml" => {
            return format!(
                "name: docs-{n}\nversion: 1.0.0\nschema: v1\nmcpServers:\n  - name: files-{n}\n    \
                 command: node\n    args: [\"server-{n}.js\"]\n  - name: docs-{n}\n    \
                 type: streamable-http\n    url: https://docs.example.com/mcp/{n}\n"
            );
        }
        _ => {}
    }
    let servers = format!(
        r#"{{ "files-{n}": {{ "command": "node", "args": ["server-{n}.js"] }}, "docs-{n}": {{ "type": "{http}", "url": "https://docs.example.com/mcp/{n}" }} }}"#
    );
    if key.is_empty() {
        servers + "\n"
    } else {
        format!("{{ \"{key}\": {servers} }}\n")
    }
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(files), Some(configs), Some(dir)) = (
        args.first().and_then(|a| a.parse::<usize>().ok()),
        args.get(1).and_then(|a| a.parse::<usize>().ok()),
        args.get(2),
    ) else {
        eprintln!("usage: gen_tree FILES CONFIGS DIR");
        std::process::exit(2);
    };
    let dir = Path::new(dir);
    write(&dir.join(".gitignore"), "target/\n");
    let mut written = 1;
    // One config per package, then other files until the count is reached.
    let packages = configs.max(1);
    for i in 0..configs {
        let (name, key, http) = CONFIGS[i % CONFIGS.len()];
        write(
            &dir.join(format!("pkg{i:03}/{name}")),
            &config(key, http, i),
        );
        written += 1;
    }
    let mut k = 0;
    while written < files {
        let package = k % packages;
        let round = k / packages;
        let other = OTHERS[round % OTHERS.len()];
        let path = if round < OTHERS.len() {
            format!("pkg{package:03}/{other}")
        } else {
            format!("pkg{package:03}/gen{}/{other}", round / OTHERS.len())
        };
        write(&dir.join(path), "// generated\n");
        written += 1;
        k += 1;
    }
}
