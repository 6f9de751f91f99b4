//! Judging bytes: the one way every part of dvcr turns a payload or a byte
//! stream into a message and its findings (spec, "General Information",
//! items 3 to 6, and each command's tables).
//!
//! [`payload`] decodes one frame's payload, turns each deviation lenient
//! decoding read through into a finding, and validates the message against
//! the catalog. [`stream()`] cuts a byte stream into frames first and adds
//! the findings of the frames' own deviations. Deviations are findings of
//! the same kind as validation's: a report needs nothing else.

mod deviation;
mod stream;

pub use deviation::{DEVIATION_SECTION, finding_of, frame_finding_of, frame_rule_of, rule_of};
pub use stream::{FrameInspection, StreamInspection, stream};

use crate::decode::{self, DecodeError, DecodeOptions};
use crate::message::{Kind, Message};
use crate::validate::{self, Finding, Flow, Severity};

/// What came of judging one payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Inspection<'a> {
    /// The decoded message, borrowing from the payload; `None` when it could
    /// not be decoded.
    pub message: Option<Message<'a>>,
    /// Why the payload could not be decoded, if it could not.
    pub error: Option<DecodeError>,
    /// The way the message was judged to travel; `None` when there was no
    /// message to judge.
    pub flow: Option<Flow>,
    /// The deviations read through, in document order, then the validation
    /// findings, record by record.
    pub findings: Vec<Finding>,
}

impl Inspection<'_> {
    /// Whether anything here is an error: a payload that would not decode,
    /// or a finding of severity error.
    pub fn has_errors(&self) -> bool {
        self.error.is_some()
            || self
                .findings
                .iter()
                .any(|finding| finding.severity == Severity::Error)
    }
}

/// Judges `bytes`, one frame's payload: decodes it under `options`, reports
/// each deviation as a finding (offsets count from the start of `bytes`),
/// and validates the message as travelling `flow`.
///
/// With `flow` `None`, the message is judged by its first record's kind: a
/// `COMMAND` travels to the device, a `CONFIRM` or `INDICATION` from it.
pub fn payload<'a>(bytes: &'a [u8], options: &DecodeOptions, flow: Option<Flow>) -> Inspection<'a> {
    let decoded = match decode::decode(bytes, options) {
        Ok(decoded) => decoded,
        Err(error) => {
            return Inspection {
                message: None,
                error: Some(error),
                flow: None,
                findings: Vec::new(),
            };
        }
    };

    let mut findings: Vec<Finding> = decoded
        .deviations
        .iter()
        .map(|deviation| finding_of(deviation, bytes))
        .collect();
    let flow = flow.unwrap_or_else(|| flow_of(&decoded.message));
    findings.extend(validate::validate(&decoded.message, flow));

    Inspection {
        message: Some(decoded.message),
        error: None,
        flow: Some(flow),
        findings,
    }
}

/// The way `message` travels, judged by its first record's kind.
pub fn flow_of(message: &Message<'_>) -> Flow {
    match message.first().map(|record| record.kind()) {
        Some(Kind::Confirm | Kind::Indication) => Flow::FromDevice,
        Some(Kind::Command) | None => Flow::ToDevice,
    }
}
