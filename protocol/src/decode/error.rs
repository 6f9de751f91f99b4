//! Why a payload was not decoded (spec, "General Information", items 4 and
//! 5: one UTF-8 `DVCRMANAGER` document per TPKT frame).
//!
//! Every variant carries the byte offset in the payload where decoding
//! stopped, and what was expected and found where that says more.

use super::deviation::DeviationKind;

/// A payload that is not one acceptable `DVCRMANAGER` document.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    /// The payload is longer than the frame limit allows.
    #[error("payload of {len} bytes exceeds the limit of {max} at byte {offset}")]
    TooLong {
        /// The first byte beyond the limit.
        offset: usize,
        /// The payload's length.
        len: usize,
        /// The longest payload accepted.
        max: usize,
    },
    /// The payload is not valid UTF-8.
    #[error("invalid utf-8 at byte {offset}")]
    InvalidUtf8 {
        /// The first byte of the invalid sequence.
        offset: usize,
    },
    /// The declaration names an encoding other than UTF-8.
    #[error("encoding {found:?} declared at byte {offset}, expected utf-8")]
    Encoding {
        /// Where the encoding's value starts.
        offset: usize,
        /// The declared encoding.
        found: String,
    },
    /// A character XML 1.0 does not allow, written or referenced.
    #[error("character U+{code:04X} not allowed in xml at byte {offset}")]
    ForbiddenChar {
        /// Where the character or its reference starts.
        offset: usize,
        /// The character's code point.
        code: u32,
    },
    /// The markup does not follow the XML grammar.
    #[error("expected {expected}, found {} at byte {offset}", found_text(*.found))]
    Syntax {
        /// Where the unexpected character is.
        offset: usize,
        /// What the grammar allows there.
        expected: &'static str,
        /// What came instead; `None` at the end of the payload.
        found: Option<char>,
    },
    /// The document holds no element.
    #[error("no root element, document ends at byte {offset}")]
    NoRoot {
        /// Where the document ends.
        offset: usize,
    },
    /// The root holds no record.
    #[error("root element at byte {offset} holds no record")]
    NoRecord {
        /// Where the root element starts.
        offset: usize,
    },
    /// An element was still open when the payload ended.
    #[error("expected </{expected}>, found end of document at byte {offset}")]
    Unclosed {
        /// The end of the payload.
        offset: usize,
        /// The name of the open element.
        expected: String,
    },
    /// An end tag does not match the open element.
    #[error("expected </{expected}>, found </{found}> at byte {offset}")]
    MismatchedEndTag {
        /// Where the end tag starts.
        offset: usize,
        /// The name of the open element.
        expected: String,
        /// The name in the end tag.
        found: String,
    },
    /// An element follows the root element.
    #[error("second root element at byte {offset}")]
    SecondRoot {
        /// Where the second element starts.
        offset: usize,
    },
    /// Text other than white space, outside or inside an element.
    #[error("expected markup or white space, found text {found:?} at byte {offset}")]
    UnexpectedText {
        /// Where the text starts.
        offset: usize,
        /// Its first character.
        found: char,
    },
    /// A document type or other markup declaration, which is never expanded.
    #[error("markup declaration at byte {offset}, none is accepted")]
    MarkupDeclaration {
        /// Where the declaration starts.
        offset: usize,
    },
    /// A CDATA section, which no part of a message may hold.
    #[error("cdata section at byte {offset}, none is accepted")]
    Cdata {
        /// Where the section starts.
        offset: usize,
    },
    /// An entity reference other than the five XML predefines.
    #[error("unknown entity &{name}; at byte {offset}")]
    UnknownEntity {
        /// Where the reference starts.
        offset: usize,
        /// The entity's name.
        name: String,
    },
    /// A character reference that is not `&#N;` or `&#xH;` of a code point.
    #[error("malformed character reference at byte {offset}")]
    MalformedCharRef {
        /// Where the reference starts.
        offset: usize,
    },
    /// An attribute given twice on one element.
    #[error("duplicate attribute {name} at byte {offset}")]
    DuplicateAttribute {
        /// Where the second one starts.
        offset: usize,
        /// Its name.
        name: String,
    },
    /// An element nested deeper than root, record, field.
    #[error("element nested deeper than {max} levels at byte {offset}")]
    TooDeep {
        /// Where the element starts.
        offset: usize,
        /// The deepest nesting allowed.
        max: usize,
    },
    /// A root element other than `DVCRMANAGER`.
    #[error("expected root DVCRMANAGER, found {found} at byte {offset}")]
    UnexpectedRoot {
        /// Where the element's name starts.
        offset: usize,
        /// Its name.
        found: String,
    },
    /// A record element other than `COMMAND`, `CONFIRM` or `INDICATION`.
    #[error("expected COMMAND, CONFIRM or INDICATION, found {found} at byte {offset}")]
    UnexpectedRecord {
        /// Where the element's name starts.
        offset: usize,
        /// Its name.
        found: String,
    },
    /// A root without `version` or a record without `xmlid`.
    #[error("{element} lacks attribute {name} at byte {offset}")]
    MissingAttribute {
        /// Where the element's start tag ends.
        offset: usize,
        /// The element's name as the spec spells it.
        element: &'static str,
        /// The missing attribute.
        name: &'static str,
    },
    /// An attribute the model has no place for, on the root or a record.
    #[error("unexpected attribute {name} on {element} at byte {offset}")]
    UnexpectedAttribute {
        /// Where the attribute starts.
        offset: usize,
        /// The element's name as the spec spells it.
        element: &'static str,
        /// The attribute's name.
        name: String,
    },
    /// More records than the limits allow.
    #[error("more than {max} records at byte {offset}")]
    TooManyRecords {
        /// Where the record that is one too many starts.
        offset: usize,
        /// The most records allowed.
        max: usize,
    },
    /// More fields than the limits allow.
    #[error("more than {max} fields at byte {offset}")]
    TooManyFields {
        /// Where the field that is one too many starts.
        offset: usize,
        /// The most fields allowed.
        max: usize,
    },
    /// More attributes on one field than the limits allow.
    #[error("more than {max} attributes on a field at byte {offset}")]
    TooManyAttributes {
        /// Where the attribute that is one too many starts.
        offset: usize,
        /// The most attributes allowed on a field.
        max: usize,
    },
    /// A name or value longer than the limits allow.
    #[error("text of {len} bytes exceeds the limit of {max} at byte {offset}")]
    TextTooLong {
        /// Where the text starts.
        offset: usize,
        /// Its length as it stands in the document.
        len: usize,
        /// The longest text allowed.
        max: usize,
    },
    /// A known defect, which only lenient decoding accepts.
    #[error("{} at byte {offset}, accepted only in lenient mode", kind.description())]
    Deviation {
        /// Where the defect starts.
        offset: usize,
        /// Which defect it is.
        kind: DeviationKind,
    },
}

impl DecodeError {
    /// The byte offset in the payload where decoding stopped.
    pub fn offset(&self) -> usize {
        match self {
            DecodeError::TooLong { offset, .. }
            | DecodeError::InvalidUtf8 { offset }
            | DecodeError::Encoding { offset, .. }
            | DecodeError::ForbiddenChar { offset, .. }
            | DecodeError::Syntax { offset, .. }
            | DecodeError::NoRoot { offset }
            | DecodeError::NoRecord { offset }
            | DecodeError::Unclosed { offset, .. }
            | DecodeError::MismatchedEndTag { offset, .. }
            | DecodeError::SecondRoot { offset }
            | DecodeError::UnexpectedText { offset, .. }
            | DecodeError::MarkupDeclaration { offset }
            | DecodeError::Cdata { offset }
            | DecodeError::UnknownEntity { offset, .. }
            | DecodeError::MalformedCharRef { offset }
            | DecodeError::DuplicateAttribute { offset, .. }
            | DecodeError::TooDeep { offset, .. }
            | DecodeError::UnexpectedRoot { offset, .. }
            | DecodeError::UnexpectedRecord { offset, .. }
            | DecodeError::MissingAttribute { offset, .. }
            | DecodeError::UnexpectedAttribute { offset, .. }
            | DecodeError::TooManyRecords { offset, .. }
            | DecodeError::TooManyFields { offset, .. }
            | DecodeError::TooManyAttributes { offset, .. }
            | DecodeError::TextTooLong { offset, .. }
            | DecodeError::Deviation { offset, .. } => *offset,
        }
    }
}

fn found_text(found: Option<char>) -> String {
    match found {
        Some(c) => format!("{c:?}"),
        None => "end of document".to_owned(),
    }
}
