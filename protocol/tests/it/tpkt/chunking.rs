//! The same frames come out whatever chunks the stream arrives in.

use dvcr_protocol::tpkt::{Config, Framing, TpktError, split_with};
use proptest::prelude::*;
use proptest::sample::Index;

use super::{Seen, feed, framed, framed_with};

/// A stream of three frames, one of them unframed, and what it holds.
fn sample() -> (Vec<u8>, Vec<Seen>) {
    let stream = [
        framed(b"first"),
        framed_with(9, b"second"),
        b"<third/>\r\n".to_vec(),
    ]
    .concat();
    let frames = vec![
        (Some(0), b"first".to_vec(), 0),
        (Some(9), b"second".to_vec(), 9),
        (None, b"<third/>".to_vec(), 19),
    ];
    (stream, frames)
}

/// Lenient framing with the default maximum.
fn lenient() -> Config {
    Config::DEFAULT.with_framing(Framing::Lenient)
}

/// `stream` cut at each of `cuts`, sorted, into consecutive chunks.
fn cut(stream: &[u8], mut cuts: Vec<usize>) -> Vec<&[u8]> {
    cuts.push(stream.len());
    cuts.sort_unstable();
    let mut chunks = Vec::new();
    let mut start = 0;
    for end in cuts {
        chunks.push(stream.get(start..end).unwrap_or_default());
        start = end;
    }

    chunks
}

#[test]
fn several_frames_in_one_chunk_all_come_out() {
    let (stream, frames) = sample();
    assert_eq!(feed(lenient(), [&stream[..]]), Ok(frames));
}

#[test]
fn a_stream_fed_one_byte_at_a_time_gives_the_same_frames() {
    let (stream, frames) = sample();
    assert_eq!(feed(lenient(), stream.chunks(1)), Ok(frames));
}

#[test]
fn a_stream_split_at_every_possible_offset_gives_the_same_frames() {
    let (stream, frames) = sample();
    for at in 0..=stream.len() {
        assert_eq!(
            feed(lenient(), cut(&stream, vec![at])),
            Ok(frames.clone()),
            "cut at {at}"
        );
    }
}

#[test]
fn a_stream_split_at_every_pair_of_offsets_gives_the_same_frames() {
    let (stream, frames) = sample();
    for first in 0..=stream.len() {
        for second in first..=stream.len() {
            let chunks = cut(&stream, vec![first, second]);
            assert_eq!(
                feed(lenient(), chunks),
                Ok(frames.clone()),
                "cuts at {first}, {second}"
            );
        }
    }
}

#[test]
fn the_stateless_split_walks_a_caller_buffer_frame_by_frame() -> Result<(), TpktError> {
    let (stream, frames) = sample();
    let mut rest = &stream[..];
    let mut offset = 0;
    let mut found = Vec::new();
    while let Some((frame, used)) = split_with(rest, &lenient(), offset)? {
        found.push((frame.reserved(), frame.payload().to_vec(), frame.offset()));
        rest = rest.get(used..).unwrap_or_default();
        offset += used as u64;
    }

    assert!(rest.is_empty());
    assert_eq!(found, frames);
    Ok(())
}

/// Payloads framed one after another, and the frames they should give.
fn framed_stream(payloads: &[Vec<u8>]) -> (Vec<u8>, Vec<Seen>) {
    let mut stream = Vec::new();
    let mut frames = Vec::new();
    for payload in payloads {
        frames.push((Some(0), payload.clone(), stream.len() as u64));
        stream.extend_from_slice(&framed(payload));
    }

    (stream, frames)
}

proptest! {
    #[test]
    fn random_payloads_cut_at_random_points_give_the_same_frames(
        payloads in prop::collection::vec(prop::collection::vec(any::<u8>(), 1..300), 0..8),
        cuts in prop::collection::vec(any::<Index>(), 0..12),
    ) {
        let (stream, frames) = framed_stream(&payloads);
        let cuts = cuts.iter().map(|index| index.index(stream.len() + 1)).collect();
        prop_assert_eq!(feed(Config::DEFAULT, cut(&stream, cuts)), Ok(frames));
    }

    #[test]
    fn any_bytes_give_the_same_outcome_in_one_chunk_or_byte_by_byte(
        bytes in prop::collection::vec(any::<u8>(), 0..200),
        lenient_framing in any::<bool>(),
        max_frame_len in 0..80usize,
    ) {
        let framing = if lenient_framing { Framing::Lenient } else { Framing::Strict };
        let config = Config::DEFAULT.with_framing(framing).with_max_frame_len(max_frame_len);
        prop_assert_eq!(feed(config, [&bytes[..]]), feed(config, bytes.chunks(1)));
    }

    #[test]
    fn likely_looking_streams_give_the_same_outcome_however_cut(
        parts in prop::collection::vec(prop_oneof![
            Just(vec![3u8, 0, 0, 6, b'a', b'b']),
            Just(vec![3u8, 0]),
            Just(vec![0u8, 5]),
            Just(b"<x/>".to_vec()),
            Just(b"\r\n".to_vec()),
            Just(b" ".to_vec()),
            Just(b"        ".to_vec()),
            Just(b"\xEF\xBB\xBF".to_vec()),
        ], 0..10),
        cuts in prop::collection::vec(any::<Index>(), 0..6),
        max_frame_len in 0..40usize,
    ) {
        let stream = parts.concat();
        let cuts = cuts.iter().map(|index| index.index(stream.len() + 1)).collect();
        let config = lenient().with_max_frame_len(max_frame_len);
        prop_assert_eq!(feed(config, [&stream[..]]), feed(config, cut(&stream, cuts)));
    }
}
