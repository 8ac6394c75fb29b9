//! `parse/too-large`: the file is over the size limit.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Reports a config larger than the size limit (64 MiB unless `--max-file-size` says
    /// otherwise); it is not read.
    ///
    /// ## Why is this bad?
    /// An MCP config is a few kilobytes; a file of that size is almost certainly not one, and
    /// reading it whole would take the memory of the machine that runs the hook.
    ///
    /// ## Example
    /// A log file passed by mistake: `mcplint check server.log.json`.
    ///
    /// Use instead: the config; or raise the limit: `--max-file-size 256` (MiB).
    TOO_LARGE, "parse/too-large", Error, "the file is over the size limit"
}

pub struct TooLarge;

impl Check for TooLarge {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&TOO_LARGE]
    }
}

/// The finding for a file of `size` bytes or more, over `limit`; it was not read.
pub fn diagnostic(id: FileId, size: u64, limit: u64) -> Diagnostic {
    Diagnostic::new(
        &TOO_LARGE,
        id,
        Span::new(0, 0),
        "",
        format!(
            "the file is {} MiB or more, over the limit of {} MiB; it was not read",
            size / (1024 * 1024),
            limit / (1024 * 1024)
        ),
    )
    .help("check the path; if this really is the config, pass `--max-file-size <MiB>`")
}
