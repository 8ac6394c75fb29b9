//! `supply/known-vulnerable`: an exact version that a known advisory affects.

use crate::diagnostic::Diagnostic;
use crate::launch::package::{Source, Version};
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};

rule! {
    /// ## What it does
    /// Reports a package pinned to an exact version that a published advisory affects:
    /// `npx -y mcp-remote@0.1.15` (GHSA-6xpm-ggf7-wc3p, CVE-2025-6514, fixed in 0.1.16),
    /// `npx @modelcontextprotocol/inspector@0.14.0` (CVE-2025-49596),
    /// `@modelcontextprotocol/server-filesystem` before 2025.7.1 (CVE-2025-53109,
    /// CVE-2025-53110), `mcp-server-git` (CVE-2025-68143/68144/68145), and the other
    /// advisories shipped in mcplint: GitHub-reviewed records of the GitHub Advisory
    /// Database in the OSV format, checked offline (the list and its sources:
    /// `src/supply/advisories/README.md`). `--advisories FILE` adds records (one OSV record
    /// or an array), so a newer list needs no new release.
    ///
    /// Versions are compared as their registry does (npm: SemVer; PyPI: PEP 440), by the
    /// OSV rules for `introduced`, `fixed` and `last_affected`. Only an exact version is
    /// judged: a package without one (`npx mcp-remote`) is not reported here, since which
    /// version runs is not in the config (`supply/unpinned-package` is about that), and a
    /// range is not reported either.
    ///
    /// ## Why is this bad?
    /// The version the config pins has a published vulnerability, with a fix available in
    /// most cases: `mcp-remote` before 0.1.16 lets a malicious server run commands on the
    /// client's machine; the inspector before 0.14.1 lets a web page run commands through
    /// its proxy; the filesystem server before 2025.7.1 lets a path escape the allowed
    /// folders.
    ///
    /// ## Example
    /// ```json
    /// { "remote": { "command": "npx", "args": ["-y", "mcp-remote@0.1.15", "https://mcp.example.com/sse"] } }
    /// ```
    ///
    /// Use instead: the fixed version.
    /// ```json
    /// { "remote": { "command": "npx", "args": ["-y", "mcp-remote@0.1.16", "https://mcp.example.com/sse"] } }
    /// ```
    ///
    /// ## References
    /// - GHSA-6xpm-ggf7-wc3p (CVE-2025-6514):
    ///   <https://github.com/advisories/GHSA-6xpm-ggf7-wc3p>
    /// - GHSA-7f8r-222p-6f5g (CVE-2025-49596):
    ///   <https://github.com/advisories/GHSA-7f8r-222p-6f5g>
    /// - OSV schema and its evaluation of ranges: <https://ossf.github.io/osv-schema/>
    KNOWN_VULNERABLE, "supply/known-vulnerable", Error, "a pinned package version that a known advisory affects"
}

pub struct KnownVulnerable;

impl Check for KnownVulnerable {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&KNOWN_VULNERABLE]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        for pkg in &super::launches(cx).packages {
            let Source::Registry {
                name,
                version: Version::Exact(version),
            } = pkg.source
            else {
                continue;
            };
            let Some(verdict) = cx.advisories.check(pkg.ecosystem.osv(), name, version) else {
                continue;
            };
            let ids: Vec<String> = verdict
                .advisories
                .iter()
                .map(|a| match a.aliases.is_empty() {
                    true => a.id.clone(),
                    false => format!("{} ({})", a.id, a.aliases.join(", ")),
                })
                .collect();
            let what = match verdict.advisories.as_slice() {
                [one] if !one.summary.is_empty() => format!(": {}", one.summary.trim()),
                _ => String::new(),
            };
            let help = match (&verdict.fixed, &verdict.last_affected) {
                (Some(fixed), _) => format!(
                    "upgrade to the fixed version: {}",
                    super::write_as(cx, pkg, &pkg.pinned(fixed))
                ),
                (None, Some(last)) => format!(
                    "the advisories name no fixed version: upgrade to a release after \
                     `{last}` ({}), or stop running it",
                    super::newest(pkg, name)
                ),
                (None, None) => "the advisories name no fixed version: stop running it, or \
                                 check the advisory for a workaround"
                    .to_owned(),
            };
            let fixed = verdict
                .fixed
                .as_deref()
                .map_or_else(String::new, |f| format!("; fixed in {f}"));
            out.push(
                super::at(
                    cx,
                    &KNOWN_VULNERABLE,
                    pkg.index,
                    format!(
                        "server `{}` runs `{name}` {version}, affected by {}{what}{fixed}",
                        cx.name,
                        ids.join(" and ")
                    ),
                )
                .label(format!("{name} {version} is vulnerable"))
                .help(help),
            );
        }
    }
}
