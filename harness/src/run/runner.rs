//! A whole run: the sanity scenario first (login, getdevinfo, logout), every
//! selected scenario as a case, the sanity scenario again last, the
//! baseline applied, and the exit code (0 as expected, 1 conformance
//! failures, 2 infrastructure).

use std::time::{Instant, SystemTime};

use tracing::info;

use super::baseline::Baseline;
use super::case::{Attempt, attempt, case_result, segments};
use super::options::RunOptions;
use crate::report::{CaseResult, Failure, Progress, Provenance, RunReport, Segment, Verdict};
use crate::scenario::{Scenario, Vars};

/// The exit code of a run whose every case went as expected.
pub const EXIT_OK: u8 = 0;
/// The exit code of a run with conformance failures.
pub const EXIT_FAILURES: u8 = 1;
/// The exit code of usage, connection and infrastructure errors.
pub const EXIT_INFRASTRUCTURE: u8 = 2;

/// Whether a scenario runs, and if not why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Disposition {
    /// It runs.
    Run,
    /// It is skipped, for this reason.
    Skip(String),
}

/// Whether `scenario` runs under `options`.
pub fn disposition(scenario: &Scenario, options: &RunOptions) -> Disposition {
    if scenario.destructive && !options.allow_destructive {
        return Disposition::Skip("destructive: runs only with --allow-destructive".to_owned());
    }
    if scenario.long && !options.runs_long() {
        return Disposition::Skip("long: runs only with --long".to_owned());
    }
    Disposition::Run
}

/// Whether `scenario` matches `filter`: a part of its name or section, or
/// one of its tags, without regard to case.
pub fn matches(scenario: &Scenario, filter: &str) -> bool {
    let filter = filter.to_lowercase();
    scenario.name.to_lowercase().contains(&filter)
        || scenario.section.to_lowercase().contains(&filter)
        || scenario.tags.iter().any(|tag| tag.to_lowercase() == filter)
}

/// What a run gives: its report and every byte it exchanged.
pub struct RunOutcome {
    /// The report.
    pub report: RunReport,
    /// The capture.
    pub segments: Vec<Segment>,
}

/// Runs `scenarios` between two runs of `sanity`.
pub async fn run(
    scenarios: &[Scenario],
    sanity: &Scenario,
    options: &RunOptions,
    baseline: &Baseline,
) -> RunOutcome {
    let started = SystemTime::now();
    let clock = Instant::now();
    let mut report = RunReport {
        profile: options.profile.as_str().to_owned(),
        ..RunReport::default()
    };
    let mut captured = Vec::new();
    let base = run_vars(options);
    let progress = Progress::new(scenarios.len() + 2, options.quiet);

    progress.start("sanity check");
    let first = attempt(sanity, options, base.clone()).await;
    progress.done();
    captured.extend(segments(&first));
    report.provenance.product_name = first.vars.get("product").map(str::to_owned);
    report.provenance.device_version = first.vars.get("version").map(str::to_owned);
    if first.verdict == Verdict::Error {
        let message = first
            .failure
            .as_ref()
            .map_or_else(String::new, |f| f.message.clone());
        report.infrastructure_error =
            Some(format!("the opening sanity check could not run: {message}"));
        report
            .cases
            .push(sanity_case(sanity, "sanity-first", &first));
        progress.finish();
        return finish(report, options, started, clock, captured);
    }
    if first.verdict != Verdict::Pass && first.verdict != Verdict::Warning {
        report
            .cases
            .push(sanity_case(sanity, "sanity-first", &first));
    }

    for scenario in scenarios {
        progress.start(&scenario.name);
        let case = run_case(scenario, options, baseline, &base, &mut captured).await;
        progress.done();
        let stop = options.fail_fast && case.breaks_run();
        report.cases.push(case);
        if stop {
            break;
        }
    }

    progress.start("sanity check");
    let last = attempt(sanity, options, base).await;
    progress.done();
    progress.finish();
    captured.extend(segments(&last));
    if !matches!(last.verdict, Verdict::Pass | Verdict::Warning) {
        report.device_broke = true;
        report.cases.push(sanity_case(sanity, "sanity-last", &last));
    }
    finish(report, options, started, clock, captured)
}

async fn run_case(
    scenario: &Scenario,
    options: &RunOptions,
    baseline: &Baseline,
    base: &Vars,
    captured: &mut Vec<Segment>,
) -> CaseResult {
    if let Disposition::Skip(reason) = disposition(scenario, options) {
        return skipped(scenario, reason);
    }

    let first = attempt(scenario, options, base.clone()).await;
    captured.extend(segments(&first));
    let again: Option<Attempt> = if matches!(first.verdict, Verdict::Fail | Verdict::Error) {
        info!(scenario = %scenario.name, "case failed, running it again on fresh connections");
        let again = attempt(scenario, options, base.clone()).await;
        captured.extend(segments(&again));
        Some(again)
    } else {
        None
    };

    let mut case = case_result(scenario, &first, again.as_ref());
    case.profile_requires = options.profile.requires(&scenario.section);
    if let Some(reason) = baseline.reason(&scenario.name) {
        match case.verdict {
            Verdict::Fail | Verdict::Error | Verdict::Unsupported => {
                case.expected_failure = Some(reason.to_owned());
            }
            Verdict::Pass | Verdict::Warning | Verdict::Flaky => case.baseline_fixed = true,
            Verdict::Skipped => {}
        }
    }
    case
}

/// The variables every case starts with: `run`, five digits unique to the
/// run for names and numbers of test accounts, and `user`.
fn run_vars(options: &RunOptions) -> Vars {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            elapsed.subsec_nanos() ^ (elapsed.as_secs() as u32)
        });
    let mut vars = Vars::new();
    vars.set("run", format!("{:05}", nanos % 100_000));
    vars.set("user", options.user.clone());
    vars
}

fn skipped(scenario: &Scenario, reason: String) -> CaseResult {
    CaseResult {
        name: scenario.name.clone(),
        section: scenario.section.clone(),
        tags: scenario.tags.clone(),
        file: scenario.source.display().to_string(),
        verdict: Verdict::Skipped,
        duration_ms: 0,
        attempts: 0,
        failure: Some(Failure {
            step: "none".to_owned(),
            message: reason,
            mismatches: Vec::new(),
        }),
        first_failure: None,
        cleanup_errors: Vec::new(),
        findings: Vec::new(),
        expected_failure: None,
        baseline_fixed: false,
        profile_requires: false,
        frames: Vec::new(),
    }
}

fn sanity_case(sanity: &Scenario, name: &str, attempt: &Attempt) -> CaseResult {
    let mut case = case_result(sanity, attempt, None);
    case.name = name.to_owned();
    case
}

fn finish(
    mut report: RunReport,
    options: &RunOptions,
    started: SystemTime,
    clock: Instant,
    segments: Vec<Segment>,
) -> RunOutcome {
    report.provenance = Provenance {
        target: options.target_label.clone(),
        dvcr_version: env!("CARGO_PKG_VERSION").to_owned(),
        options: options.described.clone(),
        started: humantime::format_rfc3339_millis(started).to_string(),
        finished: humantime::format_rfc3339_millis(SystemTime::now()).to_string(),
        ..report.provenance
    };
    report.duration_ms = u64::try_from(clock.elapsed().as_millis()).unwrap_or(u64::MAX);
    report.exit_code = if report.infrastructure_error.is_some() {
        EXIT_INFRASTRUCTURE
    } else if report.device_broke || report.cases.iter().any(CaseResult::breaks_run) {
        EXIT_FAILURES
    } else {
        EXIT_OK
    };
    RunOutcome { report, segments }
}
