//! The codec of the RSS 2000 management XML API (the `DVCRMANAGER`
//! protocol): TPKT frames, messages, and the command catalog they are judged
//! against.
//!
//! Everything here is pure: no I/O, no async, and no panic on any input. The
//! spec is `rss2000-xml-api.txt`; each module names the section it serves.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod catalog;
pub mod decode;
pub mod encode;
pub mod fuzzing;
pub mod inspect;
pub mod limits;
pub mod message;
pub mod reference;
pub mod tpkt;
pub mod validate;

pub use limits::Limits;
pub use message::{Attribute, Field, Kind, Message, PROTOCOL_VERSION, Record, Text};
