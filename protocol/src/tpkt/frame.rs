//! One frame cut from a stream, borrowing its payload, and the deviations
//! from RFC 1006 it may show (spec, "General Information", item 4).

use super::header::{HEADER_LEN, Header};

/// The line end that closes an unframed XML document.
pub const CRLF: &[u8; 2] = b"\r\n";

/// A way a frame departs from RFC 1006 that is accepted and reported, not
/// rejected.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Deviation {
    /// The header's reserved byte is not 0.
    NonZeroReserved {
        /// The reserved byte found.
        found: u8,
    },
    /// The payload came with no TPKT header, ended by CR LF.
    UnframedXml,
}

impl Deviation {
    /// The deviation of a frame with this header, or of an unframed one
    /// when `header` is `None`.
    pub const fn of(header: Option<Header>) -> Option<Deviation> {
        match header {
            None => Some(Deviation::UnframedXml),
            Some(header) if header.reserved_is_zero() => None,
            Some(header) => Some(Deviation::NonZeroReserved {
                found: header.reserved(),
            }),
        }
    }
}

impl std::fmt::Display for Deviation {
    /// What came, in words a report can show.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Deviation::NonZeroReserved { found } => {
                write!(f, "a tpkt header whose reserved byte is {found}, not 0")
            }
            Deviation::UnframedXml => f.write_str("xml with no tpkt header, ended by cr lf"),
        }
    }
}

/// One whole frame: its header (none when it came unframed) and its payload,
/// borrowed from the buffer it was cut from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Frame<'a> {
    header: Option<Header>,
    payload: &'a [u8],
    offset: u64,
}

impl<'a> Frame<'a> {
    /// A TPKT frame whose header was found at `offset` in the stream.
    pub const fn framed(header: Header, payload: &'a [u8], offset: u64) -> Frame<'a> {
        Frame {
            header: Some(header),
            payload,
            offset,
        }
    }

    /// An unframed XML document found at `offset`, its CR LF left out.
    pub const fn unframed(payload: &'a [u8], offset: u64) -> Frame<'a> {
        Frame {
            header: None,
            payload,
            offset,
        }
    }

    /// The TPKT header, or `None` when the payload came unframed.
    pub const fn header(&self) -> Option<Header> {
        self.header
    }

    /// The payload: the bytes after the header, or the unframed document
    /// without its CR LF.
    pub const fn payload(&self) -> &'a [u8] {
        self.payload
    }

    /// Where the frame starts, in bytes from the start of the stream.
    pub const fn offset(&self) -> u64 {
        self.offset
    }

    /// Whether the payload came with no TPKT header.
    pub const fn is_unframed(&self) -> bool {
        self.header.is_none()
    }

    /// The header's reserved byte, or `None` when the payload came unframed.
    pub const fn reserved(&self) -> Option<u8> {
        match self.header {
            Some(header) => Some(header.reserved()),
            None => None,
        }
    }

    /// How this frame departs from RFC 1006, if it does.
    pub const fn deviation(&self) -> Option<Deviation> {
        Deviation::of(self.header)
    }

    /// How many bytes of the stream the frame took: header and payload, or
    /// the unframed document and its CR LF.
    pub const fn wire_len(&self) -> usize {
        let extra = if self.header.is_some() {
            HEADER_LEN
        } else {
            CRLF.len()
        };
        self.payload.len() + extra
    }
}
