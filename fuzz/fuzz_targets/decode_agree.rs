//! Fuzz target `decode_agree`: a shim into the oracle
//! `dvcr_protocol::fuzzing::decode_agree`, which `cargo test` also replays;
//! see fuzz/README.md.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dvcr_protocol::fuzzing::decode_agree(data));
