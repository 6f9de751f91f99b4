//! A run leaves the device as it found it: every scenario of the suite
//! cleans up what it adds (users, endpoints, groups, rooms, archives,
//! settings).

use dvcr::emulator::Fault;
use dvcr::report::Verdict;
use dvcr::run::Baseline;

use crate::run_infrastructure::whole_suite;
use crate::run_kit::{case, emulator, options, run_with, scenario};

#[tokio::test(flavor = "multi_thread")]
async fn the_suite_leaves_the_emulator_state_as_it_found_it() {
    let server = emulator(&[]).await;
    let before = server.state().expect("the state reads");
    let sessions_before = server.session_count();
    let sanity = dvcr::run::suite::sanity().expect("the sanity scenario parses");
    let outcome = dvcr::run::run(
        &whole_suite(),
        &sanity,
        &options(&server),
        &Baseline::default(),
    )
    .await;
    let after = server.state().expect("the state reads");
    let sessions_after = server.session_count();
    server.stop().await;

    assert_eq!(
        outcome.report.exit_code, 0,
        "{:?}",
        outcome.report.infrastructure_error
    );
    assert_eq!(before.users, after.users);
    assert_eq!(before.endpoints, after.endpoints);
    assert_eq!(before.groups, after.groups);
    assert_eq!(before.rooms, after.rooms);
    assert_eq!(before.media, after.media, "no archive is left behind");
    assert_eq!(before.settings, after.settings);
    assert_eq!(before, after);
    assert_eq!(sessions_after, sessions_before, "no session is left behind");
}

/// The suite's cases that record, call or add rooms.
fn recording_cases() -> Vec<dvcr::scenario::Scenario> {
    let names = [
        "quick-record-then-hangup",
        "room-record-state-machine",
        "call-and-play-then-hangup",
    ];
    whole_suite()
        .into_iter()
        .filter(|scenario| names.contains(&scenario.name.as_str()))
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_recording_case_that_fails_before_reading_the_archive_id_leaves_no_archive() {
    let server = emulator(&[Fault::NoIndications]).await;
    let before = server.state().expect("the state reads");
    let sanity = dvcr::run::suite::sanity().expect("the sanity scenario parses");
    let cases = recording_cases();
    assert_eq!(cases.len(), 3);
    let outcome = dvcr::run::run(&cases, &sanity, &options(&server), &Baseline::default()).await;
    let after = server.state().expect("the state reads");
    server.stop().await;

    let failed = crate::run_kit::case(&outcome.report, "quick-record-then-hangup");
    assert_eq!(failed.verdict, Verdict::Fail);
    let step = &failed.failure.as_ref().expect("a failure").step;
    assert!(step.starts_with("step 2"), "{step}");
    assert!(
        failed.cleanup_errors.is_empty(),
        "{:?}",
        failed.cleanup_errors
    );
    assert_eq!(before.media, after.media, "no archive is left behind");
    assert_eq!(before.links, after.links, "no call is left up");
    assert_eq!(before, after);
}

const RECONNECTS: &str = r#"
name = "reconnects"
section = "General Information"

[[sessions]]
name = "admin"

[[steps]]
send = "getdevinfo"
expect = { result = "0" }

[[steps]]
reconnect = true

[[steps]]
send = "getdevinfo"
expect = { result = "0" }
"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_reconnect_step_logs_the_session_out_before_logging_in_again() {
    let server = emulator(&[]).await;
    let before = server.session_count();
    let report = run_with(&[scenario(RECONNECTS)], &options(&server)).await;
    let after = server.session_count();
    server.stop().await;

    assert_eq!(case(&report, "reconnects").verdict, Verdict::Pass);
    assert_eq!(after, before, "the run left sessions on the device");
}
