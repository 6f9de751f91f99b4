//! Saving the device state to a file and loading it back at start, so that
//! an emulated device keeps its accounts and settings across restarts.
//!
//! A save writes a temporary file beside the target, flushes it to disk and
//! renames it over the target, so that a crash leaves either the old file
//! or the new one, never a torn one.

use std::fs::{self, File};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use super::fixture::{self, FixtureError};
use super::state::State;
use crate::bounded;

/// The largest state or fixture file read: the default fixture takes a
/// few KiB, and an account a few hundred bytes.
pub const MAX_STATE_LEN: u64 = 16 * bounded::MIB;

/// A state file that could not be read, parsed or written.
#[derive(Debug, thiserror::Error)]
pub enum PersistError {
    /// The file system refused.
    #[error("state file {path}: {source}")]
    Io {
        /// The file concerned.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file is not a state in TOML.
    #[error("state file {path} does not parse: {source}")]
    Parse {
        /// The file concerned.
        path: PathBuf,
        /// What the TOML reader said, with the line and column.
        source: toml::de::Error,
    },
    /// The file parses but holds an entry the device could not hold.
    #[error("state file {path}: {source}")]
    Invalid {
        /// The file concerned.
        path: PathBuf,
        /// The entry and what is wrong with it.
        source: FixtureError,
    },
    /// The path names something other than a file: a device, a folder, a
    /// pipe, which a save would replace.
    #[error("state file {path}: not a regular file, expected a file to keep the state in")]
    NotAFile {
        /// The path given.
        path: PathBuf,
    },
    /// The state could not be written as TOML.
    #[error("state cannot be written as toml: {0}")]
    Serialize(#[from] toml::ser::Error),
    /// The state has grown past what [`load`] reads back: the file keeps
    /// the last state that fitted.
    #[error(
        "state file {path}: the state takes {len} bytes, more than the {max} a state file \
         may hold, so the file keeps the last state that fitted"
    )]
    TooLarge {
        /// The file concerned.
        path: PathBuf,
        /// The bytes the state takes as TOML.
        len: usize,
        /// The most a state file may hold, [`MAX_STATE_LEN`].
        max: u64,
    },
}

/// Loads a state saved by [`save`], or any fixture file, checked as a
/// fixture is.
/// A state that holds no user at all (an empty file) is refused: no
/// session could log in to the device it would start.
pub fn load(path: &Path) -> Result<State, PersistError> {
    check_is_file(path)?;
    let text =
        bounded::read_to_string(path, MAX_STATE_LEN).map_err(|source| io_error(path, source))?;
    let state: State = toml::from_str(&text).map_err(|source| PersistError::Parse {
        path: path.to_owned(),
        source,
    })?;
    let checked = fixture::check(&state).and_then(|()| {
        if state.users.is_empty() {
            return Err(FixtureError::Invalid {
                entry: "the state".to_owned(),
                problem: "no [[users]] entry, so no session could log in (an empty file?)"
                    .to_owned(),
            });
        }
        Ok(())
    });
    checked.map_err(|source| PersistError::Invalid {
        path: path.to_owned(),
        source,
    })?;
    Ok(state)
}

/// Refuses a path that exists and is not a regular file once links are
/// followed: a save renames a new file over its target.
pub fn check_is_file(path: &Path) -> Result<(), PersistError> {
    match fs::metadata(path) {
        Ok(meta) if !meta.is_file() => Err(PersistError::NotAFile {
            path: path.to_owned(),
        }),
        _ => Ok(()),
    }
}

/// Writes `state` to `path` atomically. When `path` is a symbolic link,
/// the file it points to is replaced and the link kept. A state larger
/// than [`load`] reads back is not written.
pub fn save(state: &State, path: &Path) -> Result<(), PersistError> {
    let text = toml::to_string_pretty(state)?;
    if text.len() as u64 > MAX_STATE_LEN {
        return Err(PersistError::TooLarge {
            path: path.to_owned(),
            len: text.len(),
            max: MAX_STATE_LEN,
        });
    }

    let target = link_target(path);
    check_is_file(&target)?;
    let temporary = temporary_path(&target);
    let written =
        write_synced(&temporary, text.as_bytes()).and_then(|()| fs::rename(&temporary, &target));
    if let Err(source) = written {
        let _ = fs::remove_file(&temporary);
        return Err(io_error(path, source));
    }

    sync_parent(&target);
    Ok(())
}

/// The file `path` names once symbolic links are followed, even when the
/// last one points to a file not yet written; `path` itself when it is
/// no link (or a chain of more than a few).
fn link_target(path: &Path) -> PathBuf {
    let mut target = path.to_owned();
    for _ in 0..MAX_LINKS {
        let Ok(next) = fs::read_link(&target) else {
            return target;
        };
        target = match target.parent() {
            Some(parent) if next.is_relative() => parent.join(next),
            _ => next,
        };
    }
    path.to_owned()
}

/// How many symbolic links in a row [`save`] follows.
const MAX_LINKS: usize = 8;

/// `dir/.name.tmp-PID`, beside the target so that the rename stays on one
/// file system.
fn temporary_path(path: &Path) -> PathBuf {
    let name = path.file_name().map_or_else(
        || "state".into(),
        |name| name.to_string_lossy().into_owned(),
    );
    path.with_file_name(format!(".{name}.tmp-{}", std::process::id()))
}

fn write_synced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = File::create(path)?;
    file.write_all(bytes)?;
    file.sync_all()
}

/// Flushes the directory entry of the rename; best effort, as not every
/// platform can open a directory.
fn sync_parent(path: &Path) {
    let parent = path
        .parent()
        .filter(|parent| !parent.as_os_str().is_empty());
    if let Ok(directory) = File::open(parent.unwrap_or(Path::new("."))) {
        let _ = directory.sync_all();
    }
}

fn io_error(path: &Path, source: io::Error) -> PersistError {
    PersistError::Io {
        path: path.to_owned(),
        source,
    }
}
