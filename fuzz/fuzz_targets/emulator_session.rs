//! Fuzz target `emulator_session`: a shim into the oracle
//! `dvcr::fuzzing::emulator_session`, which `cargo test` also replays;
//! see fuzz/README.md.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dvcr::fuzzing::emulator_session(data));
