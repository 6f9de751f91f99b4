//! The bounded queue of frames waiting to go to one connection, and the
//! task that writes them (spec, "General Information", items 4 and 6:
//! confirms and unasked indications share one byte stream).
//!
//! The queue holds at most a fixed number of frames. A peer that does not
//! read fills it; indications for it are then refused and the connection is
//! closed, so that memory stays bounded and other sessions are not held up.

use std::time::Duration;

use tokio::io::AsyncWriteExt;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::sync::mpsc;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tracing::debug;

use super::outcome::ConnectionId;
use super::wire::{OutFrame, SPLIT_PAUSE};

/// One item of a connection's queue.
#[derive(Debug)]
pub(crate) enum Outbound {
    /// A frame to write.
    Frame(OutFrame),
    /// Close the connection once the frames before this are written.
    Close,
}

/// Writes what comes on `queue` to `socket` until the queue ends, a
/// [`Outbound::Close`] comes, a write fails or takes longer than
/// `write_timeout`, or `connection` is cancelled; then shuts the socket
/// down and cancels `connection`.
pub(crate) fn spawn_writer(
    id: ConnectionId,
    mut socket: OwnedWriteHalf,
    mut queue: mpsc::Receiver<Outbound>,
    write_timeout: Duration,
    connection: CancellationToken,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let item = tokio::select! {
                () = connection.cancelled() => break,
                item = queue.recv() => item,
            };
            let Some(Outbound::Frame(frame)) = item else {
                break;
            };

            let written = tokio::select! {
                () = connection.cancelled() => break,
                written = tokio::time::timeout(write_timeout, write(&mut socket, &frame)) => written,
            };
            match written {
                Ok(Ok(())) => {}
                Ok(Err(error)) => {
                    debug!(connection = id.0, %error, "write failed");
                    break;
                }
                Err(_) => {
                    debug!(
                        connection = id.0,
                        ?write_timeout,
                        "peer does not read, dropped"
                    );
                    break;
                }
            }
        }

        let _ = tokio::time::timeout(write_timeout, socket.shutdown()).await;
        connection.cancel();
    })
}

async fn write(socket: &mut OwnedWriteHalf, frame: &OutFrame) -> std::io::Result<()> {
    if !frame.split {
        return socket.write_all(&frame.bytes).await;
    }

    let (head, tail) = frame.bytes.split_at(frame.bytes.len() / 2);
    socket.write_all(head).await?;
    socket.flush().await?;
    tokio::time::sleep(SPLIT_PAUSE).await;
    socket.write_all(tail).await
}
