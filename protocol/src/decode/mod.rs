//! Decoding one TPKT frame's payload, a UTF-8 `DVCRMANAGER` document, into a
//! [`Message`] (spec, "General Information", items 3 to 5).
//!
//! The decoder is a scanner built for this one document shape: it reads
//! bytes, borrows every name and value from the payload, and only allocates
//! a value's text when a reference or a line end in it must be rewritten.
//! With [`decode_into`], a recycled message and a reused deviation list, a
//! steady stream of frames allocates nothing.
//!
//! [`Mode::Strict`] accepts exactly one well-formed document;
//! [`Mode::Lenient`] also reads through the known [`DeviationKind`]s and
//! reports each. Both enforce the same [`Limits`], encoding and refusal of
//! document types.

mod chars;
mod declaration;
mod deviation;
mod document;
mod error;
mod escape;
mod plain;
mod plain_tags;
mod record;
mod runs;
mod scanner;
mod shortcuts;
mod tags;

#[cfg(test)]
mod agreement;

pub use deviation::{Deviation, DeviationKind};
pub use error::DecodeError;

pub(crate) use chars::{NAME_START, is_ascii_name, is_name, is_xml_char};
pub(crate) use runs::{escape_stops, unescaped_len};

use crate::{Limits, Message};

/// How strictly a payload is read.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Mode {
    /// Accept exactly one well-formed `DVCRMANAGER` document.
    #[default]
    Strict,
    /// Also accept the known deviations, reporting each.
    Lenient,
}

/// How a payload is decoded.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DecodeOptions {
    /// Strict or lenient.
    pub mode: Mode,
    /// The bounds on what a payload may hold.
    pub limits: Limits,
}

impl DecodeOptions {
    /// Strict decoding within the default limits.
    pub const STRICT: DecodeOptions = DecodeOptions {
        mode: Mode::Strict,
        limits: Limits::DEFAULT,
    };

    /// Lenient decoding within the default limits.
    pub const LENIENT: DecodeOptions = DecodeOptions {
        mode: Mode::Lenient,
        limits: Limits::DEFAULT,
    };
}

/// A decoded message and the deviations read through to get it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Decoded<'a> {
    /// The message, borrowing from the payload.
    pub message: Message<'a>,
    /// The deviations found, in document order; always empty when strict.
    pub deviations: Vec<Deviation>,
}

/// Decodes `payload`, the bytes of one TPKT frame after its header.
pub fn decode<'a>(payload: &'a [u8], options: &DecodeOptions) -> Result<Decoded<'a>, DecodeError> {
    let mut message = Message::default();
    let mut deviations = Vec::new();
    decode_into(payload, options, &mut message, &mut deviations)?;
    Ok(Decoded {
        message,
        deviations,
    })
}

/// Decodes `payload` into `message` and `deviations`, reusing their
/// allocations; both are cleared first.
///
/// Give it the previous frame's message through
/// [`Message::recycle`] so that decoding a stream allocates nothing. On
/// error, `message` holds what was read before the error.
pub fn decode_into<'a>(
    payload: &'a [u8],
    options: &DecodeOptions,
    message: &mut Message<'a>,
    deviations: &mut Vec<Deviation>,
) -> Result<(), DecodeError> {
    message.clear();
    deviations.clear();
    document::read(payload, options, message, deviations)
}
