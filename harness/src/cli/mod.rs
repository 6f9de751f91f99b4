//! The `dvcr` command line (clap): one subcommand per file of this folder.

mod decode;
mod diff;
mod emulate;
mod fuzz;
mod out;
mod run;
mod run_list;
mod send;

use std::fmt::Display;
use std::path::Path;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use self::out::errln;

/// The exit code of usage, I/O and infrastructure errors.
pub(crate) const EXIT_USAGE: u8 = 2;

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
    /// Serve an emulated RSS 2000 over TCP.
    #[command(after_help = emulate::EXAMPLES)]
    Emulate(emulate::EmulateArgs),
    /// Run the conformance suite against a device or the built-in emulator.
    #[command(after_help = run::EXAMPLES)]
    Run(run::RunArgs),
    /// Log in to a device, send it one command and print the reply.
    #[command(after_help = send::EXAMPLES)]
    Send(send::SendArgs),
    /// Compare two JSON reports of `dvcr run`.
    #[command(after_help = diff::EXAMPLES)]
    Diff(diff::DiffArgs),
    /// Fuzz a device or the built-in emulator; save findings as scenarios.
    #[command(after_help = fuzz::EXAMPLES)]
    Fuzz(fuzz::FuzzArgs),
}

impl Cli {
    /// Runs the chosen subcommand and gives the process's exit code.
    pub(crate) fn run(self) -> ExitCode {
        match self.command {
            Command::Decode(args) => decode::run(&args),
            Command::Emulate(args) => match emulate::run(args) {
                Ok(()) => ExitCode::SUCCESS,
                Err(error) => {
                    errln!("dvcr: error: {error}");
                    ExitCode::from(error.exit_code())
                }
            },
            Command::Run(args) => run::run(args),
            Command::Diff(args) => diff::run(args),
            Command::Send(args) => send::run(&args),
            Command::Fuzz(args) => fuzz::run(args),
        }
    }
}

/// Whether paths `a` and `b` name one place, as written or once resolved
/// (`run.out` and `./run.out`, a link and its file).
pub(crate) fn same_path(a: &Path, b: &Path) -> bool {
    let resolved = |path: &Path| std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    a == b || resolved(a) == resolved(b)
}

/// The password held by the environment variable `var`.
pub(crate) fn password_from_env(var: &str) -> Result<String, String> {
    std::env::var(var).map_err(|error| match error {
        std::env::VarError::NotPresent => {
            format!("environment variable {var} is not set, expected the password")
        }
        std::env::VarError::NotUnicode(_) => {
            format!("environment variable {var} is not valid UTF-8, expected the password")
        }
    })
}

/// A parser of whole numbers of at least `min` and, when given, at most
/// `max`, for clap, whose error reads `expected a whole number from 64 to
/// 65535, found "3"` rather than the bounds of the integer type.
pub(crate) fn number_in<T>(min: T, max: Option<T>) -> impl Fn(&str) -> Result<T, String> + Clone
where
    T: std::str::FromStr + PartialOrd + Copy + Display + Send + Sync + 'static,
{
    move |text: &str| {
        let range = match max {
            Some(max) => format!("a whole number from {min} to {max}"),
            None => format!("a whole number of at least {min}"),
        };
        match text.trim().parse::<T>() {
            Ok(value) if value >= min && max.is_none_or(|max| value <= max) => Ok(value),
            _ => Err(format!("expected {range}, found {text:?}")),
        }
    }
}
