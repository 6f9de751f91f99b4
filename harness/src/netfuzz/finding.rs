//! One finding of a run: minimized against the target within the run's
//! bounds, confirmed on a reset target, its detail freed of ephemeral
//! addresses, and its reproducer saved as a scenario (spec, "General
//! Information", items 4 to 6).

use std::time::Instant;

use super::execute::{End, Observation, execute};
use super::minimize::{Budget, minimize};
use super::oracle::{Kind, Verdict, judge, probe};
use super::reproducer::{self, Finding};
use super::run::FuzzConfig;
use super::sequence::Case;
use super::summary::FindingRecord;
use super::target::Target;
use crate::run::Interrupt;

/// The record with its reproducer saved, or why it could not be.
pub(super) fn saved(mut record: FindingRecord, save: Save) -> FindingRecord {
    match save() {
        Ok(path) => record.reproducer = Some(path),
        Err(error) => record.not_saved = Some(error),
    }
    record
}

/// The xmlid `verdict` on `case` is about: that of the reply's record that
/// broke the catalog, else that of the first frame of its step.
pub(super) fn xmlid_of(case: &Case, verdict: &Verdict) -> String {
    verdict
        .xmlid
        .clone()
        .unwrap_or_else(|| xmlid_at(case, verdict.step))
}

/// The xmlid of the first frame of step `step` of `case`; `login` for a
/// case of the login alone.
fn xmlid_at(case: &Case, step: Option<usize>) -> String {
    if case.steps.is_empty() {
        return "login".to_owned();
    }

    step.and_then(|at| case.steps.get(at))
        .and_then(|step| step.frames.first())
        .map_or_else(String::new, |frame| frame.xmlid.clone())
}

/// Saves a finding's reproducer, giving its path or why it was not saved.
pub(super) type Save = Box<dyn FnOnce() -> Result<String, String>>;

/// Minimizes a finding and confirms it; gives its record and what saves
/// its reproducer.
pub(super) async fn found(
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
    let deadline = config.duration.map(|limit| started + limit);
    let minimizable = !case.steps.is_empty() && deadline.is_none_or(|at| Instant::now() < at);
    if let Some(limits) = config.minimize.filter(|_| minimizable) {
        let budget = Budget::new(limits).bounded(deadline, config.interrupt.clone());
        let (smaller, spent) = minimize(
            case,
            verdict.kind,
            target,
            &reach,
            budget,
            config.strictness,
        )
        .await;
        attempts = spent;
        let in_time = deadline.is_none_or(|at| Instant::now() < at);
        let stopped = config.interrupt.as_ref().is_some_and(Interrupt::is_raised);
        if in_time && !stopped && smaller != *case {
            let bound = config.bound(started);
            let confirming = confirm(&smaller, verdict.kind, target, config);
            confirmed = bound.run(confirming).await.flatten();
        }
        if confirmed.is_some() {
            kept = smaller;
        }
    }

    let ran = observation.writes.len();
    let hung = observation
        .writes
        .last()
        .is_some_and(|w| w.end == End::Silent);
    if confirmed.is_none() && hung && ran < kept.steps.len() {
        kept.steps.truncate(ran);
    }
    let (mut verdict, sent, expected) = match confirmed {
        Some((verdict, observed)) => (verdict, bytes(&observed), expected(&observed)),
        None => (verdict, bytes(observation), expected(observation)),
    };
    if target.is_emulated() {
        for addr in [reach.addr.clone(), target.addr()] {
            verdict.detail = verdict.detail.replace(&addr, "the emulator");
        }
    }
    let xmlid = xmlid_of(&kept, &verdict);
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
        not_saved: None,
    };
    let (out, seed, reply_timeout) = (config.out.clone(), config.seed, config.reply_timeout);
    let xmlid = record.xmlid.clone();
    let save: Save = Box::new(move || {
        let finding = Finding {
            case: &kept,
            xmlid: &xmlid,
            sent: &sent,
            expected: &expected,
            kind: verdict.kind,
            detail: &verdict.detail,
            seed,
            step: verdict.step,
            reply_timeout,
        };
        reproducer::save(&out, &finding)
            .map(|path| path.display().to_string())
            .map_err(|error| format!("cannot write into {}: {error}", out.display()))
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
