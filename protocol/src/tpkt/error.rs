//! What can go wrong while splitting a byte stream into TPKT frames, or while
//! framing a payload (spec, "General Information", item 4; RFC 1006).
//!
//! Offsets count bytes from the start of the stream and point at the first
//! byte of the frame at fault.

/// A stream that is not a sequence of well-formed TPKT frames, or a payload
/// that cannot be framed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TpktError {
    /// The first byte of a frame is not the TPKT version.
    #[error("tpkt version byte at {offset}: expected {expected}, found {found}")]
    BadVersion {
        /// The version every frame must carry, 3.
        expected: u8,
        /// The byte found instead.
        found: u8,
        /// Where the frame starts.
        offset: u64,
    },

    /// The declared length is smaller than the header it includes.
    #[error("tpkt length at {offset}: expected at least {minimum}, found {declared}")]
    LengthBelowHeader {
        /// The header's own length, 4.
        minimum: usize,
        /// The length the header declared.
        declared: usize,
        /// Where the frame starts.
        offset: u64,
    },

    /// The declared length leaves no room for a payload.
    #[error(
        "empty tpkt payload at {offset}: expected a length of at least {minimum}, found {declared}"
    )]
    EmptyPayload {
        /// The smallest length that carries a payload, 5.
        minimum: usize,
        /// The length the header declared.
        declared: usize,
        /// Where the frame starts.
        offset: u64,
    },

    /// The declared length is above the configured maximum.
    #[error("tpkt frame at {offset}: expected at most {max} bytes, declared {declared}")]
    FrameTooLong {
        /// The largest frame accepted, header included.
        max: usize,
        /// The length the header declared.
        declared: usize,
        /// Where the frame starts.
        offset: u64,
    },

    /// The stream ended inside a frame.
    #[error("tpkt frame at {offset} cut short: expected {expected} bytes, received {received}")]
    Truncated {
        /// The bytes the frame needs: its declared length, or the header's
        /// length while the header itself is incomplete.
        expected: usize,
        /// The bytes of the frame that arrived.
        received: usize,
        /// Where the frame starts.
        offset: u64,
    },

    /// An XML document came where a TPKT header was expected (strict
    /// framing).
    #[error("unframed xml at {offset}: expected a tpkt header")]
    UnframedXml {
        /// Where the document starts.
        offset: u64,
    },

    /// Unframed XML ran past the maximum without its closing CR LF (lenient
    /// framing).
    #[error("unframed xml at {offset}: expected cr lf after at most {max} bytes, found none")]
    UnframedXmlTooLong {
        /// The most bytes of XML accepted before CR LF: the largest payload
        /// a frame of the configured maximum would carry.
        max: usize,
        /// Where the document starts.
        offset: u64,
    },

    /// The stream ended inside unframed XML, before its CR LF (lenient
    /// framing).
    #[error(
        "stream ended inside unframed xml at {offset}: expected cr lf, received {received} bytes"
    )]
    UnterminatedXml {
        /// The bytes of the document that arrived.
        received: usize,
        /// Where the document starts.
        offset: u64,
    },

    /// An empty payload was given to be framed; TPKT cannot carry one.
    #[error("cannot frame an empty payload: expected at least 1 byte")]
    NothingToFrame,

    /// A payload too long for one frame was given to be framed.
    #[error("cannot frame a payload of {len} bytes: expected at most {max}")]
    PayloadTooLong {
        /// The largest payload one frame can carry.
        max: usize,
        /// The length of the payload given.
        len: usize,
    },
}
