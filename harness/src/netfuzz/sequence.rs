//! A fuzz case: the sessions it opens and the writes it makes on them, and
//! the mutations of such sequences (spec, "General Information", items 4 to
//! 6: commands are framed one per TPKT frame, carry the SESSIONID of a
//! login, and may be pipelined on one connection or spread over several).
//!
//! A frame's payload is kept as a template in the scenario variable syntax:
//! `${s0.sessionid}` stands for the session id the first session's login
//! granted, `$$` for a `$`. The same template is what a reproducer's `xml`
//! step sends, so the fuzzer and `dvcr run` expand it alike.

use rand::RngExt;
use rand::rngs::ChaCha20Rng;

use super::mutate::Mutation;
use crate::scenario::Vars;

/// The most sessions one case opens.
pub const MAX_SESSIONS: usize = 3;

/// One generated test case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Case {
    /// Its number in the run: the same seed and index give the same case.
    pub index: u64,
    /// How many sessions it opens, each on its own connection, before its
    /// first write.
    pub sessions: usize,
    /// Its writes, in order.
    pub steps: Vec<Step>,
}

/// One write on one session's connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The session written on, from 0.
    pub session: usize,
    /// The frames written, back to back in one write (pipelining).
    pub frames: Vec<Frame>,
    /// Where the write is cut into pieces sent one after another, in
    /// thousandths of its length (splitting); empty for one piece.
    pub splits: Vec<u16>,
}

/// One frame: a payload template and what is done to its bytes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Frame {
    /// The xmlid of its first record, for summaries.
    pub xmlid: String,
    /// The XML document, with `${sN.sessionid}` for session ids.
    pub template: String,
    /// The byte-level mutation applied once the template is expanded.
    pub mutation: Option<Mutation>,
}

impl Case {
    /// The frames of the case in order, for summaries.
    pub fn frames(&self) -> impl Iterator<Item = &Frame> {
        self.steps.iter().flat_map(|step| step.frames.iter())
    }

    /// The case with only the sessions its steps and templates use.
    pub fn trimmed(mut self) -> Case {
        let used = (0..self.sessions)
            .rev()
            .find(|session| {
                let var = session_var(*session);
                self.steps.iter().any(|step| {
                    step.session == *session
                        || step
                            .frames
                            .iter()
                            .any(|frame| frame.template.contains(&var))
                })
            })
            .map_or(1, |last| last + 1);
        self.sessions = used;
        self
    }
}

/// The name of session `index` in templates and in reproducers: `s0`.
pub fn session_name(index: usize) -> String {
    format!("s{index}")
}

/// The template variable of session `index`'s id: `${s0.sessionid}`.
pub fn session_var(index: usize) -> String {
    format!("${{{}.sessionid}}", session_name(index))
}

/// `text` escaped for a template: every `$` doubled.
pub fn escape(text: &str) -> String {
    text.replace('$', "$$")
}

/// `template` with the session ids of `sessions` in place; a session that
/// has no id expands to an empty id.
pub fn expand(template: &str, sessions: &[Option<String>]) -> String {
    let mut vars = Vars::new();
    for session in 0..MAX_SESSIONS {
        let id = sessions.get(session).cloned().flatten().unwrap_or_default();
        vars.set(format!("{}.sessionid", session_name(session)), id);
    }
    vars.expand(template)
        .unwrap_or_else(|_| template.to_owned())
}

/// Mutates the order and grouping of `steps`: swaps two, merges
/// neighbours on one session into one pipelined write, moves a step to
/// another session, or repeats one.
pub fn mutate_sequence(steps: &mut Vec<Step>, sessions: usize, rng: &mut ChaCha20Rng) {
    let len = steps.len();
    if len == 0 {
        return;
    }

    match rng.random_range(0..4_u8) {
        0 if len > 1 => {
            let (a, b) = (rng.random_range(0..len), rng.random_range(0..len));
            steps.swap(a, b);
        }
        1 if len > 1 => {
            let at = rng.random_range(0..len - 1);
            let next = steps.remove(at + 1);
            if let Some(step) = steps.get_mut(at) {
                step.frames.extend(next.frames);
            }
        }
        2 => {
            let at = rng.random_range(0..len);
            if let Some(step) = steps.get_mut(at) {
                step.session = rng.random_range(0..sessions.max(1));
            }
        }
        _ => {
            let at = rng.random_range(0..len);
            if let Some(step) = steps.get(at).cloned() {
                steps.insert(at, step);
            }
        }
    }
}
