//! The order a run takes its scenarios in: safe ones first, then those
//! sending bad input, then destructive ones, each group in the order
//! loaded. A device that crashes on bad input, or restarts, has by then
//! answered every case that could not hurt it.

use crate::scenario::Scenario;

/// How likely a scenario is to leave the device unable to answer the
/// cases after it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Risk {
    /// Reads, round trips and state machines with well-formed commands.
    Safe,
    /// Malformed or hostile input (tags `robustness`, `malformed`).
    BadInput,
    /// Changes that cannot be undone and restarts (tag `destructive`).
    Destructive,
}

impl Risk {
    /// The risk of `scenario`, from its tags.
    pub fn of(scenario: &Scenario) -> Risk {
        let tagged = |tag: &str| scenario.tags.iter().any(|own| own == tag);
        if tagged("destructive") {
            Risk::Destructive
        } else if tagged("robustness") || tagged("malformed") {
            Risk::BadInput
        } else {
            Risk::Safe
        }
    }
}

/// Puts `scenarios` in the order a run takes them, keeping the loaded
/// order within each [`Risk`].
pub fn in_run_order(scenarios: &mut [Scenario]) {
    scenarios.sort_by_key(Risk::of);
}
