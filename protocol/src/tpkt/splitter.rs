//! An incremental splitter: bytes go in as they arrive, in any chunking, and
//! whole frames come out, borrowed from its buffer (spec, "General
//! Information", item 4).

use super::config::Config;
use super::error::TpktError;
use super::frame::Frame;
use super::split::{Step, check_end, step};

/// Splits a byte stream into frames, whatever chunks it arrives in.
///
/// Bytes are [`push`](Splitter::push)ed in; [`next_frame`](Splitter::next_frame)
/// yields each whole frame, or `Ok(None)` while it needs more bytes. The
/// buffer is reused: consumed bytes are dropped from its front before new
/// ones are added, so a steady stream does not allocate per frame.
///
/// After an error the splitter stays failed and returns the same error
/// again; it never looks for the next `03 00` to resynchronise.
#[derive(Clone, Debug, Default)]
pub struct Splitter {
    buf: Vec<u8>,
    start: usize,
    offset: u64,
    scanned: usize,
    config: Config,
    failed: Option<TpktError>,
}

impl Splitter {
    /// A splitter with the default settings: strict, frames up to 65535.
    pub fn new() -> Splitter {
        Splitter::default()
    }

    /// A splitter with the given settings.
    pub fn with_config(config: Config) -> Splitter {
        Splitter {
            config,
            ..Splitter::default()
        }
    }

    /// The settings of this splitter.
    pub const fn config(&self) -> &Config {
        &self.config
    }

    /// Adds the next bytes of the stream. Ignored once the splitter failed.
    ///
    /// The splitter holds what it is given: drain it with
    /// [`next_frame`](Splitter::next_frame) after each push, and it never
    /// holds more than one frame and one chunk.
    pub fn push(&mut self, bytes: &[u8]) {
        if self.failed.is_some() {
            return;
        }

        self.compact();
        self.buf.extend_from_slice(bytes);
    }

    /// The next whole frame, `Ok(None)` if more bytes are needed, or the
    /// error that stopped the stream.
    pub fn next_frame(&mut self) -> Result<Option<Frame<'_>>, TpktError> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }

        let pending = self.buf.get(self.start..).unwrap_or_default();
        match step(pending, &self.config, self.offset, self.scanned) {
            Ok(Step::Frame(frame, used)) => {
                self.start += used;
                self.offset = self.offset.saturating_add(used as u64);
                self.scanned = 0;
                Ok(Some(frame))
            }
            Ok(Step::NeedMore { scanned }) => {
                self.scanned = scanned;
                Ok(None)
            }
            Err(error) => {
                self.failed = Some(error.clone());
                Err(error)
            }
        }
    }

    /// Checks, at the end of the stream, that no frame was left unfinished.
    ///
    /// Returns the error that stopped the stream, if any; otherwise an
    /// error if the buffered bytes are not whole frames.
    pub fn finish(&self) -> Result<(), TpktError> {
        if let Some(error) = &self.failed {
            return Err(error.clone());
        }

        check_end(self.pending(), &self.config, self.offset)
    }

    /// The bytes received but not yet yielded as frames.
    pub fn pending(&self) -> &[u8] {
        self.buf.get(self.start..).unwrap_or_default()
    }

    /// Where the next frame starts, in bytes from the start of the stream.
    pub const fn offset(&self) -> u64 {
        self.offset
    }

    /// The error that stopped the stream, if one did.
    pub const fn error(&self) -> Option<&TpktError> {
        self.failed.as_ref()
    }

    /// Drops the consumed bytes from the front of the buffer, keeping its
    /// allocation.
    fn compact(&mut self) {
        if self.start == 0 {
            return;
        }

        self.buf.drain(..self.start.min(self.buf.len()));
        self.start = 0;
    }
}
