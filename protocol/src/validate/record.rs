//! The checks of one record against its command's parameter table: the
//! fields it must, may and may not carry, how often, and their values
//! (spec, "General Information", item 6, and each command's section).

use crate::catalog::{Command, Direction, FieldSpec, Presence, Replies, Status};
use crate::message::{Field, Kind, Record};

use super::catalog::Catalog;
use super::finding::{Finding, quote};
use super::rule::Rule;
use super::value;

/// The field every command but login carries ("General Information", 6).
const SESSIONID: &str = "SESSIONID";

/// The field every confirm carries: 0 for success, 1 for failure.
const RESULT: &str = "RESULT";

/// The command that needs no session.
const LOGIN: &str = "login";

/// How many field names an `unknown-field` finding lists before cutting
/// the list short.
const MAX_LISTED_FIELDS: usize = 8;

/// How many fields a table may list before counting them takes the heap.
const FEW_FIELDS: usize = 32;

/// The notes made once about a command however many records name it.
pub(crate) fn command_notes(command: &Command) -> impl Iterator<Item = Finding> + use<> {
    let not_implemented = (command.status == Status::NotImplemented).then(|| {
        Finding::new(
            Rule::NotImplementedCommand,
            "an implemented command",
            "one marked No implementation",
        )
    });
    let web_ui_only = command.web_ui_only.then(|| {
        Finding::new(
            Rule::WebUiOnly,
            "a command for any client",
            "one for the Web UI only",
        )
    });

    not_implemented.into_iter().chain(web_ui_only)
}

/// Checks `record`, whose `xmlid` names `command`, into `findings`;
/// `alone` says whether it is the only record of its message.
pub(crate) fn check(
    record: Record<'_, '_>,
    command: &Command,
    catalog: &Catalog<'_>,
    findings: &mut Vec<Finding>,
    alone: bool,
) {
    let mut check = RecordCheck {
        record,
        command,
        findings,
    };
    let direction = direction(record.kind());
    let Some(specs) = command.fields(direction) else {
        let expected = "no INDICATION for this command";
        check.report(Finding::new(
            Rule::WrongRecordKind,
            expected,
            "an INDICATION",
        ));
        return;
    };

    let failed = match record.kind() {
        Kind::Command => {
            check.session();
            false
        }
        Kind::Confirm => check.result(),
        Kind::Indication => false,
    };

    let mut few = [0_usize; FEW_FIELDS];
    let mut many = Vec::new();
    let counts = match few.get_mut(..specs.len()) {
        Some(counts) => counts,
        None => {
            many.resize(specs.len(), 0);
            many.as_mut_slice()
        }
    };
    for field in record.fields() {
        check.field(field, specs, direction, catalog, counts);
    }

    let empty_list = alone && is_empty_list(record, command, specs);
    check.missing(specs, counts, failed || empty_list);
}

/// Whether `record` answers a list command that found nothing to list.
///
/// The spec says the list commands (GETENDPOINT, GETDEVUSER, GETGROUP,
/// GETROOM, GETMEDIAINFO, GETEPLINK) answer one confirm per item ("There
/// may be multiple confirms") and is silent on a list with no item. A
/// device with no endpoint, room or call is normal, and a confirm must
/// still carry RESULT, so the catalog reads a reply that is one successful
/// CONFIRM with none of the item's required fields as the empty list, not
/// as an item missing its fields (ERRATA E053).
fn is_empty_list(record: Record<'_, '_>, command: &Command, specs: &[FieldSpec]) -> bool {
    let item_field = |name: &str| {
        specs.iter().any(|spec| {
            spec.name == name && spec.name != RESULT && spec.presence == Presence::Required
        })
    };
    command.replies == Replies::PerItem
        && record.kind() == Kind::Confirm
        && record.value(RESULT) == Some("0")
        && !record.fields().any(|field| item_field(field.name()))
}

fn direction(kind: Kind) -> Direction {
    match kind {
        Kind::Command => Direction::Command,
        Kind::Confirm => Direction::Confirm,
        Kind::Indication => Direction::Indication,
    }
}

/// One record being checked, and where its findings go.
struct RecordCheck<'r, 'm, 'a> {
    record: Record<'m, 'a>,
    command: &'r Command,
    findings: &'r mut Vec<Finding>,
}

impl RecordCheck<'_, '_, '_> {
    fn report(&mut self, finding: Finding) {
        let finding = finding
            .in_section(Some(self.command.section))
            .in_record(self.record.index());
        self.findings.push(finding);
    }

    /// A command other than login must carry its session.
    fn session(&mut self) {
        let needs_session = self.command.xmlid != LOGIN;
        if !needs_session || self.record.field(SESSIONID).is_some() {
            return;
        }

        let finding = Finding::new(Rule::MissingSessionid, "a SESSIONID field", "none");
        self.report(finding);
    }

    /// A confirm must say whether the command succeeded; the answer is
    /// whether it failed.
    fn result(&mut self) -> bool {
        let Some(field) = self.record.field(RESULT) else {
            let finding = Finding::new(Rule::MissingResult, "a RESULT field", "none");
            self.report(finding);
            return false;
        };

        match field.value() {
            Some("0") => false,
            Some("1") => true,
            other => {
                let came = other.map_or_else(|| "no value attribute".to_owned(), quote);
                let finding = Finding::new(Rule::BadResult, "0 or 1", came).on_field(RESULT);
                self.report(finding);
                false
            }
        }
    }

    /// Checks one field: that the table lists it, how often it came, its
    /// attributes and its value.
    fn field(
        &mut self,
        field: Field<'_, '_>,
        specs: &'static [FieldSpec],
        direction: Direction,
        catalog: &Catalog<'_>,
        counts: &mut [usize],
    ) {
        let name = field.name();
        let Some(index) = self.resolve(name, specs, direction, catalog) else {
            let finding = Finding::new(Rule::UnknownField, expected_names(name, specs), name);
            self.report(finding.on_field(name));
            return;
        };

        let (Some(spec), Some(count)) = (specs.get(index), counts.get_mut(index)) else {
            return;
        };

        *count += 1;
        let copies = *count;
        let on = |rule, expected: String, came: String| {
            Finding::new(rule, expected, came).on_field(name)
        };

        if copies > 1 && spec.presence != Presence::Repeatable {
            let came = format!("copy {copies}");
            self.report(on(
                Rule::RepeatedField,
                format!("at most one {}", spec.name),
                came,
            ));
        }
        if copies == 1 && spec.web_ui_only {
            let came = "a field for the Web UI only".to_owned();
            self.report(on(
                Rule::WebUiOnly,
                "a field for any client".to_owned(),
                came,
            ));
        }
        if spec.name_attribute && field.attribute("name").is_none() {
            let came = "none".to_owned();
            self.report(on(
                Rule::MissingNameAttribute,
                "a name attribute".to_owned(),
                came,
            ));
        }

        let is_result = self.record.kind() == Kind::Confirm && spec.name == RESULT;
        if is_result {
            return;
        }

        let Some(text) = field.value() else {
            let came = "none".to_owned();
            self.report(on(Rule::BadValue, "a value attribute".to_owned(), came));
            return;
        };

        let blank_allowed =
            text.is_empty() && (spec.presence != Presence::Required || spec.blank_when_unset);
        if blank_allowed {
            return;
        }

        if let Err(problem) = value::check(text, spec.value) {
            self.report(on(problem.rule, problem.expected, problem.found));
        }
    }

    /// The position in `specs` of the field named `name`, spelled as the
    /// table spells it or as a known alias (reported as such).
    fn resolve(
        &mut self,
        name: &str,
        specs: &[FieldSpec],
        direction: Direction,
        catalog: &Catalog<'_>,
    ) -> Option<usize> {
        if let Some(index) = specs.iter().position(|spec| spec.name == name) {
            return Some(index);
        }

        let target = catalog.resolve_alias(self.command, direction, name)?;
        let index = specs.iter().position(|spec| spec.name == target.name)?;
        let finding = Finding::new(Rule::FieldAlias, target.name, name).on_field(name);
        self.report(finding);
        Some(index)
    }

    /// Reports each required field that never came. A failed confirm need
    /// carry only its RESULT; SESSIONID and RESULT have rules of their own.
    fn missing(&mut self, specs: &[FieldSpec], counts: &[usize], failed: bool) {
        if failed {
            return;
        }

        let kind = self.record.kind();
        for (spec, count) in specs.iter().zip(counts) {
            let own_rule = match kind {
                Kind::Command => spec.name == SESSIONID,
                Kind::Confirm => spec.name == RESULT,
                Kind::Indication => false,
            };
            if spec.presence != Presence::Required || *count > 0 || own_rule {
                continue;
            }

            let expected = format!("field {}", spec.name);
            let finding = Finding::new(Rule::MissingField, expected, "none").on_field(spec.name);
            self.report(finding);
        }
    }
}

/// What an `unknown-field` finding expected: the table's spelling when only
/// case differs, or the first names the table lists.
fn expected_names(name: &str, specs: &[FieldSpec]) -> String {
    if let Some(spec) = specs
        .iter()
        .find(|spec| spec.name.eq_ignore_ascii_case(name))
    {
        return spec.name.to_owned();
    }

    if specs.is_empty() {
        return "no fields".to_owned();
    }

    let listed: Vec<&str> = specs
        .iter()
        .take(MAX_LISTED_FIELDS)
        .map(|spec| spec.name)
        .collect();
    let more = if specs.len() > MAX_LISTED_FIELDS {
        ", ..."
    } else {
        ""
    };
    format!("one of {}{more}", listed.join(", "))
}
