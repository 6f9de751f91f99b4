//! The servers of the emulator bench (issue 7, item 5), shared by the
//! criterion bench and the profiling example (spec, "General Information",
//! items 4 to 6: one TPKT frame per command and per reply): the emulator
//! with the harness's default state, and bare framed responders that
//! answer each TPKT frame with one canned `CONFIRM` frame, parsing
//! nothing, on the same runtime: the upper bound. One answers a short
//! confirm; the other answers the very bytes the emulator answers.
//!
//! Both set `TCP_NODELAY` on every accepted socket, as the client does on
//! its own, so that neither side waits on Nagle's algorithm.

use std::net::SocketAddr;
use std::time::Duration;

use dvcr::client::{ClientConfig, ClientError, Login, Session};
use dvcr::emulator::fixture::default_state;
use dvcr::emulator::{Device, DeviceConfig, ManualClock, Server, ServerConfig};
use dvcr_protocol::encode::encode;
use dvcr_protocol::tpkt::split;
use dvcr_protocol::{Kind, Message};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// The command every round trip sends: a read the emulator answers from
/// its state.
pub const XMLID: &str = "getdevinfo";

/// The field carrying the session id of every command after the login.
pub const SESSIONID: &str = "SESSIONID";

/// The emulator's clock starts here, as in the harness tests.
const START_MS: u64 = 1_150_000_000_000;

/// The client settings of every round trip: generous timeouts, as a slow
/// shared machine must not fail a run.
pub fn client_config() -> ClientConfig {
    ClientConfig {
        reply_timeout: Duration::from_secs(10),
        connect_timeout: Duration::from_secs(10),
        ..ClientConfig::default()
    }
}

/// Starts the emulator on a free loopback port, seeded and with a manual
/// clock so that every run sees the same device.
pub async fn start_emulator() -> std::io::Result<Server> {
    Server::start(ServerConfig::ephemeral(), device()).await
}

/// The device every emulator run serves: the harness's default state,
/// seeded ids and a manual clock.
pub fn device() -> Device {
    let config = DeviceConfig {
        seed: Some(7),
        ..DeviceConfig::default()
    };
    let clock = ManualClock::starting_at(START_MS);
    Device::new(default_state(), config, Box::new(clock))
}

/// Starts a bare responder answering every frame with `reply` on a free
/// loopback port; it serves until the runtime ends.
pub async fn start_bare_responder(reply: Vec<u8>) -> std::io::Result<SocketAddr> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    let addr = listener.local_addr()?;
    tokio::spawn(bare_responder(listener, reply));
    Ok(addr)
}

/// What the emulator answers to [`XMLID`] and the session id it was sent
/// with: the second bare responder answers these very bytes, and the
/// client sends it the same session id as a field, so that the client
/// writes and reads the same bytes against both servers and only the
/// servers' work differs.
#[derive(Clone, Debug)]
pub struct SameReply {
    /// The reply, as one frame.
    pub frame: Vec<u8>,
    /// The session id of the command it answered.
    pub session_id: String,
}

/// Logs in to the emulator and records its reply to [`XMLID`].
pub async fn emulator_reply(emulator: SocketAddr) -> Result<SameReply, ClientError> {
    let mut session = Session::connect(emulator, client_config()).await?;
    let granted = session.login(&Login::new("Administrator", "")).await?;
    let reply = session.command(XMLID, &[]).await?;
    let mut frame = Vec::new();
    encode(&reply.message, &mut frame)?;
    Ok(SameReply {
        frame,
        session_id: granted.session_id,
    })
}

/// The canned reply of the first bare responder: a short confirm of
/// [`XMLID`], `RESULT` and `DESCRIPTION` only.
pub fn canned_confirm() -> Vec<u8> {
    let mut message = Message::single(Kind::Confirm, XMLID);
    message.push_value("RESULT", "0");
    message.push_value("DESCRIPTION", "Succeeded");
    let mut frame = Vec::new();
    let _ = encode(&message, &mut frame);
    frame
}

/// Serves each connection by answering every whole frame it reads with
/// `reply`, until the peer closes.
async fn bare_responder(listener: TcpListener, reply: Vec<u8>) {
    while let Ok((stream, _)) = listener.accept().await {
        let reply = reply.clone();
        tokio::spawn(async move {
            let _ = respond(stream, &reply).await;
        });
    }
}

async fn respond(mut stream: TcpStream, reply: &[u8]) -> std::io::Result<()> {
    stream.set_nodelay(true)?;
    let mut buf = Vec::with_capacity(4096);
    let mut chunk = [0_u8; 4096];
    loop {
        let read = stream.read(&mut chunk).await?;
        if read == 0 {
            return Ok(());
        }

        buf.extend_from_slice(chunk.get(..read).unwrap_or_default());
        let mut replies = 0;
        let mut used = 0;
        while let Ok(Some((_, len))) = split(buf.get(used..).unwrap_or_default()) {
            used += len;
            replies += 1;
        }
        buf.drain(..used);
        for _ in 0..replies {
            stream.write_all(reply).await?;
        }
    }
}
