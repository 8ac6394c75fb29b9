//! Hover.
use super::Server;
use lsp_types::{Hover, HoverParams};

pub fn hover(_server: &Server, _p: &HoverParams) -> Option<Hover> {
    None
}
