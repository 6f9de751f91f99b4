//! Judging a byte stream: TPKT frames, or under lenient decoding also XML
//! sent bare and ended by CR LF, each judged as a payload (spec, "General
//! Information", item 4).

use super::{Inspection, frame_finding_of, payload};
use crate::decode::{DecodeOptions, Mode};
use crate::tpkt::{self, Config, Frame, Framing, TpktError};
use crate::validate::Flow;

/// One frame of a stream and what came of judging its payload.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FrameInspection<'a> {
    /// The frame, borrowing from the stream.
    pub frame: Frame<'a>,
    /// Its payload judged. The offsets of findings count from the start of
    /// the stream, and the frame's own deviation comes first; a decoding
    /// error's offset still counts from the start of the payload.
    pub inspection: Inspection<'a>,
}

/// What came of judging a byte stream.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StreamInspection<'a> {
    /// Each whole frame, in stream order.
    pub frames: Vec<FrameInspection<'a>>,
    /// Why the stream could not be cut further, if it could not: the frames
    /// before it are kept, nothing after it is read.
    pub error: Option<TpktError>,
}

impl StreamInspection<'_> {
    /// Whether anything here is an error: a framing error or a frame with
    /// errors.
    pub fn has_errors(&self) -> bool {
        self.error.is_some()
            || self
                .frames
                .iter()
                .any(|frame| frame.inspection.has_errors())
    }
}

/// Judges `bytes`, a whole byte stream: cuts it into frames within
/// `options.limits` and judges each frame's payload as [`payload`] does.
///
/// Lenient decoding also frames leniently, so XML sent bare and ended by
/// CR LF is read as a frame and reported as `unframed-xml`. A framing error
/// ends the stream: it is never resynchronised.
pub fn stream<'a>(
    bytes: &'a [u8],
    options: &DecodeOptions,
    flow: Option<Flow>,
) -> StreamInspection<'a> {
    let framing = match options.mode {
        Mode::Strict => Framing::Strict,
        Mode::Lenient => Framing::Lenient,
    };
    let config = Config::from_limits(&options.limits).with_framing(framing);
    let mut frames = Vec::new();
    let mut rest = bytes;
    let mut at = 0u64;

    loop {
        match tpkt::split_with(rest, &config, at) {
            Ok(Some((frame, used))) => {
                frames.push(inspect_frame(frame, options, flow));
                rest = rest.get(used..).unwrap_or_default();
                at = at.saturating_add(used as u64);
            }
            Ok(None) => {
                let error = tpkt::check_end(rest, &config, at).err();
                return StreamInspection { frames, error };
            }
            Err(error) => {
                return StreamInspection {
                    frames,
                    error: Some(error),
                };
            }
        }
    }
}

/// Judges one frame's payload, with offsets counted in the stream.
fn inspect_frame<'a>(
    frame: Frame<'a>,
    options: &DecodeOptions,
    flow: Option<Flow>,
) -> FrameInspection<'a> {
    let start = to_usize(frame.offset());
    let payload_start = match frame.header() {
        Some(_) => start.saturating_add(tpkt::HEADER_LEN),
        None => start,
    };
    let mut inspection = payload(frame.payload(), options, flow);
    for finding in &mut inspection.findings {
        finding.offset = finding
            .offset
            .map(|offset| offset.saturating_add(payload_start));
    }
    if let Some(deviation) = frame.deviation() {
        inspection
            .findings
            .insert(0, frame_finding_of(deviation, start));
    }

    FrameInspection { frame, inspection }
}

/// A stream offset as a finding holds it.
fn to_usize(offset: u64) -> usize {
    usize::try_from(offset).unwrap_or(usize::MAX)
}
