//! The `message_decode` oracle: decoding any payload, strictly or leniently,
//! never panics, keeps within its limits, and gives a message that encodes
//! and decodes back to itself (spec, "General Information", items 3 to 5).

use super::{SMALL_LIMITS, UNBOUNDED_LIMITS};
use crate::decode::{DecodeOptions, Decoded, Mode, decode};
use crate::encode::encode_xml;
use crate::{Limits, Message};

/// Checks strict and lenient decoding of `data`, a frame's payload.
///
/// Within the default limits, an accepted message must:
/// - hold at least one record and stay within every limit;
/// - carry deviations only when lenient, in document order, each inside
///   the payload;
/// - encode without error, and that document must decode strictly to the
///   same message with no deviation;
/// - when strict accepted it, be accepted by lenient decoding too, as the
///   same message.
///
/// Within [`SMALL_LIMITS`], which short inputs reach, what lenient decoding
/// accepts must stay within them and be what it accepts within the default
/// limits: a limit only ever rejects. (Strict decoding applies the limits
/// through the same code, so it is left out there to keep the target fast.)
pub fn message_decode(data: &[u8]) {
    let limits = Limits::DEFAULT;
    let strict = decode(
        data,
        &DecodeOptions {
            mode: Mode::Strict,
            limits,
        },
    );
    let lenient = decode(
        data,
        &DecodeOptions {
            mode: Mode::Lenient,
            limits,
        },
    );
    if let Ok(decoded) = &strict {
        check_accepted(data, decoded, &limits, Mode::Strict);
        match &lenient {
            Ok(lenient) if lenient.message == decoded.message => {}
            other => panic!("strict gave {:?}, lenient {other:?}", decoded.message),
        }
    } else if let Ok(decoded) = &lenient {
        check_accepted(data, decoded, &limits, Mode::Lenient);
    }

    let options = DecodeOptions {
        mode: Mode::Lenient,
        limits: SMALL_LIMITS,
    };
    if let Ok(small) = decode(data, &options) {
        check_limits(data, &small.message, &SMALL_LIMITS);
        match &lenient {
            Ok(default) if *default == small => {}
            other => panic!("within small limits {small:?}, within the default {other:?}"),
        }
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
pub(super) fn check_limits(data: &[u8], message: &Message<'_>, limits: &Limits) {
    let mut texts = vec![message.version()];
    let mut attributes_ok = true;
    for record in message.records() {
        texts.push(record.xmlid());
        for field in record.fields() {
            texts.push(field.name());
            attributes_ok &= field.attributes().len() <= limits.max_attributes_per_field;
            for attribute in field.attributes() {
                texts.push(&attribute.name);
                texts.push(&attribute.value);
            }
        }
    }

    let within = data.len().saturating_add(4) <= limits.max_frame_len
        && (1..=limits.max_records).contains(&message.record_count())
        && message.field_count() <= limits.max_fields
        && attributes_ok
        && texts.iter().all(|text| text.len() <= limits.max_text_len);
    if !within {
        panic!(
            "a message of {} bytes breaks the limits {limits:?}: {message:?}",
            data.len()
        );
    }
}

/// Checks that `message` encodes, and that the document decodes strictly
/// to the same message with no deviation.
pub(super) fn check_reencodes(message: &Message<'_>) {
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
