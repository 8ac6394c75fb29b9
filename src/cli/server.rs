//! `mcplint server`: the language server (`crate::lsp`), on stdio. Settings come from the
//! `.mcplint.json` nearest each document, as `check` finds them from its folder.

use std::process::ExitCode;

use super::args::ServerArgs;

pub(super) fn run(_args: &ServerArgs) -> ExitCode {
    match crate::lsp::run_stdio() {
        0 => ExitCode::SUCCESS,
        _ => ExitCode::from(1),
    }
}
