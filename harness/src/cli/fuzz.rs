//! `dvcr fuzz`: fuzz a live device (`--target`) or the built-in emulator
//! (`--emulate`) over the management protocol, minimize what it finds and
//! save each finding as a scenario that `dvcr run --scenario` replays (spec,
//! every command's parameter table; see the README's "Network fuzzing").

use std::fs::OpenOptions;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use clap::Args;
use dvcr::client::Login;
use dvcr::emulator::Fault;
use dvcr::netfuzz::minimize::Limits;
use dvcr::netfuzz::oracle::Strictness;
use dvcr::netfuzz::progress::counted;
use dvcr::netfuzz::{FuzzConfig, FuzzError, Summary, Target, fuzz};
use dvcr::run::Interrupt;
use dvcr::run::interrupt::signalled;
use tracing_subscriber::EnvFilter;

use super::EXIT_USAGE;
use super::out::{errln, outln};

/// Examples shown under `dvcr fuzz --help`.
pub(crate) const EXAMPLES: &str = "\
Examples:
  dvcr fuzz --emulate --fault panic-on-bad-index --seed 1 --cases 500
  dvcr fuzz --target 192.0.2.10:81 --password-env RSS_PASSWORD --duration 3600 \\
      --json fuzz.json --out findings/
  dvcr run --emulate --fault panic-on-bad-index --scenario dvcr-findings/crash-s1-c52.toml

SIGINT or SIGTERM stops the run at once, the case in flight abandoned: the
summary is printed and the JSON written (marked interrupted), with the exit
code of what was found so far (2 when no case had run yet).

Exit codes: 0 nothing found, 1 findings, 2 usage or connection errors (a
device that answers no login within --timeout-ms included).";

/// The options of `dvcr fuzz`.
#[derive(Debug, Args)]
pub(crate) struct FuzzArgs {
    /// The device, as HOST:PORT; the only address the fuzzer connects to.
    #[arg(long, value_name = "HOST:PORT", conflicts_with = "emulate")]
    target: Option<String>,
    /// Fuzz the built-in emulator, started in-process.
    #[arg(long)]
    emulate: bool,
    /// A deliberate fault for the emulator (repeatable; see `dvcr emulate
    /// --list-faults`); only with --emulate.
    #[arg(long, value_name = "NAME")]
    fault: Vec<Fault>,
    /// The account to log in as.
    #[arg(long, value_name = "NAME", default_value = "Administrator")]
    user: String,
    /// Read the password from this environment variable; without it the
    /// password is empty.
    #[arg(long, value_name = "VAR")]
    password_env: Option<String>,
    /// The seed of the cases: the same seed gives the same cases.
    #[arg(long, value_name = "N", default_value_t = 0)]
    seed: u64,
    /// Bound the whole run, minimization included, to this many seconds
    /// (60 when neither bound is given): no case or minimization attempt
    /// starts after it; the one in flight ends within --timeout-ms, and a
    /// --recovery wait after a crash is not cut short.
    #[arg(long, value_name = "SECONDS", value_parser = super::number_in(1_u64, None))]
    duration: Option<u64>,
    /// Stop after this many cases.
    #[arg(long, value_name = "N", value_parser = super::number_in(1_u64, None))]
    cases: Option<u64>,
    /// Wait this long for a reply before calling the device hung.
    #[arg(long, value_name = "MS", default_value_t = 2000,
          value_parser = super::number_in(1_u64, None))]
    timeout_ms: u64,
    /// Save reproducers in this folder.
    #[arg(long, value_name = "DIR", default_value = "dvcr-findings")]
    out: PathBuf,
    /// Write the JSON summary here.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// The most cases run to minimize one finding (0: save it as found).
    #[arg(long, value_name = "N", default_value_t = 64)]
    minimize_attempts: usize,
    /// The longest time spent minimizing one finding.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    minimize_time: u64,
    /// Stop after this many distinct findings.
    #[arg(long, value_name = "N", default_value_t = 10,
          value_parser = super::number_in(1_usize, None))]
    max_findings: usize,
    /// Also send the commands dvcr run counts as destructive: shutdown,
    /// setip, setos, setstacking, setcfskey, setldap, setivr, setuilogo
    /// and setvideologo.
    #[arg(long)]
    allow_destructive: bool,
    /// How long to wait for a live device to come back after a finding,
    /// or after a case sent a command that may cut it off.
    #[arg(long, value_name = "SECONDS", default_value_t = 60)]
    recovery: u64,
    /// Count every error finding of the catalog as a protocol violation,
    /// not only those about the shape of replies (bad values the device
    /// stores and shows back included).
    #[arg(long)]
    strict_catalog: bool,
    /// Draw no progress line.
    #[arg(long)]
    quiet: bool,
}

/// Runs `dvcr fuzz`.
pub(crate) fn run(args: FuzzArgs) -> ExitCode {
    match try_run(args) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            errln!("dvcr: error: {error}");
            ExitCode::from(EXIT_USAGE)
        }
    }
}

fn try_run(args: FuzzArgs) -> Result<u8, String> {
    if args.target.is_some() && !args.fault.is_empty() {
        return Err("--fault needs --emulate: a live --target runs without faults".to_owned());
    }

    let mut config = config(&args)?;
    if let Some(path) = args
        .json
        .as_deref()
        .filter(|json| super::same_path(json, &args.out))
    {
        return Err(format!(
            "--json and --out both name {}: the summary is a file, the findings a folder",
            path.display()
        ));
    }
    writable_dir("--out", &args.out)?;
    if let Some(path) = &args.json {
        writable_file("--json", path)?;
    }
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("off"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| format!("cannot start the async runtime: {error}"))?;
    let interrupt = Interrupt::new();
    config.interrupt = Some(interrupt.clone());
    let summary = runtime.block_on(async {
        tokio::spawn(async move {
            if signalled().await {
                interrupt.raise();
            }
        });
        let mut target = match (&args.target, args.emulate) {
            (Some(addr), false) => Target::live(addr.clone(), Duration::from_secs(args.recovery)),
            (None, true) => Target::emulated(&args.fault, config.seed)
                .await
                .map_err(|error| format!("cannot start the emulator: {error}"))?,
            _ => return Err("give --target HOST:PORT or --emulate".to_owned()),
        };
        let started = Instant::now();
        let fuzzed = fuzz(&config, &mut target).await;
        target.stop().await;
        Ok(fuzzed.map_err(|error| (error, started.elapsed())))
    })?;
    let summary = match summary {
        Ok(summary) => summary,
        Err((error, elapsed)) => {
            if let Some(path) = &args.json {
                unfuzzed(&error, config.seed, elapsed)
                    .write_json(path)
                    .map_err(|json| format!("{error}; cannot write {}: {json}", path.display()))?;
            }
            return Err(error.to_string());
        }
    };

    outln!(
        "{} in {:.1} s ({:.0}/s), seed {}, {}{}",
        counted(summary.cases, "case", "cases"),
        summary.duration_ms as f64 / 1000.0,
        summary.cases_per_second,
        summary.seed,
        counted(summary.findings.len() as u64, "finding", "findings"),
        if summary.interrupted {
            ", interrupted"
        } else {
            ""
        }
    );
    for finding in &summary.findings {
        let saved = match (&finding.reproducer, &finding.not_saved) {
            (Some(path), _) => path.clone(),
            (None, Some(why)) => format!("(not saved: {why})"),
            (None, None) => "(not saved)".to_owned(),
        };
        outln!(
            "  {} at case {}: {}\n    {saved}",
            finding.kind,
            finding.case,
            finding.detail
        );
    }
    for error in &summary.errors {
        outln!("  error: {error}");
    }
    if let Some(path) = &args.json {
        summary
            .write_json(path)
            .map_err(|error| format!("cannot write {}: {error}", path.display()))?;
    }
    Ok(summary.exit_code)
}

/// The summary of a run that stopped before its first case: `error` its
/// only entry, exit code 2.
fn unfuzzed(error: &FuzzError, seed: u64, elapsed: Duration) -> Summary {
    Summary {
        target: error.target.clone(),
        seed,
        duration_ms: u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX),
        errors: vec![error.to_string()],
        exit_code: 2,
        ..Summary::default()
    }
}

/// Fails unless files can be created in folder `dir`; a folder made for
/// the check is removed again, so that a run that finds nothing leaves
/// nothing behind.
fn writable_dir(option: &str, dir: &Path) -> Result<(), String> {
    let unwritable =
        |error: std::io::Error| format!("{option} {}: cannot write there: {error}", dir.display());
    if dir.exists() && !dir.is_dir() {
        return Err(format!(
            "{option} {}: not a folder, expected a folder to save findings in",
            dir.display()
        ));
    }

    let made = dir
        .ancestors()
        .take_while(|folder| !folder.as_os_str().is_empty() && !folder.exists())
        .last()
        .map(Path::to_path_buf);
    std::fs::create_dir_all(dir).map_err(unwritable)?;
    let probe = dir.join(format!(".dvcr-write-check-{}", std::process::id()));
    let written = std::fs::write(&probe, b"");
    let _ = std::fs::remove_file(&probe);
    if let Some(folder) = made {
        let _ = std::fs::remove_dir_all(folder);
    }
    written.map_err(unwritable)
}

/// Fails unless file `path` can be written; an existing file is left as
/// it is, a new one is not left behind.
fn writable_file(option: &str, path: &Path) -> Result<(), String> {
    let existed = path.exists();
    let opened = OpenOptions::new().append(true).create(true).open(path);
    if let Err(error) = opened {
        return Err(format!(
            "{option} {}: cannot write there: {error}",
            path.display()
        ));
    }

    if !existed {
        let _ = std::fs::remove_file(path);
    }
    Ok(())
}

fn config(args: &FuzzArgs) -> Result<FuzzConfig, String> {
    let mut config = FuzzConfig::new(args.seed);
    config.cases = args.cases;
    config.duration = match (args.duration, args.cases) {
        (Some(seconds), _) => Some(Duration::from_secs(seconds)),
        (None, Some(_)) => None,
        (None, None) => Some(Duration::from_secs(60)),
    };
    let password = match &args.password_env {
        Some(var) => super::password_from_env(var)?,
        None => String::new(),
    };
    config.login = Login::new(args.user.clone(), password);
    config.reply_timeout = Duration::from_millis(args.timeout_ms);
    config.out = args.out.clone();
    config.minimize = (args.minimize_attempts > 0).then_some(Limits {
        attempts: args.minimize_attempts,
        time: Duration::from_secs(args.minimize_time),
    });
    config.max_findings = args.max_findings.max(1);
    config.allow_destructive = args.allow_destructive;
    config.strictness = if args.strict_catalog {
        Strictness::Catalog
    } else {
        Strictness::Shape
    };
    config.quiet = args.quiet;
    Ok(config)
}
