//! `supply/latest-tag`: `@latest`, or a runner flag that resolves the package anew on every
//! start.

use crate::diagnostic::Diagnostic;
use crate::launch::package::{Source, Version};
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};

rule! {
    /// ## What it does
    /// Reports a package asked for as `@latest` (`npx @playwright/mcp@latest`,
    /// `uvx name@latest`, `--from name@latest`), and the runner flags that look the
    /// package up again on every start: npx's `--prefer-online`; uv's `--refresh`,
    /// `--refresh-package`, `--upgrade`, `--reinstall`, `--no-cache`; pipx's `--no-cache`;
    /// deno's `--reload`.
    ///
    /// **Off by default**, like `supply/unpinned-package` and for the same reason (vendor
    /// READMEs publish `@latest` lines); `--select supply/` or a severity in
    /// `.mcplint.json` turns it on, at `warning`.
    ///
    /// ## Why is this bad?
    /// A bare name is usually served from the runner's cache once installed; `@latest` and
    /// these flags ask the registry again each time the client starts the server, so a new
    /// release, or a hijacked one, runs on the next start with nobody having changed the
    /// config or looked at the release. uv documents `@latest` as the way to get the newest
    /// version instead of the cached one.
    ///
    /// ## Example
    /// ```jsonc .mcplint.json
    /// { "rules": { "supply/latest-tag": "warning" } }
    /// ```
    /// ```json
    /// { "playwright": { "command": "npx", "args": ["@playwright/mcp@latest"] } }
    /// ```
    ///
    /// Use instead: the exact version you reviewed, updated on purpose.
    /// ```jsonc .mcplint.json
    /// { "rules": { "supply/latest-tag": "warning" } }
    /// ```
    /// ```json
    /// { "playwright": { "command": "npx", "args": ["@playwright/mcp@0.0.41"] } }
    /// ```
    ///
    /// ## References
    /// - uv, `uvx name@latest` "to request the latest version" and `--refresh`:
    ///   <https://docs.astral.sh/uv/guides/tools/#requesting-specific-versions>,
    ///   <https://docs.astral.sh/uv/reference/cli/#uv-tool-run>
    /// - npm, tags and `prefer-online` ("force staleness checks for cached data"):
    ///   <https://docs.npmjs.com/cli/v10/using-npm/package-spec>,
    ///   <https://docs.npmjs.com/cli/v10/using-npm/config#prefer-online>
    LATEST_TAG, "supply/latest-tag", Warning, off, "`@latest` or a flag that resolves a package anew on every start"
}

pub struct LatestTag;

impl Check for LatestTag {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&LATEST_TAG]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let launches = super::launches(cx);
        for pkg in &launches.packages {
            let Source::Registry {
                name,
                version: Version::Tag("latest"),
            } = &pkg.source
            else {
                continue;
            };
            let pinned = pkg.pinned("<version>");
            out.push(
                super::at(
                    cx,
                    &LATEST_TAG,
                    pkg.index,
                    format!(
                        "server `{}` runs `{}` with {}: `latest` is looked up again on every \
                         start, so a new release runs unreviewed the next time the client \
                         starts",
                        cx.name,
                        pkg.spec,
                        pkg.runner.name()
                    ),
                )
                .label("resolved anew on every start")
                .help(format!(
                    "pin the version you reviewed: {} ({})",
                    super::write_as(cx, pkg, &pinned),
                    super::newest(pkg, name)
                )),
            );
        }
        for flag in &launches.refresh {
            out.push(
                super::at(
                    cx,
                    &LATEST_TAG,
                    flag.index,
                    format!(
                        "server `{}` runs {} with `{}`: the package is looked up in the \
                         registry again on every start instead of coming from the cache",
                        cx.name,
                        flag.runner.name(),
                        flag.flag
                    ),
                )
                .label("resolved anew on every start")
                .help(format!(
                    "remove `{}` from `args` and pin the package's exact version",
                    flag.flag
                )),
            );
        }
    }
}
