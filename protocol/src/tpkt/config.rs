//! How strictly a stream is split into frames, and how large a frame may be
//! (spec, "General Information", item 4).

use super::header::{HEADER_LEN, MAX_FRAME_LEN};
use crate::limits::Limits;

/// What to do with an XML document that arrives without a TPKT header.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Framing {
    /// Every message must be a TPKT frame; unframed XML is an error.
    #[default]
    Strict,
    /// Unframed XML ended by CR LF is accepted as one frame, marked so that
    /// the caller can report the deviation. Limits are the same as strict.
    Lenient,
}

/// The settings of a splitter: framing and the largest frame accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Config {
    max_frame_len: usize,
    framing: Framing,
}

impl Config {
    /// Strict framing, frames up to the protocol's own maximum of 65535.
    pub const DEFAULT: Config = Config {
        max_frame_len: MAX_FRAME_LEN,
        framing: Framing::Strict,
    };

    /// Strict framing, frames up to `limits.max_frame_len`.
    pub fn from_limits(limits: &Limits) -> Config {
        Config::DEFAULT.with_max_frame_len(limits.max_frame_len)
    }

    /// The same settings with another maximum frame length, header
    /// included; a value above 65535 is lowered to 65535.
    pub fn with_max_frame_len(self, max_frame_len: usize) -> Config {
        Config {
            max_frame_len: max_frame_len.min(MAX_FRAME_LEN),
            ..self
        }
    }

    /// The same settings with another framing.
    pub const fn with_framing(self, framing: Framing) -> Config {
        Config { framing, ..self }
    }

    /// The largest frame accepted, header included.
    pub const fn max_frame_len(&self) -> usize {
        self.max_frame_len
    }

    /// The largest payload accepted, framed or not.
    pub const fn max_payload_len(&self) -> usize {
        self.max_frame_len.saturating_sub(HEADER_LEN)
    }

    /// What is done with unframed XML.
    pub const fn framing(&self) -> Framing {
        self.framing
    }
}

impl Default for Config {
    fn default() -> Self {
        Config::DEFAULT
    }
}
