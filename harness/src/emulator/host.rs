//! The device as the server shares it between connections: behind a mutex,
//! saved to its state file after every change, and declared crashed when a
//! handler panics (the `panic-on-bad-index` fault), as a real device would
//! stop answering altogether.

use std::any::Any;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::PathBuf;
use std::sync::Mutex;

use dvcr_protocol::Message;
use tracing::{error, warn};

use super::device::Device;
use super::outcome::{ConnectionId, Outcome, Replies};
use super::persist;
use super::state::State;

/// The device crashed: it answers nothing more.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error)]
#[error("the emulated device crashed")]
pub struct Crashed;

struct Inner {
    device: Device,
    saved: State,
    crashed: bool,
}

/// A device shared by every connection of one server.
pub(crate) struct Host {
    inner: Mutex<Inner>,
    state_file: Option<PathBuf>,
}

impl Host {
    /// Hosts `device`, saving its state to `state_file` on every change.
    pub(crate) fn new(device: Device, state_file: Option<PathBuf>) -> Self {
        let saved = device.state().clone();
        Host {
            inner: Mutex::new(Inner {
                device,
                saved,
                crashed: false,
            }),
            state_file,
        }
    }

    /// Hands `request` from `connection` to the device, whose replies go
    /// to `replies` while the device is held.
    pub(crate) fn handle(
        &self,
        connection: ConnectionId,
        request: &Message<'_>,
        replies: &mut dyn Replies,
    ) -> Result<Outcome, Crashed> {
        let mut inner = self.inner.lock().map_err(|_| Crashed)?;
        if inner.crashed {
            return Err(Crashed);
        }

        let handled = catch_unwind(AssertUnwindSafe(|| {
            inner.device.handle_with(connection, request, replies)
        }));
        let outcome = match handled {
            Ok(outcome) => outcome,
            Err(payload) => {
                let reason = panic_reason(payload.as_ref());
                error!(connection = connection.0, reason, "emulated device crashed");
                inner.crashed = true;
                return Err(Crashed);
            }
        };

        self.save_if_changed(&mut inner);
        Ok(outcome)
    }

    /// Whether the device has crashed.
    pub(crate) fn has_crashed(&self) -> bool {
        self.inner.lock().map_or(true, |inner| inner.crashed)
    }

    /// Tells the device that `connection` closed.
    pub(crate) fn disconnect(&self, connection: ConnectionId) {
        if let Ok(mut inner) = self.inner.lock() {
            inner.device.disconnect(connection);
        }
    }

    /// How many sessions are logged in.
    pub(crate) fn session_count(&self) -> usize {
        self.inner
            .lock()
            .map_or(0, |inner| inner.device.sessions().count())
    }

    /// A copy of the device's current state.
    pub(crate) fn state(&self) -> Option<State> {
        self.inner
            .lock()
            .ok()
            .map(|inner| inner.device.state().clone())
    }

    fn save_if_changed(&self, inner: &mut Inner) {
        let Some(path) = &self.state_file else {
            return;
        };

        if inner.device.state() == &inner.saved {
            return;
        }

        match persist::save(inner.device.state(), path) {
            Ok(()) => inner.saved = inner.device.state().clone(),
            Err(failure) => warn!(%failure, "state not saved"),
        }
    }
}

/// The text a panic carried, or a placeholder when it carried none.
fn panic_reason(payload: &(dyn Any + Send)) -> &str {
    if let Some(text) = payload.downcast_ref::<String>() {
        return text;
    }

    payload
        .downcast_ref::<&str>()
        .copied()
        .unwrap_or("no message")
}
