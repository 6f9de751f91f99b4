//! Judging what a device sent against a step's expectations: the records of
//! a confirm or an indication, their `RESULT`, their count, their fields
//! (exact value, one of a set, pattern, catalog type, present or absent),
//! and the catalog's own rules through `validate` (spec, "General
//! Information" and each command's parameter tables).

use dvcr_protocol::catalog::{self, Direction, ValueType};
use dvcr_protocol::validate::{self, Finding, Flow, value};
use dvcr_protocol::{Kind, Message, Record};
use regex::Regex;

use crate::client::is_secret_field;

use super::model::{Check, CheckSpec, Expect, FieldChecks};
use super::vars::Vars;

/// One expectation that did not hold.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Mismatch {
    /// Which expectation: `RESULT`, `records`, `field SOURCENAME`...
    pub what: String,
    /// What the scenario expected.
    pub expected: String,
    /// What came.
    pub actual: String,
}

impl Mismatch {
    /// A mismatch of `what`; what came is masked when `what` names a
    /// password field.
    pub fn new(
        what: impl Into<String>,
        expected: impl Into<String>,
        actual: impl Into<String>,
    ) -> Self {
        let what = what.into();
        let mut actual = actual.into();
        if what.split_whitespace().last().is_some_and(is_secret_field) {
            actual = "*".repeat(actual.len());
        }
        Mismatch {
            what,
            expected: expected.into(),
            actual,
        }
    }
}

impl std::fmt::Display for Mismatch {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (what, expected, actual) = (&self.what, &self.expected, &self.actual);
        write!(f, "{what}: expected {expected}, got {actual}")
    }
}

/// What judging a reply found: expectations broken, and the catalog's
/// findings (errors among them also count as broken expectations).
#[derive(Clone, Debug, Default)]
pub struct Judgement {
    /// The expectations that did not hold.
    pub mismatches: Vec<Mismatch>,
    /// The findings of `validate` on every message, when asked.
    pub findings: Vec<Finding>,
}

/// Judges `messages`, the reply to (or indication of) `xmlid`, against
/// `expect`. `kind` is the kind of record expected.
pub fn check_records(
    expect: &Expect,
    messages: &[Message<'static>],
    xmlid: &str,
    kind: Kind,
    vars: &Vars,
) -> Judgement {
    let mut out = Judgement::default();
    let records: Vec<Record<'_, '_>> = messages.iter().flat_map(Message::records).collect();
    let direction = match kind {
        Kind::Indication => Direction::Indication,
        _ => Direction::Confirm,
    };

    if expect.catalog.unwrap_or(true) {
        for message in messages {
            out.findings
                .extend(validate::validate(message, Flow::FromDevice));
        }
        for finding in &out.findings {
            if finding.severity == validate::Severity::Error {
                let what = format!("catalog rule {}", finding.rule);
                out.mismatches
                    .push(Mismatch::new(what, &finding.expected, &finding.found));
            }
        }
    }

    for record in &records {
        if record.kind() != kind || !record.xmlid().eq_ignore_ascii_case(xmlid) {
            let expected = format!("{kind} {xmlid:?}");
            let actual = format!("{} {:?}", record.kind(), record.xmlid());
            out.mismatches
                .push(Mismatch::new("record", expected, actual));
        }
    }

    count(expect, records.len(), &mut out.mismatches);
    if let Some(result) = &expect.result {
        let expected = expand(vars, result);
        for record in &records {
            let actual = record.value("RESULT").unwrap_or("no RESULT field");
            if actual != expected {
                let actual = describe_failure(*record, actual);
                out.mismatches
                    .push(Mismatch::new("RESULT", &expected, actual));
            }
        }
    }

    for record in &records {
        let broken = check_fields(&expect.fields, *record, xmlid, direction, vars);
        out.mismatches.extend(broken);
    }
    if let Some(checks) = &expect.some_record {
        let fits = |record: &Record<'_, '_>| {
            check_fields(checks, *record, xmlid, direction, vars).is_empty()
        };
        if !records.iter().any(fits) {
            let expected = format!("a record with {}", show(checks));
            let actual = format!("none among {} records", records.len());
            out.mismatches
                .push(Mismatch::new("some record", expected, actual));
        }
    }
    if let Some(checks) = &expect.no_record {
        let fits = |record: &&Record<'_, '_>| {
            check_fields(checks, **record, xmlid, direction, vars).is_empty()
        };
        if let Some(record) = records.iter().find(fits) {
            let expected = format!("no record with {}", show(checks));
            let actual = format!("record {}", record.index());
            out.mismatches
                .push(Mismatch::new("no record", expected, actual));
        }
    }
    out
}

fn count(expect: &Expect, found: usize, mismatches: &mut Vec<Mismatch>) {
    if let Some(records) = expect.records
        && records != found
    {
        let expected = format!("{records} records");
        mismatches.push(Mismatch::new("records", expected, format!("{found}")));
    }
    if let Some(least) = expect.min_records
        && found < least
    {
        let expected = format!("at least {least} records");
        mismatches.push(Mismatch::new("records", expected, format!("{found}")));
    }
}

/// A RESULT that differs, with the DESCRIPTION the device gave.
fn describe_failure(record: Record<'_, '_>, result: &str) -> String {
    match record.value("DESCRIPTION") {
        Some(description) if !description.is_empty() => format!("{result} ({description:?})"),
        _ => result.to_owned(),
    }
}

fn expand(vars: &Vars, text: &str) -> String {
    vars.expand(text).unwrap_or_else(|unset| unset.to_string())
}

fn show(checks: &FieldChecks) -> String {
    checks
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A check as written: a string or number is an exact value, a boolean
/// says present or absent, a table holds conditions.
pub fn to_check(value: &toml::Value) -> Result<Check, String> {
    match value {
        toml::Value::String(text) => Ok(Check::Exact(text.clone())),
        toml::Value::Integer(number) => Ok(Check::Exact(number.to_string())),
        toml::Value::Boolean(present) => Ok(Check::Spec(CheckSpec {
            present: Some(*present),
            ..CheckSpec::default()
        })),
        toml::Value::Table(_) => value
            .clone()
            .try_into::<CheckSpec>()
            .map(Check::Spec)
            .map_err(|error| error.message().to_owned()),
        other => Err(format!(
            "a check is a string, number, boolean or table, not {}",
            other.type_str()
        )),
    }
}

/// Every check of `checks` that `record` fails.
pub fn check_fields(
    checks: &FieldChecks,
    record: Record<'_, '_>,
    xmlid: &str,
    direction: Direction,
    vars: &Vars,
) -> Vec<Mismatch> {
    let mut broken = Vec::new();
    for (name, value) in checks {
        let what = format!("field {name}");
        let check = match to_check(value) {
            Ok(check) => check,
            Err(error) => {
                broken.push(Mismatch::new(what, "a valid check", error));
                continue;
            }
        };

        let values: Vec<&str> = record.values(name).collect();
        let present = record.field(name).is_some();
        if let Err((expected, actual)) =
            check_one(&check, present, &values, name, xmlid, direction, vars)
        {
            broken.push(Mismatch::new(what, expected, actual));
        }
    }
    broken
}

fn check_one(
    check: &Check,
    present: bool,
    values: &[&str],
    name: &str,
    xmlid: &str,
    direction: Direction,
    vars: &Vars,
) -> Result<(), (String, String)> {
    let came = || match values {
        [] if present => "a field without value".to_owned(),
        [] => "no such field".to_owned(),
        [one] => format!("{one:?}"),
        many => format!("{many:?}"),
    };
    let spec = match check {
        Check::Exact(value) => &CheckSpec {
            equals: Some(value.clone()),
            ..CheckSpec::default()
        },
        Check::Spec(spec) => spec,
    };

    if spec.present == Some(false) {
        return if present {
            Err(("no such field".to_owned(), came()))
        } else {
            Ok(())
        };
    }

    if !present {
        return Err(("the field".to_owned(), came()));
    }

    if let Some(equals) = &spec.equals {
        let equals = expand(vars, equals);
        if !values.contains(&equals.as_str()) {
            return Err((format!("{equals:?}"), came()));
        }
    }
    if let Some(not) = &spec.not {
        let not = expand(vars, not);
        if values.contains(&not.as_str()) {
            return Err((format!("anything but {not:?}"), came()));
        }
    }
    if let Some(set) = &spec.one_of {
        let set: Vec<String> = set.iter().map(|value| expand(vars, value)).collect();
        if !values
            .iter()
            .all(|value| set.iter().any(|allowed| allowed == value))
        {
            return Err((format!("one of {set:?}"), came()));
        }
    }
    if let Some(pattern) = &spec.pattern {
        let anchored = format!("^(?:{})$", expand(vars, pattern));
        let regex = Regex::new(&anchored).map_err(|error| (anchored.clone(), error.to_string()))?;
        if !values.iter().all(|value| regex.is_match(value)) {
            return Err((format!("a match of /{pattern}/"), came()));
        }
    }
    if let Some(kind) = &spec.value_type {
        let value_type = type_named(kind, xmlid, direction, name)
            .ok_or_else(|| (format!("a known type for {name}"), kind.clone()))?;
        for value in values {
            if let Err(problem) = value::check(value, value_type) {
                return Err((problem.expected.clone(), format!("{value:?}")));
            }
        }
    }
    Ok(())
}

/// The value type a check's `type` names: `catalog` for the field's own,
/// or one of `guid`, `integer`, `ipv4`, `host`, `datetime`, `duration`.
pub fn type_named(kind: &str, xmlid: &str, direction: Direction, field: &str) -> Option<ValueType> {
    match kind {
        "catalog" => Some(catalog::lookup(xmlid)?.field(direction, field)?.value),
        "guid" => Some(ValueType::Guid),
        "integer" => Some(ValueType::Integer {
            min: i64::MIN,
            max: i64::MAX,
        }),
        "ipv4" => Some(ValueType::Ipv4),
        "host" => Some(ValueType::Host),
        "datetime" => Some(ValueType::DateTime),
        "duration" => Some(ValueType::Duration),
        _ => None,
    }
}
