//! `dvcr run`: the conformance suite against a device or the built-in
//! emulator (spec, every chapter through the scenarios it runs).
//!
//! - [`options`]: target, account, profile, what may run;
//! - [`destructive`]: the commands sent only with `--allow-destructive`;
//! - [`privilege`]: the cases an ordinary user cannot run;
//! - [`conn`]: the sessions of one scenario on their connections;
//! - [`step`]: carrying out and judging one step;
//! - [`case`]: one scenario, its verdict, its re-run;
//! - [`cleanup`]: a case's cleanup steps and sweeps;
//! - [`order`]: safe scenarios first, destructive ones last;
//! - [`sweep`]: deleting what a case made and its cleanup could not name;
//! - [`runner`]: the run between two sanity checks, and its exit code;
//! - [`baseline`]: expected failures with their reasons;
//! - [`emulate`]: the emulator started in-process;
//! - [`interrupt`]: the flag SIGINT and SIGTERM raise.

pub mod baseline;
pub mod case;
pub mod cleanup;
pub mod conn;
pub mod destructive;
pub mod emulate;
pub mod interrupt;
mod mask;
pub mod options;
pub mod order;
pub mod privilege;
pub mod runner;
pub mod step;
pub mod suite;
pub mod sweep;

pub use baseline::{Baseline, ExpectedFailure};
pub use interrupt::Interrupt;
pub use options::{Profile, RunOptions};
pub use order::{Risk, in_run_order};
pub use runner::{
    Disposition, EXIT_FAILURES, EXIT_INFRASTRUCTURE, EXIT_OK, RunOutcome, disposition, matches, run,
};
