//! The four-byte TPKT header (spec, "General Information", item 4; RFC 1006).

use super::error::TpktError;
use crate::limits::MAX_TPKT_FRAME_LEN;

/// The only version byte a TPKT header may carry.
pub const VERSION: u8 = 3;

/// The size of the header, in bytes; the declared length includes it.
pub const HEADER_LEN: usize = 4;

/// The smallest frame accepted: a header and one byte of payload.
pub const MIN_FRAME_LEN: usize = HEADER_LEN + 1;

/// The largest frame the two length bytes can describe, header included.
pub const MAX_FRAME_LEN: usize = MAX_TPKT_FRAME_LEN;

/// The largest payload one frame can carry.
pub const MAX_PAYLOAD_LEN: usize = MAX_FRAME_LEN - HEADER_LEN;

/// The TPKT header that opens every frame.
///
/// ```text
///  byte 0     byte 1     byte 2     byte 3
/// +----------+----------+----------+----------+
/// | version  | reserved |  length (big end.)  |
/// |   0x03   |   0x00   |   HI     |   LO     |
/// +----------+----------+----------+----------+
/// length = HI * 256 + LO, header included; payload = length - 4 bytes
/// ```
///
/// The reserved byte is kept as it came, so that a frame whose reserved byte
/// is not 0 can be reported and written back unchanged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Header {
    reserved: u8,
    frame_len: u16,
}

impl Header {
    /// The header of a frame carrying `payload_len` bytes, reserved byte 0.
    pub fn for_payload(payload_len: usize) -> Result<Header, TpktError> {
        if payload_len == 0 {
            return Err(TpktError::NothingToFrame);
        }

        let frame_len = payload_len
            .checked_add(HEADER_LEN)
            .and_then(|len| u16::try_from(len).ok())
            .ok_or(TpktError::PayloadTooLong {
                max: MAX_PAYLOAD_LEN,
                len: payload_len,
            })?;
        Ok(Header {
            reserved: 0,
            frame_len,
        })
    }

    /// The same header with another reserved byte, to write deviant frames.
    pub const fn with_reserved(self, reserved: u8) -> Header {
        Header { reserved, ..self }
    }

    /// Reads a header from its four bytes, found at `offset` in the stream.
    ///
    /// Checks the version byte and that the declared length leaves at least
    /// one byte of payload; the upper bound is the caller's to check, since
    /// it is configurable.
    pub fn parse(bytes: [u8; HEADER_LEN], offset: u64) -> Result<Header, TpktError> {
        let [version, reserved, hi, lo] = bytes;
        if version != VERSION {
            return Err(TpktError::BadVersion {
                expected: VERSION,
                found: version,
                offset,
            });
        }

        let frame_len = u16::from_be_bytes([hi, lo]);
        let declared = usize::from(frame_len);
        if declared < HEADER_LEN {
            return Err(TpktError::LengthBelowHeader {
                minimum: HEADER_LEN,
                declared,
                offset,
            });
        }

        if declared == HEADER_LEN {
            return Err(TpktError::EmptyPayload {
                minimum: MIN_FRAME_LEN,
                declared,
                offset,
            });
        }

        Ok(Header {
            reserved,
            frame_len,
        })
    }

    /// The four bytes of this header, as [`parse`](Header::parse) reads them.
    pub const fn to_bytes(self) -> [u8; HEADER_LEN] {
        let [hi, lo] = self.frame_len.to_be_bytes();
        [VERSION, self.reserved, hi, lo]
    }

    /// Appends the four bytes of this header to `out`.
    pub fn write(self, out: &mut Vec<u8>) {
        out.extend_from_slice(&self.to_bytes());
    }

    /// The declared length of the frame, header included.
    pub const fn frame_len(self) -> usize {
        self.frame_len as usize
    }

    /// The length of the payload that follows the header.
    pub const fn payload_len(self) -> usize {
        self.frame_len().saturating_sub(HEADER_LEN)
    }

    /// The reserved byte as it came; RFC 1006 wants 0.
    pub const fn reserved(self) -> u8 {
        self.reserved
    }

    /// Whether the reserved byte is 0, as RFC 1006 requires.
    pub const fn reserved_is_zero(self) -> bool {
        self.reserved == 0
    }
}
