//! The named limits that bound every length, count and depth the codec
//! accepts, so that hostile input cannot make it allocate without bound.
//!
//! The TPKT header's two length bytes already cap a frame at 65535 bytes
//! (spec, "General Information", item 4); the limits below bound what a
//! payload may hold inside that.

/// The largest frame the TPKT header can describe, header included.
pub const MAX_TPKT_FRAME_LEN: usize = u16::MAX as usize;

/// How deeply elements may nest: root, record, field.
pub const MAX_DEPTH: usize = 3;

/// Bounds on what one decoded message may hold.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The largest frame accepted, TPKT header included.
    pub max_frame_len: usize,
    /// The most records one message may hold.
    pub max_records: usize,
    /// The most fields one message may hold, over all its records.
    pub max_fields: usize,
    /// The most attributes one field may carry.
    pub max_attributes_per_field: usize,
    /// The longest name or value, in bytes, as it stands in the document.
    pub max_text_len: usize,
}

impl Limits {
    /// The defaults: a frame as large as TPKT allows, and room in it for the
    /// longest list replies a device sends.
    pub const DEFAULT: Limits = Limits {
        max_frame_len: MAX_TPKT_FRAME_LEN,
        max_records: 4_096,
        max_fields: 65_536,
        max_attributes_per_field: 8,
        max_text_len: 8_192,
    };
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}
