//! `dvcr diff` counts as new failures only those that fail the new run: a
//! failure its baseline names, or an unsupported command its profile
//! allows, is a change, not a regression; a failing case the old run did
//! not have is one, and so is a new run that tested nothing. A fuzz
//! summary given in place of a run report is named as one, and a case an
//! interrupt cut short is not compared.

use dvcr::report::{
    CaseResult, Failure, INTERRUPTED, NOT_RUN_INTERRUPTED, RunReport, Verdict, diff,
};

fn report(verdict: Verdict, expected: Option<&str>) -> RunReport {
    RunReport {
        cases: vec![CaseResult {
            name: "endpoint-name-is-unique".to_owned(),
            section: "Account Management > Endpoints > ADDENDPOINT".to_owned(),
            tags: Vec::new(),
            file: "x.toml".to_owned(),
            verdict,
            duration_ms: 1,
            attempts: 1,
            failure: None,
            first_failure: None,
            rerun_failure: None,
            cleanup_errors: Vec::new(),
            findings: Vec::new(),
            expected_failure: expected.map(str::to_owned),
            baseline_fixed: false,
            profile_requires: false,
            frames: Vec::new(),
        }],
        ..RunReport::default()
    }
}

#[test]
fn a_failure_the_new_baseline_expects_is_no_new_failure() {
    let old = report(Verdict::Pass, None);
    let expected = diff(&old, &report(Verdict::Fail, Some("ticket 4411")));
    assert!(expected.new_failures.is_empty(), "{expected:?}");
    assert_eq!(expected.changed.len(), 1);

    let unexpected = diff(&old, &report(Verdict::Fail, None));
    assert_eq!(unexpected.new_failures.len(), 1);
}

#[test]
fn an_added_case_that_fails_the_new_run_is_a_new_failure() {
    let old = RunReport::default();
    let passing = diff(&old, &report(Verdict::Pass, None));
    assert!(!passing.is_worse(), "{passing:?}");

    let failing = diff(&old, &report(Verdict::Fail, None));
    assert!(failing.is_worse());
    assert!(
        failing
            .text()
            .contains("new failure: endpoint-name-is-unique (not in the old run -> fail)"),
        "{}",
        failing.text()
    );
}

#[test]
fn a_new_run_that_tested_nothing_is_worse() {
    let old = report(Verdict::Pass, None);
    let mut new = RunReport {
        infrastructure_error: Some("cannot connect to 127.0.0.1:9".to_owned()),
        ..RunReport::default()
    };
    new.cases.clear();

    let changes = diff(&old, &new);
    assert!(changes.is_worse());
    assert!(
        changes
            .text()
            .starts_with("the new run did not test the device: cannot connect"),
        "{}",
        changes.text()
    );
}

#[test]
fn the_cases_an_interrupted_run_did_not_reach_are_counted_not_compared() {
    let mut old = report(Verdict::Pass, None);
    let mut reached = old.cases[0].clone();
    reached.name = "device-info".to_owned();
    old.cases.push(reached.clone());
    let mut new = report(Verdict::Skipped, None);
    new.cases[0].failure = Some(Failure {
        step: String::new(),
        message: NOT_RUN_INTERRUPTED.to_owned(),
        mismatches: Vec::new(),
    });
    new.cases.push(reached);
    new.infrastructure_error = Some("interrupted; cleanup ran for 0 scenario(s)".to_owned());

    let changes = diff(&old, &new);
    assert!(changes.changed.is_empty(), "{changes:?}");
    assert_eq!(changes.not_reached, 1);
    assert!(!changes.is_worse(), "{changes:?}");
    assert!(
        changes
            .text()
            .contains("not compared: 1 case(s) the new run was interrupted before"),
        "{}",
        changes.text()
    );
}

#[test]
fn an_unsupported_command_the_profile_allows_is_no_new_failure() {
    let old = report(Verdict::Pass, None);
    let mut new = report(Verdict::Unsupported, None);
    let allowed = diff(&old, &new);
    assert!(allowed.new_failures.is_empty(), "{allowed:?}");
    assert!(!allowed.is_worse());

    new.cases[0].profile_requires = true;
    let required = diff(&old, &new);
    assert_eq!(required.new_failures.len(), 1, "{required:?}");
}

#[test]
fn a_fuzz_summary_given_to_diff_is_named_as_one() {
    let dir = std::env::temp_dir().join(format!("dvcr-diff-fuzz-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let fuzz = dir.join("fuzz.json");
    let summary = dvcr::netfuzz::Summary::default();
    std::fs::write(&fuzz, serde_json::to_string(&summary).expect("json")).expect("write");

    let shown = dvcr::report::read_json(&fuzz)
        .expect_err("not a run report")
        .to_string();
    assert!(
        shown.contains("a dvcr fuzz summary, not a dvcr run report"),
        "{shown}"
    );
    std::fs::write(&fuzz, "{\"cases\": 0}").expect("write");
    let shown = dvcr::report::read_json(&fuzz)
        .expect_err("not a run report")
        .to_string();
    assert!(shown.contains("not a dvcr report"), "{shown}");
}

#[test]
fn a_json_array_given_to_diff_is_named_as_one() {
    let dir = std::env::temp_dir().join(format!("dvcr-diff-array-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let array = dir.join("decoded.json");
    std::fs::write(&array, "[]").expect("write");

    let shown = dvcr::report::read_json(&array)
        .expect_err("not a run report")
        .to_string();
    let _ = std::fs::remove_dir_all(&dir);
    assert!(
        shown.contains(
            "decoded.json: a JSON array (dvcr decode --json writes one), not a dvcr run report"
        ),
        "{shown}"
    );
}

#[test]
fn a_case_an_interrupt_cut_short_is_not_compared() {
    let old = report(Verdict::Pass, None);
    let mut new = report(Verdict::Error, None);
    new.interrupted_cases = 1;
    new.cases[0].failure = Some(Failure {
        step: "step 2 (sleep)".to_owned(),
        message: INTERRUPTED.to_owned(),
        mismatches: Vec::new(),
    });

    let changes = diff(&old, &new);
    assert!(changes.new_failures.is_empty(), "{changes:?}");
    assert_eq!(
        changes.cut_short,
        vec![("endpoint-name-is-unique".to_owned(), "new")]
    );
    assert!(
        changes
            .text()
            .contains("not compared: endpoint-name-is-unique")
    );
    let back = diff(&new, &old);
    assert!(back.fixed.is_empty(), "{back:?}");
    assert_eq!(back.cut_short.len(), 1);
}
