//! `generic`: a file no client profile recognises, read in the merged dialect of the common
//! clients (every field and transport name one of them reads, mcplint's full grammar).

use super::model::{Client, Fact};

const MERGED: &str = "the union of the common clients' formats (see the other client files)";

/// Read the way mcplint reads its own templates: every field and transport name of the merged
/// dialect, and the full grammar.
pub static GENERIC: Client = Client {
    id: "generic",
    name: "generic (no client recognised; name it with --client)",
    files: Fact::cited(&[], MERGED),
    ..super::template::TEMPLATE_FORMAT
};
