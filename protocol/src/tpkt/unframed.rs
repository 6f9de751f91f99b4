//! Recognising an XML document sent with no TPKT header, and cutting it at
//! its CR LF under lenient framing (spec, "General Information", items 4
//! and 5: some clients send the document bare, ended by CR LF).

use super::config::Config;
use super::error::TpktError;
use super::frame::{CRLF, Frame};

/// The UTF-8 byte order mark a document may open with.
const BOM: &[u8; 3] = b"\xEF\xBB\xBF";

/// What the bytes where a frame should start look like.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Sniff {
    /// Too few bytes to tell.
    NeedMore,
    /// Not the opening of an XML document.
    NotXml,
    /// An XML document whose first `<` is at this index.
    Xml {
        /// Where the first `<` is.
        open: usize,
    },
}

/// Whether `buf`, which does not open with the TPKT version byte, opens an
/// XML document: `<`, after an optional byte order mark and whitespace.
///
/// Only the first `window` bytes (at least one) are looked at, so that a
/// run of blanks cannot be buffered without bound, and so that the answer
/// does not depend on how the stream was chunked.
pub(super) fn sniff(buf: &[u8], window: usize) -> Sniff {
    if buf.len() < BOM.len() && BOM.starts_with(buf) {
        return Sniff::NeedMore;
    }

    let window = window.max(1);
    let start = if buf.starts_with(BOM) { BOM.len() } else { 0 };
    let seen = buf.get(..buf.len().min(window)).unwrap_or_default();
    let rest = seen.get(start..).unwrap_or_default();
    match rest.iter().position(|&byte| !is_xml_space(byte)) {
        Some(at) if rest.get(at) == Some(&b'<') => Sniff::Xml { open: start + at },
        Some(_) => Sniff::NotXml,
        None if buf.len() >= window => Sniff::NotXml,
        None => Sniff::NeedMore,
    }
}

/// What came of looking for the CR LF that ends an unframed document.
#[derive(Debug)]
pub(super) enum Line<'a> {
    /// The whole document, and the bytes it took with its CR LF.
    Whole(Frame<'a>, usize),
    /// No CR LF yet; the first `scanned` bytes need not be searched again.
    NeedMore {
        /// How many bytes were searched without finding CR LF.
        scanned: usize,
    },
}

/// Cuts the unframed document at the start of `buf`, whose first `<` is at
/// `open`, at its first CR LF after that `<`.
///
/// The document, without its CR LF, may be as long as the largest payload
/// a frame of the configured maximum carries, and no longer. The search
/// resumes after the first `scanned` bytes, already searched.
pub(super) fn cut_line<'a>(
    buf: &'a [u8],
    open: usize,
    config: &Config,
    offset: u64,
    scanned: usize,
) -> Result<Line<'a>, TpktError> {
    let max = config.max_payload_len();
    let limit = max.saturating_add(CRLF.len());
    let window_end = buf.len().min(limit);
    let from = open.max(scanned.saturating_sub(1));
    let window = buf.get(from..window_end).unwrap_or_default();
    if let Some(found) = memchr::memmem::find(window, CRLF) {
        let end = from + found;
        let payload = buf.get(..end).unwrap_or_default();
        return Ok(Line::Whole(
            Frame::unframed(payload, offset),
            end + CRLF.len(),
        ));
    }

    if window_end == limit {
        return Err(TpktError::UnframedXmlTooLong { max, offset });
    }

    Ok(Line::NeedMore {
        scanned: window_end,
    })
}

/// Whether `byte` is whitespace as XML counts it.
const fn is_xml_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\r' | b'\n')
}
