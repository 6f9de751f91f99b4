//! The short path of the encoder for what nearly every document is made of
//! (spec, "General Information", item 5): fields with ASCII names, most of
//! them `<NAME value="..."/>`, and values and `xmlid`s that need no
//! escaping.
//!
//! A field is copied into the [`Room`] in place, its names and values
//! tested as they are moved, and kept only when every test passes. Anything
//! else is left unwritten for the general path, so its bytes and errors are
//! the general path's.

use super::room::Room;
use super::words::{Escapes, NotName, copy_tested};
use crate::decode::NAME_START;
use crate::message::Attribute;

/// What a field of one `value` adds around its name and value: `<`,
/// ` value="`, `"/>` and the line end.
const VALUE_FIELD_LEN: usize = 13;

/// What a field adds around its name and attributes: `<`, `/>` and the line
/// end.
const FIELD_LEN: usize = 4;

/// What an attribute adds around its name and value: a space, `="` and `"`.
const ATTRIBUTE_LEN: usize = 4;

/// Appends the field and a line end to the text of `room` and returns
/// `true` when its names are ASCII XML names, no attribute is given twice
/// and no value needs escaping; otherwise returns `false`, the text as it
/// was. A field whose only attribute is `value`, as most are, is written
/// without testing that attribute's name.
#[inline(always)]
pub(super) fn write_field(room: &mut Room<'_>, name: &str, attributes: &[Attribute<'_>]) -> bool {
    if !starts_name(name) {
        return false;
    }

    match attributes {
        [only] if only.name == "value" => write_value_field(room, name, &only.value),
        _ => write_attributes_field(room, name, attributes),
    }
}

/// Whether `name` starts as an ASCII XML name may; the rest of it is tested
/// as it is copied.
#[inline(always)]
fn starts_name(name: &str) -> bool {
    name.as_bytes()
        .first()
        .is_some_and(|&first| NAME_START[usize::from(first & 0x7F)])
}

/// Writes `<name value="value"/>` and a line end, as [`write_field`] says.
#[inline(always)]
fn write_value_field(room: &mut Room<'_>, name: &str, value: &str) -> bool {
    let (name, value) = (name.as_bytes(), value.as_bytes());
    let len = name.len() + value.len() + VALUE_FIELD_LEN;
    let Some(([open], rest)) = room.ahead(len).split_first_chunk_mut::<1>() else {
        return false;
    };
    let Some((name_slot, rest)) = rest.split_at_mut_checked(name.len()) else {
        return false;
    };
    let Some((attribute, rest)) = rest.split_first_chunk_mut::<8>() else {
        return false;
    };
    let Some((value_slot, rest)) = rest.split_at_mut_checked(value.len()) else {
        return false;
    };
    let Some(close) = rest.first_chunk_mut::<4>() else {
        return false;
    };

    *open = b'<';
    let bad_name = copy_tested::<NotName>(name_slot, name);
    *attribute = *b" value=\"";
    let bad_value = copy_tested::<Escapes>(value_slot, value);
    *close = *b"\"/>\n";
    if bad_name | bad_value {
        return false;
    }

    room.advance(len);
    true
}

/// Writes a field of any attributes and a line end, as [`write_field`]
/// says.
#[inline(never)]
fn write_attributes_field(room: &mut Room<'_>, name: &str, attributes: &[Attribute<'_>]) -> bool {
    let mut len = name.len() + FIELD_LEN;
    for (position, attribute) in attributes.iter().enumerate() {
        let earlier = attributes.get(..position).unwrap_or_default();
        if !starts_name(&attribute.name) || earlier.iter().any(|other| other.name == attribute.name)
        {
            return false;
        }

        len += attribute.name.len() + attribute.value.len() + ATTRIBUTE_LEN;
    }

    let mut slot = room.slot_to_fill(len);
    slot.put(b"<");
    slot.copy::<NotName>(name.as_bytes());
    for attribute in attributes {
        slot.put(b" ");
        slot.copy::<NotName>(attribute.name.as_bytes());
        slot.put(b"=\"");
        slot.copy::<Escapes>(attribute.value.as_bytes());
        slot.put(b"\"");
    }
    slot.put(b"/>\n");
    if !slot.is_clean() {
        return false;
    }

    room.advance(len);
    true
}

/// Appends `text` to the text of `room` and returns `true` when it needs no
/// escaping; otherwise returns `false`, the text as it was.
#[inline]
pub(super) fn write_value(room: &mut Room<'_>, text: &str) -> bool {
    let text = text.as_bytes();
    if copy_tested::<Escapes>(room.slot(text.len()), text) {
        return false;
    }

    room.advance(text.len());
    true
}
