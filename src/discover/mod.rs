//! Which files a run checks when it is not given them: every config a client recognises below
//! a folder (`check DIR`, [`tree`]), and a user's configs at each client's places for the
//! running system (`check --user`, [`user`]). Nothing here opens a config: the pipeline reads
//! what is found, and a file that cannot be read is a finding (`parse/unreadable`).

pub mod tree;
pub mod user;
