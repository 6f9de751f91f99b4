//! A record of every frame a client sends and receives, with the time and
//! direction, for failure transcripts and captures.
//!
//! A [`TranscriptHook`] sees each [`Exchange`] as it happens; a
//! [`Transcript`] is a ready hook that keeps them all, with every password
//! masked (see [`redact_password`]) so that no report built from it shows
//! one.

use std::net::SocketAddr;
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use bytes::Bytes;

use super::redact::redact_password;

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
    /// The password whose every appearance in a field's value is masked
    /// too; empty for none.
    password: Arc<str>,
}

impl Transcript {
    /// An empty transcript, masking the values of password fields.
    pub fn new() -> Self {
        Transcript::default()
    }

    /// An empty transcript, masking the values of password fields and of
    /// every field whose value holds `password` (when it is not empty).
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

    /// Every exchange so far, in order.
    pub fn exchanges(&self) -> Vec<Exchange> {
        self.exchanges
            .lock()
            .map(|exchanges| exchanges.clone())
            .unwrap_or_default()
    }
}
