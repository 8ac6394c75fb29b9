//! Definition.
use super::Server;
use lsp_types::{GotoDefinitionParams, GotoDefinitionResponse};

pub fn definition(_server: &Server, _p: &GotoDefinitionParams) -> Option<GotoDefinitionResponse> {
    None
}
