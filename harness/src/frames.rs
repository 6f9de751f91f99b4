//! Reading TPKT frames from an async byte stream (spec, "General
//! Information", item 4), shared by the emulator server and the client.
//!
//! The buffer never holds more than one frame of the configured maximum
//! plus one read: the codec refuses a longer frame from its header alone.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use bytes::BytesMut;
use dvcr_protocol::tpkt::{CodecError, Config, OwnedFrame, TpktCodec};
use tokio::io::{AsyncRead, AsyncReadExt};
use tokio_util::codec::Decoder;

/// The bytes asked of the socket per read.
const READ_CHUNK: usize = 8 * 1024;

/// Frames read one by one from `R`.
#[derive(Debug)]
pub struct FrameReader<R> {
    reader: R,
    buf: BytesMut,
    codec: TpktCodec,
    ended: bool,
    gauge: Option<Arc<AtomicUsize>>,
}

impl<R: AsyncRead + Unpin> FrameReader<R> {
    /// Reads frames from `reader` under `config`.
    pub fn new(reader: R, config: Config) -> Self {
        FrameReader {
            reader,
            buf: BytesMut::with_capacity(READ_CHUNK),
            codec: TpktCodec::with_config(config),
            ended: false,
            gauge: None,
        }
    }

    /// The bytes read but not yet cut into a frame: after an error, the
    /// bytes that were not TPKT.
    pub fn unread(&self) -> &[u8] {
        &self.buf
    }

    /// The same reader, keeping `gauge` at the count of bytes read that do
    /// not yet make a whole frame.
    pub fn with_gauge(mut self, gauge: Arc<AtomicUsize>) -> Self {
        self.gauge = Some(gauge);
        self
    }

    /// The next frame; `None` once the stream ended cleanly between frames.
    /// A stream that ends inside a frame, or bytes that are not TPKT, give
    /// an error, and so does every call after it.
    pub async fn next(&mut self) -> Option<Result<OwnedFrame, CodecError>> {
        loop {
            let decoded = self.codec.decode(&mut self.buf);
            if let Some(gauge) = &self.gauge {
                gauge.store(self.buf.len(), Ordering::Relaxed);
            }
            match decoded {
                Ok(Some(frame)) => return Some(Ok(frame)),
                Ok(None) => {}
                Err(error) => return Some(Err(error)),
            }
            if self.ended {
                return self.codec.decode_eof(&mut self.buf).transpose();
            }

            self.buf.reserve(READ_CHUNK);
            match self.reader.read_buf(&mut self.buf).await {
                Ok(0) => self.ended = true,
                Ok(_) => {}
                Err(error) => return Some(Err(CodecError::Io(error))),
            }
        }
    }
}
