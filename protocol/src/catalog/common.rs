//! Field specs shared by every chapter's tables: the session id of General
//! Information item 6, and the RESULT, DESCRIPTION and LANG rows that most
//! sections repeat.

use super::fields::{optional, required};
use super::types::{FieldSpec, ValueType};

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

/// The Web UI language of the H.323 and version 2.0 commands, as a code.
pub(crate) const V2_LANG: FieldSpec = required(
    "LANG",
    ValueType::Enumeration(&[("en", "English"), ("cn", "Chinese")]),
    "the language of the Web UI's texts in the reply",
);

/// The request of a version 2.0 command that only reads.
pub(crate) const V2_READ: &[FieldSpec] = &[V2_LANG, SESSIONID];

/// The `CONFIRM` of a command whose table lists only the outcome.
pub(crate) const OUTCOME: &[FieldSpec] = &[RESULT, DESCRIPTION];
