//! The bounded queue of frames waiting to go to one connection, the task
//! that writes them, and the write both it and the connection's own task
//! use (spec, "General Information", items 4 and 6: confirms and unasked
//! indications share one byte stream).
//!
//! A connection's task writes its own replies at once, in order, on the
//! socket it shares with the writer task; the queue carries what other
//! connections send it (indications and close orders). The queue holds at
//! most a fixed number of frames. A peer that does not read fills it;
//! indications for it are then refused and the connection is closed, so
//! that memory stays bounded and other sessions are not held up.

use std::sync::Arc;
use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::{Mutex, mpsc};
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tracing::debug;

use super::outcome::ConnectionId;
use super::wire::{OutFrame, SPLIT_PAUSE};

/// The sending half of a connection's socket, shared by its task and its
/// writer task; a frame is written whole under the lock.
pub(crate) type SharedSocket = Arc<Mutex<OwnedWriteHalf>>;

/// One item of a connection's queue.
#[derive(Debug)]
pub(crate) enum Outbound {
    /// A frame to write.
    Frame(OutFrame),
    /// Close the connection once the frames before this are written.
    Close,
}

/// How frames are written to one connection.
#[derive(Clone, Debug)]
pub(crate) struct Sink {
    /// The connection, for the log.
    pub(crate) id: ConnectionId,
    /// Its socket.
    pub(crate) socket: SharedSocket,
    /// A peer that takes longer than this to take one frame is dropped.
    pub(crate) write_timeout: Duration,
    /// Cancelled when the connection must end at once.
    pub(crate) connection: CancellationToken,
}

impl Sink {
    /// Writes `bytes` as one frame, in two halves with [`SPLIT_PAUSE`]
    /// between when `split`; `false` when the write failed, took longer
    /// than the write timeout or the connection was cancelled, after which
    /// the connection must end.
    ///
    /// A frame the socket takes at once is written without waiting: no
    /// lock is awaited and no timer is set.
    pub(crate) async fn write(&self, bytes: &[u8], split: bool) -> bool {
        let mut written = 0;
        if !split && let Ok(socket) = self.socket.try_lock() {
            match socket.try_write(bytes) {
                Ok(count) if count == bytes.len() => return true,
                Ok(count) => written = count,
                Err(error) if error.kind() == std::io::ErrorKind::WouldBlock => {}
                Err(error) => {
                    debug!(connection = self.id.0, %error, "write failed");
                    return false;
                }
            }
        }

        let rest = bytes.get(written..).unwrap_or_default();
        let slow = async {
            let mut socket = self.socket.lock().await;
            write_all(&mut socket, rest, split).await
        };
        let outcome = tokio::select! {
            () = self.connection.cancelled() => return false,
            outcome = tokio::time::timeout(self.write_timeout, slow) => outcome,
        };
        match outcome {
            Ok(Ok(())) => true,
            Ok(Err(error)) => {
                debug!(connection = self.id.0, %error, "write failed");
                false
            }
            Err(_) => {
                debug!(
                    connection = self.id.0,
                    write_timeout = ?self.write_timeout,
                    "peer does not read, dropped"
                );
                false
            }
        }
    }

    /// Shuts the socket down, within the write timeout.
    async fn shutdown(&self) {
        let shutdown = async { self.socket.lock().await.shutdown().await };
        let _ = tokio::time::timeout(self.write_timeout, shutdown).await;
    }
}

/// Writes what comes on `queue` to `sink` until the queue ends, a
/// [`Outbound::Close`] comes, a write fails or takes longer than the write
/// timeout, or the connection is cancelled; then shuts the socket down and
/// cancels the connection.
pub(crate) fn spawn_writer(sink: Sink, mut queue: mpsc::Receiver<Outbound>) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let item = tokio::select! {
                () = sink.connection.cancelled() => break,
                item = queue.recv() => item,
            };
            let Some(Outbound::Frame(frame)) = item else {
                break;
            };

            if !sink.write(&frame.bytes, frame.split).await {
                break;
            }
        }

        sink.shutdown().await;
        sink.connection.cancel();
    })
}

async fn write_all(socket: &mut OwnedWriteHalf, bytes: &[u8], split: bool) -> std::io::Result<()> {
    if !split {
        return socket.write_all(bytes).await;
    }

    let (head, tail) = bytes.split_at(bytes.len() / 2);
    socket.write_all(head).await?;
    socket.flush().await?;
    tokio::time::sleep(SPLIT_PAUSE).await;
    socket.write_all(tail).await
}
