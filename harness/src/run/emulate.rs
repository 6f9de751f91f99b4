//! `dvcr run --emulate`: the built-in emulator started in-process on a free
//! loopback port, with the faults asked for and a short session timeout so
//! that session expiry (spec, "General Information", item 6) is checked in
//! seconds.

use std::time::Duration;

use crate::emulator::fixture::default_state;
use crate::emulator::server::{Server, ServerConfig};
use crate::emulator::{Device, DeviceConfig, Fault, FaultSet, SystemClock};

/// The session timeout of the in-process emulator.
pub const EMULATED_SESSION_TIMEOUT: Duration = Duration::from_millis(1500);

/// Starts the emulator with `faults`, on the default fixture, its
/// sessions expiring after [`EMULATED_SESSION_TIMEOUT`].
pub async fn start(faults: &[Fault]) -> std::io::Result<Server> {
    start_with(faults, EMULATED_SESSION_TIMEOUT).await
}

/// Starts the emulator with `faults`, on the default fixture, its sessions
/// expiring after `session_timeout`.
pub async fn start_with(faults: &[Fault], session_timeout: Duration) -> std::io::Result<Server> {
    let config = DeviceConfig {
        idle_timeout_ms: u64::try_from(session_timeout.as_millis()).unwrap_or(u64::MAX),
        faults: faults.iter().copied().collect::<FaultSet>(),
        ..DeviceConfig::default()
    };
    let device = Device::new(default_state(), config, Box::new(SystemClock));
    Server::start(ServerConfig::ephemeral(), device).await
}

/// The `PRIVILEGE` the in-process emulator's accounts give `user`, if it
/// has such an account, as its login would say it.
pub fn privilege_of(user: &str) -> Option<String> {
    default_state()
        .user(user)
        .map(|account| account.privilege.to_string())
}

/// How reports name the emulator with its faults.
pub fn label(faults: &[Fault]) -> String {
    if faults.is_empty() {
        return "emulator".to_owned();
    }

    let names: Vec<&str> = faults.iter().map(|fault| fault.name()).collect();
    format!("emulator with faults {}", names.join(", "))
}
