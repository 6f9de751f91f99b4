//! The cases an ordinary user cannot run. The spec does not say what an
//! account of `PRIVILEGE 1` may do; the harness holds a device to the
//! emulator's policy (README, "Privilege policy"): an ordinary user may
//! read, record and handle archives, but not change accounts or system
//! settings. A case sending such a change is not run when the run's login
//! says `PRIVILEGE 1`: every change would be refused, and the case would
//! fail, or pass for the wrong reason.

use super::destructive::sends_any;
use crate::client::records::canonical;
use crate::emulator::handlers::lookup;
use crate::scenario::Scenario;

/// The `PRIVILEGE` a login confirm gives an ordinary user.
pub const ORDINARY: &str = "1";

/// Why a case is not run by an ordinary user.
pub const ORDINARY_USER_REASON: &str = "not run: the run's user is an ordinary user \
    (PRIVILEGE 1); this case changes accounts or system settings";

/// Whether `xmlid`, as a device would read it, changes accounts or system
/// settings: a command the emulator's table reserves for administrators,
/// so that the run and the emulator hold one policy.
pub fn is_admin_change(xmlid: &str) -> bool {
    lookup(&canonical(xmlid)).is_some_and(|entry| entry.admin_only)
}

/// Whether `scenario` needs an administrator: a step, a cleanup step or a
/// sweep sends a command [`is_admin_change`] names.
pub fn needs_administrator(scenario: &Scenario) -> bool {
    sends_any(scenario, is_admin_change)
        || scenario
            .sweep
            .iter()
            .any(|sweep| is_admin_change(&sweep.delete))
}
