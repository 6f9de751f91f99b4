//! A bench for driving the emulated device in-process: a device on the
//! default fixture with a seed and a manual clock, and helpers that build
//! commands and read confirms.

use dvcr::emulator::fixture::default_state;
use dvcr::emulator::{ConnectionId, Device, DeviceConfig, Fault, FaultSet, ManualClock, Outcome};
use dvcr_protocol::catalog::{self, Direction, Presence, ValueType};
use dvcr_protocol::validate::Catalog;
use dvcr_protocol::{Kind, Message};

/// 2006-06-15 22:00:00 UTC, near the spec's own examples.
pub(crate) const START_MS: u64 = 1_150_408_800_000;

pub(crate) struct Bench {
    pub(crate) device: Device,
    pub(crate) clock: ManualClock,
}

impl Bench {
    pub(crate) fn new() -> Self {
        Bench::with(DeviceConfig::default())
    }

    pub(crate) fn with_faults(faults: &[Fault]) -> Self {
        Bench::with(DeviceConfig {
            faults: faults.iter().copied().collect::<FaultSet>(),
            ..DeviceConfig::default()
        })
    }

    pub(crate) fn with(mut config: DeviceConfig) -> Self {
        config.seed.get_or_insert(7);
        let clock = ManualClock::starting_at(START_MS);
        let device = Device::new(default_state(), config, Box::new(clock.clone()));
        Bench { device, clock }
    }

    /// Sends one command on connection `conn`.
    pub(crate) fn send(&mut self, conn: u64, xmlid: &str, fields: &[(&str, &str)]) -> Outcome {
        self.device
            .handle(ConnectionId(conn), &command(xmlid, fields))
    }

    /// Sends one command carrying `session` as its `SESSIONID`, completed
    /// with every field the catalog requires that `fields` leaves out (see
    /// [`complete`]), so that the device's catalog check lets it through.
    pub(crate) fn call(
        &mut self,
        conn: u64,
        session: &str,
        xmlid: &str,
        fields: &[(&str, &str)],
    ) -> Outcome {
        let mut all = vec![("SESSIONID", session)];
        all.extend_from_slice(fields);
        let all = complete(xmlid, &all);
        let all: Vec<(&str, &str)> = all.iter().map(|(n, v)| (*n, v.as_str())).collect();
        self.send(conn, xmlid, &all)
    }

    /// Sends one command carrying `session` and exactly `fields`.
    pub(crate) fn call_exact(
        &mut self,
        conn: u64,
        session: &str,
        xmlid: &str,
        fields: &[(&str, &str)],
    ) -> Outcome {
        let mut all = vec![("SESSIONID", session)];
        all.extend_from_slice(fields);
        self.send(conn, xmlid, &all)
    }

    /// Logs in and returns the session id.
    pub(crate) fn login(
        &mut self,
        conn: u64,
        user: &str,
        password: &str,
        indications: bool,
    ) -> String {
        let flag = if indications { "1" } else { "0" };
        let outcome = self.send(
            conn,
            "login",
            &[
                ("USERNAME", user),
                ("PASSWORD", password),
                ("LANG", "0"),
                ("INDICATION", flag),
            ],
        );
        assert_eq!(result(&outcome), "0", "login of {user} failed: {outcome:?}");
        value(&outcome, "SESSIONID").unwrap_or_default()
    }

    /// Logs the fixture's administrator in on `conn`, without indications.
    pub(crate) fn admin(&mut self, conn: u64) -> String {
        self.login(conn, "Administrator", "", false)
    }
}

/// `fields`, then each field the catalog's table of `xmlid` requires that
/// `fields` lacks, with a plain value of its type.
pub(crate) fn complete<'f>(xmlid: &str, fields: &[(&'f str, &str)]) -> Vec<(&'f str, String)> {
    let mut all: Vec<(&str, String)> = fields
        .iter()
        .map(|(name, value)| (*name, (*value).to_owned()))
        .collect();
    let Some(command) = catalog::lookup(xmlid) else {
        return all;
    };
    let builtin = Catalog::builtin();
    for spec in command.command {
        let given = fields.iter().any(|(name, _)| {
            *name == spec.name
                || builtin
                    .resolve_alias(command, Direction::Command, name)
                    .is_some_and(|target| target.name == spec.name)
        });
        if spec.presence == Presence::Required && !given {
            all.push((spec.name, plain(spec.value)));
        }
    }
    all
}

/// A plain value of `value_type`: the first choice, the smallest number.
fn plain(value_type: ValueType) -> String {
    match value_type {
        ValueType::Guid => "00000000-0000-0000-0000000000000000".to_owned(),
        ValueType::Integer { min, max } => 1_i64.clamp(min, max).to_string(),
        ValueType::Enumeration(choices) => choices.first().map_or("0", |(v, _)| *v).to_owned(),
        ValueType::Ipv4 | ValueType::Host => "192.0.2.1".to_owned(),
        ValueType::DateTime => "May 19,2006 15:06:00".to_owned(),
        ValueType::Duration => "00:00:00".to_owned(),
        ValueType::Digits(count) => "1".repeat(count),
        ValueType::Text { .. } => String::new(),
    }
}

/// A one-record `COMMAND` message.
pub(crate) fn command(xmlid: &str, fields: &[(&str, &str)]) -> Message<'static> {
    let mut message = Message::single(Kind::Command, xmlid.to_owned());
    for (name, value) in fields {
        message.push_value(name.to_string(), value.to_string());
    }
    message
}

/// The `RESULT` of the first confirm record.
pub(crate) fn result(outcome: &Outcome) -> String {
    value(outcome, "RESULT").unwrap_or_else(|| "<none>".to_owned())
}

/// The `DESCRIPTION` of the first confirm record.
pub(crate) fn description(outcome: &Outcome) -> String {
    value(outcome, "DESCRIPTION").unwrap_or_default()
}

/// The value of `name` in the first record of the first reply.
pub(crate) fn value(outcome: &Outcome, name: &str) -> Option<String> {
    let record = outcome.replies.first()?.first()?;
    record.value(name).map(str::to_owned)
}

/// The value of `name` in every record of the first reply.
pub(crate) fn column(outcome: &Outcome, name: &str) -> Vec<String> {
    outcome
        .replies
        .first()
        .map(|reply| {
            reply
                .records()
                .filter_map(|record| record.value(name).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Every value of repeated field `name` in the first record.
pub(crate) fn values(outcome: &Outcome, name: &str) -> Vec<String> {
    outcome
        .replies
        .first()
        .and_then(|reply| reply.first())
        .map(|record| record.values(name).map(str::to_owned).collect())
        .unwrap_or_default()
}

/// The connections that received an indication, in order.
pub(crate) fn indicated(outcome: &Outcome) -> Vec<u64> {
    outcome
        .indications
        .iter()
        .map(|delivery| delivery.to.0)
        .collect()
}

/// Asserts a refusal whose description contains `words`.
pub(crate) fn assert_refused(outcome: &Outcome, words: &str) {
    assert_eq!(result(outcome), "1", "expected a refusal, got {outcome:?}");
    let said = description(outcome);
    assert!(
        said.contains(words),
        "description {said:?} does not say {words:?}"
    );
}
