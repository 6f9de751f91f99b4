//! The integration tests of `dvcr-protocol`: one binary, a module per area.

mod catalog_chapters_4_8;
mod catalog_login_system_accounts;
mod catalog_spec;
mod decode;
mod encode;
mod encode_exact;
mod errata;
mod fuzz_replay;
mod inspect;
mod lenient;
mod message;
mod properties;
mod readme;
mod spec_corpus;
mod spec_snapshots;
mod strict;
mod tpkt;
mod validate;
