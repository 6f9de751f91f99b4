//! `dvcr fuzz` against the in-process emulator: each deliberate fault found
//! from a fixed seed, minimized, and saved as a scenario that `dvcr run`
//! replays to the same failure; a fault-free emulator gives no finding.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dvcr::emulator::Fault;
use dvcr::netfuzz::{FuzzConfig, Kind, Summary, Target, fuzz};
use dvcr::report::{RunReport, Verdict};
use dvcr::run::{Baseline, RunOptions, emulate, suite};
use dvcr::scenario::load_file;

/// The seed every test fuzzes with.
const SEED: u64 = 1;

/// The brief's bound: each fault is found well within this.
const MINUTE: Duration = Duration::from_secs(60);

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dvcr-netfuzz-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

/// A run of at most `cases` cases that calls the device hung after
/// `timeout_ms` without a reply.
fn config(out: &Path, cases: u64, timeout_ms: u64) -> FuzzConfig {
    let mut config = FuzzConfig::new(SEED);
    config.cases = Some(cases);
    config.duration = Some(MINUTE);
    config.reply_timeout = Duration::from_millis(timeout_ms);
    config.max_findings = 1;
    config.out = out.to_path_buf();
    config
}

async fn fuzz_emulator(faults: &[Fault], config: &FuzzConfig) -> (Summary, Duration) {
    let mut target = Target::emulated(faults, SEED)
        .await
        .expect("emulator starts");
    let started = Instant::now();
    let summary = fuzz(config, &mut target)
        .await
        .expect("the emulator can be fuzzed");
    let took = started.elapsed();
    target.stop().await;
    (summary, took)
}

/// Replays `file` with `dvcr run`'s runner against a fresh emulator with
/// `faults`.
pub(crate) async fn replay(file: &str, faults: &[Fault]) -> RunReport {
    let scenario = load_file(Path::new(file)).expect("the reproducer loads");
    let server = emulate::start(faults).await.expect("emulator starts");
    let mut options = RunOptions::new(server.local_addr().to_string());
    options.reply_timeout = Duration::from_millis(1000);
    let sanity = suite::sanity().expect("the sanity scenario loads");
    let outcome = dvcr::run::run(&[scenario], &sanity, &options, &Baseline::default()).await;
    server.stop().await;
    outcome.report
}

fn reproducer(summary: &Summary) -> String {
    let finding = summary.findings.first().expect("one finding");
    finding.reproducer.clone().expect("a reproducer was saved")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_crash_fault_is_found_within_a_minute_and_dvcr_run_replays_it() {
    let out = out_dir("crash");
    let (summary, took) = fuzz_emulator(&[Fault::PanicOnBadIndex], &config(&out, 2000, 1000)).await;

    assert!(took < MINUTE, "took {took:?}");
    assert_eq!(summary.exit_code, 1);
    let finding = summary.findings.first().expect("one finding");
    assert_eq!(finding.kind, Kind::Crash);
    assert_eq!(finding.seed, SEED);
    assert_eq!(finding.minimized_steps, 1, "{finding:?}");

    let file = reproducer(&summary);
    let text = std::fs::read_to_string(&file).expect("the reproducer reads");
    assert!(text.contains("<INDEX value="), "{text}");
    assert_eq!(
        text.matches(" value=\"").count(),
        1,
        "the fields the crash does not need are cut: {text}"
    );
    let report = replay(&file, &[Fault::PanicOnBadIndex]).await;
    assert_eq!(report.exit_code, 1);
    assert!(report.device_broke, "the replay must crash the device");
    let case = report.cases.first().expect("the reproducer ran");
    assert_eq!(case.verdict, Verdict::Fail, "{case:?}");
    let failure = case.failure.as_ref().expect("the crash is the failure");
    assert!(
        !failure.message.contains("Connection refused"),
        "the re-run must not hide the crash: {failure:?}"
    );

    let healthy = replay(&file, &[]).await;
    assert_eq!(
        healthy.exit_code, 0,
        "a device without the fault passes the reproducer"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_hang_fault_is_found_within_a_minute_and_dvcr_run_replays_it() {
    let out = out_dir("hang");
    let (summary, took) =
        fuzz_emulator(&[Fault::HangOnLongSourcename], &config(&out, 2000, 500)).await;

    assert!(took < MINUTE, "took {took:?}");
    assert_eq!(summary.exit_code, 1);
    let finding = summary.findings.first().expect("one finding");
    assert_eq!(finding.kind, Kind::Hang);
    assert_eq!(finding.minimized_steps, 1, "{finding:?}");

    let file = reproducer(&summary);
    let text = std::fs::read_to_string(&file).expect("the reproducer reads");
    assert!(text.contains("<SOURCENAME value=\"ttttt"), "{text}");
    let report = replay(&file, &[Fault::HangOnLongSourcename]).await;
    assert_eq!(report.exit_code, 1);
    let case = report.cases.first().expect("the reproducer ran");
    assert_eq!(case.verdict, Verdict::Fail, "{case:?}");
    let failure = case.failure.as_ref().expect("the failure is described");
    assert!(failure.message.contains("timed out"), "{failure:?}");

    let healthy = replay(&file, &[]).await;
    assert_eq!(
        healthy.exit_code, 0,
        "a device without the fault passes the reproducer"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_bounded_run_against_the_emulator_without_faults_finds_nothing() {
    let out = out_dir("clean");
    let (summary, _) = fuzz_emulator(&[], &config(&out, 300, 2000)).await;

    assert_eq!(summary.cases, 300);
    assert!(summary.findings.is_empty(), "{:?}", summary.findings);
    assert!(summary.errors.is_empty(), "{:?}", summary.errors);
    assert_eq!(summary.exit_code, 0);
    assert!(!out.exists(), "nothing is saved when nothing is found");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_target_that_refuses_connections_is_an_error_before_any_case() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    let mut target = Target::live(addr.to_string(), Duration::ZERO);

    let error = fuzz(&config(&out_dir("refused"), 10, 500), &mut target).await;

    assert!(error.is_err());
}
