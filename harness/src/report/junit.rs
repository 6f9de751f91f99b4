//! The JUnit report for CI: one `testsuite` per spec section, one
//! `testcase` per scenario, failures carrying the step, what was expected
//! and what came; a warning case's findings in its `system-out`, a skipped
//! case's reason in its `skipped` message. It counts as failures and
//! errors exactly the cases that fail the run: a failure the baseline
//! expects, or a command found unsupported that the profile does not
//! require, is skipped, with why in the `skipped` message and its details
//! in `system-out`; a baseline entry that now passes is a failure.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::model::{CaseResult, RunReport, Verdict};
use super::terminal::{describe_failure, reasons};

/// A JUnit report that could not be written.
#[derive(Debug, thiserror::Error)]
pub enum JunitError {
    /// The XML could not be produced.
    #[error("cannot serialise the junit report: {0}")]
    Serialize(#[from] quick_junit::SerializeError),
    /// The file could not be written.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
}

/// The report as JUnit XML text.
pub fn junit_text(report: &RunReport) -> Result<String, JunitError> {
    let mut junit = Report::new("dvcr");
    let mut suites: BTreeMap<&str, TestSuite> = BTreeMap::new();
    for case in &report.cases {
        let suite = suites
            .entry(case.section.as_str())
            .or_insert_with(|| TestSuite::new(case.section.as_str()));
        suite.add_test_case(test_case(case, &report.profile));
    }
    junit.add_test_suites(suites.into_values());
    junit.set_time(Duration::from_millis(report.duration_ms));
    Ok(junit.to_string()?)
}

/// Writes the JUnit report to `path`.
pub fn write_junit(report: &RunReport, path: &Path) -> Result<(), JunitError> {
    let text = junit_text(report)?;
    std::fs::write(path, text).map_err(|source| JunitError::Io {
        path: path.display().to_string(),
        source,
    })
}

fn test_case(case: &CaseResult, profile: &str) -> TestCase {
    let failed = matches!(
        case.verdict,
        Verdict::Fail | Verdict::Error | Verdict::Unsupported
    );
    let excused = failed && !case.breaks_run();
    let status = match case.verdict {
        _ if excused => excused_failure(case, profile),
        _ if case.baseline_fixed => baseline_fixed(case),
        Verdict::Pass | Verdict::Warning | Verdict::Flaky => TestCaseStatus::success(),
        Verdict::Skipped => {
            let mut status = TestCaseStatus::skipped();
            if let Some(failure) = &case.failure {
                status.set_message(failure.message.as_str());
                status.set_description(failure.message.as_str());
            }
            status
        }
        Verdict::Fail | Verdict::Unsupported => non_success(case, NonSuccessKind::Failure),
        Verdict::Error => non_success(case, NonSuccessKind::Error),
    };

    let mut test = TestCase::new(case.name.as_str(), status);
    test.set_classname(case.section.as_str());
    test.set_time(Duration::from_millis(case.duration_ms));
    test.add_property(("verdict", case.verdict.as_str()));
    if let Some(reason) = &case.expected_failure {
        test.add_property(("expected-failure", reason.as_str()));
    }
    if matches!(case.verdict, Verdict::Warning | Verdict::Flaky) {
        let mut text = reasons(case).join("\n");
        text.push('\n');
        test.set_system_out(text);
    }
    if excused {
        test.set_system_out(describe_failure(case));
    }
    test
}

/// A failure that does not fail the run, as the baseline expects it or
/// the run's `profile` does not require the command found unsupported:
/// skipped, so that the report counts no failure where the run exits 0,
/// its type the verdict.
fn excused_failure(case: &CaseResult, profile: &str) -> TestCaseStatus {
    let mut status = TestCaseStatus::skipped();
    match &case.expected_failure {
        Some(reason) => status.set_message(format!("expected failure: {reason}")),
        None => status.set_message(format!(
            "unsupported, which profile {profile} allows for this command"
        )),
    };
    status.set_type(case.verdict.as_str());
    status
}

/// A case that passed although the baseline expects it to fail: a
/// failure, as it fails the run until the entry is removed.
fn baseline_fixed(case: &CaseResult) -> TestCaseStatus {
    let mut status = TestCaseStatus::non_success(NonSuccessKind::Failure);
    status.set_message(format!(
        "{}, but the baseline expects it to fail: remove its entry from the baseline",
        case.verdict
    ));
    status.set_type("baseline-fixed");
    status
}

fn non_success(case: &CaseResult, kind: NonSuccessKind) -> TestCaseStatus {
    let mut status = TestCaseStatus::non_success(kind);
    let message = case.failure.as_ref().map_or_else(
        || case.verdict.to_string(),
        |failure| failure.message.clone(),
    );
    status.set_message(message);
    status.set_type(case.verdict.as_str());
    status.set_description(describe_failure(case));
    status
}
