//! Completion.
use super::Server;
use lsp_types::{CompletionParams, CompletionResponse};

pub fn complete(_server: &Server, _p: &CompletionParams) -> Option<CompletionResponse> {
    None
}
