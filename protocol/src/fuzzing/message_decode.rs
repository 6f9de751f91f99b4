//! The `message_decode` oracle: decoding any payload, strictly or leniently,
//! within the default limits or tiny ones, never panics, keeps within its
//! limits, and gives a message that encodes and decodes back to itself
//! (spec, "General Information", items 3 to 5). Its input's first byte
//! picks the mode and the limits, so that each execution decodes once; the
//! cross-checks between modes and limits are `decode_agree`'s.

use super::{SMALL_LIMITS, UNBOUNDED_LIMITS};
use crate::decode::{DecodeOptions, Decoded, Mode, decode};
use crate::encode::encode_xml;
use crate::{Limits, Message};

/// Checks the decoding of a frame's payload in the mode and within the
/// limits the first byte of `data` picks; the rest is the payload.
///
/// Bit 0 of that byte picks strict (0) or lenient (1) decoding, bit 1 the
/// default limits (0) or [`SMALL_LIMITS`] (1), which short inputs reach; the
/// other bits are ignored, and an empty `data` checks nothing. An accepted
/// message must:
/// - hold at least one record and stay within every limit;
/// - carry deviations only when lenient, in document order, each inside
///   the payload;
/// - encode without error, and that document must decode strictly to the
///   same message with no deviation.
pub fn message_decode(data: &[u8]) {
    let Some((&settings, payload)) = data.split_first() else {
        return;
    };

    let mode = if settings & 1 == 0 {
        Mode::Strict
    } else {
        Mode::Lenient
    };
    let limits = if settings & 2 == 0 {
        Limits::DEFAULT
    } else {
        SMALL_LIMITS
    };
    if let Ok(decoded) = decode(payload, &DecodeOptions { mode, limits }) {
        check_accepted(payload, &decoded, &limits, mode);
    }
}

/// Checks one accepted message against `limits`, then its round trip.
fn check_accepted(data: &[u8], decoded: &Decoded<'_>, limits: &Limits, mode: Mode) {
    check_limits(data, &decoded.message, limits);
    if mode == Mode::Strict && !decoded.deviations.is_empty() {
        panic!(
            "strict decoding reported deviations {:?}",
            decoded.deviations
        );
    }

    let in_order = decoded
        .deviations
        .windows(2)
        .all(|pair| matches!(pair, [a, b] if a.offset <= b.offset));
    let inside = decoded.deviations.iter().all(|d| d.offset < data.len());
    if !in_order || !inside {
        panic!(
            "deviations out of order or outside the payload: {:?}",
            decoded.deviations
        );
    }

    check_reencodes(&decoded.message);
}

/// Checks that `message`, decoded from `data`, keeps within `limits`.
fn check_limits(data: &[u8], message: &Message<'_>, limits: &Limits) {
    let fits = |text: &str| text.len() <= limits.max_text_len;
    let mut within = fits(message.version());
    for record in message.records() {
        within &= fits(record.xmlid());
        for field in record.fields() {
            let attributes = field.attributes();
            within &= fits(field.name()) && attributes.len() <= limits.max_attributes_per_field;
            within &= attributes.iter().all(|a| fits(&a.name) && fits(&a.value));
        }
    }

    let within = within
        && data.len().saturating_add(4) <= limits.max_frame_len
        && (1..=limits.max_records).contains(&message.record_count())
        && message.field_count() <= limits.max_fields;
    if !within {
        panic!(
            "a message of {} bytes breaks the limits {limits:?}: {message:?}",
            data.len()
        );
    }
}

/// Checks that `message` encodes, and that the document decodes strictly
/// to the same message with no deviation.
fn check_reencodes(message: &Message<'_>) {
    let mut xml = Vec::new();
    if let Err(error) = encode_xml(message, &mut xml) {
        panic!("an accepted message does not encode: {error}: {message:?}");
    }

    let options = DecodeOptions {
        mode: Mode::Strict,
        limits: UNBOUNDED_LIMITS,
    };
    match decode(&xml, &options) {
        Ok(again) if again.message == *message && again.deviations.is_empty() => {}
        other => {
            let text = String::from_utf8_lossy(&xml);
            panic!("{message:?} encoded as {text:?} decodes as {other:?}");
        }
    }
}
