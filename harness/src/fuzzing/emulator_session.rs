//! The `emulator_session` oracle: an in-process emulated device fed an
//! arbitrary sequence of logins, catalog commands with arbitrary values,
//! clock jumps and connection changes never panics, answers every command
//! with a well-formed `CONFIRM` of its own `xmlid`, and keeps its state
//! consistent (spec, "General Information", items 3, 5 and 6).

use std::collections::BTreeMap;
use std::sync::OnceLock;
use std::time::Duration;

use arbitrary::{Result, Unstructured};
use dvcr_protocol::catalog::COMMANDS;
use dvcr_protocol::decode::{DecodeOptions, Mode, decode};
use dvcr_protocol::encode::encode_xml;
use dvcr_protocol::{Kind, Limits, Message};

use super::commands;
use crate::emulator::fixture::default_state;
use crate::emulator::request::canonical_xmlid;
use crate::emulator::{ConnectionId, Device, DeviceConfig, ManualClock, Outcome, State};

/// The most steps one input drives, so that one run stays short.
pub const MAX_STEPS: usize = 64;

/// 2006-06-15 22:00:00 UTC, near the spec's own examples.
const START_MS: u64 = 1_150_408_800_000;

/// The default fixture, read once: parsing its TOML on every run would
/// cost more than the run itself.
static FIXTURE: OnceLock<State> = OnceLock::new();

/// The session being driven: the device, its clock, and who is logged in.
struct Run {
    device: Device,
    clock: ManualClock,
    connection: u64,
    sessions: BTreeMap<u64, String>,
}

/// Drives a device on the default fixture with the steps `data` describes
/// and checks every answer and the state after each step.
///
/// Each step is, by the input's choice: a login as a fixture user (right
/// or wrong password), a command of the catalog with arbitrary values
/// (carrying the connection's session most of the time), a jump of the
/// clock of up to an hour, a change of connection (0 to 3), or a
/// disconnection. After every command the device must not hang, must
/// answer at least one reply, each reply's records must be `CONFIRM`s
/// whose `xmlid` is the command's, opening with `RESULT` 0 or 1, and every
/// reply and indication must encode to XML that decodes back to it; after
/// every step [`State::check_invariants`](crate::emulator::State) must hold.
pub fn emulator_session(data: &[u8]) {
    let clock = ManualClock::starting_at(START_MS);
    let config = DeviceConfig {
        seed: Some(7),
        ..DeviceConfig::default()
    };
    let device = Device::new(
        FIXTURE.get_or_init(default_state).clone(),
        config,
        Box::new(clock.clone()),
    );
    let mut run = Run {
        device,
        clock,
        connection: 0,
        sessions: BTreeMap::new(),
    };
    if let Err(violation) = run.device.state().check_invariants() {
        panic!("the default fixture breaks an invariant: {violation}");
    }

    let mut u = Unstructured::new(data);
    for _ in 0..MAX_STEPS {
        if u.is_empty() || run.step(&mut u).is_err() {
            break;
        }

        if let Err(violation) = run.device.state().check_invariants() {
            panic!("state invariant broken: {violation}");
        }
    }
}

impl Run {
    /// Takes one step; an error only means the input ran out.
    fn step(&mut self, u: &mut Unstructured<'_>) -> Result<()> {
        match u.int_in_range(0..=15_u8)? {
            0 | 1 => self.login(u),
            2 => {
                let ms = u.int_in_range(0..=3_600_000)?;
                self.clock.advance(Duration::from_millis(ms));
                Ok(())
            }
            3 => {
                self.connection = u.int_in_range(0..=3)?;
                Ok(())
            }
            4 => {
                self.device.disconnect(ConnectionId(self.connection));
                self.sessions.remove(&self.connection);
                Ok(())
            }
            _ => self.command(u),
        }
    }

    fn login(&mut self, u: &mut Unstructured<'_>) -> Result<()> {
        let users: Vec<(String, String)> = self
            .device
            .state()
            .users
            .iter()
            .map(|user| (user.name.clone(), user.password.clone()))
            .collect();
        let (name, password) = match users.as_slice() {
            [] => ("Administrator".to_owned(), String::new()),
            users => u.choose(users)?.clone(),
        };
        let password = if u.ratio(1, 8)? {
            format!("{password}x")
        } else {
            password
        };
        let mut message = Message::single(Kind::Command, "login");
        message
            .push_value("USERNAME", name)
            .push_value("PASSWORD", password)
            .push_value("LANG", "0")
            .push_value("INDICATION", if u.arbitrary::<bool>()? { "1" } else { "0" });
        let outcome = self.send(&message, "login");
        let session = outcome
            .first_reply()
            .and_then(Message::first)
            .filter(|record| record.value("RESULT") == Some("0"))
            .and_then(|record| record.value("SESSIONID"))
            .map(str::to_owned);
        if let Some(session) = session {
            self.sessions.insert(self.connection, session);
        }
        Ok(())
    }

    fn command(&mut self, u: &mut Unstructured<'_>) -> Result<()> {
        let command = *u.choose(COMMANDS)?;
        let session = self
            .sessions
            .get(&self.connection)
            .or_else(|| self.sessions.values().next())
            .cloned();
        let message = commands::build(u, command, self.device.state(), session.as_deref())?;
        self.send(&message, command.xmlid);
        Ok(())
    }

    /// Sends `message`, whose command is `xmlid`, and checks the outcome.
    fn send(&mut self, message: &Message<'_>, xmlid: &str) -> Outcome {
        let connection = ConnectionId(self.connection);
        let outcome = self.device.handle(connection, message);
        check_outcome(&outcome, xmlid, message);
        outcome
    }
}

/// Checks the answer to one command.
fn check_outcome(outcome: &Outcome, xmlid: &str, request: &Message<'_>) {
    if outcome.hang {
        panic!("the device hung on {request:?} with no fault set");
    }

    if outcome.replies.is_empty() {
        panic!("no reply to {request:?}");
    }

    let expected = canonical_xmlid(xmlid);
    for reply in &outcome.replies {
        check_well_formed(reply);
        for record in reply.records() {
            let fine = record.kind() == Kind::Confirm
                && record.xmlid() == expected
                && record.fields().next().is_some_and(|field| {
                    field.name() == "RESULT" && matches!(field.value(), Some("0" | "1"))
                });
            if !fine {
                let expected = format!("CONFIRMs of {expected:?} opening with RESULT 0 or 1");
                panic!("reply {reply:?} to {request:?}, expected {expected}");
            }
        }
    }

    for delivery in &outcome.indications {
        check_well_formed(&delivery.message);
        if delivery
            .message
            .records()
            .any(|record| record.kind() != Kind::Indication)
        {
            panic!("indication {:?} holds other records", delivery.message);
        }
    }
}

/// Checks that `message` encodes to XML that strictly decodes back to it.
fn check_well_formed(message: &Message<'_>) {
    let mut xml = Vec::new();
    if let Err(error) = encode_xml(message, &mut xml) {
        panic!("{message:?} does not encode: {error}");
    }

    let options = DecodeOptions {
        mode: Mode::Strict,
        limits: Limits {
            max_frame_len: usize::MAX,
            ..Limits::DEFAULT
        },
    };
    match decode(&xml, &options) {
        Ok(decoded) if decoded.message == *message => {}
        other => panic!("{message:?} decodes back as {other:?}"),
    }
}
