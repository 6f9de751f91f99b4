//! The integration tests of `dvcr-benches`: one binary, a module per area.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

mod workloads;
