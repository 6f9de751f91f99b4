//! `dvcr`: the command line of the conformance harness (see `dvcr --help`).

#![forbid(unsafe_code)]

mod cli;

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    cli::Cli::parse().run()
}
