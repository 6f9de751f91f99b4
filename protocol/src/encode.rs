//! Encoding a [`Message`] as one TPKT frame: the 4-byte header, then the
//! UTF-8 `DVCRMANAGER` document (spec, "General Information", items 4 and 5).
//!
//! The document is written straight into the caller's buffer, so encoding
//! into a reused buffer allocates nothing. Attribute values escape `&`, `<`,
//! `>` and `"`, and write tab, LF and CR as character references, which XML
//! attribute-value normalisation would otherwise turn into spaces; spaces
//! around an `xmlid` are written as references too, since decoding trims
//! written ones. So decoding what [`encode`] wrote gives the message back.
//!
//! What nearly every document is made of, fields with ASCII names and
//! values that need no escaping, takes the short path of `plain`, which
//! writes in place and declines anything else; the general path here
//! writes what it declines, so both give the same bytes and errors.

use crate::decode::{is_ascii_name, is_name, is_xml_char, unescaped_len};
use crate::limits::MAX_TPKT_FRAME_LEN;
use crate::message::{Attribute, Kind, Message};
use crate::tpkt::{self, Header};
use room::{Room, Tag};

mod plain;
mod room;
mod words;

/// The declaration every encoded document opens with, and the root's
/// start tag up to its version.
const OPENING: &[u8; 62] = b"<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<DVCRMANAGER version=\"";

/// A frame's opening: zeros where its TPKT header goes, then [`OPENING`].
const FRAMED_OPENING: [u8; tpkt::HEADER_LEN + OPENING.len()] = {
    let mut framed = [0; tpkt::HEADER_LEN + OPENING.len()];
    let mut at = 0;
    while at < OPENING.len() {
        framed[tpkt::HEADER_LEN + at] = OPENING[at];
        at += 1;
    }
    framed
};

/// The root's end tag, which closes every encoded document.
const CLOSING: &[u8; 15] = b"</DVCRMANAGER>\n";

/// Room for the longest tag opening a record up to its `xmlid`.
const OPEN_LEN: usize = 24;

/// Room for the longest tag closing a record.
const CLOSE_LEN: usize = 16;

/// A message that cannot be encoded as it is.
#[non_exhaustive]
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum EncodeError {
    /// The message holds no record.
    #[error("message holds no record, expected at least one")]
    NoRecord,
    /// A field or attribute name that is not an XML name.
    #[error("{name:?} in record {record} is not an xml name")]
    InvalidName {
        /// The record it is in.
        record: usize,
        /// The name.
        name: String,
    },
    /// A character XML 1.0 does not allow, even as a reference.
    #[error("character U+{code:04X} cannot be written in xml")]
    ForbiddenChar {
        /// The record it is in; `None` for the root's version.
        record: Option<usize>,
        /// The character's code point.
        code: u32,
    },
    /// A field carrying the same attribute twice.
    #[error("attribute {name} given twice on field {field} of record {record}")]
    DuplicateAttribute {
        /// The record it is in.
        record: usize,
        /// The field's name.
        field: String,
        /// The attribute's name.
        name: String,
    },
    /// The frame would be longer than TPKT allows.
    #[error("frame of {len} bytes exceeds the tpkt maximum of {max}")]
    TooLong {
        /// The frame's length, header included.
        len: usize,
        /// The longest frame TPKT can describe.
        max: usize,
    },
}

/// Appends `message` to `out` as one TPKT frame; on error, `out` is left as
/// it was.
pub fn encode(message: &Message<'_>, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    let start = out.len();
    let written =
        write_document(message, out, &FRAMED_OPENING).and_then(|()| write_header(out, start));
    if written.is_err() {
        out.truncate(start);
    }

    written
}

/// Appends `message` to `out` as a document, without a TPKT header; on
/// error, `out` is left as it was.
pub fn encode_xml(message: &Message<'_>, out: &mut Vec<u8>) -> Result<(), EncodeError> {
    let start = out.len();
    let written = write_document(message, out, OPENING);
    if written.is_err() {
        out.truncate(start);
    }

    written
}

/// Writes the TPKT header of the frame that starts at `start` of `out`,
/// over the zeros [`FRAMED_OPENING`] left there.
fn write_header(out: &mut [u8], start: usize) -> Result<(), EncodeError> {
    let frame_len = out.len().saturating_sub(start);
    let payload_len = frame_len.saturating_sub(tpkt::HEADER_LEN);
    let header = Header::for_payload(payload_len).map_err(|_| EncodeError::TooLong {
        len: frame_len,
        max: MAX_TPKT_FRAME_LEN,
    })?;
    if let Some(slot) = out.get_mut(start..start + tpkt::HEADER_LEN) {
        slot.copy_from_slice(&header.to_bytes());
    }

    Ok(())
}

/// Appends `opening`, then the rest of the document; on error, `out` holds
/// a part of it.
fn write_document<const N: usize>(
    message: &Message<'_>,
    out: &mut Vec<u8>,
    opening: &[u8; N],
) -> Result<(), EncodeError> {
    let records = message.record_entries();
    if records.is_empty() {
        return Err(EncodeError::NoRecord);
    }

    let mut room = Room::new(out);
    room.put(opening);
    let version = message.version();
    if !plain::write_value(&mut room, version) {
        room.with_vec(|out| write_value(version, out, None))?;
    }
    room.put(b"\">\n");

    let fields = message.field_entries();
    let attributes = message.attribute_entries();
    for (index, record) in records.iter().enumerate() {
        let (open, close) = tags(record.kind);
        room.put_tag(open);
        let xmlid = &*record.xmlid;
        let edged = xmlid.starts_with(' ') || xmlid.ends_with(' ');
        if edged || !plain::write_value(&mut room, xmlid) {
            room.with_vec(|out| write_xmlid(xmlid, out, index))?;
        }
        room.put(b"\">\n");

        let end = records
            .get(index + 1)
            .map_or(fields.len(), |next| next.first_field);
        for at in record.first_field..end {
            let Some(field) = fields.get(at) else {
                break;
            };

            let last = fields
                .get(at + 1)
                .map_or(attributes.len(), |next| next.first_attribute);
            let Some(own) = attributes.get(field.first_attribute..last) else {
                break;
            };

            let name = &*field.element;
            if !plain::write_field(&mut room, name, own) {
                room.with_vec(|out| write_field(name, own, out, index))?;
            }
        }
        room.put_tag(close);
    }

    room.put(CLOSING);
    Ok(())
}

/// What opens a record of `kind` up to its `xmlid`, and what closes it.
fn tags(kind: Kind) -> (&'static Tag<OPEN_LEN>, &'static Tag<CLOSE_LEN>) {
    const COMMAND: (Tag<OPEN_LEN>, Tag<CLOSE_LEN>) =
        (Tag::new(b"<COMMAND xmlid=\""), Tag::new(b"</COMMAND>\n"));
    const CONFIRM: (Tag<OPEN_LEN>, Tag<CLOSE_LEN>) =
        (Tag::new(b"<CONFIRM xmlid=\""), Tag::new(b"</CONFIRM>\n"));
    const INDICATION: (Tag<OPEN_LEN>, Tag<CLOSE_LEN>) = (
        Tag::new(b"<INDICATION xmlid=\""),
        Tag::new(b"</INDICATION>\n"),
    );
    let (open, close) = match kind {
        Kind::Command => &COMMAND,
        Kind::Confirm => &CONFIRM,
        Kind::Indication => &INDICATION,
    };
    (open, close)
}

/// Writes one field named `name` of record `record` as an empty element, in
/// general: any attributes, escaped as needed.
fn write_field(
    name: &str,
    attributes: &[Attribute<'_>],
    out: &mut Vec<u8>,
    record: usize,
) -> Result<(), EncodeError> {
    out.push(b'<');
    write_name(name, out, record)?;
    for (position, attribute) in attributes.iter().enumerate() {
        let earlier = attributes.get(..position).unwrap_or_default();
        if earlier.iter().any(|other| other.name == attribute.name) {
            return Err(EncodeError::DuplicateAttribute {
                record,
                field: name.to_owned(),
                name: attribute.name.to_string(),
            });
        }

        out.push(b' ');
        write_name(&attribute.name, out, record)?;
        out.extend_from_slice(b"=\"");
        write_value(&attribute.value, out, Some(record))?;
        out.push(b'"');
    }
    out.extend_from_slice(b"/>\n");
    Ok(())
}

/// Writes a name, which must be an XML name.
fn write_name(name: &str, out: &mut Vec<u8>, record: usize) -> Result<(), EncodeError> {
    if !is_ascii_name(name) && !is_name(name) {
        return Err(EncodeError::InvalidName {
            record,
            name: name.to_owned(),
        });
    }

    out.extend_from_slice(name.as_bytes());
    Ok(())
}

/// Writes an `xmlid`, with the spaces around it as references.
fn write_xmlid(xmlid: &str, out: &mut Vec<u8>, record: usize) -> Result<(), EncodeError> {
    let core = xmlid.trim_start_matches(' ');
    let leading = xmlid.len() - core.len();
    let core = core.trim_end_matches(' ');
    let trailing = xmlid.len() - leading - core.len();
    for _ in 0..leading {
        out.extend_from_slice(b"&#32;");
    }
    write_value(core, out, Some(record))?;
    for _ in 0..trailing {
        out.extend_from_slice(b"&#32;");
    }
    Ok(())
}

/// Writes an attribute value for double quotes, escaping what must be.
///
/// Runs of bytes that need no escaping are found eight at a time and
/// copied whole; only the bytes that end them are looked at one by one.
fn write_value(value: &str, out: &mut Vec<u8>, record: Option<usize>) -> Result<(), EncodeError> {
    let bytes = value.as_bytes();
    let mut at = 0;
    if unescaped_len(bytes) == bytes.len() {
        out.extend_from_slice(bytes);
        return Ok(());
    }

    loop {
        let rest = bytes.get(at..).unwrap_or_default();
        let plain = unescaped_len(rest);
        out.extend_from_slice(rest.get(..plain).unwrap_or_default());
        at += plain;
        let Some(c) = value.get(at..).and_then(|tail| tail.chars().next()) else {
            return Ok(());
        };

        let escaped: &[u8] = match c {
            '&' => b"&amp;",
            '<' => b"&lt;",
            '>' => b"&gt;",
            '"' => b"&quot;",
            '\t' => b"&#9;",
            '\n' => b"&#10;",
            '\r' => b"&#13;",
            _ if is_xml_char(c) => value.get(at..at + c.len_utf8()).unwrap_or("").as_bytes(),
            _ => {
                return Err(EncodeError::ForbiddenChar {
                    record,
                    code: u32::from(c),
                });
            }
        };
        out.extend_from_slice(escaped);
        at += c.len_utf8();
    }
}
