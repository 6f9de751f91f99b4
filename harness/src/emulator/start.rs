//! The state a device starts from when run as a server: the state file if
//! one was saved, else a fixture file, else the default fixture (spec
//! examples; see `corpus/emulator/README.md`).

use std::path::{Path, PathBuf};

use super::fixture::{self, FixtureError};
use super::persist::{self, PersistError};
use super::state::State;
use crate::bounded;

/// A starting state that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The state file exists but cannot be loaded.
    #[error(transparent)]
    State(#[from] PersistError),
    /// The fixture file cannot be read.
    #[error("fixture {path}: {source}")]
    FixtureFile {
        /// The file given.
        path: PathBuf,
        /// What the system said.
        source: std::io::Error,
    },
    /// The fixture file does not parse.
    #[error("fixture {path}: {source}")]
    Fixture {
        /// The file given.
        path: PathBuf,
        /// What the TOML reader said.
        source: FixtureError,
    },
}

/// The state in `state_file` when it exists, else the one in `fixture`,
/// else the default fixture.
pub fn starting_state(
    fixture: Option<&Path>,
    state_file: Option<&Path>,
) -> Result<State, StartError> {
    if let Some(path) = state_file.filter(|path| path.exists()) {
        return Ok(persist::load(path)?);
    }

    let Some(path) = fixture else {
        return Ok(fixture::default_state());
    };

    let text = bounded::read_to_string(path, persist::MAX_STATE_LEN).map_err(|source| {
        StartError::FixtureFile {
            path: path.to_owned(),
            source,
        }
    })?;
    fixture::parse(&text).map_err(|source| StartError::Fixture {
        path: path.to_owned(),
        source,
    })
}
