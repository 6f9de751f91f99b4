//! Fuzz target `message_roundtrip`: a shim into the oracle
//! `dvcr_protocol::fuzzing::message_roundtrip`, which `cargo test` also replays;
//! see fuzz/README.md.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dvcr_protocol::fuzzing::message_roundtrip(data));
