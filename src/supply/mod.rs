//! Supply-chain facts the `supply/` rules judge packages against, shipped in the binary:
//! advisories in the OSV format (`osv`, records in `advisories/`), version order in npm and
//! PyPI (`version`), and the names of well-known MCP server packages (`well_known`).

pub mod osv;
pub mod version;
pub mod well_known;
