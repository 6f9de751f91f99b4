//! Cutting the next whole frame from the front of a caller's buffer, with
//! no state kept between calls (spec, "General Information", item 4).

use super::config::{Config, Framing};
use super::error::TpktError;
use super::frame::Frame;
use super::header::{HEADER_LEN, Header, VERSION};
use super::unframed::{Line, Sniff, cut_line, sniff};

/// What one look at the front of a buffer gave.
#[derive(Debug)]
pub(super) enum Step<'a> {
    /// A whole frame, and how many bytes it took.
    Frame(Frame<'a>, usize),
    /// Not enough bytes yet; the first `scanned` bytes of an unframed
    /// document need not be searched for CR LF again.
    NeedMore {
        /// How many bytes were searched for CR LF.
        scanned: usize,
    },
}

/// Cuts the first frame from `buf` with the default settings (strict,
/// frames up to 65535 bytes), counting offsets from the start of `buf`.
///
/// Returns the frame and how many bytes of `buf` it took, or `Ok(None)`
/// while `buf` holds only part of a frame.
pub fn split(buf: &[u8]) -> Result<Option<(Frame<'_>, usize)>, TpktError> {
    split_with(buf, &Config::DEFAULT, 0)
}

/// Cuts the first frame from `buf` under `config`; `offset` is where `buf`
/// starts in the stream, so that frames and errors carry stream offsets.
///
/// Returns the frame and how many bytes of `buf` it took, or `Ok(None)`
/// while `buf` holds only part of a frame.
pub fn split_with<'a>(
    buf: &'a [u8],
    config: &Config,
    offset: u64,
) -> Result<Option<(Frame<'a>, usize)>, TpktError> {
    match step(buf, config, offset, 0)? {
        Step::Frame(frame, used) => Ok(Some((frame, used))),
        Step::NeedMore { .. } => Ok(None),
    }
}

/// Checks that `buf`, the last bytes of a stream, holds only whole frames;
/// `offset` is where `buf` starts in the stream.
///
/// Reports the first error in `buf`, or a stream that ends inside a frame.
pub fn check_end(buf: &[u8], config: &Config, offset: u64) -> Result<(), TpktError> {
    let mut rest = buf;
    let mut at = offset;
    while let Some((_, used)) = split_with(rest, config, at)? {
        rest = rest.get(used..).unwrap_or_default();
        at = at.saturating_add(used as u64);
    }

    truncation(rest, config, at)
}

/// The error of a stream that ends with `rest`, the start of a frame.
fn truncation(rest: &[u8], config: &Config, offset: u64) -> Result<(), TpktError> {
    let Some(&first) = rest.first() else {
        return Ok(());
    };

    let received = rest.len();
    if first == VERSION {
        let expected = match rest.first_chunk::<HEADER_LEN>() {
            Some(head) => Header::parse(*head, offset)?.frame_len(),
            None => HEADER_LEN,
        };
        return Err(TpktError::Truncated {
            expected,
            received,
            offset,
        });
    }

    match sniff(rest, config.max_payload_len()) {
        Sniff::Xml { .. } if config.framing() == Framing::Lenient => {
            Err(TpktError::UnterminatedXml { received, offset })
        }
        Sniff::Xml { .. } => Err(TpktError::UnframedXml { offset }),
        Sniff::NeedMore | Sniff::NotXml => Err(TpktError::BadVersion {
            expected: VERSION,
            found: first,
            offset,
        }),
    }
}

/// Looks at the front of `buf`: a whole frame, not enough bytes, or an
/// error. `scanned` carries over from a previous [`Step::NeedMore`] on the
/// same bytes, or is 0.
pub(super) fn step<'a>(
    buf: &'a [u8],
    config: &Config,
    offset: u64,
    scanned: usize,
) -> Result<Step<'a>, TpktError> {
    let Some(&first) = buf.first() else {
        return Ok(Step::NeedMore { scanned: 0 });
    };

    if first == VERSION {
        return step_framed(buf, config, offset);
    }

    match sniff(buf, config.max_payload_len()) {
        Sniff::NeedMore => Ok(Step::NeedMore { scanned: 0 }),
        Sniff::NotXml => Err(TpktError::BadVersion {
            expected: VERSION,
            found: first,
            offset,
        }),
        Sniff::Xml { .. } if config.framing() == Framing::Strict => {
            Err(TpktError::UnframedXml { offset })
        }
        Sniff::Xml { open } => match cut_line(buf, open, config, offset, scanned)? {
            Line::Whole(frame, used) => Ok(Step::Frame(frame, used)),
            Line::NeedMore { scanned } => Ok(Step::NeedMore { scanned }),
        },
    }
}

/// Cuts the TPKT frame at the front of `buf`, whose first byte is 3.
fn step_framed<'a>(buf: &'a [u8], config: &Config, offset: u64) -> Result<Step<'a>, TpktError> {
    let Some(head) = buf.first_chunk::<HEADER_LEN>() else {
        return Ok(Step::NeedMore { scanned: 0 });
    };

    let header = Header::parse(*head, offset)?;
    let declared = header.frame_len();
    if declared > config.max_frame_len() {
        let max = config.max_frame_len();
        return Err(TpktError::FrameTooLong {
            max,
            declared,
            offset,
        });
    }

    let Some((whole, _)) = buf.split_at_checked(declared) else {
        return Ok(Step::NeedMore { scanned: 0 });
    };

    let payload = whole.get(HEADER_LEN..).unwrap_or_default();
    Ok(Step::Frame(
        Frame::framed(header, payload, offset),
        declared,
    ))
}
