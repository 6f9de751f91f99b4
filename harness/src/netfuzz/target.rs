//! The device being fuzzed: a live one at the address given, or the
//! built-in emulator started in-process with the faults asked for. The
//! fuzzer connects to nothing else (spec, "General Information", item 4:
//! the management port).
//!
//! A crash stops the emulator, so [`Target::reset`] starts a fresh one
//! (on a new port, from the same fixture and seed); a live device can only
//! be waited for.

use std::time::{Duration, Instant};

use tokio::net::TcpStream;

use crate::emulator::fixture::default_state;
use crate::emulator::{Device, DeviceConfig, Fault, FaultSet, Server, ServerConfig, SystemClock};
use crate::run::Interrupt;

/// The connections the emulator takes at once: far more than a case opens,
/// so that connections of earlier cases still closing at thousands of
/// cases a second never make a case's login fail.
const MAX_CONNECTIONS: usize = 1024;

/// How often a live device that went away is tried again.
const RETRY_PAUSE: Duration = Duration::from_millis(500);

/// The device under test.
pub enum Target {
    /// A device at `HOST:PORT`.
    Live {
        /// The address given.
        addr: String,
        /// How long to wait for it to come back after a crash.
        recovery: Duration,
        /// Whether it once failed to come back within `recovery`: it is
        /// not waited for again.
        down: bool,
        /// Raised to cut the wait for it short (SIGINT, SIGTERM).
        interrupt: Option<Interrupt>,
    },
    /// The built-in emulator.
    Emulated {
        /// The faults it runs with.
        faults: Vec<Fault>,
        /// The seed of its ids.
        seed: u64,
        /// The running server, if one is.
        server: Option<Server>,
    },
}

impl Target {
    /// A live device at `addr`.
    pub fn live(addr: impl Into<String>, recovery: Duration) -> Target {
        Target::Live {
            addr: addr.into(),
            recovery,
            down: false,
            interrupt: None,
        }
    }

    /// Makes `interrupt`, once raised, cut short the wait for a live
    /// device to come back.
    pub(super) fn watch(&mut self, raised: Option<Interrupt>) {
        if let Target::Live { interrupt, .. } = self {
            *interrupt = raised;
        }
    }

    /// The emulator with `faults`, started now.
    pub async fn emulated(faults: &[Fault], seed: u64) -> std::io::Result<Target> {
        let mut target = Target::Emulated {
            faults: faults.to_vec(),
            seed,
            server: None,
        };
        target.start().await?;
        Ok(target)
    }

    /// What reports call the target.
    pub fn label(&self) -> String {
        match self {
            Target::Live { addr, .. } => addr.clone(),
            Target::Emulated { faults, .. } if faults.is_empty() => "emulator".to_owned(),
            Target::Emulated { faults, .. } => {
                let names: Vec<&str> = faults.iter().map(|fault| fault.name()).collect();
                format!("emulator with faults {}", names.join(", "))
            }
        }
    }

    /// The address to connect to now.
    pub fn addr(&self) -> String {
        match self {
            Target::Live { addr, .. } => addr.clone(),
            Target::Emulated { server, .. } => server
                .as_ref()
                .map_or_else(String::new, |server| server.local_addr().to_string()),
        }
    }

    /// Whether the target is the in-process emulator.
    pub fn is_emulated(&self) -> bool {
        matches!(self, Target::Emulated { .. })
    }

    /// Makes the target ready for a case from a clean start: a fresh
    /// emulator, or a live device that accepts connections again.
    pub async fn reset(&mut self) -> Result<(), String> {
        match self {
            Target::Emulated { .. } => {
                self.stop_server().await;
                self.start()
                    .await
                    .map_err(|error| format!("cannot restart the emulator: {error}"))
            }
            Target::Live {
                addr,
                recovery,
                down,
                interrupt,
            } => {
                let wait = if *down { Duration::ZERO } else { *recovery };
                let came_back = async {
                    let deadline = Instant::now() + wait;
                    loop {
                        if TcpStream::connect(addr.as_str()).await.is_ok() {
                            return Ok(());
                        }

                        if Instant::now() >= deadline {
                            return Err(format!("{addr} did not come back within {recovery:?}"));
                        }
                        tokio::time::sleep(RETRY_PAUSE).await;
                    }
                };
                let outcome = match interrupt {
                    Some(interrupt) => tokio::select! {
                        outcome = came_back => outcome,
                        () = interrupt.raised() => Err(format!(
                            "the run was interrupted while waiting for {addr} to come back"
                        )),
                    },
                    None => came_back.await,
                };
                *down = outcome.is_err();
                outcome
            }
        }
    }

    /// Stops the emulator, if one runs.
    pub async fn stop(mut self) {
        self.stop_server().await;
    }

    async fn stop_server(&mut self) {
        if let Target::Emulated { server, .. } = self
            && let Some(server) = server.take()
        {
            server.stop().await;
        }
    }

    async fn start(&mut self) -> std::io::Result<()> {
        let Target::Emulated {
            faults,
            seed,
            server,
        } = self
        else {
            return Ok(());
        };

        let config = DeviceConfig {
            seed: Some(*seed),
            faults: faults.iter().copied().collect::<FaultSet>(),
            ..DeviceConfig::default()
        };
        let device = Device::new(default_state(), config, Box::new(SystemClock));
        let config = ServerConfig {
            max_connections: MAX_CONNECTIONS,
            ..ServerConfig::ephemeral()
        };
        *server = Some(Server::start(config, device).await?);
        Ok(())
    }
}
