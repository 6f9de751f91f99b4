//! A bench for the emulator over real loopback TCP: a server on a free port
//! with a seed and a manual clock, logged-in client sessions, and raw
//! socket helpers for what the client would not send or would hide.

use std::net::SocketAddr;
use std::time::Duration;

use dvcr::client::{ClientConfig, Connection, Login, Session};
use dvcr::emulator::fixture::default_state;
use dvcr::emulator::{Device, DeviceConfig, Fault, FaultSet, ManualClock, Server, ServerConfig};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

use crate::emulator_kit::START_MS;

/// How long any wait of these tests lasts before it fails.
pub(crate) const WAIT: Duration = Duration::from_secs(3);

/// How long to wait for something that must not come.
pub(crate) const QUIET: Duration = Duration::from_millis(150);

pub(crate) struct Net {
    pub(crate) server: Server,
    pub(crate) addr: SocketAddr,
    pub(crate) clock: ManualClock,
}

impl Net {
    pub(crate) async fn start() -> Net {
        Net::with(ServerConfig::ephemeral(), DeviceConfig::default()).await
    }

    pub(crate) async fn with_faults(faults: &[Fault]) -> Net {
        let device = DeviceConfig {
            faults: faults.iter().copied().collect::<FaultSet>(),
            ..DeviceConfig::default()
        };
        Net::with(ServerConfig::ephemeral(), device).await
    }

    pub(crate) async fn with_server(config: ServerConfig) -> Net {
        Net::with(config, DeviceConfig::default()).await
    }

    pub(crate) async fn with(config: ServerConfig, mut device: DeviceConfig) -> Net {
        device.seed.get_or_insert(7);
        let clock = ManualClock::starting_at(START_MS);
        let device = Device::new(default_state(), device, Box::new(clock.clone()));
        let server = Server::start(config, device).await.expect("server starts");
        let addr = server.local_addr();
        Net {
            server,
            addr,
            clock,
        }
    }

    pub(crate) async fn connect(&self) -> Session {
        Session::connect(self.addr, client_config())
            .await
            .expect("client connects")
    }

    pub(crate) async fn login(&self, user: &str, password: &str, indications: bool) -> Session {
        let mut session = self.connect().await;
        let mut login = Login::new(user, password);
        login.indications = indications;
        session.login(&login).await.expect("login succeeds");
        session
    }

    pub(crate) async fn admin(&self) -> Session {
        self.login("Administrator", "", false).await
    }

    pub(crate) async fn raw(&self) -> TcpStream {
        TcpStream::connect(self.addr).await.expect("raw connect")
    }
}

pub(crate) fn client_config() -> ClientConfig {
    ClientConfig {
        reply_timeout: WAIT,
        connect_timeout: WAIT,
        ..ClientConfig::default()
    }
}

/// A TPKT frame around `payload`.
pub(crate) fn frame(payload: &[u8]) -> Vec<u8> {
    let len = u16::try_from(payload.len() + 4).expect("payload fits a frame");
    let mut out = vec![3, 0];
    out.extend_from_slice(&len.to_be_bytes());
    out.extend_from_slice(payload);
    out
}

/// The document of one command.
pub(crate) fn command_xml(xmlid: &str, fields: &[(&str, &str)]) -> String {
    let mut xml = format!(
        "<?xml version=\"1.0\"?><DVCRMANAGER version=\"1.0.0.0\"><COMMAND xmlid=\"{xmlid}\">"
    );
    for (name, value) in fields {
        xml.push_str(&format!("<{name} value=\"{value}\"/>"));
    }
    xml.push_str("</COMMAND></DVCRMANAGER>");
    xml
}

/// The frame of one command.
pub(crate) fn command_frame(xmlid: &str, fields: &[(&str, &str)]) -> Vec<u8> {
    frame(command_xml(xmlid, fields).as_bytes())
}

/// Logs the administrator in on a raw socket, asking for indications, and
/// returns the session id.
pub(crate) async fn raw_login(stream: &mut TcpStream) -> String {
    let login = command_frame(
        "login",
        &[
            ("USERNAME", "Administrator"),
            ("PASSWORD", ""),
            ("LANG", "0"),
            ("INDICATION", "1"),
        ],
    );
    stream.write_all(&login).await.expect("login sent");
    let reply = read_frame(stream).await;
    let text = String::from_utf8_lossy(&reply[4..]).into_owned();
    let start = text.find("SESSIONID value=\"").expect("a session id") + 17;
    text[start..start + 35].to_owned()
}

/// Reads one well-formed TPKT frame, header included.
pub(crate) async fn read_frame(stream: &mut TcpStream) -> Vec<u8> {
    let mut header = [0; 4];
    tokio::time::timeout(WAIT, stream.read_exact(&mut header))
        .await
        .expect("a frame within the wait")
        .expect("a frame header");
    let len = usize::from(u16::from_be_bytes([header[2], header[3]]));
    let mut frame = header.to_vec();
    frame.resize(len, 0);
    tokio::time::timeout(WAIT, stream.read_exact(&mut frame[4..]))
        .await
        .expect("a frame body within the wait")
        .expect("a frame body");
    frame
}

/// Reads whatever comes within `wait` after the first byte, at most `max`.
pub(crate) async fn read_some(stream: &mut TcpStream, wait: Duration) -> Vec<u8> {
    let mut out = Vec::new();
    let mut buf = [0; 4096];
    while let Ok(Ok(n)) = tokio::time::timeout(wait, stream.read(&mut buf)).await {
        if n == 0 {
            break;
        }
        out.extend_from_slice(&buf[..n]);
    }
    out
}

/// Whether the peer closed `stream` (EOF or reset) within the wait,
/// reading and discarding what came before.
pub(crate) async fn is_closed_by_peer(stream: &mut TcpStream) -> bool {
    let mut buf = [0; 4096];
    loop {
        match tokio::time::timeout(WAIT, stream.read(&mut buf)).await {
            Err(_) => return false,
            Ok(Ok(0)) | Ok(Err(_)) => return true,
            Ok(Ok(_)) => {}
        }
    }
}

/// A session's connection, for pipelining and raw sends.
pub(crate) fn conn(session: &mut Session) -> &mut Connection {
    session.connection()
}
