//! mcplint: lint and render the config of an MCP hub.
//!
//! The library is the program: `main.rs` only calls [`cli::run`]. A run reads each file once
//! ([`check`]), parses it into a tree that keeps every span ([`parse`]), walks each server
//! entry once ([`tree`]), and hands the [`diagnostic::Diagnostic`]s to a printer ([`report`]).

// A rule's docs name the file an example block is (```` ```jsonc .mcplint.json ````, read by
// tests/it/rule_examples.rs); rustdoc would take the file name for a code-block attribute.
#![allow(rustdoc::invalid_codeblock_attributes)]

pub mod ascii;
pub mod cli;
pub mod clients;
pub mod convert;
pub mod diagnostic;
pub mod discover;
pub mod emit;
pub mod env;
pub mod fingerprint;
pub mod fix;
pub mod git;
pub mod hash;
pub mod launch;
pub mod lines;
pub mod lsp;
pub mod net;
pub mod oauth;
pub mod parse;
pub mod pipeline;
pub mod registry;
pub mod render;
pub mod report;
pub mod rules;
pub mod schema;
pub mod secrets;
pub mod settings;
pub mod source;
pub mod suggest;
pub mod supply;

pub mod tree;
pub mod write;
