//! The short path of the encoder for what nearly every document is made of
//! (spec, "General Information", item 5): fields `<NAME value="..."/>` with
//! an ASCII name, and values and `xmlid`s that need no escaping.
//!
//! A field is copied into the [`Room`] in place, a word at a time, its name
//! and value tested by the same words as they are moved, and kept only when
//! both tests pass. Anything else is left unwritten for the general path,
//! so its bytes and errors are the general path's.

use super::room::Room;
use super::words::{Escapes, NotName, copy_tested, put};
use crate::decode::NAME_START;
use crate::message::Attribute;

/// What a field adds around its name and value: `<`, ` value="`, `"/>` and
/// the line end.
const FRAME_LEN: usize = 13;

/// Appends `<name value="..."/>` and a line end to the text of `room` and
/// returns `true` when the field's only attribute is `value`, its name is an
/// ASCII XML name and its value needs no escaping; otherwise returns
/// `false`, the text as it was.
#[inline]
pub(super) fn write_field(room: &mut Room<'_>, name: &str, attributes: &[Attribute<'_>]) -> bool {
    let [only] = attributes else {
        return false;
    };

    let (name, value) = (name.as_bytes(), only.value.as_bytes());
    let starts_name = name
        .first()
        .is_some_and(|&first| NAME_START[usize::from(first & 0x7F)]);
    if only.name != "value" || !starts_name {
        return false;
    }

    let len = name.len() + value.len() + FRAME_LEN;
    let value_at = name.len() + 9;
    let slot = room.slot(len);
    put(slot, 0, b"<");
    let bad_name = copy_tested::<NotName>(slot.get_mut(1..).unwrap_or_default(), name);
    put(slot, value_at - 8, b" value=\"");
    let slot_value = slot.get_mut(value_at..).unwrap_or_default();
    let escapes = copy_tested::<Escapes>(slot_value, value);
    put(slot, value_at + value.len(), b"\"/>\n");
    if bad_name | escapes {
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
