//! The idle timeout of one connection ([`ServerConfig::idle_timeout`]),
//! kept by a task of its own so that reading a frame sets no timer: the
//! connection stamps the time of each frame it reads, and the watchdog,
//! asleep until the deadline the last stamp gives, ends the connection
//! once a whole timeout passed without one.
//!
//! [`ServerConfig::idle_timeout`]: super::ServerConfig::idle_timeout

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use tokio::task::JoinHandle;
use tokio::time::Instant;
use tokio_util::sync::CancellationToken;

/// How far ahead the idle deadline is put when the idle timeout is too
/// long to add to the clock: never, in practice.
const NO_IDLE_DEADLINE: Duration = Duration::from_secs(100 * 365 * 24 * 3600);

/// When one connection last read a frame, and whether it idled out.
#[derive(Debug)]
pub(crate) struct Activity {
    opened: Instant,
    /// Nanoseconds from `opened` to the last frame.
    last_frame: AtomicU64,
    idled: AtomicBool,
}

impl Activity {
    /// A connection opened now, with no frame read yet.
    pub(crate) fn new() -> Arc<Self> {
        Arc::new(Activity {
            opened: Instant::now(),
            last_frame: AtomicU64::new(0),
            idled: AtomicBool::new(false),
        })
    }

    /// Notes that a frame was read now.
    pub(crate) fn stamp(&self) {
        let since = self.opened.elapsed().as_nanos();
        let since = u64::try_from(since).unwrap_or(u64::MAX);
        self.last_frame.store(since, Ordering::Relaxed);
    }

    /// Whether the watchdog ended the connection for idling.
    pub(crate) fn idled(&self) -> bool {
        self.idled.load(Ordering::Relaxed)
    }

    /// When the connection idles out if no frame comes before.
    fn deadline(&self, idle: Duration) -> Instant {
        let last = Duration::from_nanos(self.last_frame.load(Ordering::Relaxed));
        self.opened
            .checked_add(last)
            .and_then(|last| last.checked_add(idle))
            .unwrap_or_else(|| self.opened + NO_IDLE_DEADLINE)
    }
}

/// Watches `activity` until the connection goes `idle` long, then marks it
/// idled and cancels `connection`; ends early when `connection` is
/// cancelled for another reason.
pub(crate) fn spawn_watchdog(
    activity: Arc<Activity>,
    idle: Duration,
    connection: CancellationToken,
) -> JoinHandle<()> {
    tokio::spawn(async move {
        loop {
            let deadline = activity.deadline(idle);
            tokio::select! {
                () = connection.cancelled() => return,
                () = tokio::time::sleep_until(deadline) => {}
            }
            if Instant::now() >= activity.deadline(idle) {
                activity.idled.store(true, Ordering::Relaxed);
                connection.cancel();
                return;
            }
        }
    })
}
