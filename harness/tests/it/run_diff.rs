//! `dvcr diff` counts as new failures only those the new run did not
//! expect: a failure its baseline names is a change, not a regression.

use dvcr::report::{CaseResult, RunReport, Verdict, diff};

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
