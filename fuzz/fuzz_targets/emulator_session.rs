//! Fuzz target `emulator_session`: a shim into `dvcr::fuzzing::emulator_session`,
//! the oracle that `cargo test` also replays; see fuzz/README.md.

#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| dvcr::fuzzing::emulator_session(data));
