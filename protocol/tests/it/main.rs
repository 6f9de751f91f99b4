//! The integration tests of `dvcr-protocol`: one binary, a module per area.

mod catalog_chapters_4_8;
mod catalog_login_system_accounts;
mod catalog_spec;
mod spec_corpus;
mod tpkt;
mod validate;
