//! The JUnit report for CI: one `testsuite` per spec section, one
//! `testcase` per scenario, failures carrying the step, what was expected
//! and what came; a warning case's findings in its `system-out`, a skipped
//! case's reason in its `skipped` message.

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
        suite.add_test_case(test_case(case));
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

fn test_case(case: &CaseResult) -> TestCase {
    let status = match case.verdict {
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
    if case.verdict == Verdict::Warning {
        let mut text = reasons(case).join("\n");
        text.push('\n');
        test.set_system_out(text);
    }
    test
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
