//! The emulator's TCP server (spec, "General Information", items 4 to 6):
//! it accepts connections, frames the device's replies and indications,
//! and bounds what any client may make it hold.
//!
//! Start it in-process with [`Server::start`], which returns once the
//! socket is bound; [`Server::local_addr`] says where. [`Server::stop`]
//! ends it; [`Server::stopped`] waits for it to end by itself, as it does
//! after `SHUTDOWN` with `POWEROFF=1` or when the device crashes.

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tokio::task::JoinHandle;
use tokio_util::sync::CancellationToken;
use tokio_util::task::TaskTracker;
use tracing::{debug, info, warn};

use super::connection;
use super::device::Device;
use super::host::Host;
use super::registry::Registry;
use super::state::State;
use super::wire::WireFormat;

/// The address `dvcr emulate` listens on by default; a real device uses
/// port 81, which needs privileges.
pub const DEFAULT_LISTEN: &str = "127.0.0.1:8081";

/// How long connections may take to flush their last frames once the
/// device powered off, before they are cut.
const DRAIN_GRACE: Duration = Duration::from_secs(2);

/// How long to wait before accepting again after `accept` failed (out of
/// file descriptors, for one).
const ACCEPT_BACKOFF: Duration = Duration::from_millis(50);

/// How the server is run.
#[derive(Clone, Debug)]
pub struct ServerConfig {
    /// Where to listen; port 0 picks a free one.
    pub listen: SocketAddr,
    /// Connections served at once; more are closed as soon as accepted.
    pub max_connections: usize,
    /// The largest frame accepted, header included; a longer one closes
    /// the connection.
    pub max_frame_len: usize,
    /// A connection that sends nothing for this long is closed. Distinct
    /// from the session timeout, which the device applies.
    pub idle_timeout: Duration,
    /// A peer that takes longer than this to take one frame is dropped.
    pub write_timeout: Duration,
    /// Frames queued for one connection before it counts as not reading.
    pub queue_len: usize,
    /// Where the state is saved after every change, if anywhere.
    pub state_file: Option<PathBuf>,
}

impl ServerConfig {
    /// The defaults, listening on `listen`.
    pub fn listening_on(listen: SocketAddr) -> Self {
        ServerConfig {
            listen,
            max_connections: 64,
            max_frame_len: dvcr_protocol::tpkt::MAX_FRAME_LEN,
            idle_timeout: Duration::from_secs(3600),
            write_timeout: Duration::from_secs(10),
            queue_len: 256,
            state_file: None,
        }
    }

    /// The defaults on a free port of the loopback interface, for tests and
    /// in-process runs.
    pub fn ephemeral() -> Self {
        ServerConfig::listening_on(SocketAddr::from(([127, 0, 0, 1], 0)))
    }
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig::listening_on(SocketAddr::from(([127, 0, 0, 1], 8081)))
    }
}

/// What the connections of one server share.
pub(crate) struct Shared {
    pub(crate) config: ServerConfig,
    pub(crate) host: Host,
    pub(crate) registry: Registry,
    pub(crate) wire: WireFormat,
    /// Cancelled to stop accepting.
    pub(crate) accepting: CancellationToken,
    /// The parent of every connection's token: cancelled to cut them all.
    pub(crate) connections: CancellationToken,
}

impl Shared {
    /// The device powered off: stop accepting, let connections drain.
    pub(crate) fn power_off(&self) {
        self.accepting.cancel();
    }

    /// Stop accepting and cut every connection at once: on request, or
    /// because the device crashed.
    pub(crate) fn stop_all(&self) {
        self.accepting.cancel();
        self.connections.cancel();
    }
}

/// A running emulator server.
pub struct Server {
    addr: SocketAddr,
    shared: Arc<Shared>,
    task: Option<JoinHandle<()>>,
}

impl Server {
    /// Binds `config.listen` and serves `device` until stopped.
    pub async fn start(config: ServerConfig, device: Device) -> std::io::Result<Server> {
        let listener = TcpListener::bind(config.listen).await?;
        let addr = listener.local_addr()?;
        info!(faults = %device.faults(), seed = ?device.seed(), "emulated device started");
        let wire = WireFormat::from_faults(device.faults());
        let host = Host::new(device, config.state_file.clone());
        let shared = Arc::new(Shared {
            config,
            host,
            registry: Registry::default(),
            wire,
            accepting: CancellationToken::new(),
            connections: CancellationToken::new(),
        });
        info!(%addr, "emulator listening");
        let task = tokio::spawn(run(listener, Arc::clone(&shared)));
        Ok(Server {
            addr,
            shared,
            task: Some(task),
        })
    }

    /// The address the server is bound to.
    pub fn local_addr(&self) -> SocketAddr {
        self.addr
    }

    /// How many connections are being served.
    pub fn connection_count(&self) -> usize {
        self.shared.registry.len()
    }

    /// How many sessions the device holds.
    pub fn session_count(&self) -> usize {
        self.shared.host.session_count()
    }

    /// A copy of the device's state, as it stands.
    pub fn state(&self) -> Option<State> {
        self.shared.host.state()
    }

    /// Whether the device crashed (a handler panicked, as the
    /// `panic-on-bad-index` fault makes it).
    pub fn crashed(&self) -> bool {
        self.shared.host.has_crashed()
    }

    /// Whether the server has stopped accepting.
    pub fn is_stopping(&self) -> bool {
        self.shared.accepting.is_cancelled()
    }

    /// Stops accepting, closes every connection and waits for the end.
    pub async fn stop(mut self) {
        info!("emulator stopping");
        self.shared.stop_all();
        self.stopped().await;
    }

    /// Waits until the server has ended: by itself (power-off or crash) or
    /// after [`Server::stop`]. Returns at once when already waited for.
    pub async fn stopped(&mut self) {
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }
}

async fn run(listener: TcpListener, shared: Arc<Shared>) {
    let permits = Arc::new(Semaphore::new(shared.config.max_connections));
    let tracker = TaskTracker::new();
    loop {
        let accepted = tokio::select! {
            () = shared.accepting.cancelled() => break,
            accepted = listener.accept() => accepted,
        };
        let (stream, peer) = match accepted {
            Ok(pair) => pair,
            Err(error) => {
                warn!(%error, "accept failed");
                tokio::time::sleep(ACCEPT_BACKOFF).await;
                continue;
            }
        };

        let Ok(permit) = Arc::clone(&permits).try_acquire_owned() else {
            debug!(%peer, "connection refused: too many connections");
            drop(stream);
            continue;
        };

        let shared = Arc::clone(&shared);
        tracker.spawn(async move {
            connection::serve(stream, peer, shared).await;
            drop(permit);
        });
    }

    drop(listener);
    tracker.close();
    if tokio::time::timeout(DRAIN_GRACE, tracker.wait())
        .await
        .is_err()
    {
        shared.connections.cancel();
        tracker.wait().await;
    }
    info!("emulator stopped");
}
