//! `parse/`: the file cannot be read as the JSON a client expects.
//!
//! These rules are raised where the parser (`crate::parse`) or the walk meets the problem;
//! each file builds its own finding.

pub mod duplicate_key;
pub mod empty_file;
pub mod invalid_root;
pub mod invalid_utf8;
pub mod syntax;
pub mod too_deep;
pub mod too_large;
pub mod unreadable;

pub use duplicate_key::DUPLICATE_KEY;
pub use empty_file::EMPTY_FILE;
pub use invalid_root::INVALID_ROOT;
pub use invalid_utf8::INVALID_UTF8;
pub use syntax::SYNTAX;
pub use too_deep::TOO_DEEP;
pub use too_large::TOO_LARGE;
pub use unreadable::UNREADABLE;
