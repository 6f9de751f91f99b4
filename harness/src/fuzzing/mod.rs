//! The oracle of the `emulator_session` fuzz target, and of the replay of
//! its corpus by `cargo test` (spec, all chapters, through the emulated
//! device).
//!
//! An oracle returns normally whatever the device answers, as long as the
//! answer keeps the protocol's invariants, and panics only when one
//! breaks: a panic is a finding, which is how a fuzzer learns of it.

#![expect(
    clippy::panic,
    reason = "an oracle reports a broken invariant by panicking, so that a fuzzer sees it"
)]

mod commands;
mod emulator_session;

pub use emulator_session::{MAX_STEPS, emulator_session};
