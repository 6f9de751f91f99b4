//! The `message_roundtrip` oracle, structure-aware: a message built from
//! arbitrary parts encodes to a frame that decodes back to it (spec,
//! "General Information", items 4 and 5).

use arbitrary::{Arbitrary, Unstructured};

use crate::decode::{DecodeOptions, Mode, decode, is_name, is_xml_char};
use crate::encode::EncodeError;
use crate::encode::encode;
use crate::{Kind, Limits, Message, reference};

/// Names to use where the arbitrary one is not an XML name: the shapes of
/// the catalog's element and attribute names.
const NAMES: [&str; 8] = [
    "RESULT",
    "DESCRIPTION",
    "SESSIONID",
    "value",
    "name",
    "MEMBER_USER",
    "ROOM_ID",
    "a",
];

/// The parts of a message, as a fuzzer makes them.
#[derive(Clone, Debug, Arbitrary)]
pub struct MessageParts {
    /// The root's `version`.
    pub version: String,
    /// The records, in order; an empty list gets one record.
    pub records: Vec<RecordParts>,
}

/// The parts of one record.
#[derive(Clone, Debug, Arbitrary)]
pub struct RecordParts {
    /// 0 `COMMAND`, 1 `CONFIRM`, 2 `INDICATION`, modulo 3.
    pub kind: u8,
    /// The `xmlid`.
    pub xmlid: String,
    /// The fields, in order.
    pub fields: Vec<FieldParts>,
}

/// The parts of one field.
#[derive(Clone, Debug, Arbitrary)]
pub struct FieldParts {
    /// The element name.
    pub name: String,
    /// The attributes, as (name, value).
    pub attributes: Vec<(String, String)>,
}

impl MessageParts {
    /// The message these parts describe, made into one the model and XML
    /// can hold: names that are not XML names are replaced from a list,
    /// characters XML forbids are dropped, a repeated attribute name keeps
    /// its first value, attributes stop at `limits`, and a message with no
    /// record gets one.
    pub fn to_message(&self, limits: &Limits) -> Message<'static> {
        let mut message = Message::new(xml_text(&self.version));
        for record in &self.records {
            let kind = Kind::ALL
                .get(usize::from(record.kind % 3))
                .copied()
                .unwrap_or(Kind::Command);
            message.push_record(kind, xml_text(&record.xmlid));
            for field in &record.fields {
                message.push_field(xml_name(&field.name));
                let mut names: Vec<String> = Vec::new();
                for (name, value) in &field.attributes {
                    let name = xml_name(name);
                    if names.contains(&name) || names.len() >= limits.max_attributes_per_field {
                        continue;
                    }

                    names.push(name.clone());
                    message.push_attribute(name, xml_text(value));
                }
            }
        }

        if message.record_count() == 0 {
            message.push_record(Kind::Command, "login");
        }
        message
    }
}

/// Checks that a message built from the arbitrary parts in `data` encodes
/// and decodes back to itself, strictly and leniently with no deviation,
/// and that the quick-xml reference reads it the same.
pub fn message_roundtrip(data: &[u8]) {
    let Ok(parts) = MessageParts::arbitrary_take_rest(Unstructured::new(data)) else {
        return;
    };

    let message = parts.to_message(&Limits::DEFAULT);
    let mut frame = Vec::new();
    match encode(&message, &mut frame) {
        Ok(()) => {}
        Err(EncodeError::TooLong { .. }) => return,
        Err(error) => panic!("a message the model can hold does not encode: {error}: {message:?}"),
    }

    let payload = frame.get(4..).unwrap_or_default();
    for mode in [Mode::Strict, Mode::Lenient] {
        let options = DecodeOptions {
            mode,
            limits: Limits::DEFAULT,
        };
        match decode(payload, &options) {
            Ok(decoded) if decoded.message == message && decoded.deviations.is_empty() => {}
            other => {
                let text = String::from_utf8_lossy(payload);
                panic!("{message:?} encoded as {text:?} decodes {mode:?} as {other:?}");
            }
        }
    }

    match reference::decode(payload) {
        Ok(theirs) if theirs == message => {}
        other => panic!("{message:?} is read by the reference as {other:?}"),
    }
}

/// `text` without the characters XML cannot carry.
fn xml_text(text: &str) -> String {
    text.chars().filter(|&c| is_xml_char(c)).collect()
}

/// `name` when it is an XML name, else one of [`NAMES`] chosen by it.
fn xml_name(name: &str) -> String {
    if is_name(name) {
        return name.to_owned();
    }

    let pick = name.len() % NAMES.len();
    NAMES.get(pick).copied().unwrap_or("a").to_owned()
}
