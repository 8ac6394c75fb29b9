//! `parse/too-deep`: the config is nested more than 512 levels deep.

use crate::registry::{Rule, rule};
use crate::rules::context::Check;

rule! {
    /// ## What it does
    /// Reports a config nested more than 512 levels deep. mcplint stops there instead of
    /// risking its stack on a hostile or corrupted file.
    ///
    /// ## Why is this bad?
    /// No MCP config needs a tenth of that depth; such a file is generated wrongly, corrupted,
    /// or made to crash the tools that read it.
    ///
    /// ## Example
    /// `{"a": [[[[[[ ... ]]]]]] }` with thousands of brackets.
    ///
    /// Use instead: the flat structure of a server map.
    TOO_DEEP, "parse/too-deep", Error, "the config is nested more than 512 levels deep"
}

pub struct TooDeep;

impl Check for TooDeep {
    fn rules(&self) -> Vec<&'static Rule> {
        vec![&TOO_DEEP]
    }
}
