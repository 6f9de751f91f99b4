//! Field specs shared by every chapter's tables, and the small builders the
//! tables are written with (spec, "General Information", item 6, and the
//! `RESULT`/`DESCRIPTION` rows that open every `CONFIRM` table).

use super::types::{FieldSpec, Presence, ValueType};

/// The session ID every command but `login` carries (General Information,
/// item 6).
pub(crate) const SESSIONID: FieldSpec = required(
    "SESSIONID",
    ValueType::Guid,
    "the session ID the login confirm handed out; a wrong or timed-out one fails the command",
);

/// The outcome every `CONFIRM` opens with.
///
/// The confirm tables of the spec describe a successful reply: a failed one
/// may carry `RESULT` and `DESCRIPTION` alone, so a field marked required
/// in a confirm is required when `RESULT` is `0`.
pub(crate) const RESULT: FieldSpec = required(
    "RESULT",
    ValueType::Enumeration(&[("0", "command succeeded"), ("1", "command failed")]),
    "whether the command succeeded",
);

/// The human-readable outcome a `CONFIRM` may carry, mostly when it failed.
pub(crate) const DESCRIPTION: FieldSpec = optional(
    "DESCRIPTION",
    ValueType::Text { max_chars: None },
    "a message describing the outcome, mostly given when the command failed; the spec lists \
     it in most confirm tables and omits it from some examples, so it is accepted everywhere",
);

/// The Web UI language of the version 1 commands, `0`/`1`.
pub(crate) const WEB_UI_LANG: FieldSpec = optional(
    "LANG",
    ValueType::Enumeration(&[("0", "English"), ("1", "Chinese")]),
    "the language of the Web UI session; the spec does not say it is required and only Web UI \
     sessions have use for it, so it may be left out",
);

/// Any text, with no bound the spec states.
pub(crate) const TEXT: ValueType = ValueType::Text { max_chars: None };

/// A flag the spec documents as `0` (off) or `1` (on), with the meanings
/// given; a macro, as only literals can be promoted to `'static` slices.
macro_rules! flag {
    ($off:literal, $on:literal) => {
        $crate::catalog::ValueType::Enumeration(&[("0", $off), ("1", $on)])
    };
}

pub(crate) use flag;

/// A field that must appear exactly once.
pub(crate) const fn required(name: &'static str, value: ValueType, doc: &'static str) -> FieldSpec {
    field(name, Presence::Required, value, doc)
}

/// A field that may appear at most once.
pub(crate) const fn optional(name: &'static str, value: ValueType, doc: &'static str) -> FieldSpec {
    field(name, Presence::Optional, value, doc)
}

/// A field that may appear any number of times.
pub(crate) const fn repeatable(
    name: &'static str,
    value: ValueType,
    doc: &'static str,
) -> FieldSpec {
    field(name, Presence::Repeatable, value, doc)
}

/// The same field, also carrying a `name` attribute.
pub(crate) const fn named(spec: FieldSpec) -> FieldSpec {
    FieldSpec {
        name_attribute: true,
        ..spec
    }
}

/// The same field, marked by the spec as meant for the Web UI only.
pub(crate) const fn web_ui(spec: FieldSpec) -> FieldSpec {
    FieldSpec {
        web_ui_only: true,
        ..spec
    }
}

/// A field with neither a `name` attribute nor a Web UI mark.
const fn field(
    name: &'static str,
    presence: Presence,
    value: ValueType,
    doc: &'static str,
) -> FieldSpec {
    FieldSpec {
        name,
        presence,
        value,
        name_attribute: false,
        web_ui_only: false,
        doc,
    }
}

/// A TCP or UDP port number.
pub(crate) const PORT: ValueType = ValueType::Integer { min: 0, max: 65535 };

/// A count of things, for which the spec gives no bound but zero.
pub(crate) const COUNT: ValueType = ValueType::Integer {
    min: 0,
    max: u32::MAX as i64,
};

/// The `CONFIRM` of a command whose table lists only the outcome.
pub(crate) const OUTCOME: &[FieldSpec] = &[RESULT, DESCRIPTION];
