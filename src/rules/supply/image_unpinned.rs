//! `supply/image-unpinned`: a `docker run` server whose image has no tag or digest, or
//! `:latest`.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::{Check, EntryContext, Hooks};
use crate::rules::exec::at_arg;

rule! {
    /// ## What it does
    /// Reports a server started with `docker run` (or `podman run`, `nerdctl run`) whose
    /// image has neither a tag nor a digest (`mcp/fetch`), or the tag `latest`. A version
    /// tag (`mcp/fetch:1.2.0`) or a digest (`mcp/fetch@sha256:…`) is not reported.
    ///
    /// **Off by default**, like `supply/unpinned-package` and `supply/latest-tag`: turn it on
    /// where images must be pinned, with `--select supply/` or a severity in `.mcplint.json`
    /// (`{"rules": {"supply/image-unpinned": "warning"}}`).
    ///
    /// ## Why is this bad?
    /// An image without a tag is `latest`, and `latest` is whatever the publisher pushed last:
    /// the first start pulls the newest, later starts run what is cached (or the newest again
    /// with `--pull=always`), so two machines with the same config run different code, and a
    /// compromised publisher account reaches every user at their next pull. A digest names
    /// one image for good. It is off by default because the vendors' own READMEs publish
    /// exactly these lines (`ghcr.io/github/github-mcp-server`, `mcp/fetch`,
    /// `mongodb/mongodb-mcp-server:latest`), and a linter that fails every copied snippet
    /// gets switched off.
    ///
    /// ## Example
    /// ```jsonc .mcplint.json
    /// { "rules": { "supply/image-unpinned": "warning" } }
    /// ```
    /// ```json
    /// {
    ///   "fetch": { "command": "docker", "args": ["run", "-i", "--rm", "mcp/fetch:latest"] }
    /// }
    /// ```
    ///
    /// Use instead: a version tag, or a digest (`docker images --digests` shows it).
    /// ```jsonc .mcplint.json
    /// { "rules": { "supply/image-unpinned": "warning" } }
    /// ```
    /// ```json
    /// {
    ///   "fetch": {
    ///     "command": "docker",
    ///     "args": ["run", "-i", "--rm", "mcp/fetch@sha256:3f7e1c0a5b9d2e4f6a8c0b1d3e5f7a9c1b3d5e7f9a1c3e5b7d9f1a3c5e7b9d1f3"]
    ///   }
    /// }
    /// ```
    ///
    /// ## References
    /// - Docker, `docker image pull`, "Pull an image by digest (immutable identifier)":
    ///   <https://docs.docker.com/reference/cli/docker/image/pull/#pull-an-image-by-digest-immutable-identifier>
    /// - Docker, Build best practices, "Pin base image versions":
    ///   <https://docs.docker.com/build/building/best-practices/#pin-base-image-versions>
    /// - MCP docs, Local server security (know where each server comes from and pin its
    ///   version): <https://modelcontextprotocol.io/docs/draft/tutorials/security/local-server-security>
    /// - OpenSSF Scorecard, "Pinned-Dependencies":
    ///   <https://github.com/ossf/scorecard/blob/main/docs/checks.md#pinned-dependencies>
    IMAGE_UNPINNED, "supply/image-unpinned", Warning, off, "a docker run server whose image has no tag or digest, or :latest"
}

pub struct ImageUnpinned;

impl Check for ImageUnpinned {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&IMAGE_UNPINNED]
    }

    fn hooks(&self) -> Hooks {
        Hooks::ENTRY
    }

    fn entry(&self, cx: &EntryContext, out: &mut Vec<Diagnostic>) {
        let Some(image) = cx.docker_run().and_then(|run| run.image.as_ref()) else {
            return;
        };
        if image.digest.is_some() {
            return;
        }
        let what = match image.tag {
            None => "has no tag, so it is `latest`",
            Some(t) if t.eq_ignore_ascii_case("latest") => "is `latest`",
            Some(_) => return,
        };
        out.push(
            at_arg(
                cx,
                &IMAGE_UNPINNED,
                image.index,
                format!(
                    "the image `{}` of server `{}` {what}: whatever the publisher had pushed last \
                     when it was pulled",
                    image.text, cx.name
                ),
            )
            .label("not pinned")
            .help(format!(
                "pin a version tag (`{0}:<version>`) or, to pin the bytes, a digest \
                 (`{0}@sha256:…`, shown by `docker images --digests {0}`)",
                image.name
            )),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::launch::docker::Image;

    #[test]
    fn what_counts_as_pinned() {
        assert!(Image::parse("mcp/fetch", 0).tag.is_none());
        assert!(Image::parse("mcp/fetch@sha256:ab", 0).digest.is_some());
    }
}
