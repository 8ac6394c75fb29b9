//! `config/unused-suppression`: a suppression that suppresses nothing.

use crate::diagnostic::Diagnostic;
use crate::registry::{Rule, rule};
use crate::rules::context::Check;
use crate::source::{FileId, Span};

rule! {
    /// ## What it does
    /// Notes a `// mcplint-ignore RULE: reason` comment that suppressed no finding: the rule
    /// named does not fire on the line it applies to (the next line, or its own line when the
    /// comment ends a line).
    ///
    /// ## Why is this bad?
    /// A stale suppression hides the next real finding of that rule on that line.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "api": {
    ///     "command": "node",
    ///     "env": {
    ///       // mcplint-ignore secret/generic: test fixture
    ///       "LOG_LEVEL": "debug"
    ///     }
    ///   }
    /// }
    /// ```
    ///
    /// Use instead: remove the comment.
    /// ```jsonc
    /// {
    ///   "api": {
    ///     "command": "node",
    ///     "env": {
    ///       "LOG_LEVEL": "debug"
    ///     }
    ///   }
    /// }
    /// ```
    UNUSED_SUPPRESSION, "config/unused-suppression", Info, "a suppression that suppresses nothing"
}

pub struct UnusedSuppression;

impl Check for UnusedSuppression {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&UNUSED_SUPPRESSION]
    }
}

/// A `mcplint-ignore` comment at `span` that suppressed nothing; `what` says why, e.g.
/// "names no rule".
pub fn diagnostic(file: FileId, span: Span, what: &str) -> Diagnostic {
    Diagnostic::new(
        &UNUSED_SUPPRESSION,
        file,
        span,
        "",
        format!("this `mcplint-ignore` {what}"),
    )
    .label("unused")
    .help("remove it, or name the rule id the finding shows (`mcplint-ignore RULE: reason`)")
}
