//! The `dvcr` command line: one subcommand per file of this folder.

mod emulate;

use std::fmt::Display;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// The exit code of usage, I/O and infrastructure errors.
pub(crate) const EXIT_USAGE: u8 = 2;

/// Conformance harness and fuzzer for the RSS 2000 management XML API.
#[derive(Debug, Parser)]
#[command(name = "dvcr", version, about)]
pub(crate) struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What `dvcr` is asked to do.
#[derive(Debug, Subcommand)]
enum Command {
    /// Serve an emulated RSS 2000 over TCP.
    #[command(after_help = emulate::EXAMPLES)]
    Emulate(emulate::EmulateArgs),
}

impl Cli {
    /// Runs the chosen subcommand and gives the process's exit code.
    pub(crate) fn run(self) -> ExitCode {
        match self.command {
            Command::Emulate(args) => finish(emulate::run(args)),
        }
    }
}

/// Exit code 0 on success; otherwise the error on one line and code 2.
fn finish<E: Display>(result: Result<(), E>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("dvcr: error: {error}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}
