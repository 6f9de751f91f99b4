//! The short path of the encoder for the field nearly every record is made
//! of, `<NAME value="..."/>` with an ASCII name and a value that needs no
//! escaping (spec, "General Information", item 5).
//!
//! The field is written whole and its value checked where it now lies in the
//! output, eight bytes at a time, with the closing bytes after it as padding
//! so no word is cut short. When the name or the value is anything else, the
//! field is taken back out and the general path writes it, so its bytes and
//! errors are the general path's.

use crate::decode::{escapes_within, is_ascii_name};

/// What closes the field, then bytes only there so the value can be read in
/// whole words; they are cut off again.
const CLOSE_PADDED: &[u8; 8] = b"\"/>\n\0\0\0\0";

/// The closing bytes kept of [`CLOSE_PADDED`].
const CLOSE_LEN: usize = 4;

/// Appends `<name value="value"/>` and a line end to `out` and returns
/// `true` when the name is an ASCII XML name and the value needs no
/// escaping; otherwise leaves `out` as it was and returns `false`.
#[inline]
pub(super) fn write_value_field(name: &str, value: &str, out: &mut Vec<u8>) -> bool {
    if !is_ascii_name(name) {
        return false;
    }

    let start = out.len();
    out.push(b'<');
    out.extend_from_slice(name.as_bytes());
    out.extend_from_slice(b" value=\"");
    let value_at = out.len();
    out.extend_from_slice(value.as_bytes());
    out.extend_from_slice(CLOSE_PADDED);
    let padded = out.get(value_at..).unwrap_or_default();
    if escapes_within(padded, value.len()) {
        out.truncate(start);
        return false;
    }

    out.truncate(out.len() - (CLOSE_PADDED.len() - CLOSE_LEN));
    true
}
