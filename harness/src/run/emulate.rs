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

/// Starts the emulator with `faults`, on the default fixture.
pub async fn start(faults: &[Fault]) -> std::io::Result<Server> {
    let config = DeviceConfig {
        idle_timeout_ms: u64::try_from(EMULATED_SESSION_TIMEOUT.as_millis()).unwrap_or(1500),
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
