//! `supply/unpinned-source`: a package run from git or a URL without a commit or a hash.

use crate::diagnostic::Diagnostic;
use crate::launch::package::{Ecosystem, Source, is_commit};
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};

rule! {
    /// ## What it does
    /// Reports a package that a runner fetches from a git repository without naming a full
    /// commit (`npx github:owner/repo`, `npx owner/repo#main`,
    /// `npx git+https://host/owner/repo.git`, `uvx --from git+https://host/owner/repo@v1`,
    /// `pip install git+https://…`), or from an archive URL without a hash
    /// (`npx https://host/pkg.tgz`, `pip install https://host/pkg.tar.gz`).
    ///
    /// A full commit id (40 hexadecimal digits) pins a git source; a branch or a tag does
    /// not, since either can be moved to other code. An archive URL is pinned by pip's
    /// `#sha256=` fragment; npm has none, so an npm archive URL is always reported.
    ///
    /// ## Why is this bad?
    /// Registries keep a published version immutable; a branch, a tag or a URL does not
    /// promise that. Whoever can push to the repository (or serve the URL) decides what
    /// the client runs on its next install, with the user's tokens, and nothing in the
    /// config changes. Vendor READMEs do not publish such lines, so this is reported by
    /// default.
    ///
    /// ## Example
    /// ```json
    /// { "tools": { "command": "uvx", "args": ["--from", "git+https://github.com/example/mcp-tools@main", "mcp-tools"] } }
    /// ```
    ///
    /// Use instead: the full commit you reviewed.
    /// ```json
    /// { "tools": { "command": "uvx", "args": ["--from", "git+https://github.com/example/mcp-tools@0123456789abcdef0123456789abcdef01234567", "mcp-tools"] } }
    /// ```
    ///
    /// ## References
    /// - npm package specs, git URLs and `#<commit-ish>`:
    ///   <https://docs.npmjs.com/cli/v10/using-npm/package-spec#git-urls>
    /// - pip, VCS support (`@<commit>`) and hash fragments:
    ///   <https://pip.pypa.io/en/stable/topics/vcs-support/>,
    ///   <https://pip.pypa.io/en/stable/topics/secure-installs/>
    /// - uv, tools from git: <https://docs.astral.sh/uv/guides/tools/>
    UNPINNED_SOURCE, "supply/unpinned-source", Warning, "a package run from git or a URL without a commit or hash"
}

pub struct UnpinnedSource;

impl Check for UnpinnedSource {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNPINNED_SOURCE]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        for pkg in &super::launches(cx).packages {
            let runner = pkg.runner.name();
            let (message, label, fixed) = match pkg.source {
                Source::Git { rev: Some(rev), .. } if is_commit(rev) => continue,
                Source::Git { url, rev } => {
                    let sep = if pkg.ecosystem == Ecosystem::Npm {
                        '#'
                    } else {
                        '@'
                    };
                    let what = match rev {
                        Some(rev)
                            if rev.len() >= 7 && rev.bytes().all(|b| b.is_ascii_hexdigit()) =>
                        {
                            format!(
                                "at `{rev}`, an abbreviated commit: only the full id names one \
                                 commit for good"
                            )
                        }
                        Some(rev) => format!(
                            "at `{rev}`, a branch or tag: whoever moves it decides what runs \
                             at the next install"
                        ),
                        None => "without a commit: whatever the default branch holds at the \
                                 next install runs"
                            .into(),
                    };
                    let url = super::shown(url);
                    (
                        format!(
                            "server `{}` runs `{url}` from git with {runner} {what}",
                            cx.name
                        ),
                        "no commit",
                        Some(format!("{url}{sep}<commit>")),
                    )
                }
                Source::Url { hashed: false, url } => (
                    format!(
                        "server `{}` runs the archive at `{}` with {runner} without a hash: \
                         whatever the URL serves at each install",
                        cx.name,
                        super::shown(url)
                    ),
                    "no hash",
                    (pkg.ecosystem == Ecosystem::PyPI)
                        .then(|| format!("{}#sha256=<hash>", super::shown(url))),
                ),
                _ => continue,
            };
            let help = match fixed {
                Some(fixed) if label == "no commit" => format!(
                    "pin the full commit you reviewed: {} (`git ls-remote <repository> \
                     <branch>` prints a branch's commit)",
                    super::write_as(cx, pkg, &fixed)
                ),
                Some(fixed) => format!(
                    "add the archive's hash: {} (`sha256sum` of the file you reviewed)",
                    super::write_as(cx, pkg, &fixed)
                ),
                None => "run a version published to the registry (`name@1.2.3`), or a git \
                         source pinned to a full commit (`github:owner/repo#<commit>`)"
                    .to_owned(),
            };
            out.push(
                super::at(cx, &UNPINNED_SOURCE, pkg.index, message)
                    .label(label)
                    .help(help),
            );
        }
    }
}
