//! What the device hands back for one request: the seam between the
//! synchronous device and whatever carries its messages (a TCP server, the
//! fuzzer, a test).

use dvcr_protocol::Message;

/// One client connection, as numbered by the layer that owns the sockets.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct ConnectionId(pub u64);

/// An indication to push, unasked, to one connection.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Delivery {
    /// The connection that must receive it.
    pub to: ConnectionId,
    /// The `INDICATION` message.
    pub message: Message<'static>,
}

/// Everything that follows from one request, in the order it must happen:
/// send `replies` to the sender, push `indications`, then close the
/// connections in `close` and stop listening when `stop_server` is set.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Messages for the sender, each to be sent as one frame.
    pub replies: Vec<Message<'static>>,
    /// Indications for other connections.
    pub indications: Vec<Delivery>,
    /// Connections to close once the replies and indications are sent.
    pub close: Vec<ConnectionId>,
    /// Whether the server must stop accepting and end (`SHUTDOWN` with
    /// `POWEROFF=1`).
    pub stop_server: bool,
    /// Whether the device "hangs" on this connection: it must send nothing
    /// more on it and read nothing more from it, yet keep it open. Set only
    /// by the `hang-on-long-sourcename` fault.
    pub hang: bool,
}

/// Where the device puts each reply as soon as it is made, while the
/// state a reply may borrow from is still as it was: a server encodes it
/// there and then; a `Vec` keeps an owned copy.
pub trait Replies {
    /// Takes one message for the sender, to go as one frame.
    fn reply(&mut self, message: &Message<'_>);
}

impl Replies for Vec<Message<'static>> {
    fn reply(&mut self, message: &Message<'_>) {
        self.push(message.clone().into_owned());
    }
}

impl Outcome {
    /// The first record of the first reply, which is the confirm of a
    /// single-command request.
    pub fn first_reply(&self) -> Option<&Message<'static>> {
        self.replies.first()
    }
}
