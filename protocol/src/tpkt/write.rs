//! Framing a payload: header, then payload, into the caller's buffer (spec,
//! "General Information", item 4).

use super::error::TpktError;
use super::header::Header;

/// Appends `payload` to `out` as one TPKT frame, reserved byte 0, and
/// returns the header written.
///
/// Fails, leaving `out` untouched, if the payload is empty or longer than
/// one frame can carry (65531 bytes).
pub fn write_frame(payload: &[u8], out: &mut Vec<u8>) -> Result<Header, TpktError> {
    let header = Header::for_payload(payload.len())?;
    out.reserve(header.frame_len());
    header.write(out);
    out.extend_from_slice(payload);
    Ok(header)
}
