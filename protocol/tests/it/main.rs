//! Integration tests of dvcr-protocol: one binary, a module per area.

mod spec_corpus;
