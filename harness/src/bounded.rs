//! Reading a whole input file, never more than a limit set for its kind,
//! so that a wrong path (`/dev/zero`, a disk image) is refused with a clear
//! error instead of being read until memory runs out.
//!
//! A file over its limit is an [`io::Error`] of kind
//! [`io::ErrorKind::FileTooLarge`] carrying a [`TooLarge`], so that every
//! reader's error type, which names the file, says so with no change.

use std::fmt;
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// One mebibyte, the unit limits are given in.
pub const MIB: u64 = 1024 * 1024;

/// An input larger than the most its kind may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TooLarge {
    /// The most bytes that are read.
    pub limit: u64,
    /// The input's size, when the file system told it before reading.
    pub size: Option<u64>,
}

impl TooLarge {
    /// The [`TooLarge`] that `error` carries, if it carries one.
    pub fn of(error: &io::Error) -> Option<TooLarge> {
        error.get_ref()?.downcast_ref::<TooLarge>().copied()
    }
}

impl fmt::Display for TooLarge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("too large: expected at most ")?;
        if self.limit.is_multiple_of(MIB) {
            write!(f, "{} MiB", self.limit / MIB)?;
        } else {
            write!(f, "{} bytes", self.limit)?;
        }
        match self.size {
            Some(size) => write!(f, ", found {size} bytes"),
            None => f.write_str(", found more"),
        }
    }
}

impl std::error::Error for TooLarge {}

impl From<TooLarge> for io::Error {
    fn from(too_large: TooLarge) -> Self {
        io::Error::new(io::ErrorKind::FileTooLarge, too_large)
    }
}

/// The bytes of the file at `path`, at most `limit` of them. A regular
/// file larger than `limit` is refused before it is read; anything else
/// (a device, a pipe) is read up to one byte past `limit`.
pub fn read(path: &Path, limit: u64) -> io::Result<Vec<u8>> {
    let file = File::open(path)?;
    let size = file
        .metadata()
        .ok()
        .filter(std::fs::Metadata::is_file)
        .map(|meta| meta.len());
    if let Some(size) = size.filter(|&size| size > limit) {
        return Err(TooLarge {
            limit,
            size: Some(size),
        }
        .into());
    }

    read_from(file, limit)
}

/// The text of the file at `path`, at most `limit` bytes of UTF-8.
pub fn read_to_string(path: &Path, limit: u64) -> io::Result<String> {
    let bytes = read(path, limit)?;
    String::from_utf8(bytes).map_err(|error| {
        let at = error.utf8_error().valid_up_to();
        io::Error::new(
            io::ErrorKind::InvalidData,
            format!("expected UTF-8 text, found an invalid byte at byte {at}"),
        )
    })
}

/// `reader` read to its end, or refused once it gives more than `limit`
/// bytes.
pub fn read_from(reader: impl Read, limit: u64) -> io::Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(limit.saturating_add(1))
        .read_to_end(&mut bytes)?;
    if u64::try_from(bytes.len()).unwrap_or(u64::MAX) > limit {
        return Err(TooLarge { limit, size: None }.into());
    }

    Ok(bytes)
}
