//! `dvcr run`: the conformance suite against a device (`--target`) or the
//! built-in emulator (`--emulate`), with verdicts per spec section and
//! JUnit, JSON and pcap reports (spec, every chapter through the suite).

use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::Args;
use dvcr::emulator::Fault;
use dvcr::report::{self, summary};
use dvcr::run::interrupt::signalled;
use dvcr::run::{
    Baseline, EXIT_INFRASTRUCTURE, Profile, RunOptions, emulate, in_run_order, matches, suite,
};
use dvcr::scenario::{Scenario, load_paths};
use tracing_subscriber::EnvFilter;

use super::out::{errln, out};

/// Examples shown under `dvcr run --help`.
pub(crate) const EXAMPLES: &str = "\
Examples:
  dvcr run --emulate
  dvcr run --emulate --fault no-indications
  dvcr run --target 192.0.2.10:81 --password-env RSS_PASSWORD --junit junit.xml
  dvcr run --target 192.0.2.10:81 --baseline known.toml --json run.json --pcap run.pcap
  dvcr run --list --filter accounts";

/// The options of `dvcr run`.
#[derive(Debug, Args)]
pub(crate) struct RunArgs {
    /// The device, as HOST:PORT (a real device listens on port 81).
    #[arg(long, value_name = "HOST:PORT", conflicts_with = "emulate", value_parser = host_port)]
    target: Option<String>,
    /// Start the built-in emulator in-process and run against it.
    #[arg(long)]
    emulate: bool,
    /// A deliberate fault for the emulator (repeatable; see `dvcr emulate
    /// --list-faults`).
    #[arg(
        long,
        value_name = "NAME",
        requires = "emulate",
        conflicts_with = "target"
    )]
    fault: Vec<Fault>,
    /// The account to log in as.
    #[arg(long, value_name = "NAME", default_value = "Administrator")]
    user: String,
    /// Read the password from this environment variable instead of a
    /// prompt; with --emulate, the password is empty without it, as the
    /// emulator's Administrator has none.
    #[arg(long, value_name = "VAR")]
    password_env: Option<String>,
    /// Scenario files or folders to run instead of the built-in suite
    /// (repeatable).
    #[arg(long, value_name = "FILE|DIR")]
    scenario: Vec<PathBuf>,
    /// Run only the scenarios whose name or section contains TEXT, or that
    /// carry the tag TEXT.
    #[arg(long, value_name = "TEXT")]
    filter: Option<String>,
    /// List what would run, and what would be skipped, without running.
    #[arg(long)]
    list: bool,
    /// Also run scenarios that send a destructive command (shutdown, setip,
    /// setos, setstacking, setcfskey, setldap, setivr, setuilogo,
    /// setvideologo): they can cut the device off, stop it, or replace what
    /// cannot be put back.
    #[arg(long)]
    allow_destructive: bool,
    /// Also run scenarios that wait out the 30-minute session timeout.
    #[arg(long)]
    long: bool,
    /// The spec version the device is held to.
    #[arg(long, value_enum, default_value_t = Profile::V2)]
    profile: Profile,
    /// Expected failures, each with a reason (TOML).
    #[arg(long, value_name = "FILE")]
    baseline: Option<PathBuf>,
    /// Write a JUnit XML report here.
    #[arg(long, value_name = "FILE")]
    junit: Option<PathBuf>,
    /// Write a JSON report here.
    #[arg(long, value_name = "FILE")]
    json: Option<PathBuf>,
    /// Write every byte exchanged as a pcap capture here.
    #[arg(long, value_name = "FILE")]
    pcap: Option<PathBuf>,
    /// The in-process emulator's session timeout, in milliseconds: short,
    /// so that session expiry is checked in seconds; raise it for your own
    /// scenarios that pause longer [default: 1500].
    #[arg(
        long,
        value_name = "MS",
        requires = "emulate",
        conflicts_with = "target",
        value_parser = super::number_in(100_u64, None)
    )]
    session_timeout_ms: Option<u64>,
    /// The longest wait for a reply, in milliseconds [default: 5000 against
    /// --target, 1000 with --emulate].
    #[arg(long, value_name = "MS", value_parser = super::number_in(1_u64, None))]
    timeout_ms: Option<u64>,
    /// Stop at the first case that fails the run; the cases not run are
    /// reported as skipped.
    #[arg(long)]
    fail_fast: bool,
    /// Draw no progress bar.
    #[arg(long)]
    quiet: bool,
}

/// Runs `dvcr run`.
pub(crate) fn run(args: RunArgs) -> ExitCode {
    match try_run(args) {
        Ok(code) => ExitCode::from(code),
        Err(error) => {
            errln!("dvcr: error: {error}");
            ExitCode::from(EXIT_INFRASTRUCTURE)
        }
    }
}

fn try_run(args: RunArgs) -> Result<u8, String> {
    let (scenarios, known) = load_scenarios(&args)?;
    let sanity = suite::sanity().map_err(|error| error.to_string())?;
    let mut options = options(&args)?;
    if args.list {
        if args.emulate {
            options.user_privilege = emulate::privilege_of(&args.user);
        }
        out!("{}", super::run_list::render(&scenarios, &options));
        return Ok(0);
    }

    let report_files = ReportFiles::check(&args)?;
    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .try_init();
    let baseline = match &args.baseline {
        Some(path) => Baseline::load(path).map_err(|error| error.to_string())?,
        None => Baseline::default(),
    };
    let unknown = baseline.unknown(&known);
    if !unknown.is_empty() {
        let path = args.baseline.as_deref().unwrap_or(Path::new("baseline"));
        return Err(format!(
            "baseline {}: names scenarios that do not exist: {}",
            path.display(),
            unknown.join(", ")
        ));
    }
    options.password = match (&args.password_env, args.emulate) {
        (Some(var), true) => super::password_from_env(var)?,
        (None, true) => String::new(),
        (_, false) => password(&args)?,
    };

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| format!("cannot start the async runtime: {error}"))?;
    let outcome = runtime.block_on(async {
        let server = if args.emulate {
            let server = emulate::start_with(&args.fault, options.session_timeout)
                .await
                .map_err(|error| format!("cannot start the emulator: {error}"))?;
            options.target = server.local_addr().to_string();
            Some(server)
        } else {
            None
        };
        let interrupt = options.interrupt.clone();
        let unwritten = report_files.created.clone();
        tokio::spawn(async move {
            if signalled().await {
                interrupt.raise();
                errln!(
                    "dvcr: interrupted: the case under way stops and runs its cleanup \
                     (at most 10 s); interrupt again to stop at once"
                );
                if signalled().await {
                    stop_now(&unwritten);
                }
            }
        });
        let outcome = dvcr::run::run(&scenarios, &sanity, &options, &baseline).await;
        if let Some(server) = server {
            server.stop().await;
        }
        Ok::<_, String>(outcome)
    })?;

    out!("{}", summary(&outcome.report));
    report_files.keep();
    if let Some(path) = &args.junit {
        report::write_junit(&outcome.report, path).map_err(|error| error.to_string())?;
    }
    if let Some(path) = &args.json {
        report::write_json(&outcome.report, path).map_err(|error| error.to_string())?;
    }
    if let Some(path) = &args.pcap {
        write_capture(path, &outcome.segments)?;
    }
    if options.interrupt.is_raised() {
        eprintln!(
            "interrupted; cleanup ran for {} scenario(s)",
            outcome.report.interrupted_cases
        );
    }
    Ok(outcome.report.exit_code)
}

/// `HOST:PORT` with a port number, for `--target`.
fn host_port(text: &str) -> Result<String, String> {
    let Some((host, port)) = text.rsplit_once(':') else {
        return Err(format!(
            "{text:?} has no port, expected HOST:PORT such as 192.0.2.10:81"
        ));
    };

    if host.is_empty() {
        return Err(format!("{text:?} has no host, expected HOST:PORT"));
    }
    port.parse::<u16>()
        .map_err(|_| format!("port {port:?} is not a number from 0 to 65535"))?;
    Ok(text.to_owned())
}

/// The scenarios selected, and the names a baseline may give: every
/// scenario loaded, and the built-in suite's too when `--scenario` chose
/// others, so that one baseline serves a suite job and a custom one.
/// Selecting none is an error.
fn load_scenarios(args: &RunArgs) -> Result<(Vec<Scenario>, Vec<String>), String> {
    let (mut scenarios, paths) = if args.scenario.is_empty() {
        let suite = suite::load().map_err(|error| error.to_string())?;
        (suite, vec![PathBuf::from(suite::SUITE_PATH)])
    } else {
        let loaded = load_paths(&args.scenario).map_err(|error| error.to_string())?;
        (loaded, args.scenario.clone())
    };
    let mut known: Vec<String> = scenarios
        .iter()
        .map(|scenario| scenario.name.clone())
        .collect();
    if !args.scenario.is_empty()
        && let Ok(suite) = suite::load()
    {
        known.extend(suite.into_iter().map(|scenario| scenario.name));
    }
    if let Some(filter) = &args.filter {
        scenarios.retain(|scenario| matches(scenario, filter));
    }
    in_run_order(&mut scenarios);
    if scenarios.is_empty() {
        let from: Vec<String> = paths
            .iter()
            .map(|path| path.display().to_string())
            .collect();
        let filter = args
            .filter
            .as_deref()
            .map(|filter| format!(" --filter {filter:?} in"))
            .unwrap_or_default();
        return Err(format!("no scenario matched{filter} {}", from.join(", ")));
    }
    Ok((scenarios, known))
}

/// Ends the process at a second interrupt, without waiting for the
/// cleanup under way or writing the reports: the user asked twice.
fn stop_now(unwritten: &[PathBuf]) -> ! {
    for path in unwritten {
        let _ = std::fs::remove_file(path);
    }
    errln!(
        "dvcr: interrupted again: stopped at once; the cleanup under way did not \
         finish, so the device may keep what that case changed; no report written"
    );
    std::process::exit(i32::from(EXIT_INFRASTRUCTURE));
}

/// Report files that `dvcr run` checked it can write before running, and
/// removes again unless the run gets as far as writing its reports.
///
/// A file that already existed is opened without truncating it, so a run
/// that stops early (a bad baseline, no password, an emulator that cannot
/// start) leaves an earlier report as it was and no empty new one behind.
struct ReportFiles {
    created: Vec<PathBuf>,
}

impl ReportFiles {
    /// Checks every report file asked for, so that one that cannot be
    /// written stops the run before any case runs.
    fn check(args: &RunArgs) -> Result<Self, String> {
        let outputs = [
            ("--junit", &args.junit),
            ("--json", &args.json),
            ("--pcap", &args.pcap),
        ];
        let mut files = ReportFiles {
            created: Vec::new(),
        };
        for (option, path) in outputs {
            let Some(path) = path else {
                continue;
            };

            let existed = path.exists();
            std::fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(false)
                .open(path)
                .map_err(|error| {
                    format!("{option} {}: cannot write there: {error}", path.display())
                })?;
            if !existed {
                files.created.push(path.clone());
            }
        }
        same_file_twice(&outputs)?;
        Ok(files)
    }

    /// The run wrote its reports: keep the files.
    fn keep(mut self) {
        self.created.clear();
    }
}

/// Refuses two report options naming one file, which the last report
/// written would overwrite; the files exist by now, so that `run.out` and
/// `./run.out` are seen to be one.
fn same_file_twice(outputs: &[(&str, &Option<PathBuf>)]) -> Result<(), String> {
    let mut seen: Vec<(&str, &Path)> = Vec::new();
    for (option, path) in outputs {
        let Some(path) = path else {
            continue;
        };

        if let Some((first, _)) = seen.iter().find(|(_, other)| super::same_path(other, path)) {
            return Err(format!(
                "{first} and {option} both name {}: each report needs its own file",
                path.display()
            ));
        }
        seen.push((option, path));
    }
    Ok(())
}

impl Drop for ReportFiles {
    fn drop(&mut self) {
        for path in &self.created {
            let _ = std::fs::remove_file(path);
        }
    }
}

fn options(args: &RunArgs) -> Result<RunOptions, String> {
    let mut options = match (&args.target, args.emulate) {
        (Some(target), false) => RunOptions::new(target.clone()),
        (None, true) => {
            let mut options = RunOptions::new("emulator");
            options.target_label = emulate::label(&args.fault);
            options.session_timeout = args
                .session_timeout_ms
                .map_or(emulate::EMULATED_SESSION_TIMEOUT, Duration::from_millis);
            options.reply_timeout = Duration::from_millis(1000);
            options
        }
        _ if args.list => RunOptions::new("(none)"),
        _ => return Err("give --target HOST:PORT or --emulate".to_owned()),
    };
    options.user = args.user.clone();
    options.allow_destructive = args.allow_destructive;
    options.long = args.long;
    options.profile = args.profile;
    options.fail_fast = args.fail_fast;
    options.quiet = args.quiet;
    if let Some(ms) = args.timeout_ms {
        options.reply_timeout = Duration::from_millis(ms);
    }
    options.described = std::env::args().skip(1).collect();
    Ok(options)
}

/// The password: from the environment variable named, or typed at a
/// prompt that does not echo it.
fn password(args: &RunArgs) -> Result<String, String> {
    if let Some(var) = &args.password_env {
        return super::password_from_env(var);
    }

    let prompt = format!("password for {} (empty for none): ", args.user);
    rpassword::prompt_password(prompt)
        .map_err(|error| format!("cannot read the password ({error}); use --password-env VAR"))
}

/// Writes the capture whole to `path`: built in memory first, so that a
/// full disk is named as such rather than through the pcap writer.
fn write_capture(path: &Path, segments: &[report::Segment]) -> Result<(), String> {
    let mut bytes = Vec::new();
    report::write_pcap(segments, &mut bytes).map_err(|error| error.to_string())?;
    std::fs::write(path, bytes).map_err(|error| format!("{}: {error}", path.display()))
}
