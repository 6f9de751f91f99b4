//! Fuzz target `message_decode`: a shim into the oracle
//! `dvcr_protocol::fuzzing::message_decode`, which `cargo test` also replays;
//! see fuzz/README.md.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dvcr_protocol::fuzzing::message_decode(data));
