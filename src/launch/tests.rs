//! The package runners' command lines, read by `package::parse`: one test per form.

use super::package::*;

/// The packages of a command line written as words, as `(runner, index, spec, source)`.
fn run(line: &str) -> Vec<(Runner, usize, String, Source<'static>)> {
    let words: Vec<&'static str> = Box::leak(line.to_owned().into_boxed_str())
        .split(' ')
        .collect();
    let args: Vec<(usize, &str)> = words[1..].iter().copied().enumerate().collect();
    parse(words[0], &args)
        .packages
        .into_iter()
        .map(|p| (p.runner, p.index, p.spec.to_owned(), p.source))
        .collect()
}

fn reg(name: &'static str, version: Version<'static>) -> Source<'static> {
    Source::Registry { name, version }
}

fn one(line: &str) -> (Runner, usize, Source<'static>) {
    let mut all = run(line);
    assert_eq!(all.len(), 1, "{line}: {all:?}");
    let (runner, index, _, source) = all.remove(0);
    (runner, index, source)
}

#[test]
fn npx_forms() {
    let server = "@modelcontextprotocol/server-filesystem";
    assert_eq!(
        one("npx -y @modelcontextprotocol/server-filesystem /tmp"),
        (Runner::Npx, 1, reg(server, Version::Any))
    );
    assert_eq!(
        one("npx --yes mcp-remote@0.1.15 https://x"),
        (Runner::Npx, 1, reg("mcp-remote", Version::Exact("0.1.15")))
    );
    assert_eq!(
        one("npx -y pkg@1.2.3"),
        (Runner::Npx, 1, reg("pkg", Version::Exact("1.2.3")))
    );
    assert_eq!(
        one("npx @playwright/mcp@latest --headless"),
        (
            Runner::Npx,
            0,
            reg("@playwright/mcp", Version::Tag("latest"))
        )
    );
    assert_eq!(
        one("npx -y pkg@^1.2"),
        (Runner::Npx, 1, reg("pkg", Version::Range("^1.2")))
    );
    // `-p` names the package; the positional is its command.
    assert_eq!(
        one("npx -p @scope/pkg@2.0.0 pkg-bin --flag"),
        (Runner::Npx, 1, reg("@scope/pkg", Version::Exact("2.0.0")))
    );
    assert_eq!(
        one("npx --package=pkg@1 bin"),
        (Runner::Npx, 0, reg("pkg", Version::Range("1")))
    );
    assert_eq!(
        one("/usr/local/bin/npx -y pkg"),
        (Runner::Npx, 1, reg("pkg", Version::Any))
    );
    assert_eq!(one("npx.cmd -y pkg").2, reg("pkg", Version::Any));
    // A server's own flags after the package are not npx's.
    let line = parse("npx", &[(0, "pkg"), (1, "--prefer-online")]);
    assert!(line.refresh.is_empty());
    let line = parse("npx", &[(0, "--prefer-online"), (1, "-y"), (2, "pkg")]);
    assert_eq!(line.refresh[0].index, 0);
    assert!(run("npx -c some-command").is_empty());
    assert!(run("node server.js").is_empty());
}

#[test]
fn other_npm_runners() {
    assert_eq!(one("bunx pkg@1.0.0").0, Runner::Bunx);
    assert_eq!(one("bun x pkg").0, Runner::Bunx);
    assert_eq!(
        one("pnpm dlx @scope/pkg@1.0.0"),
        (
            Runner::PnpmDlx,
            1,
            reg("@scope/pkg", Version::Exact("1.0.0"))
        )
    );
    assert_eq!(one("pnpm --silent dlx pkg").1, 2);
    assert_eq!(one("pnpx pkg").0, Runner::PnpmDlx);
    assert_eq!(
        one("yarn dlx -p pkg@next bin"),
        (Runner::YarnDlx, 2, reg("pkg", Version::Tag("next")))
    );
    assert_eq!(
        one("npm exec --yes -- pkg@1.0.0 --port 1"),
        (Runner::NpmExec, 3, reg("pkg", Version::Exact("1.0.0")))
    );
    assert_eq!(one("npm x pkg").0, Runner::NpmExec);
    assert!(run("npm install pkg").is_empty());
}

#[test]
fn python_runners() {
    assert_eq!(
        one("uvx mcp-server-fetch"),
        (Runner::Uvx, 0, reg("mcp-server-fetch", Version::Any))
    );
    assert_eq!(
        one("uvx mcp-server-git@2025.9.25 --repository ."),
        (
            Runner::Uvx,
            0,
            reg("mcp-server-git", Version::Exact("2025.9.25"))
        )
    );
    assert_eq!(
        one("uvx --from mcp-server-git==2025.1.1 mcp-server-git"),
        (
            Runner::Uvx,
            1,
            reg("mcp-server-git", Version::Exact("2025.1.1"))
        )
    );
    assert_eq!(
        one("uvx --from=pkg>=1.2 pkg").2,
        reg("pkg", Version::Range(">=1.2"))
    );
    assert_eq!(
        one("uv tool run --from awslabs.core-mcp-server@latest awslabs.core-mcp-server.exe"),
        (
            Runner::UvToolRun,
            3,
            reg("awslabs.core-mcp-server", Version::Tag("latest"))
        )
    );
    assert_eq!(
        run("uv run --with mcp==1.9.0 --with httpx mcp run server.py"),
        vec![
            (
                Runner::UvRun,
                2,
                "mcp==1.9.0".into(),
                reg("mcp", Version::Exact("1.9.0"))
            ),
            (Runner::UvRun, 4, "httpx".into(), reg("httpx", Version::Any)),
        ]
    );
    // A project of this machine, not a package.
    assert!(run("uv --directory /srv/mcp/src/git run mcp-server-git").is_empty());
    assert_eq!(
        one("pipx run --spec mcp-server-time==0.6.2 mcp-server-time"),
        (
            Runner::PipxRun,
            2,
            reg("mcp-server-time", Version::Exact("0.6.2"))
        )
    );
    assert_eq!(one("pipx run mcp-server-time").1, 1);
    assert_eq!(
        one("python -m pip install git+https://github.com/o/r"),
        (
            Runner::PipInstall,
            3,
            Source::Git {
                url: "git+https://github.com/o/r",
                rev: None
            }
        )
    );
    assert_eq!(run("pip install -U a b==1").len(), 2);
}

#[test]
fn deno_specifiers() {
    assert_eq!(
        one("deno run -A npm:@scope/pkg@1.2.3/bin"),
        (
            Runner::DenoRun,
            2,
            reg("@scope/pkg", Version::Exact("1.2.3"))
        )
    );
    let line = parse("deno", &[(0, "run"), (1, "--reload"), (2, "jsr:@std/x")]);
    assert_eq!(line.packages[0].ecosystem, Ecosystem::Jsr);
    assert_eq!(line.packages[0].pinned("1.0.0"), "jsr:@std/x@1.0.0");
    assert_eq!(line.refresh[0].flag, "--reload");
    assert!(run("deno run -A server.ts").is_empty());
}

#[test]
fn wrappers() {
    assert_eq!(
        one("cmd /c npx -y @modelcontextprotocol/server-everything"),
        (
            Runner::Npx,
            3,
            reg("@modelcontextprotocol/server-everything", Version::Any)
        )
    );
    assert_eq!(one("C:\\Windows\\System32\\cmd.exe /C uvx pkg").1, 2);
    assert_eq!(one("wsl npx -y @neondatabase/mcp-server-neon start").1, 2);
    assert_eq!(one("wsl -d Ubuntu -e uvx pkg").1, 4);
    let script = parse(
        "bash",
        &[
            (0, "-c"),
            (
                1,
                "pip install git+https://h/o/r@main && npx -y 'pkg@1.0.0'",
            ),
        ],
    );
    let specs: Vec<_> = script.packages.iter().map(|p| (p.index, p.spec)).collect();
    assert_eq!(specs, vec![(1, "git+https://h/o/r@main"), (1, "pkg@1.0.0")]);
    let one_arg = parse("cmd", &[(0, "/c"), (1, "npx -y pkg")]);
    assert_eq!(one_arg.packages[0].index, 1);
}

#[test]
fn refresh_flags() {
    let flags = |line: &str| {
        let words: Vec<&str> = line.split(' ').collect();
        let args: Vec<(usize, &str)> = words[1..].iter().copied().enumerate().collect();
        let launches = parse(words[0], &args);
        launches
            .refresh
            .iter()
            .map(|r| r.flag.to_owned())
            .collect::<Vec<_>>()
    };
    assert_eq!(flags("uvx --refresh pkg"), ["--refresh"]);
    assert_eq!(
        flags("uvx --refresh-package pkg pkg"),
        ["--refresh-package"]
    );
    assert_eq!(flags("npx --prefer-online -y pkg"), ["--prefer-online"]);
    assert_eq!(flags("pipx run --no-cache pkg"), ["--no-cache"]);
    assert!(flags("uvx pkg --refresh").is_empty());
}

#[test]
fn pinned_forms() {
    let pkg = |line| parse("uvx", &[(0, line)]).packages.remove(0);
    assert_eq!(pkg("name").pinned("1.0"), "name@1.0");
    let from = parse("uvx", &[(0, "--from"), (1, "name"), (2, "name")]);
    assert_eq!(from.packages[0].pinned("1.0"), "name==1.0");
    let npx = parse("npx", &[(0, "@s/p@latest")]);
    assert_eq!(npx.packages[0].pinned("2.0.0"), "@s/p@2.0.0");
}
