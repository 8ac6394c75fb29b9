//! `supply/unpinned-package`: a package run without an exact version.

use crate::diagnostic::Diagnostic;
use crate::launch::package::{Source, Version};
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};

rule! {
    /// ## What it does
    /// Reports a package that a package runner fetches and starts without an exact version:
    /// `npx -y @scope/server`, `uvx mcp-server-fetch`, `bunx`, `pnpm dlx`, `yarn dlx`,
    /// `npm exec`, `pipx run`, `uv tool run`, `uv run --with`, `deno run npm:`/`jsr:`, also
    /// behind `cmd /c` or `wsl`. A range (`@^1.2`, `>=1.0`) or a tag other than `latest`
    /// (`@next`) counts as no exact version; `@latest` is `supply/latest-tag`'s.
    ///
    /// **Off by default.** Server vendors publish exactly these lines in their READMEs, and
    /// a linter that fails every copied install line gets switched off. Not `info` either:
    /// on 168 install snippets from the READMEs of 47 servers it finds 59 packages without
    /// a version (and `supply/latest-tag` 17 more), so an `info` line would stand in almost
    /// every report and teach users to skip the list. Turn it on with
    /// `--select supply/` (or `--select supply/unpinned-package`), or with a severity in
    /// `.mcplint.json` (`"rules": {"supply/unpinned-package": "warning"}`); it then reports
    /// at `warning`.
    ///
    /// ## Why is this bad?
    /// Which code runs is decided by the registry at install time, not by the config: the
    /// first start on a new machine, or after the runner's cache is cleared, installs
    /// whatever release is newest then, with the user's tokens in its environment. A
    /// compromised or hijacked release reaches every such machine without anyone changing
    /// the config. An exact version is what a review, `supply/known-vulnerable` and a
    /// lockfile-style audit can refer to.
    ///
    /// ## Example
    /// ```jsonc .mcplint.json
    /// { "rules": { "supply/unpinned-package": "warning" } }
    /// ```
    /// ```json
    /// { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem", "./data"] } }
    /// ```
    ///
    /// Use instead: the exact version you reviewed.
    /// ```jsonc .mcplint.json
    /// { "rules": { "supply/unpinned-package": "warning" } }
    /// ```
    /// ```json
    /// { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "./data"] } }
    /// ```
    ///
    /// ## References
    /// - npm package specs (`name@version`, ranges, tags):
    ///   <https://docs.npmjs.com/cli/v10/using-npm/package-spec>
    /// - uv, requesting a tool's version (`uvx name@1.2.3`, `--from 'name==1.2.3'`):
    ///   <https://docs.astral.sh/uv/guides/tools/#requesting-specific-versions>
    /// - MCP specification, Security Best Practices, "Local MCP Server Compromise":
    ///   <https://modelcontextprotocol.io/specification/draft/basic/security_best_practices>
    UNPINNED_PACKAGE, "supply/unpinned-package", Warning, off, "a package run without an exact version"
}

pub struct UnpinnedPackage;

impl Check for UnpinnedPackage {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNPINNED_PACKAGE]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        for pkg in &super::launches(cx).packages {
            let Source::Registry { name, version } = &pkg.source else {
                continue;
            };
            let what = match version {
                Version::Any => "without a version".to_owned(),
                Version::Range(r) => format!("with the range `{r}`, not an exact version"),
                Version::Tag(t) if *t != "latest" => {
                    format!("with the tag `{t}`, not an exact version")
                }
                _ => continue,
            };
            let pinned = pkg.pinned("<version>");
            out.push(
                super::at(
                    cx,
                    &UNPINNED_PACKAGE,
                    pkg.index,
                    format!(
                        "server `{}` runs `{name}` with {} {what}: each new install takes \
                         whatever release the registry has then",
                        cx.name,
                        pkg.runner.name()
                    ),
                )
                .label("no exact version")
                .help(format!(
                    "pin the version you reviewed: {} ({})",
                    super::write_as(cx, pkg, &pinned),
                    super::newest(pkg, name)
                )),
            );
        }
    }
}
