//! TPKT framing (spec, "General Information", item 4; RFC 1006): every
//! message travels as `03 00 LEN_HI LEN_LO` and then `LEN - 4` bytes of
//! payload, the length counting the four header bytes.
//!
//! - [`Header`] parses and writes the four header bytes;
//!   [`write_frame`] frames a payload into a caller's buffer.
//! - [`split`] and [`split_with`] cut one frame from the front of a
//!   caller's buffer; [`Splitter`] keeps its own buffer and takes the stream
//!   in any chunking. Both say "need more bytes" with `Ok(None)` and borrow
//!   each frame's payload.
//! - [`check_end`] and [`Splitter::finish`] report a stream that ends
//!   inside a frame.
//! - With the `tokio` feature, `TpktCodec` is a `tokio_util::codec`
//!   decoder and encoder.
//!
//! Two departures from RFC 1006 are accepted and reported as a
//! [`Deviation`] of the frame, not rejected: a reserved byte other than 0,
//! and, under [`Framing::Lenient`] only, an XML document sent with no header
//! and ended by CR LF. Strict framing (the default) rejects the latter with
//! [`TpktError::UnframedXml`]. No error is ever recovered from by scanning
//! for the next `03 00`.

#[cfg(feature = "tokio")]
mod codec;
mod config;
mod error;
mod frame;
mod header;
mod split;
mod splitter;
mod unframed;
mod write;

#[cfg(feature = "tokio")]
pub use codec::{CodecError, OwnedFrame, TpktCodec};
pub use config::{Config, Framing};
pub use error::TpktError;
pub use frame::{CRLF, Deviation, Frame};
pub use header::{HEADER_LEN, Header, MAX_FRAME_LEN, MAX_PAYLOAD_LEN, MIN_FRAME_LEN, VERSION};
pub use split::{check_end, split, split_with};
pub use splitter::Splitter;
pub use write::write_frame;
