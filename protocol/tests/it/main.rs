//! The integration tests of the protocol crate, one module per area.

mod catalog_chapters_4_8;
