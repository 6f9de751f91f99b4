//! One scenario, run as a case: its sessions opened, its steps in order
//! until one fails, its cleanup whatever happened, and a verdict; a case
//! that fails is run once more on fresh connections and called flaky when
//! it then passes; when the run's interruption cuts that re-run short or
//! keeps it from starting, the case is left undecided and marked as
//! interrupted.

use std::time::{Instant, SystemTime};

use dvcr_protocol::validate::{Finding, Severity};
use tracing::info;

use super::cleanup::run_cleanup;
use super::conn::Sessions;
use super::mask::mask_password;
use super::options::RunOptions;
use super::step::{StepContext, StepError, open_error, run_step};
use super::sweep::{Inventory, take_stock};
use crate::client::{Direction, Exchange, Transcript};
use crate::report::{
    CaseResult, Failure, FindingRecord, FrameRecord, INTERRUPTED, Segment, Verdict, Way,
    is_interruption,
};
use crate::scenario::expect::check_records;
use crate::scenario::{Expect, Scenario, Step, Vars};

/// How the label of a step that opens a session starts, before the
/// session's name.
pub(crate) const LOGIN_STEP: &str = "login of session ";

/// What one attempt of a scenario gave.
pub struct Attempt {
    /// The verdict of this attempt.
    pub verdict: Verdict,
    /// Why it did not pass.
    pub failure: Option<Failure>,
    /// Cleanup steps that failed.
    pub cleanup_errors: Vec<String>,
    /// Catalog findings and lenient-only deviations, deduplicated.
    pub findings: Vec<FindingRecord>,
    /// The variables at the end, for the run to read captures from.
    pub vars: Vars,
    /// The `PRIVILEGE` the login of the first session gave, if it gave one.
    pub login_privilege: Option<String>,
    /// Every exchange on the wire.
    pub exchanges: Vec<Exchange>,
    /// When the attempt started.
    pub started: SystemTime,
    /// How long it took.
    pub duration_ms: u64,
}

/// Runs `scenario` once with `vars` set.
pub async fn attempt(scenario: &Scenario, options: &RunOptions, vars: Vars) -> Attempt {
    let started = SystemTime::now();
    let clock = Instant::now();
    let transcript = Transcript::masking(&options.password);
    let mut sessions = Sessions::new(&scenario.sessions, transcript.clone());
    let mut vars = vars;
    let mut findings: Vec<Finding> = Vec::new();
    let mut deviations = Vec::new();
    info!(scenario = %scenario.name, "case started");

    let interrupt = options.interrupt.clone();
    let mut login_privilege = None;
    let opening = open_sessions(
        scenario,
        options,
        &mut sessions,
        &mut vars,
        &mut findings,
        &mut login_privilege,
    );
    let mut outcome = tokio::select! {
        opened = opening => opened,
        () = interrupt.raised() => Err(interrupted("login")),
    };
    let mut inventory = Inventory::new();
    if outcome.is_ok() {
        let mut ctx = StepContext {
            sessions: &mut sessions,
            vars: &mut vars,
            options,
            findings: &mut findings,
            deviations: &mut deviations,
            cleanup: false,
        };
        outcome = match take_stock(&scenario.sweep, &mut ctx).await {
            Ok(stock) => {
                inventory = stock;
                run_steps(&scenario.steps, "step", &mut ctx).await
            }
            Err(error) => Err(error),
        };
    }

    let mut cleanup_errors = Vec::new();
    let cleanup = run_cleanup(
        scenario,
        options,
        &mut sessions,
        &mut vars,
        &inventory,
        outcome.is_err(),
        &mut cleanup_errors,
    );
    if interrupt.is_raised() {
        if tokio::time::timeout(INTERRUPTED_CLEANUP_LIMIT, cleanup)
            .await
            .is_err()
        {
            cleanup_errors.push(format!(
                "cleanup stopped after {INTERRUPTED_CLEANUP_LIMIT:?}: the run was interrupted"
            ));
        }
    } else {
        cleanup.await;
    }
    sessions.close_all(options).await;

    let mut records: Vec<FindingRecord> = Vec::new();
    for finding in &findings {
        let record = FindingRecord::from(finding);
        if !records.contains(&record) {
            records.push(record);
        }
    }
    for deviation in &deviations {
        let record = FindingRecord {
            rule: "lenient-deviation".to_owned(),
            severity: Severity::Warning.as_str().to_owned(),
            section: None,
            field: None,
            expected: "strict XML".to_owned(),
            found: deviation.clone(),
        };
        if !records.contains(&record) {
            records.push(record);
        }
    }

    let warned = records
        .iter()
        .any(|record| record.severity == Severity::Warning.as_str());
    let (verdict, failure) = match outcome {
        Ok(()) if warned || !cleanup_errors.is_empty() => (Verdict::Warning, None),
        Ok(()) => (Verdict::Pass, None),
        Err((step, error)) => {
            let verdict = match &error {
                StepError::Failed { .. } => Verdict::Fail,
                StepError::Unsupported(_) => Verdict::Unsupported,
                StepError::Harness(_) => Verdict::Error,
                StepError::Skip(_) => Verdict::Skipped,
            };
            (verdict, Some(to_failure(step, error)))
        }
    };

    let mut attempt = Attempt {
        verdict,
        failure,
        cleanup_errors,
        findings: records,
        vars,
        login_privilege,
        exchanges: transcript.exchanges(),
        started,
        duration_ms: u64::try_from(clock.elapsed().as_millis()).unwrap_or(u64::MAX),
    };
    mask_password(&mut attempt, &options.password);
    attempt
}

/// How long the cleanup of an interrupted case may take.
const INTERRUPTED_CLEANUP_LIMIT: std::time::Duration = std::time::Duration::from_secs(10);

fn interrupted(step: &str) -> (String, StepError) {
    (
        format!("{step} (interrupted)"),
        StepError::Harness(INTERRUPTED.to_owned()),
    )
}

async fn open_sessions(
    scenario: &Scenario,
    options: &RunOptions,
    sessions: &mut Sessions,
    vars: &mut Vars,
    findings: &mut Vec<Finding>,
    privilege: &mut Option<String>,
) -> Result<(), (String, StepError)> {
    let replies = match sessions.open_all(options).await {
        Ok(replies) => replies,
        Err((name, error)) => {
            return Err((format!("{LOGIN_STEP}{name}"), open_error(error)));
        }
    };

    let expect = Expect {
        result: Some("0".to_owned()),
        ..Expect::default()
    };
    let first = sessions.first();
    for (name, reply) in replies {
        if name == first {
            *privilege = reply.value("PRIVILEGE").map(str::to_owned);
        }
        let judgement = check_records(
            &expect,
            std::slice::from_ref(&reply.message),
            "login",
            dvcr_protocol::Kind::Confirm,
            vars,
        );
        findings.extend(judgement.findings);
        let mut mismatches = judgement.mismatches;
        for deviation in &reply.framing {
            mismatches.push(crate::scenario::Mismatch::new(
                "framing",
                "a TPKT frame (RFC 1006)",
                deviation.to_string(),
            ));
        }
        if !mismatches.is_empty() {
            let error = StepError::Failed {
                message: "the login confirm is not as expected".to_owned(),
                mismatches,
            };
            return Err((format!("{LOGIN_STEP}{name}"), error));
        }

        if let Some(id) = reply.value("SESSIONID") {
            vars.set(format!("{name}.sessionid"), id);
        }
    }
    let _ = scenario;
    Ok(())
}

async fn run_steps(
    steps: &[Step],
    kind: &str,
    ctx: &mut StepContext<'_>,
) -> Result<(), (String, StepError)> {
    let interrupt = ctx.options.interrupt.clone();
    for (index, step) in steps.iter().enumerate() {
        let outcome = tokio::select! {
            outcome = run_step(step, ctx) => outcome,
            () = interrupt.raised() => {
                return Err(interrupted(&label(kind, index, step)));
            }
        };
        if let Err(error) = outcome {
            return Err((label(kind, index, step), error));
        }
    }
    Ok(())
}

/// `step 3 (send addendpoint on admin)`.
pub(super) fn label(kind: &str, index: usize, step: &Step) -> String {
    let session = step
        .session
        .as_deref()
        .map(|name| format!(" on {name}"))
        .unwrap_or_default();
    let action = match step.action() {
        crate::scenario::Action::Send(xmlid) => format!("send {xmlid}"),
        crate::scenario::Action::Raw(_) => "raw bytes".to_owned(),
        crate::scenario::Action::Xml(_) => "xml frame".to_owned(),
        crate::scenario::Action::Pipeline(xmlids) => format!("pipeline of {}", xmlids.len()),
        crate::scenario::Action::WaitIndication(xmlid) => format!("wait for indication {xmlid}"),
        crate::scenario::Action::NoIndication => "no indication".to_owned(),
        crate::scenario::Action::Reconnect => "reconnect".to_owned(),
        crate::scenario::Action::Sleep(ms) => format!("sleep {ms} ms"),
        crate::scenario::Action::IdlePastTimeout => "idle past the session timeout".to_owned(),
    };
    let note = step
        .note
        .as_deref()
        .map(|note| format!(": {note}"))
        .unwrap_or_default();
    format!("{kind} {} ({action}{session}){note}", index + 1)
}

/// One line saying why a step did not pass.
pub(crate) fn describe(error: &StepError) -> String {
    match error {
        StepError::Failed {
            message,
            mismatches,
        } => {
            let details: Vec<String> = mismatches.iter().map(ToString::to_string).collect();
            if details.is_empty() {
                message.clone()
            } else {
                format!("{message}: {}", details.join("; "))
            }
        }
        StepError::Unsupported(message)
        | StepError::Harness(message)
        | StepError::Skip(message) => message.clone(),
    }
}

fn to_failure(step: String, error: StepError) -> Failure {
    match error {
        StepError::Failed {
            message,
            mismatches,
        } => Failure {
            step,
            message,
            mismatches,
        },
        StepError::Unsupported(message)
        | StepError::Harness(message)
        | StepError::Skip(message) => Failure {
            step,
            message,
            mismatches: Vec::new(),
        },
    }
}

/// The frames of an attempt as a report keeps them.
pub fn frames(attempt: &Attempt) -> Vec<FrameRecord> {
    attempt
        .exchanges
        .iter()
        .map(|exchange| FrameRecord {
            at_ms: exchange
                .at
                .duration_since(attempt.started)
                .map_or(0, |elapsed| {
                    u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX)
                }),
            way: match exchange.direction {
                Direction::Sent => Way::Sent,
                Direction::Received => Way::Received,
            },
            local_port: exchange.local.port(),
            text: frame_text(&exchange.bytes),
        })
        .collect()
}

/// Bytes as a transcript shows them: the TPKT header in hex, then the XML,
/// or everything in hex when it is not text.
pub fn frame_text(bytes: &[u8]) -> String {
    let hex = |bytes: &[u8]| {
        bytes
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect::<Vec<_>>()
            .join(" ")
    };
    let (header, body) = match bytes {
        [3, _, _, _, rest @ ..] => (Some(bytes.get(..4).unwrap_or_default()), rest),
        _ => (None, bytes),
    };
    let body = match std::str::from_utf8(body) {
        Ok(text) if !text.chars().any(|c| c.is_control() && !c.is_whitespace()) => {
            text.trim().to_owned()
        }
        _ => hex(body),
    };
    match header {
        Some(header) => format!("[{}] {body}", hex(header)),
        None => body,
    }
}

/// The attempt's exchanges as capture segments.
pub fn segments(attempt: &Attempt) -> Vec<Segment> {
    attempt
        .exchanges
        .iter()
        .map(|exchange| Segment {
            at: exchange.at,
            from_client: exchange.direction == Direction::Sent,
            client: exchange.local,
            server: exchange.peer,
            bytes: exchange.bytes.to_vec(),
        })
        .collect()
}

/// The case of `scenario` from its attempts. A pass on the re-run makes
/// the case flaky; a re-run that fails too leaves the first attempt's
/// failure as the case's (the re-run may only see what the first did to
/// the device, such as a crash), and keeps the re-run's failure beside it
/// when it differs.
pub fn case_result(scenario: &Scenario, first: &Attempt, last: Option<&Attempt>) -> CaseResult {
    let flaky = last.is_some_and(|again| matches!(again.verdict, Verdict::Pass | Verdict::Warning));
    let decisive = if flaky { last.unwrap_or(first) } else { first };
    let mut frames_kept = Vec::new();
    if !matches!(decisive.verdict, Verdict::Pass) || flaky {
        frames_kept.extend(frames(first));
    }
    let rerun_failure = last
        .filter(|_| !flaky)
        .and_then(|again| again.failure.clone())
        .filter(|failure| Some(failure) != first.failure.as_ref());
    if let Some(again) = last.filter(|_| flaky || rerun_failure.is_some()) {
        frames_kept.extend(frames(again));
    }

    CaseResult {
        name: scenario.name.clone(),
        section: scenario.section.clone(),
        tags: scenario.tags.clone(),
        file: scenario.source.display().to_string(),
        verdict: if flaky {
            Verdict::Flaky
        } else {
            decisive.verdict
        },
        duration_ms: decisive.duration_ms,
        attempts: if last.is_some() { 2 } else { 1 },
        failure: if flaky {
            None
        } else {
            decisive.failure.clone()
        },
        first_failure: if flaky { first.failure.clone() } else { None },
        rerun_failure,
        cleanup_errors: decisive.cleanup_errors.clone(),
        findings: decisive.findings.clone(),
        expected_failure: None,
        baseline_fixed: false,
        profile_requires: false,
        frames: frames_kept,
    }
}

/// Whether the run's interruption cut `attempt` short: an error whose
/// failure is [`INTERRUPTED`].
pub fn cut_short(attempt: &Attempt) -> bool {
    is_interruption(attempt.verdict, attempt.failure.as_ref())
}

/// The case of `scenario` whose `first` attempt failed and whose re-run,
/// which tells a failure from a flaky case, the run's interruption cut
/// short (`again`) or kept from starting (`None`). Left undecided, it is
/// marked as a case interrupted in its first attempt is, an error whose
/// failure is [`INTERRUPTED`], so that `dvcr diff` does not compare it;
/// the first attempt's failure is kept as `first_failure`, and the frames
/// and cleanup errors of both attempts.
pub fn undecided_result(
    scenario: &Scenario,
    first: &Attempt,
    again: Option<&Attempt>,
) -> CaseResult {
    let mut case = case_result(scenario, first, None);
    let step = again.and_then(|again| again.failure.as_ref()).map_or_else(
        || "re-run (interrupted before it started)".to_owned(),
        |failure| format!("re-run: {}", failure.step),
    );
    case.verdict = Verdict::Error;
    case.first_failure = first.failure.clone();
    case.failure = Some(Failure {
        step,
        message: INTERRUPTED.to_owned(),
        mismatches: Vec::new(),
    });
    if let Some(again) = again {
        case.attempts = 2;
        case.duration_ms = again.duration_ms;
        case.frames.extend(frames(again));
        for error in &again.cleanup_errors {
            if !case.cleanup_errors.contains(error) {
                case.cleanup_errors.push(error.clone());
            }
        }
    }
    case
}
