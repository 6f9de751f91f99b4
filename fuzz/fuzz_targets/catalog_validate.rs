//! Fuzz target `catalog_validate`: a shim into `dvcr_protocol::fuzzing::catalog_validate`, the oracle
//! that `cargo test` also replays; see fuzz/README.md.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dvcr_protocol::fuzzing::catalog_validate(data));
