//! A finding saved as a scenario file that `dvcr run --scenario FILE`
//! replays (the format of `corpus/scenarios/README.md`; spec, "General
//! Information", items 4 to 6, and the section of the command that
//! failed).
//!
//! Each write becomes one step on its session: an `xml` step when it is
//! one well-formed frame, so that `${sN.sessionid}` takes the session id of
//! the replay; a `raw` step of the bytes as sent otherwise (their session
//! ids are those of the fuzzing run, which hex cannot take from the
//! replay: the step's note says so, since a device that checks session ids
//! may answer such a replay as an invalid session). A write that expects no answer is
//! sent together with the session's next write, or after a `getdevinfo`
//! without session id that any device answers, since a scenario step
//! waits for a reply. A last step opens a fresh session and asks
//! `getdevinfo`, so that a device that crashed fails the replay even when
//! the crashing write itself was answered.

use std::path::{Path, PathBuf};
use std::time::Duration;

use dvcr_protocol::catalog::lookup;
use dvcr_protocol::tpkt::write_frame;
use toml::{Table, Value};

use super::oracle::Kind;
use super::sequence::{Case, MAX_SESSIONS, Step, session_name, session_var};

/// The session the last step opens to see whether the device lives.
pub const PROBE_SESSION: &str = "probe";

/// The payload any device answers, with a failure at worst.
const ANSWERED: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n\
<DVCRMANAGER version=\"1.0.0.0\">\n<COMMAND xmlid=\"getdevinfo\">\n</COMMAND>\n</DVCRMANAGER>\n";

/// What the note of a `raw` step adds when its bytes hold session ids.
const RAW_IDS: &str = "; these raw bytes hold the session ids of the fuzzing run, \
which raw hex cannot take from the replay as an xml step takes its session's: \
a device that checks session ids may answer them as an invalid session";

/// What a reproducer is made from.
#[derive(Clone, Copy, Debug)]
pub struct Finding<'a> {
    /// The minimized case.
    pub case: &'a Case,
    /// The xmlid of the command the finding is about (`login` for the
    /// login alone): its section is the scenario's.
    pub xmlid: &'a str,
    /// The bytes each of its writes sent in its last run.
    pub sent: &'a [Vec<u8>],
    /// The frames of each write that expected an answer in that run.
    pub expected: &'a [usize],
    /// What kind of failure it is.
    pub kind: Kind,
    /// What was seen.
    pub detail: &'a str,
    /// The run's seed.
    pub seed: u64,
    /// The step it showed at.
    pub step: Option<usize>,
    /// How long the replay waits for each reply.
    pub reply_timeout: Duration,
}

/// The file name of a reproducer: `crash-s7-c41.toml`.
pub fn file_name(kind: Kind, seed: u64, case: u64) -> String {
    format!("{kind}-s{seed}-c{case}.toml")
}

/// Writes the reproducer of `finding` into `dir`, creating it.
pub fn save(dir: &Path, finding: &Finding<'_>) -> std::io::Result<PathBuf> {
    std::fs::create_dir_all(dir)?;
    let path = dir.join(file_name(finding.kind, finding.seed, finding.case.index));
    std::fs::write(&path, scenario(finding))?;
    Ok(path)
}

/// The scenario file of `finding`, as TOML text.
pub fn scenario(finding: &Finding<'_>) -> String {
    let case = finding.case;
    let section = lookup(finding.xmlid).map_or("General Information", |command| command.section);

    let mut root = Table::new();
    root.insert(
        "name".into(),
        format!("fuzz-{}-s{}-c{}", finding.kind, finding.seed, case.index).into(),
    );
    root.insert("section".into(), section.into());
    root.insert(
        "description".into(),
        format!(
            "dvcr fuzz --seed {} found a {} at case {}: {}",
            finding.seed, finding.kind, case.index, finding.detail
        )
        .into(),
    );
    root.insert(
        "tags".into(),
        Value::Array(vec!["fuzz".into(), finding.kind.name().into()]),
    );

    let mut sessions: Vec<Value> = (0..case.sessions.max(1))
        .map(|s| session(&session_name(s)))
        .collect();
    sessions.push(session(PROBE_SESSION));
    root.insert("sessions".into(), Value::Array(sessions));

    let mut steps = steps(finding);
    let mut reconnect = Table::new();
    reconnect.insert("session".into(), PROBE_SESSION.into());
    reconnect.insert(
        "note".into(),
        "a fresh session: the device still accepts one".into(),
    );
    reconnect.insert("reconnect".into(), true.into());
    steps.push(Value::Table(reconnect));
    let mut alive = Table::new();
    alive.insert("session".into(), PROBE_SESSION.into());
    alive.insert("send".into(), "getdevinfo".into());
    alive.insert("within_ms".into(), timeout_ms(finding).into());
    alive.insert("expect".into(), Value::Table(expect_result("0")));
    steps.push(Value::Table(alive));
    root.insert("steps".into(), Value::Array(steps));

    toml::to_string(&root).unwrap_or_default()
}

fn session(name: &str) -> Value {
    let mut table = Table::new();
    table.insert("name".into(), name.into());
    Value::Table(table)
}

fn expect_result(result: &str) -> Table {
    let mut table = Table::new();
    table.insert("result".into(), result.into());
    table
}

fn timeout_ms(finding: &Finding<'_>) -> i64 {
    i64::try_from(finding.reply_timeout.as_millis()).unwrap_or(i64::MAX)
}

/// One step per write, unanswered writes folded into answered ones.
fn steps(finding: &Finding<'_>) -> Vec<Value> {
    let case = finding.case;
    let mut out = Vec::new();
    let mut carried: Vec<Option<Vec<u8>>> = vec![None; case.sessions.max(1)];
    let mut carried_ids = vec![false; carried.len()];
    for (at, step) in case.steps.iter().enumerate() {
        let sent = finding.sent.get(at).cloned().unwrap_or_default();
        let expected = finding.expected.get(at).copied().unwrap_or(0);
        let last_of_session = !case
            .steps
            .iter()
            .skip(at + 1)
            .any(|s| s.session == step.session);
        let pending = carried.get_mut(step.session).and_then(Option::take);
        let ids_in = carried_ids.get_mut(step.session).map(std::mem::take);
        let carries_ids = ids_in.unwrap_or(false) || uses_session_ids(step);
        if expected == 0 && !last_of_session {
            if let Some(slot) = carried_ids.get_mut(step.session) {
                *slot = carries_ids;
            }
            let mut bytes = pending.unwrap_or_default();
            bytes.extend_from_slice(&sent);
            if let Some(slot) = carried.get_mut(step.session) {
                *slot = Some(bytes);
            }
            continue;
        }

        let mut table = Table::new();
        table.insert("session".into(), session_name(step.session).into());
        let mut note = note(step.frames.iter().map(|f| f.xmlid.as_str()));
        let plain = pending.is_none()
            && expected > 0
            && step.splits.is_empty()
            && matches!(step.frames.as_slice(), [frame] if frame.mutation.is_none());
        match step.frames.as_slice() {
            [frame] if plain => {
                table.insert("xml".into(), frame.template.clone().into());
            }
            _ => {
                let mut bytes = pending.unwrap_or_default();
                if expected == 0 {
                    let _ = write_frame(ANSWERED.as_bytes(), &mut bytes);
                }
                bytes.extend_from_slice(&sent);
                if carries_ids {
                    note.push_str(RAW_IDS);
                }
                table.insert("raw".into(), hex(&bytes).into());
                if let Some(first) = super::mutate::cut_points(bytes.len(), &step.splits).first() {
                    table.insert("chunk".into(), i64::try_from(*first).unwrap_or(1).into());
                }
            }
        }
        table.insert("note".into(), note.into());
        table.insert("within_ms".into(), timeout_ms(finding).into());
        if finding.kind == Kind::ProtocolViolation && finding.step == Some(at) {
            let mut expect = Table::new();
            expect.insert("catalog".into(), true.into());
            table.insert("expect".into(), Value::Table(expect));
        }
        out.push(Value::Table(table));
    }
    out
}

/// Whether a frame of `step` takes a session id.
fn uses_session_ids(step: &Step) -> bool {
    step.frames
        .iter()
        .any(|frame| (0..MAX_SESSIONS).any(|at| frame.template.contains(&session_var(at))))
}

fn note<'a>(xmlids: impl Iterator<Item = &'a str>) -> String {
    let names: Vec<&str> = xmlids.collect();
    format!("fuzzed {}", names.join(", "))
}

/// Bytes as the scenario format writes them: hexadecimal pairs, spaced.
pub fn hex(bytes: &[u8]) -> String {
    let pairs: Vec<String> = bytes.iter().map(|byte| format!("{byte:02x}")).collect();
    pairs.join(" ")
}
