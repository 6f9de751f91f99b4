//! The state a device starts from: the default fixture, drawn from the
//! spec's own examples (its users, endpoints, groups, rooms, archives and
//! H.323 link), or any fixture file in the same TOML form.
//!
//! The default lives in `corpus/emulator/default.toml`; its README says how
//! the format reads.

use super::state::State;

/// The text of the default fixture.
pub const DEFAULT_FIXTURE: &str = include_str!("../../../corpus/emulator/default.toml");

/// A fixture that is not valid TOML or does not fit the state's shape.
#[derive(Debug, thiserror::Error)]
#[error("fixture does not parse: {source}")]
pub struct FixtureError {
    /// What the TOML reader said, with the line and column.
    #[from]
    pub source: toml::de::Error,
}

/// Reads a fixture from its TOML text.
pub fn parse(text: &str) -> Result<State, FixtureError> {
    Ok(toml::from_str(text)?)
}

/// The default fixture's state.
pub fn default_state() -> State {
    parse(DEFAULT_FIXTURE).unwrap_or_default()
}
