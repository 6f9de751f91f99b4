//! SIGINT while a failed case is run again, or before its re-run starts:
//! the re-run decides between fail and flaky, so the case is left
//! undecided, marked as interrupted like a case cut short in its first
//! attempt, its first attempt's failure kept, a baseline naming it not
//! applied; `dvcr diff` does not compare it, and JUnit counts it an error.

use std::time::{Duration, Instant};

use dvcr::report::{CaseResult, INTERRUPTED, RunReport, Verdict, diff, read_json};

use crate::run_interrupt::{interrupt, report_path, start_run_with, wait_for};
use crate::run_kit::emulator;

/// Runs the fixture `scenario` with a baseline expecting it to fail,
/// interrupting it once the emulator holds `endpoints` more endpoints than
/// it started with: the report, after checking that the run exited 2,
/// counted one interrupted case, and wrote a JUnit report counting it an
/// error.
async fn interrupted_run(scenario: &str, endpoints: usize) -> RunReport {
    let server = emulator(&[]).await;
    let before = server.state().expect("the state reads").endpoints.len();
    let json = report_path(&format!("{scenario}.json"));
    let junit = json.with_extension("xml");
    let baseline = json.with_extension("baseline.toml");
    let name = scenario.trim_end_matches(".toml");
    std::fs::write(
        &baseline,
        format!("[[expected]]\nscenario = \"{name}\"\nreason = \"known\"\n"),
    )
    .expect("write");
    let extra = [
        "--junit".as_ref(),
        junit.as_os_str(),
        "--baseline".as_ref(),
        baseline.as_os_str(),
    ];
    let child = start_run_with(&server.local_addr().to_string(), &[scenario], &json, &extra);
    let clock = Instant::now();
    while server.state().expect("the state reads").endpoints.len() < before + endpoints {
        assert!(
            clock.elapsed() < Duration::from_secs(10),
            "the endpoints never came"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    interrupt(&child);
    let (output, _) = wait_for(child).await;
    server.stop().await;

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    let report = read_json(&json).expect("the JSON report was written");
    assert_eq!(report.interrupted_cases, 1);
    let xml = std::fs::read_to_string(&junit).expect("the JUnit report was written");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed junit");
    let root = doc.root_element();
    assert_eq!(root.attribute("errors"), Some("1"), "{xml}");
    assert_eq!(root.attribute("failures"), Some("0"), "{xml}");
    report
}

/// Checks that `case` is marked as interrupted, with the failure of its
/// first attempt (step 1, not an interruption) kept.
fn assert_interrupted_after_a_failure(case: &CaseResult) {
    assert_eq!(case.verdict, Verdict::Error, "{case:?}");
    let failure = case.failure.as_ref().expect("the interruption");
    assert_eq!(failure.message, INTERRUPTED, "what dvcr diff reads");
    assert!(failure.step.starts_with("re-run"), "{failure:?}");
    let first = case.first_failure.as_ref().expect("the first failure");
    assert!(
        first.step.starts_with("step 1 (send addendpoint"),
        "{first:?}"
    );
    assert_ne!(first.message, INTERRUPTED);
    assert_eq!(case.rerun_failure, None);
    assert_eq!(case.expected_failure, None);
}

/// `report` as a run in which its cases passed.
fn passed(report: &RunReport) -> RunReport {
    let mut old = report.clone();
    old.interrupted_cases = 0;
    for case in &mut old.cases {
        case.verdict = Verdict::Pass;
        case.failure = None;
        case.first_failure = None;
    }
    old
}

#[tokio::test(flavor = "multi_thread")]
async fn sigint_during_the_rerun_of_a_failed_case_marks_it_interrupted() {
    let report = interrupted_run("fails-then-waits.toml", 2).await;
    let case = &report.cases[0];

    assert_eq!(case.name, "fails-then-waits");
    assert_interrupted_after_a_failure(case);
    assert_eq!(case.attempts, 2);
    assert!(
        case.failure
            .as_ref()
            .is_some_and(|failure| failure.step.contains("sleep 20000 ms")),
        "{case:?}"
    );
    let changes = diff(&passed(&report), &report);
    assert!(changes.new_failures.is_empty(), "{changes:?}");
    assert_eq!(
        changes.cut_short,
        vec![("fails-then-waits".to_owned(), "new")]
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn sigint_before_the_rerun_of_a_failed_case_marks_it_interrupted() {
    let report = interrupted_run("fails-then-cleans-slowly.toml", 1).await;
    let case = &report.cases[0];

    assert_eq!(case.name, "fails-then-cleans-slowly");
    assert_interrupted_after_a_failure(case);
    assert_eq!(case.attempts, 1, "the re-run did not start");
    let changes = diff(&passed(&report), &report);
    assert!(changes.new_failures.is_empty(), "{changes:?}");
    assert_eq!(changes.cut_short.len(), 1, "{changes:?}");
}
