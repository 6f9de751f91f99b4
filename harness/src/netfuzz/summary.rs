//! The JSON summary of a fuzzing run: the target, the seed, how many cases
//! ran and how fast, and each finding with its seed, its case, what was
//! seen, how far it was minimized and where its reproducer was saved
//! (spec, "General Information": the findings concern the management
//! protocol).

use std::path::Path;

use serde::Serialize;

use super::oracle::Kind;

/// A whole run.
#[derive(Clone, Debug, Default, Serialize)]
pub struct Summary {
    /// What was fuzzed.
    pub target: String,
    /// The seed: the same seed gives the same cases.
    pub seed: u64,
    /// Cases run.
    pub cases: u64,
    /// How long the run took.
    pub duration_ms: u64,
    /// Cases per second, over the run.
    pub cases_per_second: f64,
    /// Distinct findings, in the order found.
    pub findings: Vec<FindingRecord>,
    /// Findings that repeated one already saved.
    pub duplicates: u64,
    /// Cases that could not start, or why the run stopped early.
    pub errors: Vec<String>,
    /// Whether the run was interrupted (SIGINT, SIGTERM) before its bound.
    pub interrupted: bool,
    /// 0 nothing found, 1 findings, 2 the target could not be fuzzed (or
    /// the run was interrupted before its first case).
    pub exit_code: u8,
}

/// One finding.
#[derive(Clone, Debug, Serialize)]
pub struct FindingRecord {
    /// Crash, hang or protocol violation.
    pub kind: Kind,
    /// What was seen.
    pub detail: String,
    /// The run's seed.
    pub seed: u64,
    /// The case that found it, with that seed.
    pub case: u64,
    /// The write of the minimized case it showed at.
    pub step: Option<usize>,
    /// The xmlid it is about: that of the reply's record that broke the
    /// catalog, else that of the write's first frame.
    pub xmlid: String,
    /// Milliseconds from the start of the run to the finding.
    pub found_after_ms: u64,
    /// Writes in the case as generated.
    pub original_steps: usize,
    /// Writes left after minimization.
    pub minimized_steps: usize,
    /// Cases run to minimize it.
    pub minimize_attempts: usize,
    /// The scenario file that replays it.
    pub reproducer: Option<String>,
    /// Why the reproducer could not be saved, when it could not.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub not_saved: Option<String>,
}

impl FindingRecord {
    /// What makes two findings one bug; see [`bug_key`].
    pub fn bug_key(&self) -> (Kind, String, String) {
        bug_key(self.kind, &self.xmlid, &self.detail)
    }
}

/// What makes two findings one bug: a crash or a hang by its kind alone
/// (after the first crash the device is gone, so every command that
/// reaches it looks like a new one); a protocol violation by its kind,
/// xmlid and the rule it broke (the start of `detail`, `RULE on XMLID`);
/// one that concerns no command (a broken frame, a dropped connection) by
/// its kind and what was seen, whatever command showed it and whatever the
/// numbers in it (how many frames were pending, at which byte).
pub fn bug_key(kind: Kind, xmlid: &str, detail: &str) -> (Kind, String, String) {
    match kind {
        Kind::Crash | Kind::Hang => (kind, String::new(), String::new()),
        Kind::ProtocolViolation => {
            let head = detail.split(':').next().unwrap_or_default();
            match head.split_once(" on ") {
                Some((rule, _)) => (kind, xmlid.to_owned(), rule.trim().to_owned()),
                None => (kind, String::new(), without_numbers(head.trim())),
            }
        }
    }
}

/// `text` with each run of digits written `N`.
fn without_numbers(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_number = false;
    for c in text.chars() {
        if !c.is_ascii_digit() {
            out.push(c);
        } else if !in_number {
            out.push('N');
        }
        in_number = c.is_ascii_digit();
    }
    out
}

impl Summary {
    /// Writes the summary as pretty JSON to `path`.
    pub fn write_json(&self, path: &Path) -> std::io::Result<()> {
        let text = serde_json::to_string_pretty(self).map_err(std::io::Error::other)?;
        std::fs::write(path, text + "\n")
    }
}
