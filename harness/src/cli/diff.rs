//! `dvcr diff OLD.json NEW.json`: what changed between two runs' JSON
//! reports, for comparing firmware builds.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use dvcr::report::{diff, read_json};

use super::out::{errln, out};

/// Examples shown under `dvcr diff --help`.
pub(crate) const EXAMPLES: &str = "\
Examples:
  dvcr run --target 192.0.2.10:81 --json old.json     # firmware 2.1.3
  dvcr run --target 192.0.2.10:81 --json new.json     # firmware 2.1.4
  dvcr diff old.json new.json

Prints the new failures, the fixed cases, the other changed verdicts and
the findings that appeared or went; exits 1 when the new run is worse: a
case fails it that passed or was not in the old run (failures its baseline
expects and unsupported commands its profile allows aside), or it did not
test the device at all.";

/// The options of `dvcr diff`.
#[derive(Debug, Args)]
pub(crate) struct DiffArgs {
    /// The earlier run's JSON report.
    old: PathBuf,
    /// The later run's JSON report.
    new: PathBuf,
}

/// Runs `dvcr diff`: exit 0 when the new run is no worse, 1 when it is, 2
/// when a report cannot be read.
pub(crate) fn run(args: DiffArgs) -> ExitCode {
    let reports = read_json(&args.old).and_then(|old| Ok((old, read_json(&args.new)?)));
    let (old, new) = match reports {
        Ok(reports) => reports,
        Err(error) => {
            errln!("dvcr: error: {error}");
            return ExitCode::from(super::EXIT_USAGE);
        }
    };

    let changes = diff(&old, &new);
    out!("{}", changes.text());
    if changes.is_worse() {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
