//! Oracles for the fuzz targets of `fuzz/` and for the replay of their
//! corpus by `cargo test`: one function per target, each taking the raw
//! bytes a fuzzer produced (spec, "General Information", items 3 to 5, and
//! the command catalog).
//!
//! An oracle returns normally on every input the code under test handles
//! correctly, whether it accepts or rejects it, and panics only when an
//! invariant breaks: a panic here is a finding, which is how a fuzzer
//! learns of it. These are the only panics allowed in this crate; the
//! targets in `fuzz/` are a line or two each, and the same functions replay
//! `corpus/fuzz/<target>/` and `corpus/regressions/<target>/` on stable.
//!
//! | oracle, and target | what must hold |
//! |---|---|
//! | [`tpkt_split`] | every chunking of a stream splits alike |
//! | [`message_decode`] | limits hold, accepted messages round-trip |
//! | [`decode_agree`] | lenient ⊇ strict, and a limit only ever rejects |
//! | `message_roundtrip` (feature `arbitrary`) | encode then decode gives the message |
//! | [`catalog_validate`] | validation never panics and is deterministic |
//! | [`reference_agree`] | the scanner and the quick-xml reference agree |

#![expect(
    clippy::panic,
    reason = "an oracle reports a broken invariant by panicking, so that a fuzzer sees it"
)]

mod catalog_validate;
mod decode_agree;
mod message_decode;
#[cfg(feature = "arbitrary")]
mod message_roundtrip;
mod reference_agree;
mod tpkt_split;

pub use catalog_validate::catalog_validate;
pub use decode_agree::decode_agree;
pub use message_decode::message_decode;
#[cfg(feature = "arbitrary")]
pub use message_roundtrip::{FieldParts, MessageParts, RecordParts, message_roundtrip};
pub use reference_agree::reference_agree;
pub use tpkt_split::tpkt_split;

use crate::Limits;

/// Limits small enough that short fuzz inputs reach every one of them.
pub const SMALL_LIMITS: Limits = Limits {
    max_frame_len: 2_048,
    max_records: 2,
    max_fields: 3,
    max_attributes_per_field: 2,
    max_text_len: 12,
};

/// Limits that bound nothing, for decoding again what was re-encoded: the
/// escapes an encoder writes may make a text longer than it came.
pub const UNBOUNDED_LIMITS: Limits = Limits {
    max_frame_len: usize::MAX,
    max_records: usize::MAX,
    max_fields: usize::MAX,
    max_attributes_per_field: usize::MAX,
    max_text_len: usize::MAX,
};
