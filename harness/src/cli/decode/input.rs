//! Reading an input of `dvcr decode` and telling what it holds: TPKT frames
//! (spec, "General Information", item 4), bare XML documents each starting
//! on a new line (item 5), or a hex dump of either.

use std::fmt;
use std::io;
use std::path::Path;

use dvcr::bounded::{self, TooLarge};

use super::hex::{self, NotHex};

/// The UTF-8 byte order mark a document may open with.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The root element whose end closes a document.
const ROOT: &[u8] = b"DVCRMANAGER";

/// The most bytes `dvcr decode` reads of one input: a capture is far
/// smaller, and a larger file is refused before it is read.
pub(super) const MAX_INPUT: u64 = 256 * 1024 * 1024;

/// The bytes of one input, unhexed when it was a hex dump.
pub(super) struct Source {
    /// The bytes to judge.
    pub(super) bytes: Vec<u8>,
    /// Whether the input was a hex dump of them.
    pub(super) hex: bool,
}

/// Why an input gave nothing to judge.
#[derive(Debug)]
pub(super) enum InputError {
    /// The file or standard input could not be read: the message names it.
    Unreadable(String),
    /// The input is larger than [`MAX_INPUT`].
    TooLarge {
        /// How the input is shown.
        name: String,
        /// Its size, when the file system told it.
        size: Option<u64>,
    },
    /// The input holds nothing but white space.
    Empty,
    /// The input is text, not XML, and not a hex dump either.
    NotHex(NotHex),
    /// The input is a packet capture, whose TCP payload is what to decode.
    Capture {
        /// `pcap` or `pcapng`.
        format: &'static str,
    },
}

impl InputError {
    /// Whether the input could not be read at all (exit code 2), rather
    /// than read and found to hold nothing decodable (exit code 1).
    pub(super) const fn is_unreadable(&self) -> bool {
        matches!(
            self,
            InputError::Unreadable(_) | InputError::TooLarge { .. }
        )
    }
}

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            InputError::Unreadable(message) => f.write_str(message),
            InputError::TooLarge { name, size } => {
                let mib = MAX_INPUT / (1024 * 1024);
                write!(
                    f,
                    "{name} is too large to decode: expected at most {mib} MiB"
                )?;
                match size {
                    Some(size) => write!(f, ", found {size} bytes"),
                    None => write!(f, ", found more"),
                }
            }
            InputError::Empty => f.write_str("nothing to decode: the input is empty"),
            InputError::NotHex(not_hex) => not_hex.fmt(f),
            InputError::Capture { format } => write!(
                f,
                "the input is a {format} capture, not the bytes of one TCP stream: \
                 save the stream's bytes (Wireshark: Follow TCP Stream, show data \
                 as raw, one direction or both) and decode that file"
            ),
        }
    }
}

/// How the bytes of an input are laid out.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Layout {
    /// A byte stream: TPKT frames, or anything else a device could send.
    Stream,
    /// XML documents with no TPKT header.
    Xml,
}

/// Reads the file `name`, or standard input for `-`, unhexing a hex dump.
/// Text that is neither XML nor a hex dump is an error: no byte stream a
/// device sends is printable text.
pub(super) fn read(name: &str) -> Result<Source, InputError> {
    let bytes = read_bytes(name)?;
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(InputError::Empty);
    }

    if layout(&bytes) == Layout::Xml {
        return Ok(Source { bytes, hex: false });
    }

    if let Some(format) = capture_format(&bytes) {
        return Err(InputError::Capture { format });
    }

    let Some(text) = as_text(&bytes) else {
        return Ok(Source { bytes, hex: false });
    };

    let unhexed = hex::parse(text).map_err(InputError::NotHex)?;
    Ok(Source {
        bytes: unhexed,
        hex: true,
    })
}

/// The format of a packet capture `bytes` open as, told by its magic
/// number: a pcap file in either byte order, with micro- or nanosecond
/// times, or a pcapng file. A TPKT stream opens with `03`.
fn capture_format(bytes: &[u8]) -> Option<&'static str> {
    match bytes.first_chunk::<4>()? {
        [0xD4, 0xC3, 0xB2, 0xA1]
        | [0xA1, 0xB2, 0xC3, 0xD4]
        | [0x4D, 0x3C, 0xB2, 0xA1]
        | [0xA1, 0xB2, 0x3C, 0x4D] => Some("pcap"),
        [0x0A, 0x0D, 0x0D, 0x0A] => Some("pcapng"),
        _ => None,
    }
}

/// The bytes of `name`, at most [`MAX_INPUT`] of them.
fn read_bytes(name: &str) -> Result<Vec<u8>, InputError> {
    if name == "-" {
        let name = "standard input";
        return bounded::read_from(io::stdin().lock(), MAX_INPUT)
            .map_err(|error| unreadable(name, &error));
    }

    bounded::read(Path::new(name), MAX_INPUT).map_err(|error| unreadable(name, &error))
}

/// Why `name` could not be read: too large, or what the system said.
fn unreadable(name: &str, error: &io::Error) -> InputError {
    match TooLarge::of(error) {
        Some(too_large) => InputError::TooLarge {
            name: name.to_owned(),
            size: too_large.size,
        },
        None => InputError::Unreadable(format!("cannot read {name}: {error}")),
    }
}

/// `bytes` as text, when they are UTF-8 with no control character but
/// white space.
fn as_text(bytes: &[u8]) -> Option<&str> {
    let text = std::str::from_utf8(bytes).ok()?;
    let control = text.chars().any(|c| c.is_control() && !c.is_whitespace());
    if control {
        return None;
    }

    Some(text)
}

/// Whether `bytes` open an XML document (after a byte order mark and white
/// space) or are a byte stream.
pub(super) fn layout(bytes: &[u8]) -> Layout {
    let bytes = bytes.strip_prefix(BOM).unwrap_or(bytes);
    let first = bytes.iter().find(|byte| !byte.is_ascii_whitespace());
    match first {
        Some(b'<') => Layout::Xml,
        _ => Layout::Stream,
    }
}

/// Cuts bare XML into its documents: after each `</DVCRMANAGER>` (any case)
/// that a line break (LF or CR LF) follows, and before each line break that
/// a new document follows (`<?xml` or `<DVCRMANAGER` opening the next
/// line), so that junk between two documents is one undecodable document
/// and the next one is decoded. Gives each document's start and bytes,
/// without the line break; white space after the last document is dropped.
pub(super) fn documents(bytes: &[u8]) -> Vec<(usize, &[u8])> {
    let mut documents = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while let Some(found) = memchr::memchr(b'\n', bytes.get(at..).unwrap_or_default()) {
        let lf = at + found;
        at = lf + 1;
        let before = bytes.get(start..lf).unwrap_or_default();
        let before = before.strip_suffix(b"\r").unwrap_or(before);
        let after = bytes.get(at..).unwrap_or_default();
        if ends_with_root_end(before) || next_document_opens(before, after) {
            documents.push((start, before));
            start = at;
        }
    }

    let rest = bytes.get(start..).unwrap_or_default();
    if !rest.iter().all(u8::is_ascii_whitespace) {
        documents.push((start, rest));
    }
    documents
}

/// Whether `after` opens a new document while `before` holds something
/// other than white space or an XML declaration alone (which the root may
/// follow on its own line).
fn next_document_opens(before: &[u8], after: &[u8]) -> bool {
    let before = before.trim_ascii();
    let after = after.trim_ascii_start();
    if before.is_empty() {
        return false;
    }

    let declaration = after
        .get(..5)
        .is_some_and(|found| found.eq_ignore_ascii_case(b"<?xml"));
    let root = after.starts_with(b"<")
        && after
            .get(1..=ROOT.len())
            .is_some_and(|name| name.eq_ignore_ascii_case(ROOT));
    declaration || (root && !before.ends_with(b"?>"))
}

/// Whether `text`, trailing blanks aside, ends with the root's end tag.
fn ends_with_root_end(text: &[u8]) -> bool {
    let text = text.trim_ascii_end();
    let Some(inner) = text.strip_suffix(b">") else {
        return false;
    };

    let inner = inner.trim_ascii_end();
    let Some(open) = inner.len().checked_sub(ROOT.len() + 2) else {
        return false;
    };

    let tag = inner.get(open..).unwrap_or_default();
    tag.starts_with(b"</")
        && tag
            .get(2..)
            .is_some_and(|name| name.eq_ignore_ascii_case(ROOT))
}
