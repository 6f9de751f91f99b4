//! What a run found, as data every report is written from: one case per
//! scenario with its verdict, and the provenance of the run. The JSON
//! report is this model serialised, so its field names are stable.

use serde::{Deserialize, Serialize};

use crate::client::is_secret_field;
use crate::scenario::Mismatch;

/// The verdict on one scenario.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// Every expectation held.
    Pass,
    /// An expectation did not hold: the device departs from the spec.
    Fail,
    /// Only SHOULD-level or lenient-only deviations were found.
    Warning,
    /// The device answered a documented command as unknown.
    Unsupported,
    /// Not run, for the reason given.
    Skipped,
    /// Failed once, then passed on a fresh connection.
    Flaky,
    /// The harness could not test: no connection, no login, a bad scenario.
    Error,
}

impl Verdict {
    /// Every verdict, in the order summaries list them.
    pub const ALL: [Verdict; 7] = [
        Verdict::Pass,
        Verdict::Fail,
        Verdict::Warning,
        Verdict::Unsupported,
        Verdict::Skipped,
        Verdict::Flaky,
        Verdict::Error,
    ];

    /// The lowercase word reports use.
    pub const fn as_str(self) -> &'static str {
        match self {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::Warning => "warning",
            Verdict::Unsupported => "unsupported",
            Verdict::Skipped => "skipped",
            Verdict::Flaky => "flaky",
            Verdict::Error => "error",
        }
    }
}

impl std::fmt::Display for Verdict {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.pad(self.as_str())
    }
}

/// Which way a frame went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Way {
    /// From the harness to the device.
    Sent,
    /// From the device to the harness.
    Received,
}

/// One write or one frame read, as kept for a failure's transcript.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FrameRecord {
    /// Milliseconds since the case started.
    pub at_ms: u64,
    /// Which way.
    pub way: Way,
    /// The harness's TCP port, telling connections apart.
    pub local_port: u16,
    /// The bytes as text: the XML with its TPKT header in hex, or all hex
    /// when they are not UTF-8.
    pub text: String,
}

/// A catalog finding on something the device sent, as reports keep it;
/// what came is masked on a password field.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct FindingRecord {
    /// The stable rule id.
    pub rule: String,
    /// `error`, `warning` or `info`.
    pub severity: String,
    /// The spec section concerned.
    pub section: Option<String>,
    /// The field concerned.
    pub field: Option<String>,
    /// What the spec asks for.
    pub expected: String,
    /// What came.
    pub found: String,
}

impl From<&dvcr_protocol::validate::Finding> for FindingRecord {
    fn from(finding: &dvcr_protocol::validate::Finding) -> Self {
        FindingRecord {
            rule: finding.rule.id().to_owned(),
            severity: finding.severity.as_str().to_owned(),
            section: finding.section.map(str::to_owned),
            field: finding.field.clone(),
            expected: finding.expected.clone(),
            found: match &finding.field {
                Some(field) if is_secret_field(field) => "*".repeat(finding.found.len()),
                _ => finding.found.clone(),
            },
        }
    }
}

/// Why a case did not pass: the step and what it expected.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Failure {
    /// The step, as `step 3 (send addendpoint)`.
    pub step: String,
    /// A one-line account.
    pub message: String,
    /// The expectations that did not hold.
    pub mismatches: Vec<Mismatch>,
}

/// The failure message of the case under way when a run was interrupted.
pub const INTERRUPTED: &str = "the run was interrupted (SIGINT or SIGTERM); cleanup ran";

/// Why a case after the one under way when a run was interrupted is
/// skipped.
pub const NOT_RUN_INTERRUPTED: &str = "not run: the run was interrupted";

/// Whether `verdict` and `failure` are those the run's interruption
/// leaves: an error whose failure is [`INTERRUPTED`].
pub fn is_interruption(verdict: Verdict, failure: Option<&Failure>) -> bool {
    verdict == Verdict::Error && failure.is_some_and(|failure| failure.message == INTERRUPTED)
}

/// The outcome of one scenario.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CaseResult {
    /// The scenario's name.
    pub name: String,
    /// The spec section it checks.
    pub section: String,
    /// Its tags.
    pub tags: Vec<String>,
    /// The file it came from.
    pub file: String,
    /// The verdict.
    pub verdict: Verdict,
    /// How long the last attempt took.
    pub duration_ms: u64,
    /// How many times it ran (2 when re-run after a failure).
    pub attempts: u32,
    /// Why it did not pass, or why it was skipped.
    pub failure: Option<Failure>,
    /// What failed in the first attempt of a flaky case, or of a case
    /// whose re-run the run's interruption cut short or kept from starting
    /// (the case then an error, its failure the interruption).
    pub first_failure: Option<Failure>,
    /// What failed in the re-run of a case that failed twice, when it
    /// failed otherwise than the first attempt (whose failure is
    /// `failure`).
    #[serde(default)]
    pub rerun_failure: Option<Failure>,
    /// Cleanup steps that failed: the device may not be as it was found.
    pub cleanup_errors: Vec<String>,
    /// Catalog findings on what the device sent, deduplicated.
    pub findings: Vec<FindingRecord>,
    /// The baseline's reason when the failure was expected.
    pub expected_failure: Option<String>,
    /// Whether the baseline expected a failure that did not happen.
    pub baseline_fixed: bool,
    /// Whether the run's profile requires the command an unsupported case
    /// found missing.
    #[serde(default)]
    pub profile_requires: bool,
    /// The frames exchanged, kept for cases that did not pass.
    pub frames: Vec<FrameRecord>,
}

impl CaseResult {
    /// Whether the case was left undecided by the run's interruption: an
    /// error whose failure is [`INTERRUPTED`].
    pub fn interrupted(&self) -> bool {
        is_interruption(self.verdict, self.failure.as_ref())
    }

    /// Whether the case counts against the run: a failure or error not in
    /// the baseline, a required command unsupported, or a baseline entry
    /// that now passes.
    pub fn breaks_run(&self) -> bool {
        if self.baseline_fixed {
            return true;
        }

        match self.verdict {
            Verdict::Fail | Verdict::Error => self.expected_failure.is_none(),
            Verdict::Unsupported => self.profile_requires && self.expected_failure.is_none(),
            _ => false,
        }
    }
}

/// Where and how a run was made.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Provenance {
    /// `HOST:PORT`, or `emulator` with its faults.
    pub target: String,
    /// The device's PRODUCTNAME from `getdevinfo`.
    pub product_name: Option<String>,
    /// The device's VERSION from `getdevinfo`.
    pub device_version: Option<String>,
    /// The version of `dvcr`.
    pub dvcr_version: String,
    /// The options of the run, as given (no password).
    pub options: Vec<String>,
    /// When the run started, RFC 3339.
    pub started: String,
    /// When it ended, RFC 3339.
    pub finished: String,
}

/// Everything a run found.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RunReport {
    /// Where and how.
    pub provenance: Provenance,
    /// The profile the run judged unsupported commands by.
    pub profile: String,
    /// Whether the sanity scenario failed at the end: the device broke
    /// during the run.
    pub device_broke: bool,
    /// What stopped the run before its cases, when something did.
    pub infrastructure_error: Option<String>,
    /// How many cases were under way when the run was interrupted, their
    /// cleanup run.
    #[serde(default)]
    pub interrupted_cases: usize,
    /// One case per scenario, in run order.
    pub cases: Vec<CaseResult>,
    /// How long the run took.
    pub duration_ms: u64,
    /// The exit code the run ended with.
    pub exit_code: u8,
}

impl RunReport {
    /// How many cases got `verdict`.
    pub fn count(&self, verdict: Verdict) -> usize {
        self.cases
            .iter()
            .filter(|case| case.verdict == verdict)
            .count()
    }
}
