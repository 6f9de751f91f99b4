//! SIGINT during a run: no new step starts, the current scenario's cleanup
//! runs, the reports are written with the interrupted case marked, and the
//! run exits 2 saying so. A second SIGINT stops it at once.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use dvcr::emulator::state::State;
use dvcr::report::{INTERRUPTED, Verdict, read_json};

use crate::run_kit::emulator;

#[tokio::test(flavor = "multi_thread")]
async fn sigint_runs_the_cleanup_writes_the_reports_and_exits_2() {
    let server = emulator(&[]).await;
    let before = server.state().expect("the state reads");
    let json = report_path("int.json");
    let child = start_run(
        &server.local_addr().to_string(),
        &["long-wait.toml", "after-the-crash.toml"],
        &json,
    );
    wait_for_a_new_endpoint(&server, &before).await;
    interrupt(&child);
    let (output, waited) = wait_for(child).await;
    let after = server.state().expect("the state reads");
    server.stop().await;

    assert!(waited < Duration::from_secs(10), "{waited:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("interrupted; cleanup ran for 1 scenario(s)"),
        "{stderr}"
    );
    assert!(
        stderr.contains("interrupt again to stop at once"),
        "{stderr}"
    );
    assert_eq!(
        before.endpoints, after.endpoints,
        "the cleanup deleted the endpoint"
    );
    let report = read_json(&json).expect("the JSON report was written");
    assert_eq!(report.exit_code, 2);
    assert_eq!(report.interrupted_cases, 1);
    let waited = report.cases.iter().find(|case| case.name == "long-wait");
    let waited = waited.expect("the interrupted case is reported");
    assert_eq!(waited.verdict, Verdict::Error);
    let failure = waited
        .failure
        .as_ref()
        .expect("the interruption is its failure");
    assert_eq!(
        failure.message, INTERRUPTED,
        "what dvcr diff reads as cut short"
    );
    assert_eq!(waited.attempts, 1, "an interrupted case is not run again");
    let next = report
        .cases
        .iter()
        .find(|case| case.name == "after-the-crash");
    assert_eq!(
        next.expect("the case not run is listed").verdict,
        Verdict::Skipped
    );
}

/// A fresh path for a JSON report, in a folder of this test process.
pub(crate) fn report_path(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("dvcr-interrupt-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let json = dir.join(name);
    let _ = std::fs::remove_file(&json);
    json
}

/// Starts `dvcr run` against `target` with the fixture scenarios of
/// corpus/run-tests/ named, writing its JSON report to `json`.
pub(crate) fn start_run(
    target: &str,
    scenarios: &[&str],
    json: &std::path::Path,
) -> std::process::Child {
    start_run_with(target, scenarios, json, &[])
}

/// As [`start_run`], with `extra` arguments.
pub(crate) fn start_run_with(
    target: &str,
    scenarios: &[&str],
    json: &std::path::Path,
    extra: &[&std::ffi::OsStr],
) -> std::process::Child {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/run-tests/");
    let mut command = Command::new(env!("CARGO_BIN_EXE_dvcr"));
    command
        .args(["run", "--quiet", "--password-env", "DVCR_TEST_PASSWORD"])
        .args(["--target", target]);
    for scenario in scenarios {
        command
            .arg("--scenario")
            .arg(format!("{fixtures}{scenario}"));
    }
    command
        .arg("--json")
        .arg(json)
        .args(extra)
        .env("DVCR_TEST_PASSWORD", "")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dvcr starts")
}

/// Waits until the device holds an endpoint it did not hold `before`: the
/// case under way has made its change.
async fn wait_for_a_new_endpoint(server: &dvcr::emulator::Server, before: &State) {
    let added = Instant::now();
    while server.state().expect("the state reads").endpoints == before.endpoints {
        assert!(
            added.elapsed() < Duration::from_secs(10),
            "the endpoint never came"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
}

/// Waits for `child` to end: its output, and how long the wait took.
pub(crate) async fn wait_for(child: std::process::Child) -> (std::process::Output, Duration) {
    let clock = Instant::now();
    let output = tokio::task::spawn_blocking(move || child.wait_with_output())
        .await
        .expect("the wait joins")
        .expect("dvcr ends");
    (output, clock.elapsed())
}

pub(crate) fn interrupt(child: &std::process::Child) {
    let signalled = Command::new("kill")
        .args(["-INT", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(signalled.success());
}

#[tokio::test(flavor = "multi_thread")]
async fn a_second_sigint_stops_at_once_without_waiting_for_the_cleanup() {
    let server = emulator(&[]).await;
    let before = server.state().expect("the state reads");
    let json = report_path("twice.json");
    let child = start_run(
        &server.local_addr().to_string(),
        &["slow-cleanup.toml"],
        &json,
    );
    wait_for_a_new_endpoint(&server, &before).await;
    interrupt(&child);
    tokio::time::sleep(Duration::from_millis(500)).await;
    interrupt(&child);
    let (output, waited) = wait_for(child).await;
    server.stop().await;

    assert!(waited < Duration::from_secs(5), "{waited:?}");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains("interrupted again: stopped at once"),
        "{stderr}"
    );
    assert!(!json.exists(), "no half-written or empty report is left");
}
