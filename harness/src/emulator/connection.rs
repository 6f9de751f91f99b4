//! One client connection of the emulator server (spec, "General
//! Information", items 4 to 6): frames in, one reply frame per device
//! message out, in order, with the indications of other sessions between.
//!
//! A frame that cannot be split (a TPKT error, a frame over the maximum)
//! closes this connection only. A good frame holding a bad message (XML
//! that does not decode) is answered with `RESULT 1` and the connection
//! goes on. Decoding is lenient, so that the spec's own sloppy examples are
//! served.

use std::net::SocketAddr;
use std::sync::Arc;

use dvcr_protocol::decode::{DecodeOptions, Mode, decode_into};
use dvcr_protocol::tpkt::{Config, Framing, OwnedFrame};
use dvcr_protocol::{Limits, Message};
use tokio::net::TcpStream;
use tokio::sync::mpsc;
use tokio_util::sync::CancellationToken;
use tracing::{debug, warn};

use crate::frames::FrameReader;

use super::outbound::{Outbound, spawn_writer};
use super::outcome::{ConnectionId, Outcome};
use super::registry::Peer;
use super::reply;
use super::request::canonical_xmlid;
use super::server::Shared;

/// Why a connection ended, for the log.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum End {
    PeerClosed,
    BrokenFrame,
    Idle,
    Cancelled,
    Closed,
    Hung,
    Crashed,
}

/// Serves `stream` until it closes, breaks, idles out or is cancelled.
pub(crate) async fn serve(stream: TcpStream, peer: SocketAddr, shared: Arc<Shared>) {
    let id = shared.registry.next_id();
    let cancel = shared.connections.child_token();
    let (read, write) = stream.into_split();
    let (queue, outbound) = mpsc::channel(shared.config.queue_len.max(1));
    let writer = spawn_writer(
        id,
        write,
        outbound,
        shared.config.write_timeout,
        cancel.clone(),
    );
    shared.registry.insert(
        id,
        Peer {
            queue: queue.clone(),
            cancel: cancel.clone(),
        },
    );
    debug!(connection = id.0, %peer, "connection opened");

    let framing = Config::DEFAULT
        .with_max_frame_len(shared.config.max_frame_len)
        .with_framing(Framing::Lenient);
    let mut frames = FrameReader::new(read, framing);
    let mut link = Link {
        id,
        shared: &shared,
        queue,
        cancel: &cancel,
    };
    let end = link.read_loop(&mut frames).await;

    shared.registry.remove(id);
    shared.host.disconnect(id);
    drop(link);
    if end == End::Hung {
        cancel.cancel();
    }
    let _ = writer.await;
    debug!(connection = id.0, %peer, reason = ?end, "connection closed");
}

/// What a connection's read loop works with.
struct Link<'s> {
    id: ConnectionId,
    shared: &'s Shared,
    queue: mpsc::Sender<Outbound>,
    cancel: &'s CancellationToken,
}

type Frames = FrameReader<tokio::net::tcp::OwnedReadHalf>;

impl Link<'_> {
    async fn read_loop(&mut self, frames: &mut Frames) -> End {
        let idle = self.shared.config.idle_timeout;
        loop {
            let next = tokio::select! {
                () = self.cancel.cancelled() => return End::Cancelled,
                next = tokio::time::timeout(idle, frames.next()) => next,
            };
            let frame = match next {
                Err(_) => return End::Idle,
                Ok(None) => return End::PeerClosed,
                Ok(Some(Err(error))) => {
                    debug!(connection = self.id.0, %error, "broken frame");
                    return End::BrokenFrame;
                }
                Ok(Some(Ok(frame))) => frame,
            };

            let Some(outcome) = self.answer(&frame) else {
                self.shared.stop_all();
                return End::Crashed;
            };
            if let Some(end) = self.carry_out(outcome).await {
                return end;
            }
        }
    }

    /// The device's outcome for one frame; `None` when the device crashed.
    fn answer(&self, frame: &OwnedFrame) -> Option<Outcome> {
        let options = DecodeOptions {
            mode: Mode::Lenient,
            limits: Limits {
                max_frame_len: self.shared.config.max_frame_len,
                ..Limits::DEFAULT
            },
        };
        let mut message = Message::default();
        let mut deviations = Vec::new();
        if let Err(error) = decode_into(frame.payload(), &options, &mut message, &mut deviations) {
            let xmlid = message
                .first()
                .map(|record| canonical_xmlid(record.xmlid()))
                .unwrap_or_default();
            debug!(connection = self.id.0, %xmlid, %error, "malformed message");
            let description = format!("malformed message: {error}");
            let mut outcome = Outcome::default();
            outcome.replies.push(reply::failure(&xmlid, &description));
            return Some(outcome);
        }

        debug!(
            connection = self.id.0,
            records = message.record_count(),
            xmlid = message.first().map(|record| record.xmlid()).unwrap_or(""),
            deviations = deviations.len(),
            "command"
        );
        self.shared.host.handle(self.id, &message).ok()
    }

    /// Sends the replies, routes the indications, closes what must close;
    /// `Some` when this connection must end.
    async fn carry_out(&mut self, outcome: Outcome) -> Option<End> {
        for message in &outcome.replies {
            let frame = match self.shared.wire.frame(message) {
                Ok(frame) => frame,
                Err(error) => {
                    warn!(connection = self.id.0, %error, "reply cannot be encoded");
                    continue;
                }
            };
            let sent = tokio::select! {
                () = self.cancel.cancelled() => return Some(End::Cancelled),
                sent = self.queue.send(Outbound::Frame(frame)) => sent,
            };
            if sent.is_err() {
                return Some(End::Cancelled);
            }
        }

        for delivery in &outcome.indications {
            match self.shared.wire.frame(&delivery.message) {
                Ok(frame) => self.shared.registry.deliver(delivery.to, frame),
                Err(error) => warn!(%error, "indication cannot be encoded"),
            }
        }

        let closes_self = outcome.close.contains(&self.id);
        for other in outcome.close.iter().filter(|conn| **conn != self.id) {
            self.shared.registry.close(*other);
        }
        if outcome.stop_server {
            self.shared.power_off();
        }
        if closes_self {
            let _ = self.queue.send(Outbound::Close).await;
            return Some(End::Closed);
        }

        if outcome.hang {
            debug!(connection = self.id.0, "device hangs on this connection");
            let idle = self.shared.config.idle_timeout;
            let _ = tokio::time::timeout(idle, self.cancel.cancelled()).await;
            return Some(End::Hung);
        }

        None
    }
}
