//! Field specs shared by the tables of every chapter: the session id of
//! General Information item 6, and the RESULT, DESCRIPTION and LANG rows
//! that most sections repeat.

use super::fields::{optional, required};
use super::types::{FieldSpec, ValueType};

/// The session id every command but LOGIN carries (General Information,
/// item 6).
pub(crate) const SESSIONID: FieldSpec = required(
    "SESSIONID",
    ValueType::Guid,
    "the session id the LOGIN confirm gave; a wrong or timed out one fails the command",
);

/// Whether a command succeeded, first field of every confirm.
pub(crate) const RESULT: FieldSpec = required(
    "RESULT",
    ValueType::Enumeration(&[("0", "command succeeded"), ("1", "command failed")]),
    "whether the command succeeded",
);

/// The text explaining a failure; some confirms carry it on success too.
pub(crate) const DESCRIPTION: FieldSpec = optional(
    "DESCRIPTION",
    ValueType::Text { max_chars: None },
    "a message describing the result, mainly when the command failed",
);

/// The Web UI language of the H.323 and version 2.0 commands, as a code.
pub(crate) const V2_LANG: FieldSpec = required(
    "LANG",
    ValueType::Enumeration(&[("en", "English"), ("cn", "Chinese")]),
    "the language of the Web UI's texts in the reply",
);
