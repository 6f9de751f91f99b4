//! `dvcr emulate`: serve an emulated RSS 2000 over TCP until Ctrl-C,
//! SIGTERM, or `SHUTDOWN` with `POWEROFF=1` (spec, all chapters; see the
//! README's "Emulator" section).

use std::net::{SocketAddr, ToSocketAddrs};
use std::path::PathBuf;
use std::time::Duration;

use clap::{Args, ValueEnum};
use dvcr::emulator::persist::{self, PersistError};
use dvcr::emulator::start::{StartError, starting_state};
use dvcr::emulator::{
    Device, DeviceConfig, Fault, FaultSet, PrivilegePolicy, Server, ServerConfig, SystemClock,
};
use dvcr_protocol::tpkt::{HEADER_LEN, MAX_FRAME_LEN};
use tracing_subscriber::EnvFilter;

use super::out::outln;

/// The smallest `--max-frame-len`: the TPKT header and the shortest
/// message that names a command,
/// `<DVCRMANAGER><COMMAND xmlid="login"/></DVCRMANAGER>`.
const MIN_MAX_FRAME_LEN: usize = HEADER_LEN + 51;

/// The exit code of an emulator whose device crashed.
const EXIT_CRASHED: u8 = 1;

/// Examples shown under `dvcr emulate --help`.
pub(crate) const EXAMPLES: &str = "\
Examples:
  dvcr emulate                                      # listens on 127.0.0.1:8081
  dvcr emulate --listen 0.0.0.0:81                  # a real device's port (needs privileges)
  dvcr emulate --list-faults                        # the deliberate faults, one per line
  dvcr emulate --seed 7 --fault wrong-xmlid --state device.toml
  dvcr emulate --fixture corpus/emulator/default.toml --privilege-policy open
  RUST_LOG=debug dvcr emulate --session-timeout 60  # a log line per connection and command
  dvcr run --target 127.0.0.1:8081                  # the conformance suite against it

Exit code 0 when stopped (Ctrl-C, SIGTERM, shutdown with POWEROFF=1), 1 when the emulated
device crashed (a fault such as panic-on-bad-index), 2 when it could not start.";

/// The options of `dvcr emulate`.
#[derive(Debug, Args)]
pub(crate) struct EmulateArgs {
    /// Address to listen on, as IP:PORT or HOST:PORT, a host name resolved
    /// to its first address (a real device uses port 81).
    #[arg(long, value_name = "ADDR", default_value = "127.0.0.1:8081", value_parser = listen_addr)]
    listen: SocketAddr,
    /// Connections served at once; more are closed as soon as accepted.
    #[arg(long, value_name = "N", default_value_t = 64,
          value_parser = super::number_in(1_usize, None))]
    max_connections: usize,
    /// Largest TPKT frame accepted, header included; longer closes the
    /// connection.
    #[arg(long, value_name = "BYTES", default_value_t = MAX_FRAME_LEN,
          value_parser = super::number_in(MIN_MAX_FRAME_LEN, Some(MAX_FRAME_LEN)))]
    max_frame_len: usize,
    /// Close a connection that sends nothing for this long.
    #[arg(long, value_name = "SECONDS", default_value_t = 3600,
          value_parser = super::number_in(1_u64, None))]
    idle_timeout: u64,
    /// Drop a peer that takes longer than this to take one frame.
    #[arg(long, value_name = "SECONDS", default_value_t = 10,
          value_parser = super::number_in(1_u64, None))]
    write_timeout: u64,
    /// Frames queued for one connection before it counts as not reading.
    #[arg(long, value_name = "N", default_value_t = 256,
          value_parser = super::number_in(1_usize, None))]
    queue_len: usize,
    /// End a session idle for this long (the spec says 30 minutes).
    #[arg(long, value_name = "SECONDS", default_value_t = 1800,
          value_parser = super::number_in(1_u64, None))]
    session_timeout: u64,
    /// Who may change accounts and system settings.
    #[arg(long, value_enum, default_value_t = Policy::AdminChanges)]
    privilege_policy: Policy,
    /// Seed of generated ids, for reproducible runs.
    #[arg(long, value_name = "N")]
    seed: Option<u64>,
    /// Start from this fixture (TOML) instead of the built-in one; not
    /// used, with a warning, when the --state file exists.
    #[arg(long, value_name = "FILE")]
    fixture: Option<PathBuf>,
    /// Load the state from FILE if it exists, and save it there at start
    /// and after each change (its folder must exist and be writable).
    #[arg(long, value_name = "FILE")]
    state: Option<PathBuf>,
    /// Deviate from the spec on purpose (repeatable; see --list-faults).
    #[arg(long = "fault", value_name = "NAME")]
    faults: Vec<Fault>,
    /// List the faults, one per line, and exit.
    #[arg(long)]
    list_faults: bool,
}

/// `--privilege-policy`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, ValueEnum)]
enum Policy {
    /// Ordinary users (PRIVILEGE 1) may read but not change accounts or
    /// system settings.
    AdminChanges,
    /// Every logged-in user may do everything.
    Open,
}

/// What can stop `dvcr emulate` from serving.
#[derive(Debug, thiserror::Error)]
pub(crate) enum EmulateError {
    /// The starting state cannot be read.
    #[error(transparent)]
    Start(#[from] StartError),
    /// The state file cannot be written where `--state` says.
    #[error("cannot save the state, expected a writable --state file: {0}")]
    State(#[from] PersistError),
    /// The emulated device crashed: exit code 1, so that a supervisor
    /// tells it from a clean stop.
    #[error("the emulated device crashed")]
    Crashed,
    /// The runtime, the socket or the signal handlers failed.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: String,
        /// What the system said.
        source: std::io::Error,
    },
}

impl EmulateError {
    /// The exit code: 1 for a crash, 2 for anything that stopped the start.
    pub(crate) const fn exit_code(&self) -> u8 {
        match self {
            EmulateError::Crashed => EXIT_CRASHED,
            _ => super::EXIT_USAGE,
        }
    }
}

/// Runs `dvcr emulate`.
pub(crate) fn run(args: EmulateArgs) -> Result<(), EmulateError> {
    if args.list_faults {
        for fault in Fault::ALL {
            outln!("{:<26}{}", fault.name(), fault.description());
        }
        return Ok(());
    }

    let filter = EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
        .with_ansi(std::io::IsTerminal::is_terminal(&std::io::stderr()))
        .init();
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|source| io_error("cannot start the async runtime", source))?;
    runtime.block_on(serve(args))
}

async fn serve(args: EmulateArgs) -> Result<(), EmulateError> {
    let resumed = args.state.as_deref().filter(|path| path.exists());
    if let (Some(fixture), Some(state)) = (&args.fixture, resumed) {
        tracing::warn!(
            fixture = %fixture.display(),
            state = %state.display(),
            "the fixture is not used: the state file exists and is loaded; remove it to \
             start from the fixture"
        );
    }
    let state = starting_state(args.fixture.as_deref(), args.state.as_deref())?;
    if let Some(path) = &args.state {
        persist::save(&state, path)?;
    }

    let device_config = DeviceConfig {
        seed: args.seed,
        idle_timeout_ms: args.session_timeout.saturating_mul(1000),
        privilege: match args.privilege_policy {
            Policy::AdminChanges => PrivilegePolicy::AdminChanges,
            Policy::Open => PrivilegePolicy::Open,
        },
        faults: args.faults.iter().copied().collect::<FaultSet>(),
    };
    let device = Device::new(state, device_config, Box::new(SystemClock));
    let config = ServerConfig {
        max_connections: args.max_connections,
        max_frame_len: args.max_frame_len,
        idle_timeout: Duration::from_secs(args.idle_timeout),
        write_timeout: Duration::from_secs(args.write_timeout),
        queue_len: args.queue_len,
        state_file: args.state.clone(),
        ..ServerConfig::listening_on(args.listen)
    };
    let mut server = Server::start(config, device)
        .await
        .map_err(|source| io_error(&format!("cannot listen on {}", args.listen), source))?;
    outln!("dvcr emulator listening on {}", server.local_addr());

    let crashed = tokio::select! {
        signal = termination() => {
            signal?;
            let crashed = server.crashed();
            server.stop().await;
            crashed
        }
        () = server.stopped() => server.crashed(),
    };
    if crashed {
        return Err(EmulateError::Crashed);
    }

    Ok(())
}

/// Resolves on Ctrl-C or, on Unix, SIGTERM.
async fn termination() -> Result<(), EmulateError> {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};

        let mut term = signal(SignalKind::terminate())
            .map_err(|source| io_error("cannot watch SIGTERM", source))?;
        tokio::select! {
            interrupted = tokio::signal::ctrl_c() => {
                interrupted.map_err(|source| io_error("cannot watch Ctrl-C", source))
            }
            _ = term.recv() => Ok(()),
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c()
            .await
            .map_err(|source| io_error("cannot watch Ctrl-C", source))
    }
}

/// The address of `--listen`: an IP address and port, or a host name and
/// port resolved to the first address it has.
fn listen_addr(text: &str) -> Result<SocketAddr, String> {
    if let Ok(addr) = text.parse() {
        return Ok(addr);
    }

    let expected = "expected IP:PORT or HOST:PORT, such as 127.0.0.1:8081 or localhost:8081";
    let mut addrs = text
        .to_socket_addrs()
        .map_err(|error| format!("{expected}, found {text:?}: {error}"))?;
    addrs
        .next()
        .ok_or_else(|| format!("{expected}, found {text:?}, a host with no address"))
}

fn io_error(what: &str, source: std::io::Error) -> EmulateError {
    EmulateError::Io {
        what: what.to_owned(),
        source,
    }
}
