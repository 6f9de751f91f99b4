//! The bound of the work in flight: a case, a minimization attempt or the
//! opening check is cut short when the run is interrupted (SIGINT,
//! SIGTERM) or when its cut-off passes, so that the run ends at once on
//! an interrupt and within one reply timeout of its duration.

use std::future::Future;
use std::time::Instant;

use crate::run::Interrupt;

/// When work in flight stops waiting.
#[derive(Clone, Debug, Default)]
pub(super) struct Bound {
    /// Raised to stop at once.
    pub(super) interrupt: Option<Interrupt>,
    /// The instant after which nothing more is awaited.
    pub(super) cut_off: Option<Instant>,
}

impl Bound {
    /// Runs `work` to its end; `None` when the interrupt is raised or the
    /// cut-off passes first.
    pub(super) async fn run<T>(&self, work: impl Future<Output = T>) -> Option<T> {
        let interrupted = async {
            match &self.interrupt {
                Some(interrupt) => interrupt.raised().await,
                None => std::future::pending().await,
            }
        };
        let late = async {
            match self.cut_off {
                Some(at) => tokio::time::sleep_until(at.into()).await,
                None => std::future::pending().await,
            }
        };
        tokio::select! {
            done = work => Some(done),
            () = interrupted => None,
            () = late => None,
        }
    }

    /// Whether the interrupt is raised.
    pub(super) fn interrupted(&self) -> bool {
        self.interrupt.as_ref().is_some_and(Interrupt::is_raised)
    }
}
