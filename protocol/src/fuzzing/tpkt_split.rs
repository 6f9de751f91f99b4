//! The `tpkt_split` oracle: a byte stream splits into the same frames, or
//! stops at the same error, however it is chunked (spec, "General
//! Information", item 4).

use crate::tpkt::{Config, Framing, HEADER_LEN, Splitter, TpktError, check_end, split_with};

/// Inputs longer than this are not also fed one byte at a time.
const BYTEWISE_MAX: usize = 512;

/// What splitting a whole stream gave: each frame as (offset, header bytes
/// or none, payload), then how the stream ended.
#[derive(Debug, PartialEq, Eq)]
struct Split {
    frames: Vec<(u64, Option<[u8; HEADER_LEN]>, Vec<u8>)>,
    end: Result<(), TpktError>,
}

/// Checks that every chunking of a stream yields the same frames or error.
///
/// The first byte chooses the settings (bit 0: lenient framing; bit 1: a
/// 64-byte maximum frame), the next four the sizes of the chunks, taken in
/// turn (0 counts as 1); the rest is the stream. The stream is split in one
/// chunk, in those chunks, one byte at a time, and by the stateless
/// [`split_with`] and [`check_end`]; all four must agree, frame for frame,
/// offset for offset, and on the final error. Each frame must also be
/// consistent in itself: its header's length is its wire length and it
/// stays within the maximum.
pub fn tpkt_split(data: &[u8]) {
    let Some((&settings, rest)) = data.split_first() else {
        return;
    };

    let (sizes, stream) = rest.split_at(rest.len().min(4));
    let mut config = Config::DEFAULT;
    if settings & 1 == 1 {
        config = config.with_framing(Framing::Lenient);
    }
    if settings & 2 == 2 {
        config = config.with_max_frame_len(64);
    }

    let whole = split_chunked(stream, &config, &[stream.len().max(1)]);
    let sized: Vec<usize> = sizes.iter().map(|&size| usize::from(size).max(1)).collect();
    let chunked = split_chunked(stream, &config, &sized);
    if whole != chunked {
        panic!("chunks {sized:?} split differently: {chunked:?}, whole: {whole:?}");
    }

    let stateless = split_stateless(stream, &config);
    if whole != stateless {
        panic!("split_with differs from the splitter: {stateless:?}, splitter: {whole:?}");
    }

    if stream.len() <= BYTEWISE_MAX {
        let bytewise = split_chunked(stream, &config, &[1]);
        if whole != bytewise {
            panic!("byte by byte split differently: {bytewise:?}, whole: {whole:?}");
        }
    }

    check_frames(&whole, &config);
}

/// Feeds `stream` to a [`Splitter`] in chunks of `sizes`, cycled.
fn split_chunked(stream: &[u8], config: &Config, sizes: &[usize]) -> Split {
    let mut splitter = Splitter::with_config(*config);
    let mut frames = Vec::new();
    let mut rest = stream;
    let mut turn = sizes.iter().cycle();
    while !rest.is_empty() {
        let size = turn.next().copied().unwrap_or(1);
        let (chunk, after) = rest.split_at(size.min(rest.len()));
        rest = after;
        splitter.push(chunk);
        loop {
            match splitter.next_frame() {
                Ok(Some(frame)) => frames.push((
                    frame.offset(),
                    frame.header().map(|header| header.to_bytes()),
                    frame.payload().to_vec(),
                )),
                Ok(None) => break,
                Err(error) => {
                    return Split {
                        frames,
                        end: Err(error),
                    };
                }
            }
        }
    }

    let end = splitter.finish();
    Split { frames, end }
}

/// Splits `stream` with the stateless functions.
fn split_stateless(stream: &[u8], config: &Config) -> Split {
    let mut frames = Vec::new();
    let mut rest = stream;
    let mut offset = 0_u64;
    loop {
        match split_with(rest, config, offset) {
            Ok(Some((frame, used))) => {
                if used != frame.wire_len() || used == 0 {
                    panic!("frame at {offset} took {used} bytes, its wire length is not that");
                }

                frames.push((
                    frame.offset(),
                    frame.header().map(|header| header.to_bytes()),
                    frame.payload().to_vec(),
                ));
                rest = rest.get(used..).unwrap_or_default();
                offset += used as u64;
            }
            Ok(None) => break,
            Err(error) => {
                return Split {
                    frames,
                    end: Err(error),
                };
            }
        }
    }

    let end = check_end(rest, config, offset);
    Split { frames, end }
}

/// Checks each frame on its own: consecutive offsets, the header's length,
/// and the maximum frame length.
fn check_frames(split: &Split, config: &Config) {
    let mut expected_offset = 0_u64;
    for (offset, header, payload) in &split.frames {
        if *offset != expected_offset {
            panic!("frame at {offset}, expected the next one at {expected_offset}");
        }

        let wire_len = match header {
            Some([_, _, high, low]) => {
                let declared = usize::from(u16::from_be_bytes([*high, *low]));
                if declared != payload.len() + HEADER_LEN {
                    panic!(
                        "frame at {offset} declares {declared} bytes, came with a payload of {}",
                        payload.len()
                    );
                }

                declared
            }
            None => payload.len() + 2,
        };
        if payload.len() > config.max_payload_len() {
            panic!(
                "frame at {offset} has a payload of {} bytes, over the maximum",
                payload.len()
            );
        }

        expected_offset += wire_len as u64;
    }
}
