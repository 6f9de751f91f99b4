//! Judging the bytes of one input through `dvcr_protocol::inspect`: a
//! stream frame by frame (spec, "General Information", item 4), bare XML
//! document by document (item 5). Every offset counts from the start of the
//! input's bytes.

use dvcr_protocol::decode::DecodeOptions;
use dvcr_protocol::inspect::{self, Inspection};
use dvcr_protocol::tpkt::{HEADER_LEN, TpktError};
use dvcr_protocol::validate::Flow;

use super::input::{self, Layout};

/// How one message came in the input.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Carrier {
    /// In a TPKT frame.
    Tpkt,
    /// In a byte stream, with no TPKT header, ended by CR LF.
    Unframed,
    /// As a bare XML document.
    Document,
}

impl Carrier {
    /// The word reports use.
    pub(super) const fn as_str(self) -> &'static str {
        match self {
            Carrier::Tpkt => "tpkt",
            Carrier::Unframed => "unframed",
            Carrier::Document => "xml",
        }
    }
}

/// One message of an input, judged.
pub(super) struct Judgement<'a> {
    /// Where it starts in the input.
    pub(super) offset: usize,
    /// Where its payload starts in the input: decode errors count from
    /// there.
    pub(super) payload_offset: usize,
    /// How it came.
    pub(super) carrier: Carrier,
    /// What came of judging it.
    pub(super) inspection: Inspection<'a>,
}

/// Every message of an input, judged.
pub(super) struct Judged<'a> {
    /// How the input was laid out.
    pub(super) layout: Layout,
    /// The messages, in input order.
    pub(super) messages: Vec<Judgement<'a>>,
    /// Why the stream could not be cut further, if it could not.
    pub(super) error: Option<TpktError>,
    /// How many bytes the input holds.
    pub(super) len: usize,
}

impl Judged<'_> {
    /// Whether anything is an error: the stream, or a message.
    pub(super) fn has_errors(&self) -> bool {
        self.error.is_some()
            || self
                .messages
                .iter()
                .any(|message| message.inspection.has_errors())
    }

    /// Where the bytes left undecoded by the stream error start, and how
    /// many there are: a TPKT stream is never resynchronised, so all of
    /// them are lost.
    pub(super) fn undecoded_rest(&self) -> Option<(usize, usize)> {
        let at = self.error.as_ref().and_then(error_offset)?;
        let at = usize::try_from(at).unwrap_or(usize::MAX).min(self.len);
        Some((at, self.len - at))
    }
}

/// Where the frame or document a stream error is about starts.
fn error_offset(error: &TpktError) -> Option<u64> {
    match error {
        TpktError::BadVersion { offset, .. }
        | TpktError::LengthBelowHeader { offset, .. }
        | TpktError::EmptyPayload { offset, .. }
        | TpktError::FrameTooLong { offset, .. }
        | TpktError::Truncated { offset, .. }
        | TpktError::UnframedXml { offset }
        | TpktError::UnframedXmlTooLong { offset, .. }
        | TpktError::UnterminatedXml { offset, .. } => Some(*offset),
        _ => None,
    }
}

/// Judges `bytes` under `options`, the messages travelling `flow` (`None`:
/// judged by each one's first record).
pub(super) fn judge<'a>(
    bytes: &'a [u8],
    options: &DecodeOptions,
    flow: Option<Flow>,
) -> Judged<'a> {
    let layout = input::layout(bytes);
    match layout {
        Layout::Stream => {
            let stream = inspect::stream(bytes, options, flow);
            let messages = stream
                .frames
                .into_iter()
                .map(|frame| {
                    let offset = usize::try_from(frame.frame.offset()).unwrap_or(usize::MAX);
                    let (carrier, header) = match frame.frame.header() {
                        Some(_) => (Carrier::Tpkt, HEADER_LEN),
                        None => (Carrier::Unframed, 0),
                    };
                    Judgement {
                        offset,
                        payload_offset: offset.saturating_add(header),
                        carrier,
                        inspection: frame.inspection,
                    }
                })
                .collect();
            Judged {
                layout,
                messages,
                error: stream.error,
                len: bytes.len(),
            }
        }
        Layout::Xml => {
            let messages = input::documents(bytes)
                .into_iter()
                .map(|(offset, document)| {
                    let mut inspection = inspect::payload(document, options, flow);
                    for finding in &mut inspection.findings {
                        finding.offset = finding.offset.map(|at| at.saturating_add(offset));
                    }
                    Judgement {
                        offset,
                        payload_offset: offset,
                        carrier: Carrier::Document,
                        inspection,
                    }
                })
                .collect();
            Judged {
                layout,
                messages,
                error: None,
                len: bytes.len(),
            }
        }
    }
}
