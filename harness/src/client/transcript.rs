//! A record of every frame a client sends and receives, with the time and
//! direction, for failure transcripts and captures.
//!
//! A [`TranscriptHook`] sees each [`Exchange`] as it happens; a
//! [`Transcript`] is a ready hook that keeps them all, with every password
//! masked (see [`redact_password`]) so that no report built from it shows
//! one, even one that a connection's writes split between exchanges (a
//! frame written a few bytes at a time).

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use bytes::Bytes;

use super::redact::{SHORTEST_MASKED_INSIDE, mask_inside, redact_password};

/// Which way the bytes went.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Direction {
    /// From the client to the device.
    Sent,
    /// From the device to the client.
    Received,
}

/// One frame (or one raw write) on the wire.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Exchange {
    /// When it was written or read.
    pub at: SystemTime,
    /// Which way it went.
    pub direction: Direction,
    /// The client's end of the connection.
    pub local: SocketAddr,
    /// The device's end of the connection.
    pub peer: SocketAddr,
    /// The bytes, header included.
    pub bytes: Bytes,
}

/// Called with every exchange of a connection, from its tasks.
pub type TranscriptHook = Arc<dyn Fn(&Exchange) + Send + Sync>;

/// A hook that keeps every exchange, shared by clones.
#[derive(Clone, Debug, Default)]
pub struct Transcript {
    exchanges: Arc<Mutex<Vec<Exchange>>>,
    /// The password whose every appearance is masked too, in a field's
    /// value or elsewhere in the bytes; empty for none.
    password: Arc<str>,
}

impl Transcript {
    /// An empty transcript, masking the values of password fields.
    pub fn new() -> Self {
        Transcript::default()
    }

    /// An empty transcript, masking the values of password fields and of
    /// every field whose value holds `password` (when it is not empty),
    /// and `password` wherever else it appears (see [`redact_password`]).
    pub fn masking(password: &str) -> Self {
        Transcript {
            password: Arc::from(password),
            ..Transcript::default()
        }
    }

    /// The hook to hand to a connection; it keeps each exchange with its
    /// passwords masked.
    pub fn hook(&self) -> TranscriptHook {
        let exchanges = Arc::clone(&self.exchanges);
        let password = Arc::clone(&self.password);
        Arc::new(move |exchange: &Exchange| {
            let redacted = Exchange {
                bytes: Bytes::from(redact_password(&exchange.bytes, &password)),
                ..exchange.clone()
            };
            if let Ok(mut exchanges) = exchanges.lock() {
                exchanges.push(redacted);
            }
        })
    }

    /// Every exchange so far, in order, with each appearance of the
    /// password that exchanges of one connection and direction split
    /// between them masked too.
    pub fn exchanges(&self) -> Vec<Exchange> {
        let mut exchanges = self
            .exchanges
            .lock()
            .map(|exchanges| exchanges.clone())
            .unwrap_or_default();
        mask_split(&mut exchanges, &self.password);
        exchanges
    }
}

/// Masks each appearance of `password` in the bytes of one connection's
/// exchanges in one direction, read as one stream, and writes them back:
/// the mask of each exchange alone does not see a password split between
/// two writes.
fn mask_split(exchanges: &mut [Exchange], password: &str) {
    if password.len() < SHORTEST_MASKED_INSIDE {
        return;
    }

    let mut streams: Vec<(SocketAddr, SocketAddr, Direction)> = Vec::new();
    for exchange in exchanges.iter() {
        let stream = (exchange.local, exchange.peer, exchange.direction);
        if !streams.contains(&stream) {
            streams.push(stream);
        }
    }

    for stream in streams {
        let in_stream =
            |exchange: &Exchange| (exchange.local, exchange.peer, exchange.direction) == stream;
        let mut joined: Vec<u8> = exchanges
            .iter()
            .filter(|exchange| in_stream(exchange))
            .flat_map(|exchange| exchange.bytes.iter().copied())
            .collect();
        mask_inside(&mut joined, password.as_bytes());

        let mut rest = joined.as_slice();
        for exchange in exchanges.iter_mut().filter(|exchange| in_stream(exchange)) {
            let (own, after) = rest.split_at(exchange.bytes.len().min(rest.len()));
            if own != exchange.bytes.as_ref() {
                exchange.bytes = Bytes::copy_from_slice(own);
            }
            rest = after;
        }
    }
}
