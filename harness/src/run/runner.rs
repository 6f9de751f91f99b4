//! A whole run: the sanity scenario first (login, getdevinfo, logout), every
//! selected scenario as a case, the sanity scenario again last, the
//! baseline applied, and the exit code (0 as expected, 1 conformance
//! failures, 2 infrastructure).

use std::time::{Instant, SystemTime};

use tracing::info;

use super::baseline::Baseline;
use super::case::{
    Attempt, LOGIN_STEP, attempt, case_result, cut_short, segments, undecided_result,
};
use super::destructive::sends_destructive;
use super::options::RunOptions;
use super::privilege::{ORDINARY, ORDINARY_USER_REASON, needs_administrator};
use super::step;
use crate::report::{
    CaseResult, Failure, NOT_RUN_INTERRUPTED, Progress, Provenance, RunReport, Segment, Verdict,
};
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

/// Whether `scenario` runs under `options`: a destructive one only with
/// `--allow-destructive`, a long one only with `--long` (or a short session
/// timeout), one that changes accounts or settings only when the run's
/// user is not known to be an ordinary user.
pub fn disposition(scenario: &Scenario, options: &RunOptions) -> Disposition {
    let destructive = scenario.destructive || sends_destructive(scenario);
    if destructive && !options.allow_destructive {
        return Disposition::Skip("destructive: runs only with --allow-destructive".to_owned());
    }
    if scenario.long && !options.runs_long() {
        return Disposition::Skip("long: runs only with --long".to_owned());
    }
    let ordinary = options.user_privilege.as_deref() == Some(ORDINARY);
    if ordinary && needs_administrator(scenario) {
        return Disposition::Skip(ORDINARY_USER_REASON.to_owned());
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

/// Runs `scenarios` between two runs of `sanity`. The run stops at once
/// when the opening sanity check fails: exit 2 with its reason when the
/// device could not be tested, exit 1 when the device failed it; when a
/// case fails and a fresh sanity check then fails too, the device stopped
/// answering and the remaining cases are not run but reported as errors;
/// when the run is interrupted, the case under way is cleaned up and the
/// rest are reported as skipped; with `--fail-fast`, the cases after the
/// first that breaks the run are reported as skipped, with why.
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
    if !matches!(first.verdict, Verdict::Pass | Verdict::Warning) {
        let mut case = sanity_case(sanity, "sanity-first", &first);
        if let Some(reason) = device_failure(&first) {
            report.cases.push(case);
            for scenario in scenarios {
                report
                    .cases
                    .push(skipped(scenario, format!("not run: {reason}")));
            }
        } else {
            report.infrastructure_error = Some(opening_failure(&first));
            case.verdict = Verdict::Error;
            report.cases.push(case);
        }
        progress.finish();
        return finish(report, options, started, clock, captured);
    }

    let mut known = options.clone();
    if first.login_privilege.is_some() {
        known.user_privilege.clone_from(&first.login_privilege);
    }
    let options = &known;
    let mut stopped: Option<(usize, Stop)> = None;
    for (index, scenario) in scenarios.iter().enumerate() {
        if options.interrupt.is_raised() {
            stopped = Some((index, Stop::Interrupted));
            break;
        }

        progress.start(&scenario.name);
        let case = run_case(scenario, options, baseline, &base, &mut captured).await;
        progress.done();
        let failed = matches!(case.verdict, Verdict::Fail | Verdict::Error);
        let stop = (options.fail_fast && case.breaks_run()).then(|| fail_fast_reason(&case));
        report.cases.push(case);
        if options.interrupt.is_raised() {
            report.interrupted_cases += 1;
            stopped = Some((index + 1, Stop::Interrupted));
            break;
        }
        if failed {
            let check = attempt(sanity, options, base.clone()).await;
            captured.extend(segments(&check));
            if !matches!(check.verdict, Verdict::Pass | Verdict::Warning) {
                report.device_broke = true;
                report
                    .cases
                    .push(sanity_case(sanity, "sanity-last", &check));
                stopped = Some((index + 1, Stop::DeviceGone(scenario.name.clone())));
                break;
            }
        }
        if let Some(reason) = stop {
            for rest in scenarios.get(index + 1..).unwrap_or_default() {
                let reason = match disposition(rest, options) {
                    Disposition::Skip(own) => own,
                    Disposition::Run => reason.clone(),
                };
                report.cases.push(skipped(rest, reason));
            }
            break;
        }
    }

    match stopped {
        Some((next, Stop::Interrupted)) => {
            for scenario in scenarios.get(next..).unwrap_or_default() {
                let reason = NOT_RUN_INTERRUPTED.to_owned();
                report.cases.push(skipped(scenario, reason));
            }
            report.infrastructure_error = Some(format!(
                "interrupted; cleanup ran for {} scenario(s)",
                report.interrupted_cases
            ));
            progress.finish();
        }
        Some((next, Stop::DeviceGone(after))) => {
            for scenario in scenarios.get(next..).unwrap_or_default() {
                if let Disposition::Skip(reason) = disposition(scenario, options) {
                    report.cases.push(skipped(scenario, reason));
                    continue;
                }

                let reason = format!("not run: the device stopped answering after {after}");
                let mut case = skipped(scenario, reason);
                case.verdict = Verdict::Error;
                report.cases.push(case);
            }
            progress.finish();
        }
        None => {
            progress.start("sanity check");
            let last = attempt(sanity, options, base).await;
            progress.done();
            progress.finish();
            captured.extend(segments(&last));
            if !matches!(last.verdict, Verdict::Pass | Verdict::Warning) {
                report.device_broke = true;
                report.cases.push(sanity_case(sanity, "sanity-last", &last));
            }
        }
    }
    finish(report, options, started, clock, captured)
}

/// Why the cases after `case` are not run under `--fail-fast`.
fn fail_fast_reason(case: &CaseResult) -> String {
    let what = if case.baseline_fixed {
        "passed although the baseline expects it to fail"
    } else if case.verdict == Verdict::Unsupported {
        "was answered as unsupported"
    } else {
        "failed"
    };
    format!(
        "not run: --fail-fast stopped the run after {} {what}",
        case.name
    )
}

/// Why the cases stopped before the last.
enum Stop {
    /// SIGINT or SIGTERM.
    Interrupted,
    /// A case failed and the sanity check after it failed: the device
    /// stopped answering after the scenario named.
    DeviceGone(String),
}

/// Why a failed opening check is the device's failure rather than the
/// harness's: it broke the protocol, or it let the session in and then
/// failed a step (closed the connection, fell silent, refused
/// `getdevinfo`). `None` when the device could not be tested at all: not
/// reached, the login refused, a peer that is no RSS 2000.
fn device_failure(first: &Attempt) -> Option<&'static str> {
    if breaks_protocol(first) {
        return Some("the device broke the protocol in the opening sanity check");
    }

    let failure = first.failure.as_ref()?;
    let logged_in = !failure.step.starts_with(LOGIN_STEP);
    (first.verdict == Verdict::Fail && logged_in)
        .then_some("the device failed the opening sanity check after its login")
}

/// Whether an attempt failed because the device answered against the
/// protocol (XML not in a TPKT frame, a broken frame, a confirm of another
/// xmlid, one without `RESULT`): the device's failure, which `dvcr fuzz`
/// reports as a protocol violation, not the harness's. Bytes that are no
/// frame at all may come from a peer that is no RSS 2000, and stay the
/// harness's.
fn breaks_protocol(attempt: &Attempt) -> bool {
    let Some(failure) = &attempt.failure else {
        return false;
    };

    failure
        .mismatches
        .iter()
        .any(|m| m.what == "framing" || m.what == step::PROTOCOL)
}

/// One line on why the opening sanity check failed, such as `login as
/// "Administrator" was refused: RESULT 1 (user name or password is
/// wrong)`.
fn opening_failure(first: &Attempt) -> String {
    let Some(failure) = &first.failure else {
        return format!("the opening sanity check gave {}", first.verdict);
    };

    let mut reason = failure.message.clone();
    for mismatch in &failure.mismatches {
        reason.push_str(&format!(
            "; {}: expected {}, got {}",
            mismatch.what, mismatch.expected, mismatch.actual
        ));
    }
    if failure.step.starts_with(LOGIN_STEP) {
        return format!("the opening sanity check failed: {reason}");
    }

    format!(
        "the opening sanity check failed at {}: {reason}",
        failure.step
    )
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
    let rerun = !options.interrupt.is_raised();
    let again: Option<Attempt> = if rerun && matches!(first.verdict, Verdict::Fail | Verdict::Error)
    {
        info!(scenario = %scenario.name, "case failed, running it again on fresh connections");
        let again = attempt(scenario, options, base.clone()).await;
        captured.extend(segments(&again));
        Some(again)
    } else {
        None
    };

    let failed = matches!(first.verdict, Verdict::Fail | Verdict::Error) && !cut_short(&first);
    let undecided = failed
        && again
            .as_ref()
            .map_or(options.interrupt.is_raised(), cut_short);
    let mut case = if undecided {
        undecided_result(scenario, &first, again.as_ref())
    } else {
        case_result(scenario, &first, again.as_ref())
    };
    case.profile_requires = options.profile.requires(&scenario.section);
    let expected = baseline
        .reason(&scenario.name)
        .filter(|_| !case.interrupted());
    if let Some(reason) = expected {
        match case.verdict {
            Verdict::Fail | Verdict::Error | Verdict::Unsupported => {
                case.expected_failure = Some(reason.to_owned());
            }
            Verdict::Pass | Verdict::Warning => case.baseline_fixed = true,
            // A flaky case failed once, as the baseline expects, and passed
            // once: neither fixed nor failing the run.
            Verdict::Flaky | Verdict::Skipped => {}
        }
    }
    case
}

/// The variables every case starts with: `run`, five digits unique to the
/// run for names and numbers of test accounts, `user` and `password`.
fn run_vars(options: &RunOptions) -> Vars {
    let nanos = SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .map_or(0, |elapsed| {
            elapsed.subsec_nanos() ^ (elapsed.as_secs() as u32)
        });
    let mut vars = Vars::new();
    vars.set("run", format!("{:05}", nanos % 100_000));
    vars.set("user", options.user.clone());
    vars.set("password", options.password.clone());
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
            step: String::new(),
            message: reason,
            mismatches: Vec::new(),
        }),
        first_failure: None,
        rerun_failure: None,
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
