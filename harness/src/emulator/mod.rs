//! An emulated RSS 2000 recording server: the device behind the management
//! XML API (spec, all chapters), with state, sessions, privileges,
//! indications, a fixture to start from, state files, and deliberate
//! faults.
//!
//! The device is protocol-independent: it takes decoded [`Message`]s and
//! answers with an [`Outcome`]. Framing and sockets belong to the server
//! built on top, which also applies the [`Layer::Wire`] faults.
//!
//! [`Message`]: dvcr_protocol::Message

pub mod admission;
pub mod clock;
mod connection;
pub mod device;
pub mod faults;
pub mod fixture;
mod fixture_settings;
pub mod handlers;
mod host;
pub mod ids;
pub mod invariants;
mod outbound;
pub mod outcome;
pub mod persist;
mod registry;
pub mod reply;
pub mod request;
pub mod server;
pub mod session;
pub mod settings;
mod shape;
pub mod start;
pub mod state;
mod watchdog;
pub mod wire;

pub use clock::{Clock, ManualClock, SystemClock};
pub use device::{Device, DeviceConfig, PrivilegePolicy};
pub use faults::{Fault, FaultSet, Layer};
pub use host::Crashed;
pub use invariants::Violation;
pub use outcome::{ConnectionId, Delivery, Outcome, Replies};
pub use server::{Server, ServerConfig};
pub use state::State;
