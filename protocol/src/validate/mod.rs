//! Validation: a decoded message judged against the command catalog gives
//! findings, each naming a stable [`Rule`], a [`Severity`], the spec section
//! concerned, what was expected and what came.
//!
//! The checks follow "General Information" (items 3 to 6: record kinds,
//! one `xmlid` per message, SESSIONID on every command but login) and the
//! parameter tables of each command's section. Validation never panics and
//! its findings are deterministic: the same message gives the same findings
//! in the same order, record by record and field by field.

mod catalog;
mod finding;
mod net;
mod record;
mod rule;
mod time;
pub mod value;

pub use crate::catalog::FieldAlias;
pub use catalog::Catalog;
pub use finding::Finding;
pub use rule::{Rule, Severity};

use crate::catalog::{Command, Replies};
use crate::message::{Kind, Message, Record};
use finding::quote;

/// What an `unknown-xmlid` finding expected.
const ANY_COMMAND: &str = "a command of the catalog";

/// Which way a message travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Flow {
    /// From a client to the device: its records must be `COMMAND`s.
    ToDevice,
    /// From the device to a client: its records must be `CONFIRM`s or
    /// `INDICATION`s.
    FromDevice,
}

impl Flow {
    /// Whether a record of `kind` may travel this way.
    pub const fn carries(self, kind: Kind) -> bool {
        match self {
            Flow::ToDevice => matches!(kind, Kind::Command),
            Flow::FromDevice => matches!(kind, Kind::Confirm | Kind::Indication),
        }
    }

    const fn expected(self) -> &'static str {
        match self {
            Flow::ToDevice => "a COMMAND record",
            Flow::FromDevice => "a CONFIRM or INDICATION record",
        }
    }
}

/// Judges `message`, travelling `flow`, against the spec's catalog.
pub fn validate(message: &Message<'_>, flow: Flow) -> Vec<Finding> {
    validate_with(message, flow, &Catalog::builtin())
}

/// Judges `message`, travelling `flow`, against `catalog`.
pub fn validate_with(message: &Message<'_>, flow: Flow, catalog: &Catalog<'_>) -> Vec<Finding> {
    let mut state = MessageState {
        single_record: message.record_count() == 1,
        ..MessageState::default()
    };
    let first_xmlid = message.first().map_or("", |record| record.xmlid());
    for record in message.records() {
        let found = catalog.lookup(record.xmlid());
        let section = found.map(|(command, _)| command.section);
        let mut report = |finding: Finding| {
            let finding = finding.in_section(section).in_record(record.index());
            state.findings.push(finding);
        };

        // The first record agrees with itself: only later ones are compared.
        let later = record.index() > 0;
        if later && !record.xmlid().eq_ignore_ascii_case(first_xmlid) {
            let (expected, came) = (quote(first_xmlid), quote(record.xmlid()));
            report(Finding::new(Rule::MixedXmlids, expected, came));
        }
        if !flow.carries(record.kind()) {
            let came = record.kind().element();
            report(Finding::new(Rule::WrongRecordKind, flow.expected(), came));
        }

        let Some((command, exact)) = found else {
            let came = quote(record.xmlid());
            report(Finding::new(Rule::UnknownXmlid, ANY_COMMAND, came));
            continue;
        };

        if !exact {
            let (expected, came) = (quote(command.xmlid), quote(record.xmlid()));
            report(Finding::new(Rule::XmlidCase, expected, came));
        }
        state.check_command(record, command);
        let alone = state.single_record;
        record::check(record, command, catalog, &mut state.findings, alone);
    }

    state.findings
}

/// What validation learns as it walks the records of one message.
#[derive(Default)]
struct MessageState {
    findings: Vec<Finding>,
    /// Whether the message holds one record, so that no command can be met
    /// twice and `commands` need not be kept.
    single_record: bool,
    /// The commands already met, with how many `CONFIRM` records each had.
    commands: Vec<(&'static str, usize)>,
}

impl MessageState {
    /// The checks made once per command of a message, at its first record,
    /// and the count of its confirms.
    fn check_command(&mut self, record: Record<'_, '_>, command: &Command) {
        let at = |finding: Finding| {
            finding
                .in_section(Some(command.section))
                .in_record(record.index())
        };

        if self.single_record {
            self.findings.extend(record::command_notes(command).map(at));
            return;
        }

        let known = self
            .commands
            .iter()
            .position(|(xmlid, _)| *xmlid == command.xmlid);
        let index = match known {
            Some(index) => index,
            None => {
                self.findings.extend(record::command_notes(command).map(at));
                self.commands.push((command.xmlid, 0));
                self.commands.len().saturating_sub(1)
            }
        };

        if record.kind() != Kind::Confirm {
            return;
        }

        let Some((_, confirms)) = self.commands.get_mut(index) else {
            return;
        };

        *confirms += 1;
        if *confirms == 2 && command.replies == Replies::One {
            let came = "a second CONFIRM record";
            let finding = Finding::new(Rule::TooManyRecords, "one CONFIRM record", came);
            self.findings.push(at(finding));
        }
    }
}
