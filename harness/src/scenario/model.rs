//! The scenario format, as serde types: a scenario names its spec section,
//! opens named sessions, runs steps, and runs cleanup steps whatever
//! happened (spec, "General Information": sessions, commands, confirms and
//! indications).
//!
//! A step is a flat table in which exactly one action key is set (`send`,
//! `raw`, `xml`, `pipeline`, `wait_indication`, `no_indication`,
//! `reconnect`, `sleep_ms`, `idle_past_timeout`); [`Step::action`] gives
//! the action once [`crate::scenario::load`] has checked that.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

/// Field values to send: a name and one value, or several for a repeatable
/// field, in the order written.
pub type FieldValues = toml::Table;

/// Checks on fields, by field name, in the order written.
pub type FieldChecks = toml::Table;

/// One scenario file.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    /// A unique name, in kebab case.
    pub name: String,
    /// The spec section checked, as the catalog spells it.
    pub section: String,
    /// What the scenario shows, in a sentence or two.
    #[serde(default)]
    pub description: String,
    /// Free tags to filter on (`accounts`, `indications`, `malformed`...).
    #[serde(default)]
    pub tags: Vec<String>,
    /// Whether the scenario changes device state (and restores it in its
    /// cleanup).
    #[serde(default)]
    pub changes_state: bool,
    /// Whether it can cut the device off or stop it: run only with
    /// `--allow-destructive`.
    #[serde(default)]
    pub destructive: bool,
    /// Whether it waits out the session timeout: run only with `--long`, or
    /// against a target whose session timeout is short.
    #[serde(default)]
    pub long: bool,
    /// The sessions it opens, each on its own connection.
    #[serde(default)]
    pub sessions: Vec<SessionSpec>,
    /// The steps, in order; the first failure stops them.
    #[serde(default)]
    pub steps: Vec<Step>,
    /// Steps run after `steps` whatever happened, each on a fresh
    /// administrator connection when its session is gone.
    #[serde(default)]
    pub cleanup: Vec<Step>,
    /// Items the scenario may leave without ever learning their ids (the
    /// archive a recording files, a call): listed before the steps, listed
    /// again after the cleanup, and each new one deleted.
    #[serde(default)]
    pub sweep: Vec<Sweep>,
    /// The file the scenario was read from.
    #[serde(skip)]
    pub source: PathBuf,
}

/// A kind of item a scenario may leave behind, swept after its cleanup:
/// the items `list` shows after the cleanup that it did not show before
/// the steps, and that pass `only`, are each deleted with `delete`.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Sweep {
    /// What an item is, for reports: `archive`, `call`, `room`.
    pub item: String,
    /// The session listing and deleting; the scenario's first when absent.
    #[serde(default)]
    pub session: Option<String>,
    /// The list command, answered with one record per item.
    pub list: String,
    /// The fields of the list command.
    #[serde(default)]
    pub fields: FieldValues,
    /// The field naming an item in the list, sent first in `delete`.
    pub key: String,
    /// Checks a listed item must pass to be deleted, so that only what the
    /// scenario made is touched (its reference id, a test address).
    #[serde(default)]
    pub only: FieldChecks,
    /// The command deleting one item.
    pub delete: String,
    /// The fields of the delete command after the key.
    #[serde(default)]
    pub delete_fields: FieldValues,
}

impl Sweep {
    /// The names of the variables the sweep uses.
    pub fn variables(&self) -> Vec<String> {
        variables_in(self)
    }

    /// The step that sends the list command.
    pub fn list_step(&self) -> Step {
        Step {
            session: self.session.clone(),
            send: Some(self.list.clone()),
            fields: self.fields.clone(),
            ..Step::default()
        }
    }

    /// The step that deletes the item named `key`, sent as it is (a `$`
    /// in it is not read as a variable).
    pub fn delete_step(&self, key: &str) -> Step {
        let mut fields = FieldValues::new();
        let literal = key.replace('$', "$$");
        fields.insert(self.key.clone(), toml::Value::String(literal));
        fields.extend(self.delete_fields.clone());
        Step {
            session: self.session.clone(),
            send: Some(self.delete.clone()),
            fields,
            ..Step::default()
        }
    }
}

/// One named session of a scenario.
#[derive(Clone, Debug, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct SessionSpec {
    /// The name steps refer to it by.
    pub name: String,
    /// The account to log in as; the run's user when absent.
    #[serde(default)]
    pub user: Option<String>,
    /// The password; the run's password when absent.
    #[serde(default)]
    pub password: Option<String>,
    /// Whether the login asks for indications (`INDICATION=1`).
    #[serde(default)]
    pub indication: bool,
    /// Whether the session logs in when the scenario starts; a session that
    /// does not is a bare connection.
    #[serde(default = "yes")]
    pub login: bool,
}

fn yes() -> bool {
    true
}

/// One step: an action on one session and what must follow.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The session acted on; the scenario's first session when absent.
    #[serde(default)]
    pub session: Option<String>,
    /// A note shown in reports.
    #[serde(default)]
    pub note: Option<String>,
    /// Send a typed command with this `xmlid`.
    #[serde(default)]
    pub send: Option<String>,
    /// The fields of the typed command, after `SESSIONID`.
    #[serde(default)]
    pub fields: FieldValues,
    /// The `SESSIONID` to send instead of the session's own.
    #[serde(default)]
    pub sessionid: Option<String>,
    /// Send no `SESSIONID` at all.
    #[serde(default)]
    pub omit_sessionid: bool,
    /// Send these bytes as they are, written in hexadecimal (spaces allowed).
    #[serde(default)]
    pub raw: Option<String>,
    /// Send this text as the payload of one TPKT frame, however broken.
    #[serde(default)]
    pub xml: Option<String>,
    /// Send these typed commands (xmlids, with the session id) in one write
    /// and expect each confirm in order.
    #[serde(default)]
    pub pipeline: Vec<String>,
    /// Wait for an indication with this `xmlid` on the session.
    #[serde(default)]
    pub wait_indication: Option<String>,
    /// Expect no indication at all on the session for `within_ms`.
    #[serde(default)]
    pub no_indication: bool,
    /// Close the session's connection, logging its session out first where
    /// the connection is still open, and open a new one, logging in again
    /// when the session logs in.
    #[serde(default)]
    pub reconnect: bool,
    /// Do nothing for this long.
    #[serde(default)]
    pub sleep_ms: Option<u64>,
    /// Stay idle past the target's session timeout.
    #[serde(default)]
    pub idle_past_timeout: bool,
    /// Write the bytes in pieces of this many bytes, each flushed alone.
    #[serde(default)]
    pub chunk: Option<usize>,
    /// How long to wait for the reply or the indication.
    #[serde(default)]
    pub within_ms: Option<u64>,
    /// What must follow.
    #[serde(default)]
    pub expect: Expect,
    /// The scenario is skipped from here on when no record of the reply
    /// passes these checks (a device reporting no H.323 link, say).
    #[serde(default)]
    pub skip_unless: Option<FieldChecks>,
    /// What the device lacks when `skip_unless` skips, as the skip's
    /// reason says it: `the device has no H.323 link in the menu`.
    #[serde(default)]
    pub skip_reason: Option<String>,
    /// Variables to set from the first record of the reply: variable name
    /// to field name.
    #[serde(default)]
    pub capture: toml::Table,
}

/// What a step does, once checked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action<'s> {
    /// A typed command.
    Send(&'s str),
    /// Bytes written as hexadecimal.
    Raw(&'s str),
    /// A frame around this payload text.
    Xml(&'s str),
    /// Several typed commands in one write.
    Pipeline(&'s [String]),
    /// Wait for an indication of this xmlid.
    WaitIndication(&'s str),
    /// Expect silence.
    NoIndication,
    /// A fresh connection for the session.
    Reconnect,
    /// A pause.
    Sleep(u64),
    /// A pause past the session timeout.
    IdlePastTimeout,
}

impl Step {
    /// Every action key that is set, by its name.
    pub fn actions(&self) -> Vec<(&'static str, Action<'_>)> {
        let mut found = Vec::new();
        if let Some(xmlid) = &self.send {
            found.push(("send", Action::Send(xmlid)));
        }
        if let Some(hex) = &self.raw {
            found.push(("raw", Action::Raw(hex)));
        }
        if let Some(text) = &self.xml {
            found.push(("xml", Action::Xml(text)));
        }
        if !self.pipeline.is_empty() {
            found.push(("pipeline", Action::Pipeline(&self.pipeline)));
        }
        if let Some(xmlid) = &self.wait_indication {
            found.push(("wait_indication", Action::WaitIndication(xmlid)));
        }
        if self.no_indication {
            found.push(("no_indication", Action::NoIndication));
        }
        if self.reconnect {
            found.push(("reconnect", Action::Reconnect));
        }
        if let Some(ms) = self.sleep_ms {
            found.push(("sleep_ms", Action::Sleep(ms)));
        }
        if self.idle_past_timeout {
            found.push(("idle_past_timeout", Action::IdlePastTimeout));
        }
        found
    }

    /// The names of the variables the step uses, anywhere: the fields it
    /// sends, its bytes, its expectations.
    pub fn variables(&self) -> Vec<String> {
        variables_in(self)
    }

    /// The step's one action; [`Action::Sleep`] of 0 when none or several
    /// are set, which loading rejects.
    pub fn action(&self) -> Action<'_> {
        match self.actions().as_slice() {
            [(_, action)] => *action,
            _ => Action::Sleep(0),
        }
    }
}

/// What must follow a step.
#[derive(Clone, Debug, Default, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct Expect {
    /// The `RESULT` every record must carry (`"0"` success, `"1"` failure).
    #[serde(default)]
    pub result: Option<String>,
    /// Exactly this many records.
    #[serde(default)]
    pub records: Option<usize>,
    /// At least this many records.
    #[serde(default)]
    pub min_records: Option<usize>,
    /// Whether the reply is judged against the catalog with `validate`;
    /// on by default for typed commands and indications.
    #[serde(default)]
    pub catalog: Option<bool>,
    /// Checks every record must pass.
    #[serde(default)]
    pub fields: FieldChecks,
    /// Checks at least one record must pass, all of them in that record.
    #[serde(default)]
    pub some_record: Option<FieldChecks>,
    /// Checks no record may pass all of.
    #[serde(default)]
    pub no_record: Option<FieldChecks>,
    /// The device must close the connection.
    #[serde(default)]
    pub closed: bool,
    /// The device must answer or close, not stay silent.
    #[serde(default)]
    pub answer_or_close: bool,
    /// Every reply must have come within this many ms of the write.
    #[serde(default)]
    pub max_ms: Option<u64>,
}

/// One check on a field: an exact value, or a table of conditions.
#[derive(Clone, Debug, PartialEq, Deserialize, Serialize)]
#[serde(untagged)]
pub enum Check {
    /// The field must be present with exactly this value.
    Exact(String),
    /// The conditions, all of which must hold.
    Spec(CheckSpec),
}

/// The conditions a field may be checked for.
#[derive(Clone, Debug, Default, PartialEq, Deserialize, Serialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSpec {
    /// Present (`true`) or absent (`false`).
    #[serde(default)]
    pub present: Option<bool>,
    /// Exactly this value.
    #[serde(default)]
    pub equals: Option<String>,
    /// Not this value.
    #[serde(default)]
    pub not: Option<String>,
    /// One of these values.
    #[serde(default)]
    pub one_of: Option<Vec<String>>,
    /// A regular expression the whole value must match.
    #[serde(default)]
    pub pattern: Option<String>,
    /// `"catalog"`: the value has the type the catalog gives the field.
    #[serde(default, rename = "type")]
    pub value_type: Option<String>,
}

/// The names of the variables `part` of a scenario uses anywhere, each
/// once, in the order they first appear in its TOML form.
fn variables_in(part: &impl Serialize) -> Vec<String> {
    let text = toml::to_string(part).unwrap_or_default();
    let mut names: Vec<String> = Vec::new();
    for name in super::Vars::used(&text) {
        if !names.iter().any(|known| known == name) {
            names.push(name.to_owned());
        }
    }
    names
}
