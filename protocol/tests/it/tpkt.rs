//! TPKT framing (spec, "General Information", item 4; RFC 1006): headers,
//! errors, unframed XML, any chunking of the stream, and the tokio codec.

mod chunking;
mod codec;
mod errors;
mod header;
mod unframed;

use dvcr_protocol::tpkt::{Config, Frame, Splitter, TpktError};

/// A frame as the tests compare them: reserved byte (`None` when the frame
/// came unframed), payload, and stream offset.
type Seen = (Option<u8>, Vec<u8>, u64);

/// What a test keeps of a frame.
fn seen(frame: &Frame<'_>) -> Seen {
    (frame.reserved(), frame.payload().to_vec(), frame.offset())
}

/// `payload` as one TPKT frame with this reserved byte, written by hand so
/// that the tests do not take the writer's word for the layout.
fn framed_with(reserved: u8, payload: &[u8]) -> Vec<u8> {
    let [hi, lo] = u16::try_from(payload.len() + 4)
        .unwrap_or(u16::MAX)
        .to_be_bytes();
    let mut out = vec![3, reserved, hi, lo];
    out.extend_from_slice(payload);
    out
}

/// `payload` as one TPKT frame with reserved byte 0.
fn framed(payload: &[u8]) -> Vec<u8> {
    framed_with(0, payload)
}

/// Every frame a splitter yields when fed `chunks` in turn, then the end of
/// the stream checked; the first error stops it.
fn feed<'c>(
    config: Config,
    chunks: impl IntoIterator<Item = &'c [u8]>,
) -> Result<Vec<Seen>, TpktError> {
    let mut splitter = Splitter::with_config(config);
    let mut frames = Vec::new();
    for chunk in chunks {
        splitter.push(chunk);
        while let Some(frame) = splitter.next_frame()? {
            frames.push(seen(&frame));
        }
    }

    splitter.finish()?;
    Ok(frames)
}

/// Every frame of `stream` fed as one chunk, with the default settings.
fn feed_all(stream: &[u8]) -> Result<Vec<Seen>, TpktError> {
    feed(Config::DEFAULT, [stream])
}
