//! How the server puts the device's messages on the wire (spec, "General
//! Information", item 4): one TPKT frame per message, bent by whichever
//! [`Layer::Wire`](super::Layer::Wire) faults the device runs with.

use std::time::Duration;

use bytes::Bytes;
use dvcr_protocol::Message;
use dvcr_protocol::encode::{EncodeError, encode, encode_xml};
use dvcr_protocol::tpkt::{CRLF, HEADER_LEN};

use tracing::warn;

use super::faults::{Fault, FaultSet};
use super::outcome::Replies;
use super::reply;

/// How long the writer waits between the two halves of a split reply.
pub const SPLIT_PAUSE: Duration = Duration::from_millis(20);

/// The TPKT version byte written by the `wrong-tpkt-version` fault.
pub const WRONG_VERSION: u8 = 2;

/// The bytes of one reply, ready to write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OutFrame {
    /// The frame as it goes on the wire.
    pub bytes: Bytes,
    /// Whether it must be written in two parts with [`SPLIT_PAUSE`] between.
    pub split: bool,
}

/// The framing of replies: faithful by default, or bent by wire faults.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct WireFormat {
    wrong_version: bool,
    length_off_by_one: bool,
    unframed: bool,
    split: bool,
}

impl WireFormat {
    /// The framing the wire faults of `faults` call for.
    pub fn from_faults(faults: &FaultSet) -> Self {
        WireFormat {
            wrong_version: faults.contains(Fault::WrongTpktVersion),
            length_off_by_one: faults.contains(Fault::TpktLengthOffByOne),
            unframed: faults.contains(Fault::UnframedReplies),
            split: faults.contains(Fault::SplitReplies),
        }
    }

    /// `message` as the bytes of one reply.
    pub fn frame(&self, message: &Message<'_>) -> Result<OutFrame, EncodeError> {
        let mut bytes = Vec::new();
        self.append_frame(message, &mut bytes)?;
        Ok(OutFrame {
            bytes: Bytes::from(bytes),
            split: self.split,
        })
    }

    /// Appends `message` to `bytes` as the bytes of one reply; on error,
    /// `bytes` is left as it was.
    pub fn append_frame(
        &self,
        message: &Message<'_>,
        bytes: &mut Vec<u8>,
    ) -> Result<(), EncodeError> {
        let start = bytes.len();
        if self.unframed {
            encode_xml(message, bytes)?;
            bytes.extend_from_slice(CRLF);
        } else {
            encode(message, bytes)?;
            if let Some(frame) = bytes.get_mut(start..) {
                self.bend_header(frame);
            }
        }
        Ok(())
    }

    /// Whether every reply is written in two parts with [`SPLIT_PAUSE`]
    /// between.
    pub fn splits(&self) -> bool {
        self.split
    }

    fn bend_header(&self, frame: &mut [u8]) {
        let Some(header) = frame.get_mut(..HEADER_LEN) else {
            return;
        };

        if self.wrong_version {
            header[0] = WRONG_VERSION;
        }
        if self.length_off_by_one {
            let len = u16::from_be_bytes([header[2], header[3]]).saturating_add(1);
            header[2..].copy_from_slice(&len.to_be_bytes());
        }
    }
}

/// Replies framed one after another into one reused buffer as the device
/// makes them, so that a connection writes them one frame at a time.
#[derive(Debug, Default)]
pub(crate) struct FrameList {
    bytes: Vec<u8>,
    ends: Vec<usize>,
    wire: WireFormat,
}

impl FrameList {
    /// An empty list framing with `wire`.
    pub(crate) fn new(wire: WireFormat) -> Self {
        FrameList {
            wire,
            ..FrameList::default()
        }
    }

    /// Forgets every frame, keeping the allocations.
    pub(crate) fn clear(&mut self) {
        self.bytes.clear();
        self.ends.clear();
    }

    /// The frames, in the order they were made.
    pub(crate) fn frames(&self) -> impl Iterator<Item = &[u8]> {
        let starts = std::iter::once(0).chain(self.ends.iter().copied());
        starts
            .zip(&self.ends)
            .map(|(start, end)| self.bytes.get(start..*end).unwrap_or_default())
    }
}

impl Replies for FrameList {
    /// Frames `message`; one that cannot be framed (a list longer than the
    /// 65,535 bytes a TPKT frame holds) is answered by a failure saying
    /// why, so that the client is not left waiting for a reply.
    fn reply(&mut self, message: &Message<'_>) {
        let error = match self.wire.append_frame(message, &mut self.bytes) {
            Ok(()) => return self.ends.push(self.bytes.len()),
            Err(error) => error,
        };

        warn!(%error, "reply cannot be encoded, a failure is sent instead");
        let xmlid = message.records().next().map_or("", |record| record.xmlid());
        let failure = reply::failure(xmlid, &format!("the reply cannot be sent: {error}"));
        if self.wire.append_frame(&failure, &mut self.bytes).is_ok() {
            self.ends.push(self.bytes.len());
        }
    }
}
