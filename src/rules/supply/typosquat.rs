//! `supply/typosquat`: a package name that looks like a well-known MCP package's.

use crate::diagnostic::Diagnostic;
use crate::launch::package::{Ecosystem, Source};
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::supply::well_known::{self, look_alike};

rule! {
    /// ## What it does
    /// Reports a package whose name is one or two edits (Damerau-Levenshtein: a letter
    /// added, dropped, changed, or two swapped) from a well-known MCP server package and
    /// not equal to any, or that puts a well-known package under a misspelt or cut-short
    /// scope (`@modelcontext/server-github`), or writes a scoped name without its scope
    /// (`playwright-mcp` for `@playwright/mcp`).
    ///
    /// The well-known names are shipped in mcplint (the reference servers, their archived
    /// siblings, vendors' servers, proxies and SDKs; each read from its repository's
    /// manifest, sources in `src/supply/well_known.rs`). Short names need a closer match:
    /// what tells a name apart, once `mcp`, `server` and the words both names share are set
    /// aside, allows no edit under 4 characters (`mcp-server-git`), one up to 8, two beyond.
    /// Measured on the registries' name lists: 1 of 226,994 npm names and 10 of 886,323
    /// PyPI names are reported (`fastmap` for `fastmcp`, `mcp-server-fetch2`, ...).
    ///
    /// ## Why is this bad?
    /// Typosquatting is how malicious packages get run: a name one slip away from a popular
    /// one, published by someone else, runs with the same trust and the user's tokens. A
    /// misspelt name under the real scope cannot be published by others, but then either
    /// does not exist or is not the server meant.
    ///
    /// ## Example
    /// ```json
    /// { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesytem", "./data"] } }
    /// ```
    ///
    /// Use instead: the well-known name, spelt right.
    /// ```json
    /// { "fs": { "command": "npx", "args": ["-y", "@modelcontextprotocol/server-filesystem@2025.7.1", "./data"] } }
    /// ```
    ///
    /// ## References
    /// - npm, "Threats and mitigations" (typosquatting):
    ///   <https://docs.npmjs.com/threats-and-mitigations>
    /// - PyPI, typo-squatting checks on new names (PEP 541 context):
    ///   <https://peps.python.org/pep-0541/>
    TYPOSQUAT, "supply/typosquat", Warning, "a package name one or two edits from a well-known MCP package"
}

pub struct Typosquat;

impl Check for Typosquat {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&TYPOSQUAT]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        for pkg in &super::launches(cx).packages {
            let Source::Registry { name, .. } = pkg.source else {
                continue;
            };
            let ecosystem = match pkg.ecosystem {
                Ecosystem::Npm => well_known::Ecosystem::Npm,
                Ecosystem::PyPI => well_known::Ecosystem::PyPI,
                Ecosystem::Jsr => continue,
            };
            let Some(near) = look_alike(ecosystem, name) else {
                continue;
            };
            let fixed = pkg.spec.replacen(name, near.name, 1);
            out.push(
                super::at(
                    cx,
                    &TYPOSQUAT,
                    pkg.index,
                    format!(
                        "server `{}` runs `{name}`, {} the well-known `{}`: a look-alike name \
                         is how typosquatted packages get run",
                        cx.name, near.how, near.name
                    ),
                )
                .label(format!("looks like {}", near.name))
                .help(format!(
                    "if you meant the well-known package, {}; if `{name}` is the one you \
                     mean, suppress this: `// mcplint-ignore supply/typosquat: <why>` (JSONC) \
                     or `--ignore supply/typosquat`",
                    super::write_as(cx, pkg, &fixed)
                )),
            );
        }
    }
}
