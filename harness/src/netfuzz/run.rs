//! A fuzzing run: cases generated from the seed one after another against
//! the target until the bound, each judged by the oracles; each finding
//! minimized, saved as a reproducer and recorded with its seed; the target
//! reset after it (spec, "General Information", items 4 to 6).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use tracing::info;

use super::execute::{Observation, Reach, execute};
use super::generate::Generator;
use super::minimize::{Limits, minimize};
use super::oracle::{Kind, Probe, Strictness, Verdict, judge, probe};
use super::progress::Progress;
use super::reproducer::{self, Finding};
use super::sequence::Case;
use super::summary::{FindingRecord, Summary};
use super::target::Target;
use crate::client::Login;

/// Cases in a row that may fail to start before the run stops.
const MAX_SETUP_FAILURES: u32 = 3;

/// How a run is made.
#[derive(Clone, Debug)]
pub struct FuzzConfig {
    /// The seed of every case.
    pub seed: u64,
    /// Stop after this many cases.
    pub cases: Option<u64>,
    /// Stop after this long.
    pub duration: Option<Duration>,
    /// The account sessions log in as.
    pub login: Login,
    /// The longest wait for a TCP connection.
    pub connect_timeout: Duration,
    /// The longest wait for a reply before the device counts as hung.
    pub reply_timeout: Duration,
    /// Where reproducers are saved.
    pub out: PathBuf,
    /// How much minimizing a finding may cost; `None` saves it as found.
    pub minimize: Option<Limits>,
    /// Stop after this many distinct findings.
    pub max_findings: usize,
    /// Also send the commands that can cut the device off.
    pub allow_destructive: bool,
    /// Which catalog findings count as protocol violations.
    pub strictness: Strictness,
    /// Draw no progress line.
    pub quiet: bool,
}

impl FuzzConfig {
    /// The defaults: seed 0, a minute, Administrator with an empty
    /// password, a two-second hang timeout, findings in `dvcr-findings/`.
    pub fn new(seed: u64) -> Self {
        FuzzConfig {
            seed,
            cases: None,
            duration: Some(Duration::from_secs(60)),
            login: Login::new("Administrator", ""),
            connect_timeout: Duration::from_secs(3),
            reply_timeout: Duration::from_secs(2),
            out: PathBuf::from("dvcr-findings"),
            minimize: Some(Limits::default()),
            max_findings: 10,
            allow_destructive: false,
            strictness: Strictness::Shape,
            quiet: true,
        }
    }

    fn reach(&self, addr: String) -> Reach {
        Reach {
            addr,
            login: self.login.clone(),
            connect_timeout: self.connect_timeout,
            reply_timeout: self.reply_timeout,
        }
    }
}

/// The target could not be fuzzed at all.
#[derive(Debug, thiserror::Error)]
#[error("cannot fuzz {target}: {reason}")]
pub struct FuzzError {
    /// The target.
    pub target: String,
    /// Why: the connection or the login failed before the first case.
    pub reason: String,
}

/// Fuzzes `target` as `config` says.
pub async fn fuzz(config: &FuzzConfig, target: &mut Target) -> Result<Summary, FuzzError> {
    let label = target.label();
    match probe(&config.reach(target.addr())).await {
        Probe::Alive => {}
        Probe::Refused(reason) | Probe::Silent(reason) | Probe::LoginRefused(reason) => {
            return Err(FuzzError {
                target: label,
                reason,
            });
        }
    }

    let generator = Generator::new(config.allow_destructive);
    let progress = Progress::new(config.quiet);
    let started = Instant::now();
    let mut summary = Summary {
        target: label,
        seed: config.seed,
        ..Summary::default()
    };
    let mut seen = BTreeSet::new();
    let mut setup_failures = 0;
    info!(seed = config.seed, target = %summary.target, "fuzzing");

    for index in 0_u64.. {
        if config.cases.is_some_and(|cases| index >= cases)
            || config
                .duration
                .is_some_and(|limit| started.elapsed() >= limit)
        {
            break;
        }

        let case = generator.case(config.seed, index);
        let reach = config.reach(target.addr());
        let observation = execute(&case, &reach).await;
        summary.cases += 1;
        progress.case_done();
        if let Some(error) = &observation.setup_error {
            setup_failures += 1;
            if setup_failures >= MAX_SETUP_FAILURES {
                summary
                    .errors
                    .push(format!("case {index} could not start: {error}"));
                break;
            }
            continue;
        }

        setup_failures = 0;
        let probed = probe(&reach).await;
        if let Probe::LoginRefused(reason) = &probed {
            summary.errors.push(format!(
                "after case {index} the login was refused: {reason}"
            ));
            if reset(target, &mut summary).await {
                continue;
            }
            break;
        }

        let Some(verdict) = judge(&observation, &probed, config.strictness) else {
            continue;
        };

        progress.findings(
            summary.findings.len(),
            &format!("minimizing a {}", verdict.kind),
        );
        let (mut record, save) = found(config, target, &case, &observation, verdict, started).await;
        if seen.insert(record.bug_key()) {
            record.reproducer = save().ok();
            progress.note(&format!(
                "{} at case {}: {}",
                record.kind, record.case, record.detail
            ));
            summary.findings.push(record);
        } else {
            summary.duplicates += 1;
        }
        progress.findings(summary.findings.len(), "");
        if summary.findings.len() >= config.max_findings || !reset(target, &mut summary).await {
            break;
        }
    }

    progress.finish();
    let elapsed = started.elapsed();
    summary.duration_ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX);
    summary.cases_per_second = summary.cases as f64 / elapsed.as_secs_f64().max(1e-3);
    summary.exit_code = if !summary.findings.is_empty() {
        1
    } else if summary.errors.is_empty() {
        0
    } else {
        2
    };
    Ok(summary)
}

/// Resets the target after a finding; false, with the error noted, when it
/// cannot be.
async fn reset(target: &mut Target, summary: &mut Summary) -> bool {
    match target.reset().await {
        Ok(()) => true,
        Err(error) => {
            summary.errors.push(error);
            false
        }
    }
}

/// Saves a finding's reproducer, giving its path.
type Save = Box<dyn FnOnce() -> std::io::Result<String>>;

/// Minimizes a finding and confirms it; gives its record and what saves
/// its reproducer.
async fn found(
    config: &FuzzConfig,
    target: &mut Target,
    case: &Case,
    observation: &Observation,
    verdict: Verdict,
    started: Instant,
) -> (FindingRecord, Save) {
    let found_after_ms = u64::try_from(started.elapsed().as_millis()).unwrap_or(u64::MAX);
    let reach = config.reach(target.addr());
    let (mut kept, mut attempts) = (case.clone(), 0);
    let mut confirmed = None;
    if let Some(limits) = config.minimize {
        let (smaller, spent) = minimize(
            case,
            verdict.kind,
            target,
            &reach,
            limits,
            config.strictness,
        )
        .await;
        attempts = spent;
        confirmed = confirm(&smaller, verdict.kind, target, config).await;
        if confirmed.is_some() {
            kept = smaller;
        }
    }

    let (verdict, sent, expected) = match confirmed {
        Some((verdict, observed)) => (verdict, bytes(&observed), expected(&observed)),
        None => (verdict, bytes(observation), expected(observation)),
    };
    let xmlid = verdict
        .step
        .and_then(|at| kept.steps.get(at))
        .and_then(|step| step.frames.first())
        .map_or_else(String::new, |frame| frame.xmlid.clone());
    let record = FindingRecord {
        kind: verdict.kind,
        detail: verdict.detail.clone(),
        seed: config.seed,
        case: case.index,
        step: verdict.step,
        xmlid,
        found_after_ms,
        original_steps: case.steps.len(),
        minimized_steps: kept.steps.len(),
        minimize_attempts: attempts,
        reproducer: None,
    };
    let (out, seed, reply_timeout) = (config.out.clone(), config.seed, config.reply_timeout);
    let save: Save = Box::new(move || {
        let finding = Finding {
            case: &kept,
            sent: &sent,
            expected: &expected,
            kind: verdict.kind,
            detail: &verdict.detail,
            seed,
            step: verdict.step,
            reply_timeout,
        };
        reproducer::save(&out, &finding).map(|path| path.display().to_string())
    });
    (record, save)
}

/// Runs `case` once more on a reset target; its verdict and what it gave
/// when it fails with `kind`.
async fn confirm(
    case: &Case,
    kind: Kind,
    target: &mut Target,
    config: &FuzzConfig,
) -> Option<(Verdict, Observation)> {
    target.reset().await.ok()?;
    let reach = config.reach(target.addr());
    let observation = execute(case, &reach).await;
    let verdict = judge(&observation, &probe(&reach).await, config.strictness)?;
    (verdict.kind == kind).then_some((verdict, observation))
}

fn bytes(observation: &Observation) -> Vec<Vec<u8>> {
    observation
        .writes
        .iter()
        .map(|write| write.bytes.clone())
        .collect()
}

fn expected(observation: &Observation) -> Vec<usize> {
    observation
        .writes
        .iter()
        .map(|write| write.expected)
        .collect()
}
