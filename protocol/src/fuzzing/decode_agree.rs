//! The `decode_agree` oracle: the decodings of one payload agree with each
//! other, whatever the mode and the limits (spec, "General Information",
//! items 3 to 5). Strict decoding accepts a subset of what lenient decoding
//! accepts, and a limit only ever rejects: it never changes what is read.

use crate::decode::{DecodeOptions, Mode, decode};

use super::SMALL_LIMITS;

/// Decodes `data`, a frame's payload, strictly and leniently within the
/// default limits and leniently within [`SMALL_LIMITS`], and checks that:
/// - what strict decoding accepts, lenient decoding accepts as the same
///   message;
/// - what lenient decoding accepts within [`SMALL_LIMITS`], it accepts
///   within the default limits as the same message with the same
///   deviations.
///
/// Each decoding's own invariants (limits, deviations, the round trip of
/// what is accepted) are `message_decode`'s.
pub fn decode_agree(data: &[u8]) {
    let strict = decode(data, &DecodeOptions::STRICT);
    let lenient = decode(data, &DecodeOptions::LENIENT);
    if let Ok(strict) = &strict {
        match &lenient {
            Ok(lenient) if lenient.message == strict.message => {}
            other => panic!("strict gave {:?}, lenient {other:?}", strict.message),
        }
    }

    let options = DecodeOptions {
        mode: Mode::Lenient,
        limits: SMALL_LIMITS,
    };
    if let Ok(small) = decode(data, &options) {
        match &lenient {
            Ok(default) if *default == small => {}
            other => panic!("within small limits {small:?}, within the default {other:?}"),
        }
    }
}
