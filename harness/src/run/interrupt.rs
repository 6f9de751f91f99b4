//! Interruption of a run (SIGINT, SIGTERM): a flag every step watches, so
//! that no new step starts, the current scenario's cleanup still runs and
//! the reports are written with the interrupted case marked.

use std::sync::Arc;

use tokio::sync::watch;

/// A flag raised once, when the run is asked to stop.
#[derive(Clone, Debug)]
pub struct Interrupt {
    raise: Arc<watch::Sender<bool>>,
    raised: watch::Receiver<bool>,
}

impl Default for Interrupt {
    fn default() -> Self {
        let (raise, raised) = watch::channel(false);
        Interrupt {
            raise: Arc::new(raise),
            raised,
        }
    }
}

impl Interrupt {
    /// A flag not raised.
    pub fn new() -> Self {
        Interrupt::default()
    }

    /// Raises the flag: the run stops starting steps.
    pub fn raise(&self) {
        self.raise.send_replace(true);
    }

    /// Whether the flag is raised.
    pub fn is_raised(&self) -> bool {
        *self.raised.borrow()
    }

    /// Waits until the flag is raised.
    pub async fn raised(&self) {
        let mut raised = self.raised.clone();
        if raised.wait_for(|raised| *raised).await.is_err() {
            std::future::pending::<()>().await;
        }
    }
}

/// Waits for SIGINT or SIGTERM; false when neither can be listened for.
pub async fn signalled() -> bool {
    #[cfg(unix)]
    {
        use tokio::signal::unix::{SignalKind, signal};
        let Ok(mut term) = signal(SignalKind::terminate()) else {
            return tokio::signal::ctrl_c().await.is_ok();
        };

        tokio::select! {
            interrupted = tokio::signal::ctrl_c() => interrupted.is_ok(),
            _ = term.recv() => true,
        }
    }
    #[cfg(not(unix))]
    {
        tokio::signal::ctrl_c().await.is_ok()
    }
}
