//! A `tokio_util::codec` decoder and encoder of TPKT frames, for callers
//! that read and write through `Framed` (spec, "General Information", item
//! 4). Enabled by the `tokio` feature.

use bytes::{Buf, Bytes, BytesMut};
use tokio_util::codec::{Decoder, Encoder};

use super::config::Config;
use super::error::TpktError;
use super::frame::{Deviation, Frame};
use super::header::{HEADER_LEN, Header};
use super::split::{Step, check_end, step};

/// An error of the codec: the transport failed, or the stream is not TPKT.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum CodecError {
    /// Reading or writing the transport failed.
    #[error(transparent)]
    Io(#[from] std::io::Error),
    /// The bytes are not a well-formed sequence of frames.
    #[error(transparent)]
    Tpkt(#[from] TpktError),
}

/// A frame decoded by [`TpktCodec`]: its header, and its payload as bytes
/// the caller owns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OwnedFrame {
    header: Option<Header>,
    payload: BytesMut,
    offset: u64,
}

impl OwnedFrame {
    /// The TPKT header, or `None` when the payload came unframed.
    pub const fn header(&self) -> Option<Header> {
        self.header
    }

    /// The payload, without header or CR LF.
    pub fn payload(&self) -> &[u8] {
        &self.payload
    }

    /// The payload, given up to the caller.
    pub fn into_payload(self) -> BytesMut {
        self.payload
    }

    /// Where the frame starts, in bytes from the start of the stream.
    pub const fn offset(&self) -> u64 {
        self.offset
    }

    /// How this frame departs from RFC 1006, if it does.
    pub const fn deviation(&self) -> Option<Deviation> {
        Deviation::of(self.header)
    }

    /// The frame borrowed, as the splitter yields it.
    pub fn as_frame(&self) -> Frame<'_> {
        match self.header {
            Some(header) => Frame::framed(header, &self.payload, self.offset),
            None => Frame::unframed(&self.payload, self.offset),
        }
    }
}

/// Decodes TPKT frames from a byte stream and encodes payloads into frames.
///
/// Decoding follows the same rules as the [`Splitter`](super::Splitter),
/// and stays failed after an error. Encoding writes reserved byte 0 and
/// accepts payloads of 1 to 65531 bytes.
#[derive(Clone, Debug, Default)]
pub struct TpktCodec {
    config: Config,
    offset: u64,
    scanned: usize,
    failed: Option<TpktError>,
}

impl TpktCodec {
    /// A codec with the default settings: strict, frames up to 65535.
    pub fn new() -> TpktCodec {
        TpktCodec::default()
    }

    /// A codec with the given settings.
    pub fn with_config(config: Config) -> TpktCodec {
        TpktCodec {
            config,
            ..TpktCodec::default()
        }
    }

    /// The settings of this codec.
    pub const fn config(&self) -> &Config {
        &self.config
    }

    /// [`Decoder::decode`] of a buffer that holds bytes, or of a failed
    /// codec.
    fn decode_some(&mut self, src: &mut BytesMut) -> Result<Option<OwnedFrame>, CodecError> {
        if let Some(error) = &self.failed {
            return Err(error.clone().into());
        }

        let (header, payload_len, used) = match step(src, &self.config, self.offset, self.scanned) {
            Ok(Step::Frame(frame, used)) => (frame.header(), frame.payload().len(), used),
            Ok(Step::NeedMore { scanned }) => {
                self.scanned = scanned;
                return Ok(None);
            }
            Err(error) => return Err(self.fail(error)),
        };

        let offset = self.offset;
        self.offset = offset.saturating_add(used as u64);
        self.scanned = 0;

        let mut payload = src.split_to(used.min(src.len()));
        let skip = if header.is_some() { HEADER_LEN } else { 0 };
        payload.advance(skip.min(payload.len()));
        payload.truncate(payload_len);
        Ok(Some(OwnedFrame {
            header,
            payload,
            offset,
        }))
    }

    /// Remembers `error`, so that every later call returns it again.
    fn fail(&mut self, error: TpktError) -> CodecError {
        self.failed = Some(error.clone());
        CodecError::Tpkt(error)
    }
}

impl Decoder for TpktCodec {
    type Item = OwnedFrame;
    type Error = CodecError;

    /// An empty buffer holds no frame: unless the codec failed, that is
    /// answered inline, as a reader asks at every read.
    #[inline]
    fn decode(&mut self, src: &mut BytesMut) -> Result<Option<OwnedFrame>, CodecError> {
        if src.is_empty() && self.failed.is_none() {
            self.scanned = 0;
            return Ok(None);
        }

        self.decode_some(src)
    }

    fn decode_eof(&mut self, src: &mut BytesMut) -> Result<Option<OwnedFrame>, CodecError> {
        if let Some(frame) = self.decode(src)? {
            return Ok(Some(frame));
        }

        match check_end(src, &self.config, self.offset) {
            Ok(()) => Ok(None),
            Err(error) => Err(self.fail(error)),
        }
    }
}

impl Encoder<&[u8]> for TpktCodec {
    type Error = CodecError;

    fn encode(&mut self, payload: &[u8], dst: &mut BytesMut) -> Result<(), CodecError> {
        let header = Header::for_payload(payload.len())?;
        dst.reserve(header.frame_len());
        dst.extend_from_slice(&header.to_bytes());
        dst.extend_from_slice(payload);
        Ok(())
    }
}

impl Encoder<Bytes> for TpktCodec {
    type Error = CodecError;

    fn encode(&mut self, payload: Bytes, dst: &mut BytesMut) -> Result<(), CodecError> {
        self.encode(payload.as_ref(), dst)
    }
}
