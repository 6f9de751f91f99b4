//! The integration tests of `dvcr-protocol`, one module per area.

mod catalog_login_system_accounts;
mod catalog_spec;
