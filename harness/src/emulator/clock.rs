//! The emulator's sense of time: session idle timeouts (spec, "General
//! Information", item 6), `REFRESHSTATUS` times and recording start times.
//!
//! The device never reads the system clock itself; it asks a [`Clock`], so
//! that tests can move time forward without sleeping.

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

/// A source of the current time, in milliseconds since 1970-01-01 UTC.
pub trait Clock: Send {
    /// The current time.
    fn now_ms(&self) -> u64;
}

/// The wall clock of the machine.
#[derive(Clone, Copy, Debug, Default)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now_ms(&self) -> u64 {
        let since_epoch = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .unwrap_or_default();
        u64::try_from(since_epoch.as_millis()).unwrap_or(u64::MAX)
    }
}

/// A clock that moves only when told to; clones share the same time, so a
/// test keeps one handle and gives another to the device.
#[derive(Clone, Debug, Default)]
pub struct ManualClock {
    now_ms: Arc<AtomicU64>,
}

impl ManualClock {
    /// A clock stopped at `start_ms` milliseconds since the epoch.
    pub fn starting_at(start_ms: u64) -> Self {
        ManualClock {
            now_ms: Arc::new(AtomicU64::new(start_ms)),
        }
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: Duration) {
        let millis = u64::try_from(by.as_millis()).unwrap_or(u64::MAX);
        self.now_ms.fetch_add(millis, Ordering::SeqCst);
    }
}

impl Clock for ManualClock {
    fn now_ms(&self) -> u64 {
        self.now_ms.load(Ordering::SeqCst)
    }
}

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// A calendar date and time of day in UTC.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CivilTime {
    /// The year, such as 2006.
    pub year: i64,
    /// The month, 1 to 12.
    pub month: u32,
    /// The day of the month, 1 to 31.
    pub day: u32,
    /// Hours, minutes and seconds of the day.
    pub hms: (u32, u32, u32),
}

impl CivilTime {
    /// The UTC date and time `unix_secs` seconds after the epoch.
    pub fn from_unix(unix_secs: u64) -> Self {
        let days = i64::try_from(unix_secs / 86_400).unwrap_or(0);
        let secs = u32::try_from(unix_secs % 86_400).unwrap_or(0);
        let (year, month, day) = civil_from_days(days);
        CivilTime {
            year,
            month,
            day,
            hms: (secs / 3600, secs / 60 % 60, secs % 60),
        }
    }

    /// The month's three-letter English name, as the spec writes it.
    pub fn month_name(self) -> &'static str {
        let index = usize::try_from(self.month.saturating_sub(1)).unwrap_or(0);
        MONTHS.get(index).copied().unwrap_or("Jan")
    }

    /// The spec's form of a time stamp, such as `May 19,2006 15:06:00`.
    pub fn spec_format(self) -> String {
        let (h, m, s) = self.hms;
        format!(
            "{} {:02},{} {h:02}:{m:02}:{s:02}",
            self.month_name(),
            self.day,
            self.year
        )
    }
}

/// Converts days since 1970-01-01 to a proleptic Gregorian date
/// (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (
        year,
        u32::try_from(month).unwrap_or(1),
        u32::try_from(day).unwrap_or(1),
    )
}
