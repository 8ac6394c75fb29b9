//! `supply/`: where the code a server runs comes from, and whether it is pinned.

pub mod image_unpinned;
