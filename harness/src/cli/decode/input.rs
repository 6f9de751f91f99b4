//! Reading an input of `dvcr decode` and telling what it holds: TPKT frames
//! (spec, "General Information", item 4), bare XML documents separated by
//! CR LF (item 5), or a hex dump of either.

use std::fs;
use std::io::{self, Read};

use super::hex;

/// The UTF-8 byte order mark a document may open with.
const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The root element whose end closes a document.
const ROOT: &[u8] = b"DVCRMANAGER";

/// The bytes of one input, unhexed when it was a hex dump.
pub(super) struct Source {
    /// The bytes to judge.
    pub(super) bytes: Vec<u8>,
    /// Whether the input was a hex dump of them.
    pub(super) hex: bool,
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
///
/// The error is one line naming the input.
pub(super) fn read(name: &str) -> Result<Source, String> {
    let bytes = if name == "-" {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map(|_| bytes)
            .map_err(|error| format!("cannot read standard input: {error}"))?
    } else {
        fs::read(name).map_err(|error| format!("cannot read {name}: {error}"))?
    };

    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(format!("{}: nothing to decode", display_name(name)));
    }

    if layout(&bytes) == Layout::Stream
        && let Some(unhexed) = hex::parse(&bytes)
    {
        return Ok(Source {
            bytes: unhexed,
            hex: true,
        });
    }

    Ok(Source { bytes, hex: false })
}

/// How `name` is shown in messages: `standard input` for `-`.
fn display_name(name: &str) -> &str {
    if name == "-" { "standard input" } else { name }
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
/// that a CR LF follows. Gives each document's start and bytes; white space
/// after the last document is dropped.
pub(super) fn documents(bytes: &[u8]) -> Vec<(usize, &[u8])> {
    let mut documents = Vec::new();
    let mut start = 0;
    let mut at = 0;
    while let Some(found) = find_crlf(bytes, at) {
        at = found + 2;
        let before = bytes.get(start..found).unwrap_or_default();
        if ends_with_root_end(before) {
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

/// The index of the first CR LF at or after `from`.
fn find_crlf(bytes: &[u8], from: usize) -> Option<usize> {
    let rest = bytes.get(from..)?;
    let found = rest.windows(2).position(|pair| pair == b"\r\n")?;
    Some(from + found)
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
