//! Commands generated from the catalog (spec, the parameter tables of
//! every command, and "General Information", items 3 to 6): each field of
//! a command drawn from its valid values or from the values at and beyond
//! its boundaries, fields left out or repeated, unknown fields added,
//! xmlids and record kinds bent, session ids borrowed from other sessions.
//!
//! A case is made from its seed and index alone, so the same seed gives
//! the same cases whatever the target answered.

use dvcr_protocol::catalog::{COMMANDS, Command, FieldSpec, Presence, ValueType};
use dvcr_protocol::encode::encode_xml;
use dvcr_protocol::{Kind, Message, PROTOCOL_VERSION};
use rand::rngs::ChaCha20Rng;
use rand::{RngExt, SeedableRng};

use super::boundary::{boundary, guid, pick, valid};
use super::mutate::Mutation;
use super::sequence::{Case, Frame, MAX_SESSIONS, Step, escape, mutate_sequence, session_var};
use crate::run::destructive::is_destructive;

/// The most writes of one case before sequence mutations.
const MAX_STEPS: usize = 4;

/// The odds that a field's value comes from its boundaries.
const BOUNDARY_ODDS: f64 = 0.45;

/// The odds that a frame is mutated at the byte level.
const MUTATION_ODDS: f64 = 0.15;

/// Marks a session id in a document before it becomes a template variable.
const SESSION_MARK: char = '\u{e000}';

/// Makes cases from the catalog.
#[derive(Clone, Debug)]
pub struct Generator {
    commands: Vec<&'static Command>,
}

impl Generator {
    /// A generator of every command of the catalog, the destructive ones
    /// (those `dvcr run` runs only with `--allow-destructive`) only when
    /// `allow_destructive`.
    pub fn new(allow_destructive: bool) -> Self {
        let commands = COMMANDS
            .iter()
            .copied()
            .filter(|command| allow_destructive || !is_destructive(command.xmlid))
            .collect();
        Generator { commands }
    }

    /// Case `index` of the run seeded with `seed`.
    pub fn case(&self, seed: u64, index: u64) -> Case {
        let mut rng = ChaCha20Rng::seed_from_u64(case_seed(seed, index));
        let sessions = if rng.random_bool(0.2) {
            rng.random_range(2..=MAX_SESSIONS)
        } else {
            1
        };
        let count = rng.random_range(1..=MAX_STEPS);
        let mut steps = Vec::with_capacity(count);
        for _ in 0..count {
            let session = if rng.random_bool(0.8) {
                0
            } else {
                rng.random_range(0..sessions)
            };
            let frame = self.frame(&mut rng, session, sessions);
            let splits = if rng.random_bool(0.1) {
                (0..rng.random_range(1..=3))
                    .map(|_| rng.random_range(1..1000))
                    .collect()
            } else {
                Vec::new()
            };
            steps.push(Step {
                session,
                frames: vec![frame],
                splits,
            });
        }
        if rng.random_bool(0.3) {
            mutate_sequence(&mut steps, sessions, &mut rng);
        }
        Case {
            index,
            sessions,
            steps,
        }
    }

    /// One frame for a step on `session` among `sessions`.
    fn frame(&self, rng: &mut ChaCha20Rng, session: usize, sessions: usize) -> Frame {
        let Some(command) = pick(&self.commands, rng).copied() else {
            return Frame {
                xmlid: String::new(),
                template: String::new(),
                mutation: None,
            };
        };

        let mut message = Message::new(PROTOCOL_VERSION);
        self.record(&mut message, command, rng, session, sessions);
        if rng.random_bool(0.03) {
            let other = pick(&self.commands, rng).copied().unwrap_or(command);
            self.record(&mut message, other, rng, session, sessions);
        }
        let mutation = rng
            .random_bool(MUTATION_ODDS)
            .then(|| Mutation::random(rng));
        Frame {
            xmlid: command.xmlid.to_owned(),
            template: template(&message),
            mutation,
        }
    }

    /// Appends a record of `command` to `message`, its fields drawn.
    fn record(
        &self,
        message: &mut Message<'static>,
        command: &Command,
        rng: &mut ChaCha20Rng,
        session: usize,
        sessions: usize,
    ) {
        let kind = if rng.random_bool(0.02) {
            Kind::Confirm
        } else {
            Kind::Command
        };
        message.push_record(kind, xmlid(command.xmlid, rng));
        for spec in command.command {
            let copies = copies(spec, rng);
            for _ in 0..copies {
                let value = if spec.name == "SESSIONID" {
                    session_id(rng, session, sessions)
                } else {
                    value(spec, rng)
                };
                let name = if rng.random_bool(0.01) {
                    spec.name.to_lowercase()
                } else {
                    spec.name.to_owned()
                };
                message.push_value(name, value);
            }
        }
        if rng.random_bool(0.03) {
            message.push_value("FUZZ", value_of(ValueType::Text { max_chars: None }, rng));
        }
    }
}

/// The seed of case `index` of a run seeded with `seed` (SplitMix64).
pub fn case_seed(seed: u64, index: u64) -> u64 {
    let mut z = seed ^ index.wrapping_mul(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// How many times a field is written: its presence, sometimes broken.
fn copies(spec: &FieldSpec, rng: &mut ChaCha20Rng) -> usize {
    let usual = match spec.presence {
        Presence::Required => 1,
        Presence::Optional => usize::from(rng.random_bool(0.5)),
        Presence::Repeatable => rng.random_range(0..=3),
    };
    match rng.random_range(0..100_u8) {
        0..4 => 0,
        4..8 => usual + 1,
        _ => usual,
    }
}

/// The xmlid as the catalog spells it, or bent: other case, spaces, cut.
fn xmlid(xmlid: &str, rng: &mut ChaCha20Rng) -> String {
    match rng.random_range(0..100_u8) {
        0 => xmlid.to_uppercase(),
        1 => format!(" {xmlid} "),
        2 => xmlid.chars().skip(1).collect(),
        3 => format!("{xmlid}x"),
        _ => xmlid.to_owned(),
    }
}

/// A SESSIONID: mostly the step's own session, else another session's, a
/// boundary GUID, or a fresh random one.
fn session_id(rng: &mut ChaCha20Rng, session: usize, sessions: usize) -> String {
    match rng.random_range(0..100_u8) {
        0..85 => session_mark(session),
        85..90 => session_mark(rng.random_range(0..sessions.max(1))),
        90..95 => value_of(ValueType::Guid, rng),
        _ => guid(rng),
    }
}

fn session_mark(session: usize) -> String {
    format!("{SESSION_MARK}{session}{SESSION_MARK}")
}

/// A value for `spec`: valid, or at a boundary.
fn value(spec: &FieldSpec, rng: &mut ChaCha20Rng) -> String {
    if rng.random_bool(BOUNDARY_ODDS) {
        value_of(spec.value, rng)
    } else {
        valid(spec.value, rng)
    }
}

/// A boundary value of `value_type`.
fn value_of(value_type: ValueType, rng: &mut ChaCha20Rng) -> String {
    let values = boundary(value_type);
    pick(&values, rng).cloned().unwrap_or_default()
}

/// `message` as a template: encoded, `$` escaped, session marks turned into
/// session variables. A message the encoder refuses gives an empty
/// payload, which is itself a case.
fn template(message: &Message<'_>) -> String {
    let mut xml = Vec::new();
    if encode_xml(message, &mut xml).is_err() {
        return String::new();
    }

    let mut text = escape(&String::from_utf8_lossy(&xml));
    for session in 0..MAX_SESSIONS {
        text = text.replace(&session_mark(session), &session_var(session));
    }
    text
}
