//! Baselines of expected failures, and flaky cases that pass when run
//! again on fresh connections.

use dvcr::emulator::Fault;
use dvcr::report::Verdict;
use dvcr::run::{Baseline, ExpectedFailure};

use crate::run_kit::{NEEDS_SOURCEIP, case, run_on, scenario};

fn baseline(reason: &str) -> Baseline {
    Baseline {
        expected: vec![ExpectedFailure {
            scenario: "endpoint-needs-a-sourceip".to_owned(),
            reason: reason.to_owned(),
        }],
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expected_failure_in_the_baseline_lets_the_run_pass() {
    let scenarios = [scenario(NEEDS_SOURCEIP)];
    let report = run_on(&[Fault::BlankEndpointIp], &scenarios, &Baseline::default())
        .await
        .report;
    assert_eq!(report.exit_code, 1);

    let known = baseline("firmware 1.0 accepts a blank SOURCEIP");
    let report = run_on(&[Fault::BlankEndpointIp], &scenarios, &known)
        .await
        .report;
    let case = case(&report, "endpoint-needs-a-sourceip");
    assert_eq!(case.verdict, Verdict::Fail);
    assert_eq!(
        case.expected_failure.as_deref(),
        Some("firmware 1.0 accepts a blank SOURCEIP")
    );
    assert_eq!(report.exit_code, 0);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expected_failure_that_now_passes_fails_the_run() {
    let scenarios = [scenario(NEEDS_SOURCEIP)];
    let report = run_on(&[], &scenarios, &baseline("was broken"))
        .await
        .report;
    let case = case(&report, "endpoint-needs-a-sourceip");
    assert_eq!(case.verdict, Verdict::Pass);
    assert!(case.baseline_fixed);
    assert_eq!(report.exit_code, 1);
}

const FLAKY: &str = r#"
name = "passes-the-second-time"
section = "Account Management > Endpoints > GETENDPOINT"

[[sessions]]
name = "admin"

[[steps]]
send = "getendpoint"
expect = { result = "0", some_record = { SOURCENAME = "dvcr-flaky" } }
note = "absent on the first attempt, added by its cleanup for the second"

[[cleanup]]
send = "addendpoint"
fields = { SOURCENAME = "dvcr-flaky", SOURCEIP = "192.0.2.98", E164 = "", H323 = "", FLAG = "0" }
"#;

#[tokio::test(flavor = "multi_thread")]
async fn a_case_that_passes_when_run_again_is_flaky_not_failed() {
    let report = run_on(&[], &[scenario(FLAKY)], &Baseline::default())
        .await
        .report;
    let case = case(&report, "passes-the-second-time");
    assert_eq!(case.verdict, Verdict::Flaky);
    assert_eq!(case.attempts, 2);
    assert!(case.first_failure.is_some());
    assert_eq!(report.exit_code, 0);

    let shown = dvcr::report::terminal::reasons(case).join("\n");
    assert!(
        shown.starts_with("flaky: the first attempt failed, the second passed: step 1"),
        "{shown}"
    );
    let junit = dvcr::report::junit_text(&report).expect("junit");
    assert!(junit.contains("flaky: the first attempt failed"), "{junit}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_flaky_case_the_baseline_expects_to_fail_is_not_fixed() {
    let known = Baseline {
        expected: vec![ExpectedFailure {
            scenario: "passes-the-second-time".to_owned(),
            reason: "fails now and then".to_owned(),
        }],
    };
    let report = run_on(&[], &[scenario(FLAKY)], &known).await.report;
    let case = case(&report, "passes-the-second-time");

    assert_eq!(case.verdict, Verdict::Flaky);
    assert!(
        !case.baseline_fixed,
        "it failed once, as the baseline expects"
    );
    assert_eq!(report.exit_code, 0);
}
