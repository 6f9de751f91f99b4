//! Delta debugging (Zeller's ddmin) of a failing case against the live
//! target: the smallest sequence of writes, and of frames within each
//! write, that still fails the same way, within a budget of attempts and
//! time (spec, "General Information", items 4 to 6: the writes are TPKT
//! frames on sessions).

use std::cell::Cell;
use std::time::{Duration, Instant};

use super::bound::Bound;
use super::execute::{Reach, execute};
use super::fields;
use super::oracle::{Kind, Strictness, judge, probe};
use super::sequence::{Case, Step};
use super::target::Target;
use crate::run::Interrupt;

/// How much minimization may cost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The most cases run.
    pub attempts: usize,
    /// The longest it may take.
    pub time: Duration,
}

impl Default for Limits {
    fn default() -> Self {
        Limits {
            attempts: 64,
            time: Duration::from_secs(60),
        }
    }
}

/// The budget left.
#[derive(Clone, Debug)]
pub struct Budget {
    left: usize,
    deadline: Instant,
    interrupt: Option<Interrupt>,
    /// How many attempts were made.
    pub spent: usize,
}

impl Budget {
    /// A budget of `limits` from now.
    pub fn new(limits: Limits) -> Self {
        Budget {
            left: limits.attempts,
            deadline: Instant::now() + limits.time,
            interrupt: None,
            spent: 0,
        }
    }

    /// The same budget, ending at `deadline` if that comes first, and as
    /// soon as `interrupt` is raised.
    pub fn bounded(mut self, deadline: Option<Instant>, interrupt: Option<Interrupt>) -> Self {
        if let Some(deadline) = deadline {
            self.deadline = self.deadline.min(deadline);
        }
        self.interrupt = interrupt;
        self
    }

    /// Takes one attempt; false when none is left.
    pub fn spend(&mut self) -> bool {
        let interrupted = self.interrupt.as_ref().is_some_and(Interrupt::is_raised);
        if self.left == 0 || Instant::now() >= self.deadline || interrupted {
            return false;
        }

        self.left -= 1;
        self.spent += 1;
        true
    }
}

/// The smallest part of `items` for which `fails` still holds, by ddmin;
/// `items` is assumed to fail. Stops early when the budget runs out.
pub async fn ddmin<T, F>(items: Vec<T>, budget: &mut Budget, fails: &mut F) -> Vec<T>
where
    T: Clone,
    F: AsyncFnMut(&[T]) -> bool,
{
    let mut items = items;
    let mut parts = 2_usize;
    while items.len() >= 2 {
        let chunks = chunk(&items, parts);
        let mut reduced = false;
        for (index, part) in chunks.iter().enumerate() {
            if !budget.spend() {
                return items;
            }

            if fails(part).await {
                items = part.clone();
                parts = 2;
                reduced = true;
                break;
            }

            if chunks.len() == 2 {
                continue;
            }

            let complement: Vec<T> = chunks
                .iter()
                .enumerate()
                .filter(|(other, _)| *other != index)
                .flat_map(|(_, part)| part.iter().cloned())
                .collect();
            if !budget.spend() {
                return items;
            }

            if fails(&complement).await {
                items = complement;
                parts = (parts - 1).max(2);
                reduced = true;
                break;
            }
        }
        if reduced {
            continue;
        }

        if parts >= items.len() {
            break;
        }
        parts = (parts * 2).min(items.len());
    }
    items
}

/// `items` cut into `parts` runs of nearly equal length.
fn chunk<T: Clone>(items: &[T], parts: usize) -> Vec<Vec<T>> {
    let size = items.len().div_ceil(parts.max(1)).max(1);
    items.chunks(size).map(<[T]>::to_vec).collect()
}

/// `case` minimized against `target`: steps first, then the frames of each
/// step, then splits and mutations dropped where the failure stays, then
/// the fields of each frame left unmutated. Every
/// attempt starts from a reset target; a target that cannot be reset ends
/// the minimization at once, with what was kept so far; an attempt still
/// waiting one reply timeout past the budget's end, or when the run is
/// interrupted, is cut short. Gives the smallest
/// case and how many attempts ran on the target.
pub async fn minimize(
    case: &Case,
    kind: Kind,
    target: &mut Target,
    reach: &Reach,
    mut budget: Budget,
    strictness: Strictness,
) -> (Case, usize) {
    let (gone, ran) = (Cell::new(false), Cell::new(0));
    let bound = Bound {
        interrupt: budget.interrupt.clone(),
        cut_off: Some(budget.deadline + reach.reply_timeout),
    };
    let mut check = async |candidate: &Case| -> bool {
        if gone.get() {
            return false;
        }

        ran.set(ran.get() + 1);
        let failed = fails(candidate, (kind, strictness), target, reach, &bound).await;
        gone.set(failed.is_none());
        failed.unwrap_or(false)
    };

    let base = case.clone();
    let steps = ddmin(
        case.steps.clone(),
        &mut budget,
        &mut async |steps: &[Step]| check(&with_steps(&base, steps.to_vec())).await,
    )
    .await;
    let mut best = with_steps(case, steps);

    for at in 0..best.steps.len() {
        let frames = best
            .steps
            .get(at)
            .map(|step| step.frames.clone())
            .unwrap_or_default();
        if frames.len() < 2 {
            continue;
        }

        let shape = best.clone();
        let kept = ddmin(frames, &mut budget, &mut async |frames: &[_]| {
            let mut candidate = shape.clone();
            if let Some(step) = candidate.steps.get_mut(at) {
                step.frames = frames.to_vec();
            }
            check(&candidate).await
        })
        .await;
        if let Some(step) = best.steps.get_mut(at) {
            step.frames = kept;
        }
    }

    for at in 0..best.steps.len() {
        let mut candidate = best.clone();
        let Some(step) = candidate.steps.get_mut(at) else {
            continue;
        };

        let had = !step.splits.is_empty() || step.frames.iter().any(|f| f.mutation.is_some());
        step.splits.clear();
        step.frames
            .iter_mut()
            .for_each(|frame| frame.mutation = None);
        if had && budget.spend() && check(&candidate).await {
            best = candidate;
        }
    }

    for (at, index) in frame_places(&best) {
        let Some(template) = frame_template(&best, at, index) else {
            continue;
        };
        let Some(count) = fields::count(&template).filter(|count| *count >= 2) else {
            continue;
        };

        let shape = best.clone();
        let kept = ddmin(
            (0..count).collect(),
            &mut budget,
            &mut async |keep: &[usize]| {
                let Some(cut) = fields::keep(&template, keep) else {
                    return false;
                };
                check(&with_template(&shape, at, index, cut)).await
            },
        )
        .await;
        if kept.len() < count
            && let Some(cut) = fields::keep(&template, &kept)
        {
            best = with_template(&best, at, index, cut);
        }
    }
    (best.trimmed(), ran.get())
}

/// Where each frame of `case` is: its step and its place in the step.
fn frame_places(case: &Case) -> Vec<(usize, usize)> {
    case.steps
        .iter()
        .enumerate()
        .flat_map(|(at, step)| (0..step.frames.len()).map(move |index| (at, index)))
        .collect()
}

/// The template of frame `index` of step `at`, when no mutation changes
/// its bytes: cutting fields would move a mutation's offsets.
fn frame_template(case: &Case, at: usize, index: usize) -> Option<String> {
    let frame = case.steps.get(at)?.frames.get(index)?;
    frame.mutation.is_none().then(|| frame.template.clone())
}

/// `case` with frame `index` of step `at` sending `template`.
fn with_template(case: &Case, at: usize, index: usize, template: String) -> Case {
    let mut case = case.clone();
    if let Some(frame) = case
        .steps
        .get_mut(at)
        .and_then(|step| step.frames.get_mut(index))
    {
        frame.template = template;
    }
    case
}

fn with_steps(case: &Case, steps: Vec<Step>) -> Case {
    Case {
        steps,
        ..case.clone()
    }
}

/// Whether `case` fails with `kind` on a freshly reset target; `None` when
/// the target cannot be reset (a live device that stays down); false when
/// `bound` cuts the attempt short.
async fn fails(
    case: &Case,
    (kind, strictness): (Kind, Strictness),
    target: &mut Target,
    reach: &Reach,
    bound: &Bound,
) -> Option<bool> {
    if target.reset().await.is_err() {
        return None;
    }

    let reach = Reach {
        addr: target.addr(),
        ..reach.clone()
    };
    let attempt = async {
        let observation = execute(case, &reach).await;
        if observation.setup_error.is_some() {
            return false;
        }

        let probed = probe(&reach).await;
        judge(&observation, &probed, strictness).is_some_and(|verdict| verdict.kind == kind)
    };
    Some(bound.run(attempt).await.unwrap_or(false))
}
