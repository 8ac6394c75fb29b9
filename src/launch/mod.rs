//! What a server's resolved command line launches, read without running anything: which
//! package runner and package (`package`, `spec`), which container and with which options
//! (`docker`). Pure functions of the command and its arguments, shared by the `exec/` and
//! `supply/` rules; nothing here reports.

pub mod docker;
pub mod package;
pub mod spec;

#[cfg(test)]
mod tests;
