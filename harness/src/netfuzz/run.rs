//! A fuzzing run: cases generated from the seed one after another against
//! the target until the bound, each judged by the oracles; each finding
//! minimized, saved as a reproducer and recorded with its seed; the target
//! reset after it (spec, "General Information", items 4 to 6).

use std::collections::BTreeSet;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use tracing::info;

use super::bound::Bound;
use super::execute::{CutOff, Observation, Reach, execute};
use super::finding::{found, saved, xmlid_of};
use super::generate::Generator;
use super::minimize::Limits;
use super::oracle::{Kind, Probe, Strictness, Verdict, judge, opening, probe};
use super::progress::Progress;
use super::sequence::Case;
use super::summary::{Summary, bug_key};
use super::target::Target;
use crate::client::Login;
use crate::run::Interrupt;

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
    /// Raised to stop the run at once, the case in flight abandoned
    /// (SIGINT, SIGTERM).
    pub interrupt: Option<Interrupt>,
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
            interrupt: None,
        }
    }

    /// How cases reach the target at `addr`.
    pub(super) fn reach(&self, addr: String) -> Reach {
        Reach {
            addr,
            login: self.login.clone(),
            connect_timeout: self.connect_timeout,
            reply_timeout: self.reply_timeout,
            allow_destructive: self.allow_destructive,
        }
    }

    /// What cuts work in flight short in a run started at `started`: the
    /// interrupt, and the end of the duration plus one reply timeout.
    pub(super) fn bound(&self, started: Instant) -> Bound {
        Bound {
            interrupt: self.interrupt.clone(),
            cut_off: self
                .duration
                .map(|limit| started + limit + self.reply_timeout),
        }
    }
}

/// The target could not be fuzzed at all.
#[derive(Debug, thiserror::Error)]
#[error("cannot fuzz {target}: {reason}")]
pub struct FuzzError {
    /// The target.
    pub target: String,
    /// Why: the connection or the login failed before the first case, or
    /// no login was ever answered.
    pub reason: String,
}

/// Fuzzes `target` as `config` says.
pub async fn fuzz(config: &FuzzConfig, target: &mut Target) -> Result<Summary, FuzzError> {
    target.watch(config.interrupt.clone());
    let label = target.label();
    let started = Instant::now();
    let generator = Generator::new(config.allow_destructive);
    let mut summary = Summary {
        target: label.clone(),
        seed: config.seed,
        ..Summary::default()
    };
    let bound = config.bound(started);
    let Some(opened) = bound.run(opening(&config.reach(target.addr()))).await else {
        cut_short(&mut summary, bound.interrupted());
        return Ok(finish(summary, started, config));
    };
    let probed = opened.map_err(|reason| FuzzError {
        target: label.clone(),
        reason,
    })?;
    match probed {
        Probe::Alive => {}
        Probe::Refused(reason) | Probe::LoginRefused(reason) => {
            return Err(FuzzError {
                target: label,
                reason,
            });
        }
        probed @ (Probe::Silent(_) | Probe::Broken(_)) => {
            let mut case = generator.case(config.seed, 0);
            case.steps.clear();
            let observation = Observation::default();
            if let Some(verdict) = judge(&observation, &probed, config.strictness) {
                let (record, save) =
                    found(config, target, &case, &observation, verdict, started).await;
                summary.findings.push(saved(record, save));
            }
            return Ok(finish(summary, started, config));
        }
    }

    let mut run = Run {
        config,
        generator,
        progress: Progress::new(config.quiet),
        bound,
        started,
        summary,
        seen: BTreeSet::new(),
        previous: None,
    };
    info!(seed = config.seed, target = %run.summary.target, "fuzzing");
    run.cases(target).await;
    run.progress.finish();
    Ok(finish(run.summary, started, config))
}

/// The state of a run between cases.
struct Run<'a> {
    config: &'a FuzzConfig,
    generator: Generator,
    progress: Progress,
    /// What cuts a case in flight short.
    bound: Bound,
    started: Instant,
    summary: Summary,
    /// The bug keys found so far.
    seen: BTreeSet<(Kind, String, String)>,
    /// The last case that ran, and what it gave.
    previous: Option<(Case, Observation)>,
}

impl Run<'_> {
    /// Runs cases until a bound, an interruption, or a target that cannot
    /// go on.
    async fn cases(&mut self, target: &mut Target) {
        let config = self.config;
        let mut setup_failures = 0;
        for index in 0_u64.. {
            if self.interrupted() {
                self.summary.interrupted = true;
                break;
            }

            if config.cases.is_some_and(|cases| index >= cases) || self.out_of_time() {
                break;
            }

            let case = self.generator.case(config.seed, index);
            let reach = config.reach(target.addr());
            let ran = self
                .bound
                .run(async {
                    let observation = execute(&case, &reach).await;
                    (observation, probe(&reach).await)
                })
                .await;
            let Some((observation, probed)) = ran else {
                let interrupted = self.interrupted();
                cut_short(&mut self.summary, interrupted);
                break;
            };
            self.summary.cases += 1;
            self.progress.case_done(self.summary.findings.len());
            if let Some(error) = &observation.setup_error {
                if matches!(probed, Probe::Alive) {
                    setup_failures += 1;
                    if setup_failures >= MAX_SETUP_FAILURES {
                        self.summary
                            .errors
                            .push(format!("case {index} could not start: {error}"));
                        break;
                    }
                    continue;
                }

                if matches!(probed, Probe::Broken(_)) {
                    self.login_broken(target, &case, &probed).await;
                    break;
                }

                let told = self.previous.as_ref().and_then(|(previous, observation)| {
                    Some((previous.index, observation.cut_off.clone()?))
                });
                if let Some((previous, cut_off)) = told {
                    self.previous = None;
                    if self.recover(target, previous, &cut_off).await {
                        continue;
                    }
                    break;
                }

                let Some(verdict) = judge(&Observation::default(), &probed, config.strictness)
                else {
                    self.summary
                        .errors
                        .push(format!("case {index} could not start: {error}"));
                    break;
                };

                let (case, observation) = self.previous.take().unwrap_or((case, observation));
                if !self.finding(target, &case, &observation, verdict).await {
                    break;
                }
                continue;
            }

            setup_failures = 0;
            let mut probed = probed;
            let gone = matches!(probed, Probe::Refused(_) | Probe::Silent(_));
            if let (true, Some(cut_off)) = (gone, &observation.cut_off) {
                if !self.recover(target, index, cut_off).await {
                    break;
                }
                probed = Probe::Alive;
            }

            if matches!(probed, Probe::Broken(_)) {
                self.login_broken(target, &case, &probed).await;
                break;
            }

            if let Probe::LoginRefused(reason) = &probed {
                self.summary.errors.push(format!(
                    "after case {index} the login was refused: {reason}"
                ));
                if reset(target, &mut self.summary, config).await {
                    continue;
                }
                break;
            }

            let Some(verdict) = judge(&observation, &probed, config.strictness) else {
                self.previous = Some((case, observation));
                continue;
            };

            if !self.finding(target, &case, &observation, verdict).await {
                break;
            }
        }
    }

    /// Records a finding, minimized unless it repeats one already found,
    /// and resets the target; false when the run stops.
    async fn finding(
        &mut self,
        target: &mut Target,
        case: &Case,
        observation: &Observation,
        verdict: Verdict,
    ) -> bool {
        let config = self.config;
        self.previous = None;
        let key = bug_key(verdict.kind, &xmlid_of(case, &verdict), &verdict.detail);
        if self.seen.contains(&key) {
            self.summary.duplicates += 1;
        } else {
            let doing = format!("minimizing a {}", verdict.kind);
            self.progress.findings(self.summary.findings.len(), &doing);
            let (record, save) =
                found(config, target, case, observation, verdict, self.started).await;
            let fresh = !self.seen.contains(&record.bug_key());
            self.seen.insert(key);
            self.seen.insert(record.bug_key());
            if fresh {
                let record = saved(record, save);
                self.progress.note(&format!(
                    "{} at case {}: {}",
                    record.kind, record.case, record.detail
                ));
                self.summary.findings.push(record);
            } else {
                self.summary.duplicates += 1;
            }
            self.progress.findings(self.summary.findings.len(), "");
        }
        if self.interrupted() {
            self.summary.interrupted = true;
            return false;
        }

        self.summary.findings.len() < config.max_findings
            && reset(target, &mut self.summary, config).await
    }

    /// Waits for a target that case `index` cut off by sending `cut_off`
    /// to come back, and checks that it takes a login again; false, with
    /// the error noted, when it does not.
    async fn recover(&mut self, target: &mut Target, index: u64, cut_off: &CutOff) -> bool {
        let config = self.config;
        let sent = format!("after case {index} sent {}", cut_off.xmlid);
        if let Err(error) = target.reset().await {
            if self.interrupted() {
                self.summary.interrupted = true;
            } else {
                self.summary.errors.push(format!("{error} {sent}"));
            }
            return false;
        }

        let reach = config.reach(target.addr());
        match self.bound.run(probe(&reach)).await {
            Some(Probe::Alive) => true,
            Some(
                Probe::Refused(why)
                | Probe::Silent(why)
                | Probe::LoginRefused(why)
                | Probe::Broken(why),
            ) => {
                let error = format!("the device did not take a login again {sent}: {why}");
                self.summary.errors.push(error);
                false
            }
            None => {
                let interrupted = self.interrupted();
                self.summary.interrupted |= interrupted;
                false
            }
        }
    }

    /// Records that the login itself now gets a broken reply, as a case of
    /// the login alone: every case after it would fail the same way.
    async fn login_broken(&mut self, target: &mut Target, case: &Case, probed: &Probe) {
        let login = Case {
            steps: Vec::new(),
            ..case.clone()
        };
        let observation = Observation::default();
        if let Some(verdict) = judge(&observation, probed, self.config.strictness) {
            self.finding(target, &login, &observation, verdict).await;
        }
    }

    fn interrupted(&self) -> bool {
        self.config
            .interrupt
            .as_ref()
            .is_some_and(Interrupt::is_raised)
    }

    fn out_of_time(&self) -> bool {
        self.config
            .duration
            .is_some_and(|limit| self.started.elapsed() >= limit)
    }
}

/// Notes work cut short by the interrupt or by the end of the duration;
/// the duration running out before any case completed is an error.
fn cut_short(summary: &mut Summary, interrupted: bool) {
    summary.interrupted |= interrupted;
    if !interrupted && summary.cases == 0 {
        let error = "the duration ran out before the first case completed";
        summary.errors.push(error.to_owned());
    }
}

/// The summary's closing figures and exit code.
fn finish(mut summary: Summary, started: Instant, config: &FuzzConfig) -> Summary {
    let elapsed = started.elapsed();
    summary.duration_ms = u64::try_from(elapsed.as_millis()).unwrap_or(u64::MAX);
    summary.cases_per_second = summary.cases as f64 / elapsed.as_secs_f64().max(1e-3);
    summary.interrupted |= config.interrupt.as_ref().is_some_and(Interrupt::is_raised);
    summary.exit_code = if !summary.findings.is_empty() {
        1
    } else if summary.errors.is_empty() && !(summary.interrupted && summary.cases == 0) {
        0
    } else {
        2
    };
    summary
}

/// Resets the target after a finding; false, with the error noted, when it
/// cannot be; false, with the run marked interrupted, when the run is
/// interrupted meanwhile.
async fn reset(target: &mut Target, summary: &mut Summary, config: &FuzzConfig) -> bool {
    match target.reset().await {
        Ok(()) => true,
        Err(_) if config.interrupt.as_ref().is_some_and(Interrupt::is_raised) => {
            summary.interrupted = true;
            false
        }
        Err(error) => {
            summary.errors.push(error);
            false
        }
    }
}
