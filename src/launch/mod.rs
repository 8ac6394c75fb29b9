//! What a server's command line launches, read from the resolved `command` and `args`: pure
//! parsers that the `exec/` and `supply/` rules share, knowing nothing of rules.

pub mod docker;
