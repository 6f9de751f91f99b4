//! Short constructors for the rows of the catalog's tables, so that each
//! row of a spec parameter table reads as one line of Rust.

use super::types::{FieldSpec, Presence, ValueType};

/// A field that appears exactly once.
pub(crate) const fn required(name: &'static str, value: ValueType, doc: &'static str) -> FieldSpec {
    row(name, Presence::Required, value, doc)
}

/// A field that appears at most once.
pub(crate) const fn optional(name: &'static str, value: ValueType, doc: &'static str) -> FieldSpec {
    row(name, Presence::Optional, value, doc)
}

/// A field that may appear any number of times, none included.
pub(crate) const fn repeatable(
    name: &'static str,
    value: ValueType,
    doc: &'static str,
) -> FieldSpec {
    row(name, Presence::Repeatable, value, doc)
}

/// A flag the spec documents as `0` (off) or `1` (on), with the meanings
/// given; a macro, as only literals can be promoted to `'static` slices.
macro_rules! flag {
    ($off:literal, $on:literal) => {
        $crate::catalog::ValueType::Enumeration(&[("0", $off), ("1", $on)])
    };
}

pub(crate) use flag;

/// The doc of a GET confirm field inferred from its SET command's
/// parameters, for the version 2.0 GETs that have no confirm table.
macro_rules! inferred {
    ($doc:literal) => {
        concat!(
            $doc,
            "; inferred from the SET command, the GET has no confirm table"
        )
    };
}

pub(crate) use inferred;

/// A two-state switch whose meanings the spec leaves out.
pub(crate) const OFF_ON: ValueType = ValueType::Enumeration(&[("0", "off"), ("1", "on")]);

/// Free text without a bound.
pub(crate) const TEXT: ValueType = ValueType::Text { max_chars: None };

/// A TCP or UDP port.
pub(crate) const PORT: ValueType = ValueType::Integer { min: 0, max: 65535 };

/// A count or size that cannot be negative and has no bound in the spec.
pub(crate) const COUNT: ValueType = ValueType::Integer {
    min: 0,
    max: i64::MAX,
};

const fn row(
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
        blank_when_unset: false,
        doc,
    }
}

impl FieldSpec {
    /// The same field, also carrying a `name` attribute.
    pub(crate) const fn named(self) -> Self {
        FieldSpec {
            name_attribute: true,
            ..self
        }
    }

    /// The same field, marked by the spec as designed for the Web UI.
    pub(crate) const fn web_ui(self) -> Self {
        FieldSpec {
            web_ui_only: true,
            ..self
        }
    }

    /// The same field, allowed to be empty while the setting it holds is
    /// unset (see [`FieldSpec::blank_when_unset`]).
    pub(crate) const fn blank_when_unset(self) -> Self {
        FieldSpec {
            blank_when_unset: true,
            ..self
        }
    }

    /// The same field with another presence, for a record where the spec
    /// treats it differently.
    pub(crate) const fn presence(self, presence: Presence) -> Self {
        FieldSpec { presence, ..self }
    }

    /// The same field with the description its record gives it.
    pub(crate) const fn doc(self, doc: &'static str) -> Self {
        FieldSpec { doc, ..self }
    }
}
