//! The `dvcr` command line (clap): one subcommand per use of the harness.

mod decode;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Conformance test harness and fuzzer for the RSS 2000 management XML API.
#[derive(Debug, Parser)]
#[command(name = "dvcr", version, about)]
pub(crate) struct Cli {
    /// What to do.
    #[command(subcommand)]
    command: Command,
}

/// The subcommands of `dvcr`.
#[derive(Debug, Subcommand)]
enum Command {
    /// Decode messages from files or standard input and print their findings.
    Decode(decode::Args),
}

impl Cli {
    /// Runs the chosen subcommand and gives the process's exit code.
    pub(crate) fn run(self) -> ExitCode {
        match self.command {
            Command::Decode(args) => decode::run(&args),
        }
    }
}
