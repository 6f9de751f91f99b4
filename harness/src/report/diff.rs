//! `dvcr diff`: what changed between two JSON reports, for comparing
//! firmware builds: new failures, fixed cases, other verdict changes,
//! findings that appeared or went, cases added or removed.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use super::model::{CaseResult, FindingRecord, NOT_RUN_INTERRUPTED, RunReport, Verdict};

/// The changes between two runs.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct RunDiff {
    /// Cases that passed before and fail now, unexpected by the new run's
    /// baseline: `(name, old, new)`.
    pub new_failures: Vec<(String, Verdict, Verdict)>,
    /// Cases that failed before and pass now.
    pub fixed: Vec<(String, Verdict, Verdict)>,
    /// Other verdict changes.
    pub changed: Vec<(String, Verdict, Verdict)>,
    /// Findings present now and not before: `(case, rule: found)`.
    pub new_findings: Vec<(String, String)>,
    /// Findings present before and not now.
    pub gone_findings: Vec<(String, String)>,
    /// Cases only in the new run.
    pub added: Vec<String>,
    /// Cases only in the new run that fail it: `(name, new)`.
    pub added_failures: Vec<(String, Verdict)>,
    /// Why the new run did not test the device at all, when it stopped
    /// before any case judged it.
    pub untested: Option<String>,
    /// Cases only in the old run.
    pub removed: Vec<String>,
    /// Cases an interrupt cut short in either run, whose verdicts say
    /// nothing of the device: `(name, "old" or "new")`.
    pub cut_short: Vec<(String, &'static str)>,
    /// How many cases the new run did not reach, being interrupted before.
    pub not_reached: usize,
}

/// Whether `case` of `report` was the one under way when the run was
/// interrupted: an error saying so, in a run that counts one.
fn interrupted(report: &RunReport, case: &CaseResult) -> bool {
    report.interrupted_cases > 0 && case.interrupted()
}

/// Whether `case` failed in a way that fails its run: a failure the run's
/// baseline expected, or a command found unsupported that the run's
/// profile does not require, is a change, not a new failure.
fn bad(case: &CaseResult) -> bool {
    case.breaks_run() && !case.baseline_fixed
}

/// Compares `old` with `new`.
pub fn diff(old: &RunReport, new: &RunReport) -> RunDiff {
    let index = |report: &'_ RunReport| -> BTreeMap<String, CaseResult> {
        report
            .cases
            .iter()
            .map(|case| (case.name.clone(), case.clone()))
            .collect()
    };
    let (before, after) = (index(old), index(new));
    let mut out = RunDiff::default();
    for (name, case) in &after {
        let Some(previous) = before.get(name) else {
            out.added.push(name.clone());
            if bad(case) && !interrupted(new, case) {
                out.added_failures.push((name.clone(), case.verdict));
            }
            continue;
        };

        if not_reached(case) {
            out.not_reached += 1;
            continue;
        }

        let change = (name.clone(), previous.verdict, case.verdict);
        if interrupted(old, previous) || interrupted(new, case) {
            let which = if interrupted(old, previous) {
                "old"
            } else {
                "new"
            };
            out.cut_short.push((name.clone(), which));
            continue;
        }
        if previous.verdict != case.verdict {
            match (bad(previous), bad(case)) {
                (false, true) => out.new_failures.push(change),
                (true, false) => out.fixed.push(change),
                _ => out.changed.push(change),
            }
        }

        let (was, now) = (findings(previous), findings(case));
        for finding in now.difference(&was) {
            out.new_findings.push((name.clone(), finding.clone()));
        }
        for finding in was.difference(&now) {
            out.gone_findings.push((name.clone(), finding.clone()));
        }
    }
    out.removed = before
        .keys()
        .filter(|name| !after.contains_key(*name))
        .cloned()
        .collect();
    let judged = new
        .cases
        .iter()
        .any(|case| !matches!(case.verdict, Verdict::Skipped | Verdict::Error));
    out.untested = new.infrastructure_error.clone().filter(|_| !judged);
    out
}

/// Whether `case` is one an interrupted run did not reach.
fn not_reached(case: &CaseResult) -> bool {
    case.verdict == Verdict::Skipped
        && case
            .failure
            .as_ref()
            .is_some_and(|failure| failure.message == NOT_RUN_INTERRUPTED)
}

fn findings(case: &CaseResult) -> BTreeSet<String> {
    case.findings.iter().map(show).collect()
}

fn show(finding: &FindingRecord) -> String {
    let field = finding
        .field
        .as_deref()
        .map(|field| format!(" {field}"))
        .unwrap_or_default();
    format!(
        "{}{field}: expected {}, found {}",
        finding.rule, finding.expected, finding.found
    )
}

impl RunDiff {
    /// Whether the runs differ in anything this diff reports.
    pub fn is_empty(&self) -> bool {
        *self == RunDiff::default()
    }

    /// Whether the new run is worse: a case fails it that passed or was
    /// not there before, or it did not test the device at all.
    pub fn is_worse(&self) -> bool {
        !self.new_failures.is_empty() || !self.added_failures.is_empty() || self.untested.is_some()
    }

    /// The diff as text, one line per change.
    pub fn text(&self) -> String {
        let mut out = String::new();
        if let Some(error) = &self.untested {
            let _ = writeln!(out, "the new run did not test the device: {error}");
        }
        let verdicts = [
            ("new failure", &self.new_failures),
            ("fixed", &self.fixed),
            ("changed", &self.changed),
        ];
        for (label, changes) in verdicts {
            for (name, old, new) in changes {
                let _ = writeln!(out, "{label}: {name} ({old} -> {new})");
            }
        }
        for (name, finding) in &self.new_findings {
            let _ = writeln!(out, "new finding: {name}: {finding}");
        }
        for (name, finding) in &self.gone_findings {
            let _ = writeln!(out, "finding gone: {name}: {finding}");
        }
        for (name, new) in &self.added_failures {
            let _ = writeln!(out, "new failure: {name} (not in the old run -> {new})");
        }
        for name in &self.added {
            let _ = writeln!(out, "added: {name}");
        }
        for name in &self.removed {
            let _ = writeln!(out, "removed: {name}");
        }
        for (name, which) in &self.cut_short {
            let _ = writeln!(
                out,
                "not compared: {name} (the {which} run was interrupted during it)"
            );
        }
        if self.not_reached > 0 {
            let _ = writeln!(
                out,
                "not compared: {} case(s) the new run was interrupted before",
                self.not_reached
            );
        }
        if out.is_empty() {
            out.push_str("no change\n");
        }
        out
    }
}
