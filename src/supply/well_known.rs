//! Well-known MCP server packages (and the proxies, SDKs and tools run beside them), the names
//! `supply/typosquat` compares a package with. Each name was read from its repository's
//! package manifest (or, where noted, its README's install line), at the commit given
//! beside it: repository, path, commit. Left out of the researched list: container images
//! (not packages), `@modelcontextprotocol/server` and `@modelcontextprotocol/client` (SDK v2
//! names not found published), `awslabs.core-mcp-server` (only a README names it; not found
//! on PyPI).

use super::osv::normalise_pypi;
use Ecosystem::{Npm, PyPI};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ecosystem {
    Npm,
    PyPI,
}

/// (ecosystem, name, where the name was read).
pub const NAMES: &[(Ecosystem, &str, &str)] = &[
    (
        Npm,
        "@modelcontextprotocol/server-filesystem",
        "modelcontextprotocol/servers src/filesystem/package.json 76d64c822f5125032f89eb71dbdb94e42b434821",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-everything",
        "modelcontextprotocol/servers src/everything/package.json 76d64c822f5125032f89eb71dbdb94e42b434821",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-memory",
        "modelcontextprotocol/servers src/memory/package.json 76d64c822f5125032f89eb71dbdb94e42b434821",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-sequential-thinking",
        "modelcontextprotocol/servers src/sequentialthinking/package.json 76d64c822f5125032f89eb71dbdb94e42b434821",
    ),
    (
        PyPI,
        "mcp-server-fetch",
        "modelcontextprotocol/servers src/fetch/pyproject.toml 76d64c822f5125032f89eb71dbdb94e42b434821",
    ),
    (
        PyPI,
        "mcp-server-git",
        "modelcontextprotocol/servers src/git/pyproject.toml 76d64c822f5125032f89eb71dbdb94e42b434821",
    ),
    (
        PyPI,
        "mcp-server-time",
        "modelcontextprotocol/servers src/time/pyproject.toml 76d64c822f5125032f89eb71dbdb94e42b434821",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-puppeteer",
        "modelcontextprotocol/servers src/puppeteer/package.json 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-slack",
        "modelcontextprotocol/servers src/slack/package.json 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-brave-search",
        "modelcontextprotocol/servers src/brave-search/package.json 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-github",
        "modelcontextprotocol/servers src/github/package.json 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-gitlab",
        "modelcontextprotocol/servers src/gitlab/package.json 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-postgres",
        "modelcontextprotocol/servers src/postgres/package.json 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-google-maps",
        "modelcontextprotocol/servers src/google-maps/package.json 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-gdrive",
        "modelcontextprotocol/servers src/gdrive/package.json 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-redis",
        "modelcontextprotocol/servers src/redis/package.json 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-everart",
        "modelcontextprotocol/servers src/everart/package.json 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        Npm,
        "@modelcontextprotocol/server-aws-kb-retrieval",
        "modelcontextprotocol/servers src/aws-kb-retrieval-server/package.json 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        PyPI,
        "mcp-server-sentry",
        "modelcontextprotocol/servers src/sentry/pyproject.toml 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        PyPI,
        "mcp-server-sqlite",
        "modelcontextprotocol/servers src/sqlite/pyproject.toml 1f705677a930ec618b7a16d87d00cee7db747ff2",
    ),
    (
        Npm,
        "@modelcontextprotocol/inspector",
        "modelcontextprotocol/inspector package.json 86d5f58ec8c369839b8237455ad8b1c17b15a984",
    ),
    (
        Npm,
        "@modelcontextprotocol/sdk",
        "modelcontextprotocol/typescript-sdk package.json 9fc7e28f4823269618680b8b29d443fd4aaf9f0d",
    ),
    (
        PyPI,
        "mcp",
        "modelcontextprotocol/python-sdk pyproject.toml 57394b0548d1e2dc2dce8d67d84985769df3b8bb",
    ),
    (
        PyPI,
        "fastmcp",
        "jlowin/fastmcp pyproject.toml b14b137fddc3145d6b4abd0b3a3f1a11dfc370b0",
    ),
    (
        PyPI,
        "mcp-proxy",
        "sparfenyuk/mcp-proxy pyproject.toml a6720cc4f0bb3a09748d61207fb33f3c7c8a88e4",
    ),
    (
        Npm,
        "supergateway",
        "supercorp-ai/supergateway package.json ffd7d247161d486d5c8f15ef6a65f5492881b128",
    ),
    (
        Npm,
        "mcp-remote",
        "geelen/mcp-remote package.json d26e5a821ee7e266109f05871ecc2570d8a7054a",
    ),
    (
        Npm,
        "@smithery/cli",
        "smithery-ai/cli package.json 681f26723a69f03525379fef432309503b036c54",
    ),
    (
        Npm,
        "smithery",
        "smithery-ai/cli package.json 407ac3b33944a585357379bc213fdf1ee55464d7",
    ),
    (
        Npm,
        "mcp-hub",
        "ravitemer/mcp-hub package.json bdbd7e47dbde52f95bd4e21d6b4de64f918e57dd",
    ),
    (
        Npm,
        "@playwright/mcp",
        "microsoft/playwright-mcp package.json 7e0457a7cbf88823bf0146d12c46ae12c6818247",
    ),
    (
        Npm,
        "@executeautomation/playwright-mcp-server",
        "executeautomation/mcp-playwright package.json 2349c2891e7c499c8c07b7d78c7f3fb4c797a1da",
    ),
    (
        Npm,
        "@notionhq/notion-mcp-server",
        "makenotion/notion-mcp-server package.json 1d38420769c8a1fe2d583ff1e7d2d108d4eb0b30",
    ),
    (
        Npm,
        "@sentry/mcp-server",
        "getsentry/sentry-mcp packages/mcp-server/package.json 4a109327ef3cc3b20b36ac18edbce68d37010565",
    ),
    (
        Npm,
        "@supabase/mcp-server-supabase",
        "supabase-community/supabase-mcp packages/mcp-server-supabase/package.json 17fb90f8655ad1ce7ee320614d22eb68bb26e510",
    ),
    (
        Npm,
        "@supabase/mcp-server-postgrest",
        "supabase-community/supabase-mcp packages/mcp-server-postgrest/package.json 17fb90f8655ad1ce7ee320614d22eb68bb26e510",
    ),
    (
        Npm,
        "@stripe/mcp",
        "stripe/agent-toolkit tools/modelcontextprotocol/package.json 57599ddf4e666528da7cc1abbfc1a96ea02610f7",
    ),
    (
        Npm,
        "figma-developer-mcp",
        "GLips/Figma-Context-MCP package.json c083d65c7e002923e7cb98f4e3bdafb105e90f6d",
    ),
    (
        Npm,
        "@upstash/context7-mcp",
        "upstash/context7 packages/mcp/package.json c3248289c2ad431a9f34849a3f3d047fc4400373",
    ),
    (
        Npm,
        "ctx7",
        "upstash/context7 packages/cli/package.json c3248289c2ad431a9f34849a3f3d047fc4400373",
    ),
    (
        Npm,
        "@brave/brave-search-mcp-server",
        "brave/brave-search-mcp-server package.json 2748b47a378dc1a7e21551a8bd7726af38f65b6c",
    ),
    (
        Npm,
        "exa-mcp-server",
        "exa-labs/exa-mcp-server package.json 15ffb50519e719dc791cdc750ce5ed1934c0a1ed",
    ),
    (
        Npm,
        "firecrawl-mcp",
        "mendableai/firecrawl-mcp-server package.json 1b9c89b502a04d7c6383b20484dabdf67a326363",
    ),
    (
        Npm,
        "tavily-mcp",
        "tavily-ai/tavily-mcp package.json 7bcf90750ef5180968b78abb891eed837d9f7c20",
    ),
    (
        Npm,
        "@browserbasehq/mcp",
        "browserbase/mcp-server-browserbase package.json 1e196b3d3c4dc70944e0d19038dd9eb3608b207a",
    ),
    (
        Npm,
        "@neondatabase/mcp-server-neon",
        "neondatabase-labs/mcp-server-neon package.json 08380ceffee1aa0d9833b9dbd5b1be75b34274c0",
    ),
    (
        Npm,
        "mongodb-mcp-server",
        "mongodb-js/mongodb-mcp-server packages/mongodb-mcp-server/package.json 36a405e33817577f0c5a34d6d9479c0285fac5e4",
    ),
    (
        Npm,
        "@heroku/mcp-server",
        "heroku/heroku-mcp-server package.json de94a9c50cbf73f79210c0bf19111f96995eac4d",
    ),
    (
        Npm,
        "@azure/mcp",
        "Azure/azure-mcp eng/npm/wrapper/package.json f7a3323e24328f6502078bbcf33cec595ac2c538",
    ),
    (
        Npm,
        "server-perplexity-ask",
        "ppl-ai/modelcontextprotocol perplexity-ask/package.json 332deaf8e6f51fdcfefe0a35b6fa3b777e246038",
    ),
    (
        Npm,
        "@apify/actors-mcp-server",
        "apify/actors-mcp-server package.json 6216fa40638616c481ce401cd671a112e897e42a",
    ),
    (
        Npm,
        "slack-mcp-server",
        "korotovsky/slack-mcp-server npm/slack-mcp-server/package.json b24b1b08af740d5c710f556d45a5b8ba3acc0ebc",
    ),
    (
        Npm,
        "mcp-server-kubernetes",
        "Flux159/mcp-server-kubernetes package.json 1ece64e6a9a52b62c9d1ac39e38331a357f89666",
    ),
    (
        Npm,
        "@cyanheads/git-mcp-server",
        "cyanheads/git-mcp-server package.json 0049b5fbce2d56598bf2b34f70e4f105ee153367",
    ),
    (
        Npm,
        "ios-simulator-mcp",
        "joshuayoes/ios-simulator-mcp package.json a32f7f836393424d83b9476928da5518e178daa9",
    ),
    (
        PyPI,
        "mcp-atlassian",
        "sooperset/mcp-atlassian pyproject.toml 436b37e4854aacad0aee3ce47baafb6fdb4162a7",
    ),
    (
        PyPI,
        "redis-mcp-server",
        "redis/mcp-redis pyproject.toml 5945b0b5b098c9a1882075a161a6a58f23de81ed",
    ),
    (
        PyPI,
        "chroma-mcp",
        "chroma-core/chroma-mcp pyproject.toml 078dc678636b687f345ea64509a9fe2ec39f5b7b",
    ),
    (
        PyPI,
        "mcp-grafana",
        "grafana/mcp-grafana README.md c6e492b39f493f7e5856eb4ab419bc918b083716",
    ),
    (
        PyPI,
        "awslabs.aws-documentation-mcp-server",
        "awslabs/mcp src/aws-documentation-mcp-server/pyproject.toml 100b55b6d92f731bc8d23486ce9efd5bbf90c606",
    ),
    (
        PyPI,
        "awslabs.aws-api-mcp-server",
        "awslabs/mcp src/aws-api-mcp-server/pyproject.toml 100b55b6d92f731bc8d23486ce9efd5bbf90c606",
    ),
    (
        PyPI,
        "awslabs.aws-iac-mcp-server",
        "awslabs/mcp src/aws-iac-mcp-server/pyproject.toml 100b55b6d92f731bc8d23486ce9efd5bbf90c606",
    ),
    (
        PyPI,
        "awslabs.aws-pricing-mcp-server",
        "awslabs/mcp src/aws-pricing-mcp-server/pyproject.toml 100b55b6d92f731bc8d23486ce9efd5bbf90c606",
    ),
    (
        PyPI,
        "awslabs.dynamodb-mcp-server",
        "awslabs/mcp src/dynamodb-mcp-server/pyproject.toml 100b55b6d92f731bc8d23486ce9efd5bbf90c606",
    ),
    (
        PyPI,
        "awslabs.eks-mcp-server",
        "awslabs/mcp src/eks-mcp-server/pyproject.toml 100b55b6d92f731bc8d23486ce9efd5bbf90c606",
    ),
    (
        PyPI,
        "awslabs.cloudwatch-mcp-server",
        "awslabs/mcp src/cloudwatch-mcp-server/pyproject.toml 100b55b6d92f731bc8d23486ce9efd5bbf90c606",
    ),
    (
        PyPI,
        "awslabs.bedrock-kb-retrieval-mcp-server",
        "awslabs/mcp src/bedrock-kb-retrieval-mcp-server/pyproject.toml 100b55b6d92f731bc8d23486ce9efd5bbf90c606",
    ),
];

/// A package name that looks like a well-known one without being it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LookAlike {
    /// The well-known name.
    pub name: &'static str,
    /// How it differs, as words before the well-known name: `"1 edit away from"`, `"2 edits
    /// away from"`, `"under a look-alike scope of"`, `"the unscoped form of"`.
    pub how: &'static str,
}

/// The well-known package `name` is a look-alike of, if any: within one or two edits
/// (Damerau-Levenshtein) of it and not equal to any well-known name, the same package under
/// a misspelt or cut-short scope (`@modelcontext/server-github`), or a scoped name written
/// without its `@` and `/` (`playwright-mcp`).
///
/// How many edits count depends on what tells the names apart once `mcp`, `server`, the
/// words both share and the separators are set aside (`git` in `mcp-server-git`): under 4
/// characters none, up to 8 one, beyond that two; a scope is compared on its own.
pub fn look_alike(ecosystem: Ecosystem, name: &str) -> Option<LookAlike> {
    let norm = |n: &str| match ecosystem {
        Npm => n.to_ascii_lowercase(),
        PyPI => normalise_pypi(n),
    };
    let name = norm(name);
    let known = known_names(ecosystem);
    if known.iter().any(|k| k.norm == name) {
        return None;
    }
    let (scope, bare) = split_scope(&name);
    let (name_chars, bare_chars) = (name.chars().count(), bare.chars().count());
    // At most 2 edits ever count (`allowed`), and names whose lengths differ by more are
    // more edits apart: those skip the distance.
    let near = |a: usize, b: usize| a.abs_diff(b) <= 2;
    let mut best: Option<(usize, LookAlike)> = None;
    for k in known {
        let (k_scope, k_bare) = k.parts();
        let found = match (scope, k_scope) {
            (Some(s), Some(ks)) if s == ks => near(bare_chars, k.bare_chars)
                .then(|| strsim::damerau_levenshtein(bare, k_bare))
                .filter(|&d| d > 0 && d <= 2 && d <= allowed(k_bare, bare))
                .map(|d| (d, edits(d))),
            (Some(s), Some(ks)) if bare == k_bare && scope_look_alike(s, ks) => {
                Some((1, "under a look-alike scope of"))
            }
            (None, Some(ks))
                if name.len() == ks.len() + 1 + k_bare.len()
                    && name.starts_with(ks)
                    && name[ks.len()..].starts_with('-')
                    && name.ends_with(k_bare) =>
            {
                Some((1, "the unscoped form of"))
            }
            (None, None) => near(name_chars, k.chars)
                .then(|| strsim::damerau_levenshtein(&name, &k.norm))
                .filter(|&d| d > 0 && d <= 2 && d <= allowed(&k.norm, &name))
                .map(|d| (d, edits(d))),
            _ => None,
        };
        let original = k.original;
        if let Some((d, how)) = found
            && best.as_ref().is_none_or(|(b, _)| d < *b)
        {
            best = Some((
                d,
                LookAlike {
                    name: original,
                    how,
                },
            ));
        }
    }
    best.map(|(_, l)| l)
}

/// A well-known name, normalised once for the look-alike test.
struct Known {
    original: &'static str,
    norm: String,
    /// Characters of `norm`, and of the part after its scope.
    chars: usize,
    bare_chars: usize,
    /// Where `norm`'s scope ends (the `/` of `@scope/name`), found once: `split_scope` on
    /// every known name for every package looked up was half of this check's cost.
    slash: Option<usize>,
}

impl Known {
    /// `split_scope(&self.norm)`.
    fn parts(&self) -> (Option<&str>, &str) {
        match self.slash {
            Some(at) => (Some(&self.norm[1..at]), &self.norm[at + 1..]),
            None => (None, &self.norm),
        }
    }
}

/// The well-known names of `ecosystem`, normalised once per run.
fn known_names(ecosystem: Ecosystem) -> &'static [Known] {
    static TABLES: std::sync::LazyLock<[Vec<Known>; 2]> = std::sync::LazyLock::new(|| {
        let table = |ecosystem: Ecosystem| {
            NAMES
                .iter()
                .filter(|(e, ..)| *e == ecosystem)
                .map(|(_, n, _)| {
                    let norm = match ecosystem {
                        Npm => n.to_ascii_lowercase(),
                        PyPI => normalise_pypi(n),
                    };
                    let (scope, bare) = split_scope(&norm);
                    let (bare_chars, slash) = (bare.chars().count(), scope.map(|s| s.len() + 1));
                    Known {
                        original: n,
                        chars: norm.chars().count(),
                        bare_chars,
                        slash,
                        norm,
                    }
                })
                .collect()
        };
        [table(Npm), table(PyPI)]
    });
    &TABLES[match ecosystem {
        Npm => 0,
        PyPI => 1,
    }]
}

fn edits(d: usize) -> &'static str {
    if d == 1 {
        "1 edit away from"
    } else {
        "2 edits away from"
    }
}

fn split_scope(name: &str) -> (Option<&str>, &str) {
    match name.strip_prefix('@').and_then(|n| n.split_once('/')) {
        Some((scope, bare)) => (Some(scope), bare),
        None => (None, name),
    }
}

/// How many edits `name` may be from `known` and still count as its look-alike: it depends
/// on the words of `known` that tell it apart, those other than `mcp`, `server` and the
/// words `name` shares with it (`eks` in `awslabs.eks-mcp-server`, next to
/// `awslabs-ec2-mcp-server`).
fn allowed(known: &str, name: &str) -> usize {
    let words = |n: &'_ str| {
        n.split(['-', '_', '.'])
            .map(str::to_owned)
            .collect::<Vec<_>>()
    };
    let theirs = words(name);
    let telling: usize = words(known)
        .iter()
        .filter(|w| !matches!(w.as_str(), "mcp" | "server") && !theirs.contains(w))
        .map(String::len)
        .sum();
    match telling {
        0..=3 => 0,
        4..=8 => 1,
        _ => 2,
    }
}

/// A scope that passes for `known`: one or two edits from it, or cut short (`@modelcontext`
/// for `@modelcontextprotocol`). A longer scope that starts with it (`@azure-devops`) is
/// another owner's, not a look-alike.
fn scope_look_alike(scope: &str, known: &str) -> bool {
    let d = strsim::damerau_levenshtein(scope, known);
    (known.len() >= 5 && d <= 2) || (scope.len() >= 4 && known.starts_with(scope))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_parts_are_split_scope() {
        for e in [Npm, PyPI] {
            for k in known_names(e) {
                assert_eq!(k.parts(), split_scope(&k.norm), "{}", k.norm);
            }
        }
    }

    fn near(name: &str) -> Option<&'static str> {
        look_alike(Npm, name).map(|l| l.name)
    }

    #[test]
    fn look_alikes() {
        let fs = Some("@modelcontextprotocol/server-filesystem");
        assert_eq!(near("@modelcontextprotocol/server-filesytem"), fs);
        assert_eq!(near("@modelcontextprotocl/server-filesystem"), fs);
        assert_eq!(
            near("@modelcontext/server-github"),
            Some("@modelcontextprotocol/server-github")
        );
        assert_eq!(near("mcp-remot"), Some("mcp-remote"));
        assert_eq!(near("playwright-mcp"), Some("@playwright/mcp"));
        assert_eq!(
            look_alike(PyPI, "mcp-server-fecth").map(|l| l.name),
            Some("mcp-server-fetch")
        );
    }

    #[test]
    fn not_look_alikes() {
        // Every well-known name, exactly; PyPI's spellings of one name.
        for (e, n, _) in NAMES {
            assert_eq!(look_alike(*e, n), None, "{n}");
        }
        assert_eq!(look_alike(PyPI, "MCP_Server_Time"), None);
        // Short telling parts: only an exact match is known.
        assert_eq!(look_alike(PyPI, "mcp-server-kit"), None);
        assert_eq!(look_alike(PyPI, "awslabs-ec2-mcp-server"), None);
        assert_eq!(near("@stripe/mcq"), None);
        // Another owner's longer scope.
        assert_eq!(near("@azure-devops/mcp"), None);
        assert_eq!(near("@modelcontextprotocol/server-map"), None);
        assert_eq!(near("left-pad"), None);
    }
}
