//! The integration tests, as one binary (one link of the crate, one run): a module per
//! subject, the shared code in `support`.

mod support;

mod advisories;
mod bad_inputs;
mod broken_leaks;
mod ci_recipe;
mod cli;
mod discovery;
mod expansion_vs_bash;
mod fix_and_convert;
mod fixtures;
mod formats;
mod git_hygiene;
mod language_server;
mod layers;
mod limits;
mod neovim;
mod peer_vectors;
mod pre_commit;
mod properties;
mod realworld;
mod render;
mod replacements;
mod rule_examples;
mod secret_leaks;
mod secrets;
mod secrets_corpus;
mod vendor;
