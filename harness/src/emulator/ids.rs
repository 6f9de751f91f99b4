//! Identifiers the device makes up: GUIDs for new users, endpoints, groups
//! and archives, and session ids, all in the spec's 8-4-4-16 form (spec,
//! "Login/Logout > Login": `7e76c583-2215-4c89-9a1af7a6c4ed8f11`).
//!
//! Without a seed the generator is seeded from the operating system, so that
//! session ids cannot be guessed; with a seed every id is reproducible.

use std::fmt::Write as _;

use rand::rngs::{ChaCha20Rng, SysRng};
use rand::{Rng, SeedableRng};

/// The generator of GUIDs and session ids.
#[derive(Debug)]
pub struct IdSource {
    rng: ChaCha20Rng,
    counter: u64,
}

impl IdSource {
    /// A generator whose output is fixed by `seed`.
    pub fn seeded(seed: u64) -> Self {
        IdSource {
            rng: ChaCha20Rng::seed_from_u64(seed),
            counter: 0,
        }
    }

    /// A generator seeded from the operating system's secure source, falling
    /// back to the time of day if that source fails.
    pub fn from_os() -> Self {
        let rng = ChaCha20Rng::try_from_rng(&mut SysRng).unwrap_or_else(|_| {
            let nanos = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map_or(0, |elapsed| elapsed.as_nanos());
            ChaCha20Rng::seed_from_u64(nanos as u64)
        });
        IdSource { rng, counter: 0 }
    }

    /// A fresh random GUID in the spec's 8-4-4-16 form.
    pub fn guid(&mut self) -> String {
        let mut bytes = [0_u8; 16];
        self.rng.fill_bytes(&mut bytes);
        format_guid(&bytes)
    }

    /// A GUID made from a counter: `00000000-0000-0000-0000000000000001`,
    /// then `...02`. Only the `predictable-session-ids` fault uses it.
    pub fn sequential_guid(&mut self) -> String {
        self.counter += 1;
        let mut bytes = [0_u8; 16];
        bytes[8..].copy_from_slice(&self.counter.to_be_bytes());
        format_guid(&bytes)
    }
}

/// Writes 16 bytes as lowercase hex grouped 8-4-4-16.
fn format_guid(bytes: &[u8; 16]) -> String {
    let mut text = String::with_capacity(35);
    for (index, byte) in bytes.iter().enumerate() {
        if matches!(index, 4 | 6 | 8) {
            text.push('-');
        }
        let _ = write!(text, "{byte:02x}");
    }
    text
}

/// Whether `text` has the spec's GUID form: hex groups of 8, 4, 4 and 16.
pub fn is_guid(text: &str) -> bool {
    let groups: Vec<&str> = text.split('-').collect();
    let lengths: Vec<usize> = groups.iter().map(|group| group.len()).collect();
    lengths == [8, 4, 4, 16]
        && groups
            .iter()
            .all(|group| group.bytes().all(|byte| byte.is_ascii_hexdigit()))
}
