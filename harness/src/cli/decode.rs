//! `dvcr decode`: reads messages from files or standard input (TPKT frames,
//! bare XML or a hex dump of either), judges each through
//! `dvcr_protocol::inspect` and prints it with its findings (spec, "General
//! Information", items 3 to 6, and each command's tables).
//!
//! Exit code 0 when nothing is an error, 1 when a message has an error
//! finding or could not be decoded (or an input held nothing to decode),
//! 2 when an input could not be read.

mod hex;
mod input;
mod json;
mod judge;
mod text;

use std::process::ExitCode;

use clap::ValueEnum;
use dvcr_protocol::decode::{DecodeOptions, Mode};
use dvcr_protocol::validate::Flow;

use input::{InputError, Source};
use judge::Judged;

use super::out::errln;

/// The exit code when some message has an error.
const EXIT_FINDINGS: u8 = 1;

/// The exit code when some input could not be read.
const EXIT_UNREADABLE: u8 = 2;

/// The arguments of `dvcr decode`.
#[derive(Debug, clap::Args)]
#[command(after_help = "\
Examples:
  dvcr decode corpus/spec/149-callandplay-command-1.tpkt
  dvcr decode --strict --json capture.bin
  xxd capture.bin | dvcr decode -")]
pub(super) struct Args {
    /// Files to decode: TPKT frames, bare XML (documents each starting on a
    /// new line) or a hex dump (plain, a C array as `xxd -i` writes it or on one
    /// line, `xxd` or `hexdump -C`); `-` reads standard input.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<String>,
    /// Print one JSON array, an object per file (an `error` on those not
    /// read or not decoded), instead of text.
    #[arg(long)]
    json: bool,
    /// Reject every deviation from XML and TPKT.
    #[arg(long, conflicts_with = "lenient")]
    strict: bool,
    /// Read through the known deviations, reporting each (the default).
    #[arg(long)]
    lenient: bool,
    /// Which way the messages travel; `auto` judges each by its first record.
    #[arg(long, value_enum, default_value_t = FlowArg::Auto)]
    flow: FlowArg,
}

/// The values of `--flow`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum FlowArg {
    /// Every message is a client's: its records must be COMMANDs.
    ToDevice,
    /// Every message is the device's: CONFIRMs or INDICATIONs.
    FromDevice,
    /// A COMMAND goes to the device, a CONFIRM or INDICATION comes from it.
    Auto,
}

impl FlowArg {
    fn flow(self) -> Option<Flow> {
        match self {
            FlowArg::ToDevice => Some(Flow::ToDevice),
            FlowArg::FromDevice => Some(Flow::FromDevice),
            FlowArg::Auto => None,
        }
    }
}

/// One input: judged, or why it could not be.
struct Report<'a> {
    name: &'a str,
    hex: bool,
    outcome: Result<Judged<'a>, &'a InputError>,
}

impl Report<'_> {
    /// Whether anything is an error: the input or a message.
    fn has_errors(&self) -> bool {
        self.outcome.as_ref().map_or(true, Judged::has_errors)
    }
}

/// Runs `dvcr decode` and gives its exit code.
pub(super) fn run(args: &Args) -> ExitCode {
    let mode = if args.strict {
        Mode::Strict
    } else {
        Mode::Lenient
    };
    let options = DecodeOptions {
        mode,
        ..DecodeOptions::LENIENT
    };

    let sources: Vec<(&str, Result<Source, InputError>)> = args
        .files
        .iter()
        .map(|name| (name.as_str(), input::read(name)))
        .collect();
    let mut unreadable = false;
    for (_, source) in &sources {
        if let Err(error) = source
            && error.is_unreadable()
        {
            errln!("dvcr decode: {error}");
            unreadable = true;
        }
    }

    let reports: Vec<Report<'_>> = sources
        .iter()
        .map(|(name, source)| Report {
            name,
            hex: source.as_ref().is_ok_and(|source| source.hex),
            outcome: source
                .as_ref()
                .map(|source| judge::judge(&source.bytes, &options, args.flow.flow())),
        })
        .collect();

    if args.json {
        json::write(&reports);
    } else {
        text::write(&reports);
    }

    if unreadable {
        return ExitCode::from(EXIT_UNREADABLE);
    }

    if reports.iter().any(Report::has_errors) {
        return ExitCode::from(EXIT_FINDINGS);
    }

    ExitCode::SUCCESS
}
