//! The task that reads a client connection (spec, "General Information",
//! items 4 to 6): it splits frames, decodes them leniently, and routes
//! `INDICATION` records to the indication stream and every other record to
//! the reply stream, so that an indication is delivered whenever it comes,
//! between a command and its confirm or in the same read as a confirm.

use std::fmt;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::SystemTime;

use bytes::{Bytes, BytesMut};
use dvcr_protocol::decode::{self, DecodeError, DecodeOptions, Mode, decode_into};
use dvcr_protocol::tpkt::{CRLF, CodecError, Config, OwnedFrame, TpktError};
use dvcr_protocol::{Kind, Limits, Message, tpkt};
use tokio::net::tcp::OwnedReadHalf;
use tokio::sync::mpsc;
use tracing::{debug, warn};

use super::records::filtered;
use super::transcript::{Direction, Exchange, TranscriptHook};
use crate::frames::FrameReader;

/// How a connection ended.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CloseReason {
    /// The peer closed it between frames.
    PeerClosed,
    /// The bytes stopped being TPKT frames (or ended inside one).
    Framing(TpktError),
    /// The very first bytes were not TPKT: the peer speaks another
    /// protocol, such as HTTP.
    NotTpkt {
        /// The first bytes it sent, escaped, at most [`SHOWN_BYTES`].
        first: String,
        /// How many bytes it had sent.
        received: usize,
        /// What the splitter said.
        error: TpktError,
    },
    /// The socket failed.
    Io(String),
}

impl fmt::Display for CloseReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            CloseReason::PeerClosed => f.write_str("the peer closed it"),
            CloseReason::Framing(error) => write!(f, "{error}"),
            CloseReason::NotTpkt {
                first,
                received,
                error,
            } => write!(
                f,
                "the peer does not speak TPKT: it sent \"{first}\" ({received} bytes; {error})"
            ),
            CloseReason::Io(error) => write!(f, "socket error: {error}"),
        }
    }
}

/// The root element of every message of this protocol.
const ROOT: &[u8] = b"DVCRMANAGER";

/// How far into a peer's first bytes the root element is looked for.
const ROOT_WINDOW: usize = 256;

/// The most bytes of a peer that is not TPKT a message shows.
const SHOWN_BYTES: usize = 40;

/// Why the connection ended on `error`: a peer that is not TPKT at all
/// when no frame came before, whose first bytes are in `unread`.
///
/// Bytes that look like this protocol gone wrong (a TPKT version byte, or
/// this protocol's root element within the first bytes, framed badly or
/// not at all) are the peer's framing error, not another protocol.
fn framing_reason(error: TpktError, unread: &[u8], frames_before: usize) -> CloseReason {
    let tpkt_start = unread.first() == Some(&tpkt::VERSION);
    let head = unread.get(..ROOT_WINDOW).unwrap_or(unread);
    let names_root = head
        .windows(ROOT.len())
        .any(|window| window.eq_ignore_ascii_case(ROOT));
    if frames_before > 0 || unread.is_empty() || tpkt_start || names_root {
        return CloseReason::Framing(error);
    }

    let shown = unread.get(..SHOWN_BYTES).unwrap_or(unread);
    CloseReason::NotTpkt {
        first: shown.escape_ascii().to_string(),
        received: unread.len(),
        error,
    }
}

/// One frame's non-indication records.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Received {
    /// The records, usually `CONFIRM`s.
    pub message: Message<'static>,
    /// How the frame departed from RFC 1006, if it did.
    pub framing: Option<tpkt::Deviation>,
    /// The XML deviations lenient decoding read through.
    pub deviations: Vec<decode::Deviation>,
}

/// What the reader hands to the reply stream.
#[derive(Debug)]
pub(crate) enum Incoming {
    /// A frame holding replies.
    Frame(Received),
    /// A frame whose payload does not decode.
    Undecodable(DecodeError),
    /// The connection ended; nothing follows.
    Ended(CloseReason),
}

/// Where the reader sends what it reads.
pub(crate) struct Routes {
    pub(crate) replies: mpsc::Sender<Incoming>,
    pub(crate) indications: mpsc::Sender<Message<'static>>,
    pub(crate) closed: Arc<AtomicBool>,
    /// Bytes read that do not yet make a whole frame.
    pub(crate) unframed: Arc<AtomicUsize>,
    pub(crate) transcript: Option<TranscriptHook>,
    pub(crate) local: SocketAddr,
    pub(crate) peer: SocketAddr,
}

/// Reads `socket` until it ends, routing every frame.
pub(crate) async fn read(socket: OwnedReadHalf, config: Config, routes: Routes) {
    let mut frames = FrameReader::new(socket, config).with_gauge(Arc::clone(&routes.unframed));
    let limits = Limits {
        max_frame_len: config.max_frame_len(),
        ..Limits::DEFAULT
    };
    let options = DecodeOptions {
        mode: Mode::Lenient,
        limits,
    };
    let mut scratch = Message::default();
    let mut count = 0;
    let reason = loop {
        let frame = match frames.next().await {
            None => {
                routes.record_bytes(frames.unread());
                break CloseReason::PeerClosed;
            }
            Some(Err(CodecError::Tpkt(error))) => {
                routes.record_bytes(frames.unread());
                break framing_reason(error, frames.unread(), count);
            }
            Some(Err(error)) => break CloseReason::Io(error.to_string()),
            Some(Ok(frame)) => frame,
        };

        count += 1;
        routes.record(&frame);
        let mut message = scratch.recycle();
        let routed = routes.route(&frame, &options, &mut message).await;
        scratch = message.recycle();
        if !routed {
            break CloseReason::PeerClosed;
        }
    };

    debug!(peer = %routes.peer, %reason, "client connection ended");
    routes.closed.store(true, Ordering::SeqCst);
    let _ = routes.replies.send(Incoming::Ended(reason)).await;
}

impl Routes {
    fn record(&self, frame: &OwnedFrame) {
        if self.transcript.is_none() {
            return;
        }

        let mut bytes = BytesMut::new();
        if let Some(header) = frame.header() {
            bytes.extend_from_slice(&header.to_bytes());
        }
        bytes.extend_from_slice(frame.payload());
        if frame.header().is_none() {
            bytes.extend_from_slice(CRLF);
        }
        self.record_bytes(&bytes);
    }

    /// Records `bytes` received, a frame or what was left of the stream
    /// when it ended or broke, so that transcripts and captures show
    /// every byte that came.
    fn record_bytes(&self, bytes: &[u8]) {
        let Some(hook) = &self.transcript else {
            return;
        };
        if bytes.is_empty() {
            return;
        }

        hook(&Exchange {
            at: SystemTime::now(),
            direction: Direction::Received,
            local: self.local,
            peer: self.peer,
            bytes: Bytes::copy_from_slice(bytes),
        });
    }

    /// Routes one frame, decoded into `message` (whose allocations are
    /// reused from frame to frame); `false` once the reply stream is gone.
    async fn route<'f>(
        &self,
        frame: &'f OwnedFrame,
        options: &DecodeOptions,
        message: &mut Message<'f>,
    ) -> bool {
        let mut deviations = Vec::new();
        match decode_into(frame.payload(), options, message, &mut deviations) {
            Ok(()) => {}
            Err(error) => {
                return self
                    .replies
                    .send(Incoming::Undecodable(error))
                    .await
                    .is_ok();
            }
        };

        let message = &*message;
        let indications = message
            .records()
            .filter(|record| record.kind() == Kind::Indication)
            .count();
        if indications > 0 {
            self.indicate(filtered(message, |kind| kind == Kind::Indication));
        }
        if indications == message.record_count() {
            return true;
        }

        let received = Received {
            message: filtered(message, |kind| kind != Kind::Indication),
            framing: frame.deviation(),
            deviations,
        };
        self.replies.send(Incoming::Frame(received)).await.is_ok()
    }

    fn indicate(&self, message: Message<'static>) {
        if self.indications.try_send(message).is_err() {
            warn!(peer = %self.peer, "indication dropped: the stream is full or not read");
        }
    }
}
