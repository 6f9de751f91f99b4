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

use dvcr_protocol::decode::{DecodeOptions, Deviation, Mode, decode_into};
use dvcr_protocol::tpkt::{Config, Framing, OwnedFrame};
use dvcr_protocol::{Limits, Message};
use tokio::net::TcpStream;
use tokio::sync::{Mutex, mpsc};
use tokio_util::sync::CancellationToken;
use tracing::{debug, warn};

use crate::frames::FrameReader;

use super::outbound::{Outbound, Sink, spawn_writer};
use super::outcome::{ConnectionId, Outcome, Replies};
use super::registry::Peer;
use super::reply;
use super::request::canonical_xmlid;
use super::server::Shared;
use super::watchdog::{Activity, spawn_watchdog};
use super::wire::FrameList;

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
    if let Err(error) = stream.set_nodelay(true) {
        debug!(connection = id.0, %error, "TCP_NODELAY not set");
    }
    let (read, write) = stream.into_split();
    let (queue, outbound) = mpsc::channel(shared.config.queue_len.max(1));
    let sink = Sink {
        id,
        socket: Arc::new(Mutex::new(write)),
        write_timeout: shared.config.write_timeout,
        connection: cancel.clone(),
    };
    let writer = spawn_writer(sink.clone(), outbound);
    let activity = Activity::new();
    let idle = shared.config.idle_timeout;
    let watchdog = spawn_watchdog(Arc::clone(&activity), idle, cancel.clone());
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
        activity,
        sink,
        out: FrameList::new(shared.wire),
        message: None,
        deviations: Vec::new(),
    };
    let end = link.read_loop(&mut frames).await;
    watchdog.abort();

    shared.registry.remove(id);
    shared.host.disconnect(id);
    drop(link);
    if end == End::Hung {
        cancel.cancel();
    }
    let _ = writer.await;
    debug!(connection = id.0, %peer, reason = ?end, "connection closed");
}

/// What a connection's read loop works with; the buffers are reused from
/// one frame to the next.
struct Link<'s> {
    id: ConnectionId,
    shared: &'s Shared,
    queue: mpsc::Sender<Outbound>,
    cancel: &'s CancellationToken,
    /// When the last frame came, for the idle watchdog.
    activity: Arc<Activity>,
    sink: Sink,
    /// The frames of the replies to the last frame read.
    out: FrameList,
    /// The allocations of the last decoded request; `None` while one is
    /// being answered, so that taking them leaves nothing to drop.
    message: Option<Message<'static>>,
    deviations: Vec<Deviation>,
}

type Frames = FrameReader<tokio::net::tcp::OwnedReadHalf>;

impl Link<'_> {
    /// Reads and answers frames until the connection must end. A
    /// cancelled connection answers no further frame: the token is looked
    /// at before each read and after it, and its waiter is polled only
    /// while no frame is in. The idle timeout is the watchdog's, which
    /// cancels the connection, so that a frame costs no timer.
    async fn read_loop(&mut self, frames: &mut Frames) -> End {
        let cancelled = self.cancel.cancelled();
        tokio::pin!(cancelled);
        loop {
            if self.cancel.is_cancelled() {
                return self.cancelled_end();
            }

            let next = tokio::select! {
                biased;
                next = frames.next() => next,
                () = &mut cancelled => return self.cancelled_end(),
            };
            if self.cancel.is_cancelled() {
                return self.cancelled_end();
            }

            self.activity.stamp();
            let frame = match next {
                None => return End::PeerClosed,
                Some(Err(error)) => {
                    debug!(connection = self.id.0, %error, "broken frame");
                    return End::BrokenFrame;
                }
                Some(Ok(frame)) => frame,
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

    /// Why a cancelled connection ends: idling, or being told to.
    fn cancelled_end(&self) -> End {
        if self.activity.idled() {
            End::Idle
        } else {
            End::Cancelled
        }
    }

    /// The device's outcome for one frame; `None` when the device crashed.
    fn answer(&mut self, frame: &OwnedFrame) -> Option<Outcome> {
        let options = DecodeOptions {
            mode: Mode::Lenient,
            limits: Limits {
                max_frame_len: self.shared.config.max_frame_len,
                ..Limits::DEFAULT
            },
        };
        let mut message: Message<'_> = self.message.take().unwrap_or_default();
        let outcome = self.answer_with(frame, &options, &mut message);
        self.message = Some(message.recycle());
        outcome
    }

    fn answer_with<'f>(
        &mut self,
        frame: &'f OwnedFrame,
        options: &DecodeOptions,
        message: &mut Message<'f>,
    ) -> Option<Outcome> {
        self.out.clear();
        let deviations = &mut self.deviations;
        if let Err(error) = decode_into(frame.payload(), options, message, deviations) {
            let xmlid = message
                .first()
                .map(|record| canonical_xmlid(record.xmlid()))
                .unwrap_or_default();
            debug!(connection = self.id.0, %xmlid, %error, "malformed message");
            let description = format!("malformed message: {error}");
            self.out.reply(&reply::failure(&xmlid, &description));
            return Some(Outcome::default());
        }

        debug!(
            connection = self.id.0,
            records = message.record_count(),
            xmlid = message.first().map(|record| record.xmlid()).unwrap_or(""),
            deviations = deviations.len(),
            "command"
        );
        self.shared
            .host
            .handle(self.id, message, &mut self.out)
            .ok()
    }

    /// Writes the replies, routes the indications, closes what must close;
    /// `Some` when this connection must end.
    async fn carry_out(&mut self, outcome: Outcome) -> Option<End> {
        let split = self.shared.wire.splits();
        for frame in self.out.frames() {
            if !self.sink.write(frame, split).await {
                self.cancel.cancel();
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
