//! Whether a field's value is of the type its parameter table gives.
//!
//! The forms come from the spec's tables and examples: GUIDs as
//! `7e76c583-2215-4c89-9a1af7a6c4ed8f11` (the login CONFIRM of "General
//! Information", item 5), times as `May 19,2006 15:06:00` (GETDEVINFO),
//! durations as `00:07:33` (the archive lists), and so on.
//!
//! Choices where the spec is silent:
//! - hexadecimal digits of a GUID may be in either case;
//! - an integer is an optional `-` then decimal digits: no `+`, no spaces,
//!   leading zeros allowed; one too large for 64 bits is out of range;
//! - enumerations compare exactly, case included;
//! - IPv4 follows [`std::net::Ipv4Addr`], which rejects leading zeros
//!   (`010.0.0.1`) since some readers take them for octal;
//! - an empty value is judged here like any other (empty text passes); the
//!   record checks accept an empty value for every field that is not
//!   required, and for a required one the catalog marks
//!   [`crate::catalog::FieldSpec::blank_when_unset`].

use crate::catalog::ValueType;

use super::finding::quote;
use super::net::{is_host, is_ipv4};
use super::rule::Rule;
use super::time::{is_date_time, is_duration};

/// Why a value is not of its type.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValueProblem {
    /// The rule the value breaks.
    pub rule: Rule,
    /// What the type asks for, in a few words.
    pub expected: String,
    /// What came, in a few words.
    pub found: String,
}

impl ValueProblem {
    fn new(rule: Rule, expected: impl Into<String>, value: &str) -> Self {
        ValueProblem {
            rule,
            expected: expected.into(),
            found: quote(value),
        }
    }
}

/// Checks `value` against `value_type`.
pub fn check(value: &str, value_type: ValueType) -> Result<(), ValueProblem> {
    match value_type {
        ValueType::Guid => check_guid(value),
        ValueType::Integer { min, max } => check_integer(value, min, max),
        ValueType::Enumeration(choices) => check_enumeration(value, choices),
        ValueType::Ipv4 => require(is_ipv4(value), "a dotted-quad IPv4 address", value),
        ValueType::Host => require(is_host(value), "an IPv4 address or a DNS name", value),
        ValueType::DateTime => require(
            is_date_time(value),
            "a date and time like May 19,2006 15:06:00",
            value,
        ),
        ValueType::Duration => require(is_duration(value), "a duration like 00:07:33", value),
        ValueType::Digits(count) => check_digits(value, count),
        ValueType::Text { max_chars } => check_text(value, max_chars),
    }
}

fn require(holds: bool, expected: &str, value: &str) -> Result<(), ValueProblem> {
    if holds {
        Ok(())
    } else {
        Err(ValueProblem::new(Rule::BadValue, expected, value))
    }
}

fn check_guid(value: &str) -> Result<(), ValueProblem> {
    const EXPECTED: &str = "a GUID in the spec's 8-4-4-16 form";

    if is_hex_groups(value, &[8, 4, 4, 16]) {
        return Ok(());
    }

    let rule = if is_hex_groups(value, &[8, 4, 4, 4, 12]) {
        Rule::GuidRfc4122Form
    } else {
        Rule::BadValue
    };
    Err(ValueProblem::new(rule, EXPECTED, value))
}

/// Whether `value` is groups of hexadecimal digits of these lengths, one
/// `-` between each two and nothing else.
fn is_hex_groups(value: &str, lengths: &[usize]) -> bool {
    let mut rest = value.as_bytes();
    for (position, &length) in lengths.iter().enumerate() {
        if position > 0 {
            let Some((b'-', tail)) = rest.split_first() else {
                return false;
            };

            rest = tail;
        }
        let Some((group, tail)) = rest.split_at_checked(length) else {
            return false;
        };

        if !all_hex_digits(group) {
            return false;
        }

        rest = tail;
    }

    rest.is_empty()
}

/// Whether every byte of `bytes` is a hexadecimal digit, looking at every
/// one of them, so that the compiler may test several at once.
fn all_hex_digits(bytes: &[u8]) -> bool {
    bytes
        .iter()
        .fold(true, |all, byte| all & byte.is_ascii_hexdigit())
}

fn check_integer(value: &str, min: i64, max: i64) -> Result<(), ValueProblem> {
    let expected = || format!("an integer from {min} to {max}");
    let digits = value.strip_prefix('-').unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|byte| byte.is_ascii_digit()) {
        return Err(ValueProblem::new(Rule::BadValue, expected(), value));
    }

    match value.parse::<i64>() {
        Ok(number) if (min..=max).contains(&number) => Ok(()),
        _ => Err(ValueProblem::new(Rule::ValueOutOfRange, expected(), value)),
    }
}

fn check_enumeration(value: &str, choices: &[(&str, &str)]) -> Result<(), ValueProblem> {
    if choices.iter().any(|(choice, _)| *choice == value) {
        return Ok(());
    }

    let listed: Vec<&str> = choices.iter().map(|(choice, _)| *choice).collect();
    let expected = format!("one of {}", listed.join(", "));
    Err(ValueProblem::new(
        Rule::ValueNotInEnumeration,
        expected,
        value,
    ))
}

fn check_digits(value: &str, count: usize) -> Result<(), ValueProblem> {
    if value.len() == count && value.bytes().all(|byte| byte.is_ascii_digit()) {
        return Ok(());
    }

    let expected = format!("exactly {count} decimal digits");
    Err(ValueProblem::new(Rule::BadValue, expected, value))
}

fn check_text(value: &str, max_chars: Option<usize>) -> Result<(), ValueProblem> {
    let Some(max) = max_chars else {
        return Ok(());
    };

    let chars = value.chars().count();
    if chars <= max {
        return Ok(());
    }

    Err(ValueProblem {
        rule: Rule::BadValue,
        expected: format!("text of at most {max} characters"),
        found: format!("{chars} characters"),
    })
}
