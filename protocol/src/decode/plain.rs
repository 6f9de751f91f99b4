//! The fast path for the shape nearly every field has, `<NAME value="..." />`
//! with plain ASCII name and value text (spec, "General Information", item
//! 5: fields are empty elements carrying their content in `value`), and for
//! the one attribute of the root and of each record, ` version="...">` and
//! ` xmlid="...">`.
//!
//! It only recognises: on anything else, a reference, a control character,
//! a limit reached, it leaves the cursor where it was and the general path
//! reads the field, so errors and deviations are exactly those of the
//! general path. A field whose plain `value` is followed by anything but
//! `/>` (another attribute, a start tag's `>`) is read by the general path
//! from there on, as if it had read the name and the value itself.

use super::chars::{NAME_ASCII, NAME_START};
use super::document::{Markup, Reader};
use super::runs::{plain_value_len, space_len};
use super::scanner::RawValue;
use super::shortcuts;
use crate::message::Message;

/// What follows a field's name when its first attribute is `value`.
const VALUE_OPEN: &[u8] = b" value=\"";

/// What the short path read of a field.
pub(super) enum PlainField<'a> {
    /// Nothing: the cursor is where it was.
    None,
    /// The whole field, up to its `/>`.
    Whole,
    /// The field's name and its `value` attribute, up to the closing
    /// quote: the rest is the general path's, with one attribute read.
    Open { name: &'a str },
}

impl<'a> Reader<'a, '_> {
    /// Reads white space and the start of a field whose first attribute is
    /// a plain `value` at the cursor into `message`, and the field's end
    /// when it is `/>` or ` />` at once; or leaves the cursor as it was.
    pub(super) fn plain_field(&mut self, message: &mut Message<'a>) -> PlainField<'a> {
        if !shortcuts::enabled() {
            return PlainField::None;
        }

        let limits = &self.options.limits;
        if message.field_count() >= limits.max_fields || limits.max_attributes_per_field == 0 {
            return PlainField::None;
        }

        let Some((name, value)) = plain_field_at(self.scan.rest(), limits.max_text_len) else {
            return PlainField::None;
        };

        let start = self.scan.pos();
        let text = self.scan.text();
        let (Some(name), Some(value_text)) = (
            text.get(start + name.start..start + name.end),
            text.get(start + value.start..start + value.end),
        ) else {
            return PlainField::None;
        };

        message.push_borrowed_value(name, value_text);
        self.scan.advance(value.end + 1);
        let tail = self.scan.rest();
        let end = if tail.starts_with(b"/>") {
            2
        } else if tail.starts_with(b" />") {
            3
        } else {
            return PlainField::Open { name };
        };
        self.scan.advance(end);
        PlainField::Whole
    }
}

impl<'a> Reader<'a, '_> {
    /// Reads white space, attribute `wanted` with a plain value and the `>`
    /// that ends the start tag at the cursor and gives the value, or leaves
    /// the cursor as it was and gives `None`.
    pub(super) fn plain_special(&mut self, wanted: &str) -> Option<RawValue<'a>> {
        if !shortcuts::enabled() {
            return None;
        }

        let max_text = self.max_text();
        let bytes = self.scan.rest();
        let lt = space_len(bytes);
        let after_name = bytes.get(lt..)?.strip_prefix(wanted.as_bytes())?;
        if lt == 0 || wanted.len() > max_text || !after_name.starts_with(b"=\"") {
            return None;
        }

        let value_start = lt + wanted.len() + 2;
        let value_len = plain_value_len(bytes.get(value_start..)?);
        let value_end = value_start + value_len;
        if value_len > max_text || !bytes.get(value_end..)?.starts_with(b"\">") {
            return None;
        }

        let start = self.scan.pos();
        let text = self
            .scan
            .text()
            .get(start + value_start..start + value_end)?;
        self.scan.advance(value_end + 2);
        Some(RawValue {
            text,
            offset: start + value_start,
            needs_unescape: false,
        })
    }
}

impl Reader<'_, '_> {
    /// Reads white space and then the end of the payload, or the `<` or
    /// `</` of a tag whose name starts at once with an ASCII letter, or
    /// leaves the cursor as it was and gives `None`.
    #[inline]
    pub(super) fn plain_markup(&mut self) -> Option<Markup> {
        if !shortcuts::enabled() {
            return None;
        }

        let rest = self.scan.rest();
        let lt = space_len(rest);
        let at = self.scan.pos() + lt;
        let (markup, len) = match rest.get(lt..)? {
            [] => (Markup::Eof, lt),
            [b'<', b'/', first, ..] if first.is_ascii_alphabetic() => (Markup::End { at }, lt + 2),
            [b'<', first, ..] if first.is_ascii_alphabetic() => (Markup::Start { at }, lt + 1),
            _ => return None,
        };
        self.scan.advance(len);
        Some(markup)
    }
}

/// The name's and value's ranges of the white space, name and plain
/// `value` attribute at the start of `bytes`, if they are one; the value's
/// closing quote follows its range.
#[inline(always)]
fn plain_field_at(
    bytes: &[u8],
    max_text: usize,
) -> Option<(std::ops::Range<usize>, std::ops::Range<usize>)> {
    let lt = space_len(bytes);
    if bytes.get(lt) != Some(&b'<') {
        return None;
    }

    let name_start = lt + 1;
    let first = *bytes.get(name_start)?;
    if !NAME_START[usize::from(first & 0x7F)] || first >= 0x80 {
        return None;
    }

    let name_len = name_len(bytes.get(name_start..)?);
    let name_end = name_start + name_len;
    let after_name = bytes.get(name_end..)?;
    if name_len > max_text || !after_name.starts_with(VALUE_OPEN) {
        return None;
    }

    let value_start = name_end + VALUE_OPEN.len();
    let value_len = plain_value_len(bytes.get(value_start..)?);
    let value_end = value_start + value_len;
    if value_len > max_text || bytes.get(value_end) != Some(&b'"') {
        return None;
    }

    Some((name_start..name_end, value_start..value_end))
}

/// How many bytes at the start of `bytes` are ASCII name characters.
fn name_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&byte| !NAME_ASCII[usize::from(byte)])
        .unwrap_or(bytes.len())
}
