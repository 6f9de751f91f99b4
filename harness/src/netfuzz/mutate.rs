//! Byte-level mutations of one TPKT frame (RFC 1006, as the spec's
//! "General Information", item 5 uses it: `0x03 0x00 LEN_HI LEN_LO`, then
//! the XML): header fields, truncation, unframed XML, and bytes flipped,
//! inserted or deleted inside the payload.
//!
//! Positions are kept in thousandths of the payload's length, so that a
//! mutation means the same thing whatever length the session ids give the
//! expanded payload.

use dvcr_protocol::tpkt::HEADER_LEN;
use rand::RngExt;
use rand::rngs::ChaCha20Rng;

use super::boundary::pick;

/// Byte strings inserted into payloads: NUL, invalid UTF-8, markup,
/// entities, a declaration, and a TPKT header of an empty frame.
const INSERTS: [&[u8]; 9] = [
    b"\0",
    b"\xc3\x28",
    b"\xff\xfe",
    b"<",
    b"&",
    b"]]>",
    b"<!DOCTYPE d [<!ENTITY a \"aaaaaaaaaa\">]>",
    b"<X><X><X>",
    b"\x03\x00\x00\x04",
];

/// One change to the bytes of a frame.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mutation {
    /// The version byte (RFC 1006 says 3) set to this.
    Version(u8),
    /// The reserved byte (RFC 1006 says 0) set to this.
    Reserved(u8),
    /// The length field moved by this many bytes from the true length.
    LengthDelta(i16),
    /// The length field set to this.
    Length(u16),
    /// The frame cut after this many thousandths of its bytes.
    Truncate(u16),
    /// The TPKT header dropped and CR LF appended: bare XML.
    Unframed,
    /// One payload byte xored with `xor`, at `at` thousandths.
    Flip {
        /// Where, in thousandths of the payload.
        at: u16,
        /// The bits flipped.
        xor: u8,
    },
    /// Bytes inserted into the payload at `at` thousandths; the header
    /// counts them.
    Insert {
        /// Where, in thousandths of the payload.
        at: u16,
        /// What.
        bytes: Vec<u8>,
    },
    /// Payload bytes deleted from `at` thousandths; the header counts
    /// them no more.
    Delete {
        /// Where, in thousandths of the payload.
        at: u16,
        /// How many bytes.
        len: u16,
    },
}

impl Mutation {
    /// A mutation drawn from every kind.
    pub fn random(rng: &mut ChaCha20Rng) -> Mutation {
        let at = rng.random_range(0..=1000_u16);
        match rng.random_range(0..9_u8) {
            0 => Mutation::Version(one(&[0, 2, 4, 0xff], rng)),
            1 => Mutation::Reserved(one(&[1, 0x80, 0xff], rng)),
            2 => Mutation::LengthDelta(one(&[-4, -1, 1, 4, 1000], rng)),
            3 => Mutation::Length(one(&[0, 3, 4, 5, 0xffff], rng)),
            4 => Mutation::Truncate(at),
            5 => Mutation::Unframed,
            6 => Mutation::Flip {
                at,
                xor: rng.random_range(1..=255_u8),
            },
            7 => Mutation::Insert {
                at,
                bytes: INSERTS
                    .get(rng.random_range(0..INSERTS.len()))
                    .map_or_else(Vec::new, |bytes| bytes.to_vec()),
            },
            _ => Mutation::Delete {
                at,
                len: rng.random_range(1..=64_u16),
            },
        }
    }

    /// Whether the frame stays one well-formed TPKT frame (a payload
    /// change whose length the header follows).
    pub fn keeps_framing(&self) -> bool {
        matches!(
            self,
            Mutation::Flip { .. } | Mutation::Insert { .. } | Mutation::Delete { .. }
        )
    }

    /// Applies the mutation to `frame`, a whole TPKT frame.
    pub fn apply(&self, frame: &mut Vec<u8>) {
        if frame.len() < HEADER_LEN {
            return;
        }

        let payload_len = frame.len() - HEADER_LEN;
        let position = |at: u16| HEADER_LEN + payload_len * usize::from(at.min(1000)) / 1000;
        match self {
            Mutation::Version(byte) => frame[0] = *byte,
            Mutation::Reserved(byte) => frame[1] = *byte,
            Mutation::LengthDelta(delta) => {
                let len = i64::try_from(frame.len()).unwrap_or(0) + i64::from(*delta);
                set_len(frame, u16::try_from(len.clamp(0, 0xffff)).unwrap_or(0));
            }
            Mutation::Length(len) => set_len(frame, *len),
            Mutation::Truncate(at) => frame.truncate(position(*at).min(frame.len() - 1)),
            Mutation::Unframed => {
                frame.drain(..HEADER_LEN);
                frame.extend_from_slice(b"\r\n");
            }
            Mutation::Flip { at, xor } => {
                let at = position(*at).min(frame.len() - 1).max(HEADER_LEN);
                if let Some(byte) = frame.get_mut(at) {
                    *byte ^= xor;
                }
            }
            Mutation::Insert { at, bytes } => {
                let at = position(*at);
                frame.splice(at..at, bytes.iter().copied());
                fix_len(frame);
            }
            Mutation::Delete { at, len } => {
                let at = position(*at);
                let end = (at + usize::from(*len)).min(frame.len());
                frame.drain(at..end);
                fix_len(frame);
            }
        }
    }
}

/// Writes `len` into the header's length field.
fn set_len(frame: &mut [u8], len: u16) {
    let [hi, lo] = len.to_be_bytes();
    frame[2] = hi;
    frame[3] = lo;
}

/// Makes the header's length field count the frame's bytes again.
fn fix_len(frame: &mut [u8]) {
    let len = u16::try_from(frame.len()).unwrap_or(u16::MAX);
    set_len(frame, len);
}

/// Where `pieces` thousandths of a write of `len` bytes fall, as cut
/// points in increasing order, each strictly inside the write.
pub fn cut_points(len: usize, splits: &[u16]) -> Vec<usize> {
    let mut cuts: Vec<usize> = splits
        .iter()
        .map(|at| len * usize::from((*at).min(1000)) / 1000)
        .filter(|cut| *cut > 0 && *cut < len)
        .collect();
    cuts.sort_unstable();
    cuts.dedup();
    cuts
}

/// One of `items`, or the default when there is none.
fn one<T: Copy + Default>(items: &[T], rng: &mut ChaCha20Rng) -> T {
    pick(items, rng).copied().unwrap_or_default()
}
