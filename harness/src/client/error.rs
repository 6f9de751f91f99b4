//! What can go wrong on a client session; every variant that concerns a
//! wait names what was awaited.

use std::time::Duration;

use dvcr_protocol::decode::DecodeError;
use dvcr_protocol::encode::EncodeError;

use super::reader::CloseReason;

/// An error of the client.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ClientError {
    /// The TCP connection could not be opened.
    #[error("cannot connect to {target}: {source}")]
    Connect {
        /// The address tried.
        target: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The TCP connection was not opened in time.
    #[error("timed out after {:?} connecting to {target}", to_ms(*.after))]
    ConnectTimeout {
        /// The address tried.
        target: String,
        /// How long was waited.
        after: Duration,
    },
    /// Nothing came in time.
    #[error("timed out after {:?} awaiting {awaited}", to_ms(*.after))]
    Timeout {
        /// What was awaited, such as "the confirm of getdevinfo".
        awaited: String,
        /// How long was waited.
        after: Duration,
    },
    /// Part of a frame came, but not the rest of it, in time: a length
    /// that promises more than is sent, or a device stalled mid-frame.
    #[error(
        "timed out after {:?} awaiting {awaited}: {received} bytes came that do not \
         make a whole frame (does the TPKT length count more than was sent?)",
        to_ms(*.after)
    )]
    Incomplete {
        /// What was awaited.
        awaited: String,
        /// How long was waited.
        after: Duration,
        /// The bytes of the unfinished frame.
        received: usize,
    },
    /// The peer closed the connection, or the stream broke, during a wait.
    #[error("connection closed ({reason}) while awaiting {awaited}")]
    Closed {
        /// What was awaited.
        awaited: String,
        /// How the connection ended.
        reason: CloseReason,
    },
    /// A frame came whose payload does not decode.
    #[error("undecodable reply while awaiting {awaited}: {error}")]
    Undecodable {
        /// What was awaited.
        awaited: String,
        /// What the decoder said.
        error: DecodeError,
    },
    /// A confirm came for no command in flight while one was awaited: the
    /// device answered, under the wrong xmlid.
    #[error("a confirm of {received:?} came while awaiting the confirm of {expected}")]
    WrongXmlid {
        /// The xmlid awaited.
        expected: String,
        /// The xmlid of the confirm that came.
        received: String,
    },
    /// The device refused a command the client relies on, such as `LOGIN`.
    #[error("{command} refused with RESULT {result}: {description}")]
    Refused {
        /// The command's xmlid.
        command: String,
        /// The `RESULT` that came, or `<none>`.
        result: String,
        /// The `DESCRIPTION` that came, if any.
        description: String,
    },
    /// The reply lacks a field the client needs.
    #[error("{command} confirm lacks {field}")]
    MissingField {
        /// The command's xmlid.
        command: String,
        /// The field expected.
        field: String,
    },
    /// The message to send cannot be encoded.
    #[error("cannot encode the command: {0}")]
    Encode(#[from] EncodeError),
    /// Writing to the socket failed.
    #[error("cannot send: {0}")]
    Send(std::io::Error),
}

impl ClientError {
    /// Whether the device answered, but against the protocol: half a frame,
    /// bytes that break TPKT framing, XML that does not decode, a confirm
    /// under another xmlid, or one without a field the client needs. The
    /// other errors mean the device could not be reached or said nothing.
    pub fn is_protocol_violation(&self) -> bool {
        match self {
            ClientError::Incomplete { .. }
            | ClientError::Undecodable { .. }
            | ClientError::WrongXmlid { .. }
            | ClientError::MissingField { .. } => true,
            ClientError::Closed { reason, .. } => matches!(reason, CloseReason::Framing(_)),
            _ => false,
        }
    }
}

/// `after` to the nearest millisecond, so that a wait measured against a
/// deadline reads `2s`, not `1.99999963s`.
pub fn to_ms(after: Duration) -> Duration {
    let nanos = after.as_nanos().saturating_add(500_000) / 1_000_000;
    Duration::from_millis(u64::try_from(nanos).unwrap_or(u64::MAX))
}
