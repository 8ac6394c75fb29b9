//! What a server's resolved command line launches, read without running anything: which
//! package runner and package (`package`). Pure functions of the command and its arguments;
//! the `supply/` and `exec/` rules read them, nothing here reports.

pub mod package;
pub mod spec;

#[cfg(test)]
mod tests;
