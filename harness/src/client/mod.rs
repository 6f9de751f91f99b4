//! An async client of the RSS 2000 management XML API (spec, "General
//! Information", items 3 to 6), over tokio.
//!
//! - [`Connection`]: connect with a timeout, send messages or raw bytes,
//!   await the confirm of a command by xmlid (across one or several
//!   frames), take indications from their own stream whatever order they
//!   arrive in, and see the peer close.
//! - [`Session`]: a connection that logs in and then stamps every command
//!   with its session id.
//! - [`Transcript`]: every frame sent and received, with time and
//!   direction, passwords masked.
//!
//! ```no_run
//! # async fn demo() -> Result<(), dvcr::client::ClientError> {
//! use dvcr::client::{ClientConfig, Login, Session};
//!
//! let mut session = Session::connect("127.0.0.1:8081", ClientConfig::default()).await?;
//! session.login(&Login::new("Administrator", "")).await?;
//! let reply = session.command("getendpoint", &[]).await?;
//! for name in reply.column("SOURCENAME") {
//!     println!("{name}");
//! }
//! # Ok(())
//! # }
//! ```

mod connection;
mod error;
mod outstanding;
mod reader;
pub mod records;
mod redact;
mod reply;
mod session;
mod transcript;

pub use connection::{ClientConfig, Connection};
pub use error::{ClientError, to_ms};
pub use reader::{CloseReason, Received};
pub use redact::{SHORTEST_MASKED_INSIDE, holds, is_secret_field, redact_password, redact_secrets};
pub use reply::Reply;
pub use session::{Granted, Login, Session, refusal};
pub use transcript::{Direction, Exchange, Transcript, TranscriptHook};
