//! Cleanup steps run even when a step fails, so a failed case leaves the
//! device as it found it.

use dvcr::report::Verdict;
use dvcr::run::Baseline;

use crate::run_kit::{case, emulator, options, run_on, run_with, scenario};

const FAILS_AFTER_ADDING: &str = r#"
name = "adds-then-fails"
section = "Account Management > Endpoints > ADDENDPOINT"

[[sessions]]
name = "admin"

[[steps]]
send = "addendpoint"
fields = { SOURCENAME = "dvcr-cleanup", SOURCEIP = "192.0.2.99", E164 = "", H323 = "", FLAG = "0" }
expect = { result = "0" }

[[steps]]
send = "getdevinfo"
expect = { result = "1" }
note = "fails on purpose"

[[cleanup]]
send = "delendpoint"
fields = { SOURCENAME = "dvcr-cleanup" }
"#;

const CHECKS_IT_IS_GONE: &str = r#"
name = "endpoint-is-gone"
section = "Account Management > Endpoints > GETENDPOINT"

[[sessions]]
name = "admin"

[[steps]]
send = "getendpoint"
expect = { result = "0", no_record = { SOURCENAME = "dvcr-cleanup" } }
"#;

#[tokio::test(flavor = "multi_thread")]
async fn cleanup_runs_after_a_failed_step_and_undoes_the_change() {
    let scenarios = [scenario(FAILS_AFTER_ADDING), scenario(CHECKS_IT_IS_GONE)];
    let report = run_on(&[], &scenarios, &Baseline::default()).await.report;

    let failed = case(&report, "adds-then-fails");
    assert_eq!(failed.verdict, Verdict::Fail);
    assert_eq!(failed.attempts, 2, "a failed case is run again");
    assert!(
        failed.cleanup_errors.is_empty(),
        "{:?}",
        failed.cleanup_errors
    );
    let failure = failed.failure.as_ref().expect("a failure");
    assert!(failure.step.starts_with("step 2"), "{}", failure.step);
    assert!(!failed.frames.is_empty(), "a failure keeps its frames");
    assert_eq!(case(&report, "endpoint-is-gone").verdict, Verdict::Pass);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cleanup_after_a_failed_step_logs_the_old_session_out() {
    let server = emulator(&[]).await;
    let before = server.session_count();
    let report = run_with(&[scenario(FAILS_AFTER_ADDING)], &options(&server)).await;
    let after = server.session_count();
    server.stop().await;

    let failed = case(&report, "adds-then-fails");
    assert_eq!(failed.verdict, Verdict::Fail);
    assert!(
        failed.cleanup_errors.is_empty(),
        "{:?}",
        failed.cleanup_errors
    );
    assert_eq!(after, before, "the run left sessions on the device");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_cleanup_step_on_a_closed_session_gets_a_fresh_connection() {
    let text = FAILS_AFTER_ADDING.replace(
        "[[steps]]\nsend = \"getdevinfo\"",
        "[[steps]]\nraw = \"03 00 00 02\"\nexpect = { closed = true }\n\n[[steps]]\nsend = \
            \"getdevinfo\"",
    );
    let scenarios = [scenario(&text), scenario(CHECKS_IT_IS_GONE)];
    let report = run_on(&[], &scenarios, &Baseline::default()).await.report;

    assert_eq!(case(&report, "adds-then-fails").verdict, Verdict::Fail);
    assert_eq!(case(&report, "endpoint-is-gone").verdict, Verdict::Pass);
}

const LEAVES_AN_ENDPOINT_IT_CANNOT_SWEEP: &str = r#"
name = "leaves-what-it-cannot-sweep"
section = "Account Management > Endpoints > ADDENDPOINT"

[[sessions]]
name = "admin"

[[steps]]
send = "addendpoint"
fields = { SOURCENAME = "dvcr-swept", SOURCEIP = "192.0.2.98", E164 = "", H323 = "", FLAG = "0" }
expect = { result = "0" }

# modendpoint deletes nothing: without the endpoint's address the device
# refuses it.
[[sweep]]
item = "endpoint"
list = "getendpoint"
key = "SOURCENAME"
only = { SOURCENAME = "dvcr-swept" }
delete = "modendpoint"
"#;

#[tokio::test(flavor = "multi_thread")]
async fn an_item_a_sweep_cannot_delete_is_a_cleanup_error() {
    let scenarios = [scenario(LEAVES_AN_ENDPOINT_IT_CANNOT_SWEEP)];
    let report = run_on(&[], &scenarios, &Baseline::default()).await.report;

    let case = case(&report, "leaves-what-it-cannot-sweep");
    assert_eq!(case.verdict, Verdict::Warning);
    let errors = case.cleanup_errors.join("\n");
    assert!(
        errors.contains("sweep 1: the endpoint SOURCENAME dvcr-swept"),
        "{errors}"
    );
    assert!(
        errors.contains("is left on the device: modendpoint answered RESULT 1"),
        "{errors}"
    );
}

const SWEEPS_WHAT_IT_ADDED: &str = r#"
name = "sweeps-what-it-added"
section = "Account Management > Endpoints > ADDENDPOINT"

[[sessions]]
name = "admin"

[[steps]]
send = "addendpoint"
fields = { SOURCENAME = "dvcr-cleanup", SOURCEIP = "192.0.2.99", E164 = "", H323 = "", FLAG = "0" }
expect = { result = "1" }
note = "fails on purpose, after the endpoint is added"

[[sweep]]
item = "endpoint"
list = "getendpoint"
key = "SOURCENAME"
delete = "delendpoint"
"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_sweep_deletes_what_appeared_during_a_failed_case() {
    let scenarios = [scenario(SWEEPS_WHAT_IT_ADDED), scenario(CHECKS_IT_IS_GONE)];
    let report = run_on(&[], &scenarios, &Baseline::default()).await.report;

    let failed = case(&report, "sweeps-what-it-added");
    assert_eq!(failed.verdict, Verdict::Fail);
    assert!(
        failed.cleanup_errors.is_empty(),
        "{:?}",
        failed.cleanup_errors
    );
    assert_eq!(case(&report, "endpoint-is-gone").verdict, Verdict::Pass);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_skipped_case_shows_what_its_cleanup_could_not_undo() {
    let text = LEAVES_AN_ENDPOINT_IT_CANNOT_SWEEP.replace(
        "\n# modendpoint",
        "\n[[steps]]\nsend = \"getendpoint\"\nskip_unless = { SOURCENAME = \"none\" }\n\
         skip_reason = \"the device has no endpoint named none\"\n\n# modendpoint",
    );
    let report = run_on(&[], &[scenario(&text)], &Baseline::default())
        .await
        .report;

    let case = case(&report, "leaves-what-it-cannot-sweep");
    assert_eq!(case.verdict, Verdict::Skipped);
    let lines = dvcr::report::terminal::reasons(case);
    assert!(
        lines[0].starts_with("skipped: not run: the device has no endpoint named none"),
        "{lines:?}"
    );
    assert!(
        lines
            .iter()
            .any(|line| line.starts_with("cleanup: sweep 1: the endpoint")),
        "{lines:?}"
    );
}

const RESTORE_REFUSED: &str = r#"
name = "restore-refused"
section = "System Configuration > IVR/Language Settings > SETLANG"

[[sessions]]
name = "admin"

[[steps]]
send = "getlang"
expect = { result = "0" }
capture = { old_lang = "LANG" }

# LANG 9 is no language: the device refuses to set it back.
[[cleanup]]
send = "setlang"
fields = { LANG = "9" }
expect = { result = "0" }
"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_settings_restore_the_device_refuses_is_a_cleanup_error() {
    let report = run_on(&[], &[scenario(RESTORE_REFUSED)], &Baseline::default())
        .await
        .report;

    let case = case(&report, "restore-refused");
    assert_eq!(case.verdict, Verdict::Warning);
    let errors = case.cleanup_errors.join("\n");
    assert!(errors.starts_with("cleanup step 1"), "{errors}");
    assert!(errors.contains("RESULT"), "{errors}");
}
