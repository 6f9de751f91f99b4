//! A client connection to an RSS 2000 (spec, "General Information", items 4
//! to 6): send messages or raw bytes, await the confirm of a command by its
//! xmlid, and take indications from their own stream. Every wait has a
//! timeout and names what it awaited when it fails.

use std::collections::VecDeque;
use std::fmt::Display;
use std::net::SocketAddr;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, SystemTime};

use bytes::Bytes;
use dvcr_protocol::Message;
use dvcr_protocol::encode::encode;
use dvcr_protocol::tpkt::{Config, Framing, MAX_FRAME_LEN};
use tokio::io::AsyncWriteExt;
use tokio::net::tcp::OwnedWriteHalf;
use tokio::net::{TcpStream, ToSocketAddrs};
use tokio::sync::mpsc;
use tokio::time::{Instant, timeout_at};

use super::error::ClientError;
use super::outstanding::Outstanding;
use super::reader::{self, CloseReason, Incoming, Received, Routes};
use super::records::{canonical, is_canonically};
use super::reply::Reply;
use super::transcript::{Direction, Exchange, TranscriptHook};

/// Replies that came for no awaited command, kept for a later wait; the
/// oldest is dropped beyond this.
const MAX_PENDING: usize = 1024;

/// How a client connects and waits.
#[derive(Clone)]
pub struct ClientConfig {
    /// The longest wait for the TCP connection.
    pub connect_timeout: Duration,
    /// The longest wait for a confirm, in [`Connection::request`].
    pub reply_timeout: Duration,
    /// After a reply's first frame, further frames of the same xmlid that
    /// come within this pause are merged into it; zero takes one frame.
    pub reply_settle: Duration,
    /// Whether unframed XML from the device is accepted (and reported).
    pub framing: Framing,
    /// The largest frame accepted from the device.
    pub max_frame_len: usize,
    /// Indications held for the caller before new ones are dropped.
    pub indication_capacity: usize,
    /// Sees every frame sent and received.
    pub transcript: Option<TranscriptHook>,
}

impl Default for ClientConfig {
    fn default() -> Self {
        ClientConfig {
            connect_timeout: Duration::from_secs(5),
            reply_timeout: Duration::from_secs(5),
            reply_settle: Duration::ZERO,
            framing: Framing::Lenient,
            max_frame_len: MAX_FRAME_LEN,
            indication_capacity: 1024,
            transcript: None,
        }
    }
}

impl std::fmt::Debug for ClientConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ClientConfig")
            .field("connect_timeout", &self.connect_timeout)
            .field("reply_timeout", &self.reply_timeout)
            .field("reply_settle", &self.reply_settle)
            .field("framing", &self.framing)
            .field("max_frame_len", &self.max_frame_len)
            .field("indication_capacity", &self.indication_capacity)
            .field("transcript", &self.transcript.is_some())
            .finish()
    }
}

/// One TCP connection to a device.
#[derive(Debug)]
pub struct Connection {
    config: ClientConfig,
    local: SocketAddr,
    peer: SocketAddr,
    writer: OwnedWriteHalf,
    replies: mpsc::Receiver<Incoming>,
    indications: Option<mpsc::Receiver<Message<'static>>>,
    pending: VecDeque<Received>,
    outstanding: Outstanding,
    ended: Option<CloseReason>,
    closed: Arc<AtomicBool>,
    /// Bytes received that do not yet make a whole frame.
    unframed: Arc<AtomicUsize>,
    /// The frame being sent, reused from one message to the next.
    out: Vec<u8>,
}

impl Connection {
    /// Connects to `target` within `config.connect_timeout`.
    pub async fn connect<A>(target: A, config: ClientConfig) -> Result<Connection, ClientError>
    where
        A: ToSocketAddrs + Display,
    {
        let name = target.to_string();
        let connecting = tokio::time::timeout(config.connect_timeout, TcpStream::connect(target));
        let stream = match connecting.await {
            Err(_) => {
                return Err(ClientError::ConnectTimeout {
                    target: name,
                    after: config.connect_timeout,
                });
            }
            Ok(Err(source)) => {
                return Err(ClientError::Connect {
                    target: name,
                    source,
                });
            }
            Ok(Ok(stream)) => stream,
        };

        let (local, peer) = match (stream.local_addr(), stream.peer_addr()) {
            (Ok(local), Ok(peer)) => (local, peer),
            (Err(source), _) | (_, Err(source)) => {
                return Err(ClientError::Connect {
                    target: name,
                    source,
                });
            }
        };
        let _ = stream.set_nodelay(true);
        Ok(Connection::spawn(stream, local, peer, config))
    }

    fn spawn(stream: TcpStream, local: SocketAddr, peer: SocketAddr, config: ClientConfig) -> Self {
        let (read, writer) = stream.into_split();
        let (reply_tx, replies) = mpsc::channel(64);
        let (indication_tx, indications) = mpsc::channel(config.indication_capacity.max(1));
        let closed = Arc::new(AtomicBool::new(false));
        let unframed = Arc::new(AtomicUsize::new(0));
        let framing = Config::DEFAULT
            .with_max_frame_len(config.max_frame_len)
            .with_framing(config.framing);
        let routes = Routes {
            replies: reply_tx,
            indications: indication_tx,
            closed: Arc::clone(&closed),
            unframed: Arc::clone(&unframed),
            transcript: config.transcript.clone(),
            local,
            peer,
        };
        tokio::spawn(reader::read(read, framing, routes));
        Connection {
            config,
            local,
            peer,
            writer,
            replies,
            indications: Some(indications),
            pending: VecDeque::new(),
            outstanding: Outstanding::default(),
            ended: None,
            closed,
            unframed,
            out: Vec::new(),
        }
    }

    /// The device's address.
    pub fn peer_addr(&self) -> SocketAddr {
        self.peer
    }

    /// The client's own address.
    pub fn local_addr(&self) -> SocketAddr {
        self.local
    }

    /// The settings of this connection.
    pub fn config(&self) -> &ClientConfig {
        &self.config
    }

    /// Sends `message` as one TPKT frame.
    pub async fn send(&mut self, message: &Message<'_>) -> Result<(), ClientError> {
        let mut frame = std::mem::take(&mut self.out);
        frame.clear();
        let encoded = encode(message, &mut frame);
        let sent = match encoded {
            Ok(()) => self.send_raw(&frame).await,
            Err(error) => Err(error.into()),
        };
        self.out = frame;
        sent
    }

    /// Sends `bytes` as they are: a partial frame, a broken one, several.
    /// The commands they name await their confirms.
    pub async fn send_raw(&mut self, bytes: &[u8]) -> Result<(), ClientError> {
        self.outstanding.sent(bytes);
        if let Some(hook) = &self.config.transcript {
            hook(&Exchange {
                at: SystemTime::now(),
                direction: Direction::Sent,
                local: self.local,
                peer: self.peer,
                bytes: Bytes::copy_from_slice(bytes),
            });
        }
        self.writer
            .write_all(bytes)
            .await
            .map_err(ClientError::Send)
    }

    /// Sends `message` and awaits the confirm of its first record's xmlid
    /// within the configured reply timeout.
    pub async fn request(&mut self, message: &Message<'_>) -> Result<Reply, ClientError> {
        let xmlid = message
            .first()
            .map(|record| record.xmlid().to_owned())
            .unwrap_or_default();
        self.send(message).await?;
        self.await_reply(&xmlid, self.config.reply_timeout).await
    }

    /// The next reply frame whatever its xmlid, within `timeout`.
    pub async fn next_reply(&mut self, timeout: Duration) -> Result<Reply, ClientError> {
        let frame = match self.pending.pop_front() {
            Some(frame) => frame,
            None => {
                let deadline = Instant::now() + timeout;
                self.receive(&"a reply", deadline, timeout).await?
            }
        };
        self.outstanding.answered(&first_xmlid(&frame));
        Ok(Reply::from_frame(frame))
    }

    /// The confirm records of `xmlid` (compared trimmed and without case),
    /// within `timeout`. Replies to other commands sent and not yet
    /// answered that come meanwhile are kept for later waits; indications
    /// go to their own stream. A reply that answers no command in flight
    /// is [`ClientError::WrongXmlid`], when `xmlid` was sent here.
    pub async fn await_reply(
        &mut self,
        xmlid: &str,
        timeout: Duration,
    ) -> Result<Reply, ClientError> {
        let wanted = canonical(xmlid);
        let awaited = ConfirmOf(&wanted);
        let position = self
            .pending
            .iter()
            .position(|frame| answers(frame, &wanted));
        let first = match position.and_then(|index| self.pending.remove(index)) {
            Some(frame) => frame,
            None => self.receive_matching(&wanted, &awaited, timeout).await?,
        };
        self.outstanding.answered(&wanted);

        let mut reply = Reply::from_frame(first);
        let settle = self.config.reply_settle;
        while !settle.is_zero() {
            let Ok(more) = self.receive_matching(&wanted, &awaited, settle).await else {
                break;
            };
            reply.extend(more);
        }
        Ok(reply)
    }

    async fn receive_matching(
        &mut self,
        wanted: &str,
        awaited: &(dyn Display + Sync),
        timeout: Duration,
    ) -> Result<Received, ClientError> {
        let deadline = Instant::now() + timeout;
        loop {
            let frame = self.receive(awaited, deadline, timeout).await?;
            if answers(&frame, wanted) {
                return Ok(frame);
            }

            let received = first_xmlid(&frame);
            let stray = !received.is_empty() && !self.outstanding.contains(&received);
            if stray && self.outstanding.contains(wanted) {
                return Err(ClientError::WrongXmlid {
                    expected: wanted.to_owned(),
                    received,
                });
            }

            if self.pending.len() >= MAX_PENDING {
                self.pending.pop_front();
            }
            self.pending.push_back(frame);
        }
    }

    async fn receive(
        &mut self,
        awaited: &(dyn Display + Sync),
        deadline: Instant,
        timeout: Duration,
    ) -> Result<Received, ClientError> {
        if let Some(reason) = &self.ended {
            return Err(closed(awaited, reason.clone()));
        }

        let incoming = timeout_at(deadline, self.replies.recv()).await;
        match incoming {
            Err(_) => match self.unframed.load(Ordering::Relaxed) {
                0 => Err(ClientError::Timeout {
                    awaited: awaited.to_string(),
                    after: timeout,
                }),
                received => Err(ClientError::Incomplete {
                    awaited: awaited.to_string(),
                    after: timeout,
                    received,
                }),
            },
            Ok(Some(Incoming::Frame(frame))) => Ok(frame),
            Ok(Some(Incoming::Undecodable(error))) => Err(ClientError::Undecodable {
                awaited: awaited.to_string(),
                error,
            }),
            Ok(Some(Incoming::Ended(reason))) => {
                self.ended = Some(reason.clone());
                Err(closed(awaited, reason))
            }
            Ok(None) => Err(closed(awaited, CloseReason::PeerClosed)),
        }
    }

    /// The next indication, within `timeout`.
    pub async fn next_indication(
        &mut self,
        timeout: Duration,
    ) -> Result<Message<'static>, ClientError> {
        let awaited = "an indication";
        let Some(stream) = self.indications.as_mut() else {
            return Err(ClientError::Timeout {
                awaited: format!("{awaited} (the stream was taken)"),
                after: Duration::ZERO,
            });
        };

        match tokio::time::timeout(timeout, stream.recv()).await {
            Err(_) => Err(ClientError::Timeout {
                awaited: awaited.to_owned(),
                after: timeout,
            }),
            Ok(Some(message)) => Ok(message),
            Ok(None) => Err(closed(
                &awaited,
                self.ended.clone().unwrap_or(CloseReason::PeerClosed),
            )),
        }
    }

    /// Takes the stream of indications, to read it from another task; after
    /// this, [`Connection::next_indication`] fails.
    pub fn take_indications(&mut self) -> Option<mpsc::Receiver<Message<'static>>> {
        self.indications.take()
    }

    /// Whether the peer has closed the connection (or the stream broke).
    pub fn is_closed(&self) -> bool {
        self.closed.load(Ordering::SeqCst)
    }

    /// Waits until the peer closes the connection, within `timeout`; replies
    /// that come meanwhile are kept for later waits.
    pub async fn closed(&mut self, timeout: Duration) -> Result<CloseReason, ClientError> {
        let awaited = "the peer to close the connection";
        let deadline = Instant::now() + timeout;
        loop {
            match self.receive(&awaited, deadline, timeout).await {
                Ok(frame) => {
                    if self.pending.len() >= MAX_PENDING {
                        self.pending.pop_front();
                    }
                    self.pending.push_back(frame);
                }
                Err(ClientError::Closed { reason, .. }) => return Ok(reason),
                Err(ClientError::Undecodable { .. }) => {}
                Err(other) => return Err(other),
            }
        }
    }

    /// Closes the sending side; the device sees the end of the stream.
    pub async fn shutdown(&mut self) -> Result<(), ClientError> {
        self.writer.shutdown().await.map_err(ClientError::Send)
    }
}

/// The xmlid of the first record of `frame`, made canonical.
fn first_xmlid(frame: &Received) -> String {
    frame
        .message
        .first()
        .map(|record| canonical(record.xmlid()))
        .unwrap_or_default()
}

/// Whether `frame` holds a record answering `wanted`.
fn answers(frame: &Received, wanted: &str) -> bool {
    frame
        .message
        .records()
        .any(|record| is_canonically(record.xmlid(), wanted))
}

fn closed(awaited: &(dyn Display + Sync), reason: CloseReason) -> ClientError {
    ClientError::Closed {
        awaited: awaited.to_string(),
        reason,
    }
}

/// What [`Connection::await_reply`] waits for, put in words only when the
/// wait fails.
struct ConfirmOf<'a>(&'a str);

impl Display for ConfirmOf<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "the confirm of {}", self.0)
    }
}
