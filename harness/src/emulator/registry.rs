//! The live connections of the server and the way to reach each: where the
//! device's indications and close orders are delivered (spec, "General
//! Information", item 6: indications go to other sessions, unasked).

use std::collections::HashMap;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use tokio::sync::mpsc::{self, error::TrySendError};
use tokio_util::sync::CancellationToken;
use tracing::debug;

use super::outbound::Outbound;
use super::outcome::ConnectionId;
use super::wire::OutFrame;

/// How to reach one connection.
#[derive(Clone, Debug)]
pub(crate) struct Peer {
    /// Its outbound queue.
    pub(crate) queue: mpsc::Sender<Outbound>,
    /// Cancelling it ends the connection at once.
    pub(crate) cancel: CancellationToken,
}

/// Every live connection, by id.
#[derive(Debug, Default)]
pub(crate) struct Registry {
    peers: Mutex<HashMap<ConnectionId, Peer>>,
    next_id: AtomicU64,
}

impl Registry {
    /// A fresh connection id; ids start at 1 and are never reused.
    pub(crate) fn next_id(&self) -> ConnectionId {
        ConnectionId(self.next_id.fetch_add(1, Ordering::Relaxed) + 1)
    }

    /// Makes `peer` reachable as `id`.
    pub(crate) fn insert(&self, id: ConnectionId, peer: Peer) {
        if let Ok(mut peers) = self.peers.lock() {
            peers.insert(id, peer);
        }
    }

    /// Forgets `id`.
    pub(crate) fn remove(&self, id: ConnectionId) {
        if let Ok(mut peers) = self.peers.lock() {
            peers.remove(&id);
        }
    }

    /// How many connections are live.
    pub(crate) fn len(&self) -> usize {
        self.peers.lock().map_or(0, |peers| peers.len())
    }

    /// Queues an indication for `to`; a peer whose queue is full is not
    /// reading and is disconnected instead.
    pub(crate) fn deliver(&self, to: ConnectionId, frame: OutFrame) {
        self.push(to, Outbound::Frame(frame));
    }

    /// Asks `to` to close once its queued frames are written.
    pub(crate) fn close(&self, to: ConnectionId) {
        self.push(to, Outbound::Close);
    }

    fn push(&self, to: ConnectionId, item: Outbound) {
        let Some(peer) = self.peer(to) else {
            return;
        };

        match peer.queue.try_send(item) {
            Ok(()) | Err(TrySendError::Closed(_)) => {}
            Err(TrySendError::Full(_)) => {
                debug!(connection = to.0, "outbound queue full, peer dropped");
                peer.cancel.cancel();
            }
        }
    }

    fn peer(&self, id: ConnectionId) -> Option<Peer> {
        self.peers.lock().ok()?.get(&id).cloned()
    }
}
