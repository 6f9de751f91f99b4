//! The `tokio_util::codec` decoder and encoder of TPKT frames.

use bytes::{Bytes, BytesMut};
use dvcr_protocol::tpkt::{
    CodecError, Config, Deviation, Framing, OwnedFrame, TpktCodec, TpktError,
};
use proptest::prelude::*;
use tokio_util::codec::{Decoder, Encoder};

use super::{feed, framed, framed_with, seen};

/// Every frame `codec` decodes from `stream` given in one piece, then the
/// end of the stream.
fn decode_all(codec: &mut TpktCodec, stream: &[u8]) -> Result<Vec<OwnedFrame>, CodecError> {
    let mut src = BytesMut::from(stream);
    let mut frames = Vec::new();
    while let Some(frame) = codec.decode_eof(&mut src)? {
        frames.push(frame);
    }

    Ok(frames)
}

/// Whether `result` failed with exactly this TPKT error.
fn fails_with<T>(result: Result<T, CodecError>, expected: &TpktError) -> bool {
    matches!(result, Err(CodecError::Tpkt(error)) if error == *expected)
}

#[test]
fn the_codec_decodes_frames_with_their_reserved_byte_and_offset() -> Result<(), CodecError> {
    let stream = [framed(b"one"), framed_with(2, b"two")].concat();
    let frames = decode_all(&mut TpktCodec::new(), &stream)?;
    let seen: Vec<_> = frames
        .iter()
        .map(|frame| (frame.payload().to_vec(), frame.offset(), frame.deviation()))
        .collect();
    let expected = vec![
        (b"one".to_vec(), 0, None),
        (
            b"two".to_vec(),
            7,
            Some(Deviation::NonZeroReserved { found: 2 }),
        ),
    ];
    assert_eq!(seen, expected);
    Ok(())
}

#[test]
fn the_codec_needs_more_bytes_until_a_frame_is_whole() -> Result<(), CodecError> {
    let stream = framed(b"whole");
    let mut codec = TpktCodec::new();
    let mut src = BytesMut::new();
    for (at, byte) in stream.iter().enumerate() {
        src.extend_from_slice(&[*byte]);
        let frame = codec.decode(&mut src)?;
        assert_eq!(frame.is_some(), at + 1 == stream.len());
    }

    assert!(src.is_empty());
    Ok(())
}

#[test]
fn the_codec_reports_a_truncated_frame_at_the_end_of_the_stream() {
    let stream = [framed(b"ok"), vec![3, 0, 0, 9, b'x']].concat();
    let expected = TpktError::Truncated {
        expected: 9,
        received: 5,
        offset: 6,
    };
    let mut codec = TpktCodec::new();
    assert!(fails_with(decode_all(&mut codec, &stream), &expected));
    assert!(fails_with(
        decode_all(&mut codec, &framed(b"more")),
        &expected
    ));
}

#[test]
fn an_empty_buffer_holds_no_frame_until_the_codec_has_failed() {
    let mut codec = TpktCodec::new();
    let mut empty = BytesMut::new();
    assert!(matches!(codec.decode(&mut empty), Ok(None)));

    let mut bad = BytesMut::from(&b"\x02\x00\x00\x05x"[..]);
    let failure = codec.decode(&mut bad);
    let again = codec.decode(&mut empty);
    let expected = TpktError::BadVersion {
        expected: 3,
        found: 2,
        offset: 0,
    };

    assert!(fails_with(failure, &expected));
    assert!(fails_with(again, &expected));
}

#[test]
fn the_codec_rejects_unframed_xml_unless_lenient() -> Result<(), CodecError> {
    let stream = b"<a/>\r\n";
    let expected = TpktError::UnframedXml { offset: 0 };
    assert!(fails_with(
        decode_all(&mut TpktCodec::new(), stream),
        &expected
    ));

    let config = Config::DEFAULT.with_framing(Framing::Lenient);
    let frames = decode_all(&mut TpktCodec::with_config(config), stream)?;
    let seen: Vec<_> = frames
        .iter()
        .map(|frame| (frame.payload(), frame.header()))
        .collect();
    assert_eq!(seen, vec![(&b"<a/>"[..], None)]);
    Ok(())
}

#[test]
fn what_the_codec_encodes_it_decodes_back() -> Result<(), CodecError> {
    let mut codec = TpktCodec::new();
    let mut wire = BytesMut::new();
    codec.encode(&b"<x/>"[..], &mut wire)?;
    codec.encode(Bytes::from_static(b"<y/>"), &mut wire)?;
    assert_eq!(&wire[..], &[framed(b"<x/>"), framed(b"<y/>")].concat()[..]);

    let first = codec.decode(&mut wire)?.map(OwnedFrame::into_payload);
    let second = codec
        .decode(&mut wire)?
        .map(|frame| frame.as_frame().payload().to_vec());
    assert_eq!(first, Some(BytesMut::from(&b"<x/>"[..])));
    assert_eq!(second, Some(b"<y/>".to_vec()));
    assert_eq!(codec.decode_eof(&mut wire)?, None);
    Ok(())
}

#[test]
fn a_decoded_payload_is_its_own_and_grows_without_touching_the_next_frame() -> Result<(), CodecError>
{
    let mut codec = TpktCodec::new();
    let mut wire = BytesMut::from(&[framed(b"<x/>"), framed(b"<y/>")].concat()[..]);
    let mut first = codec.decode(&mut wire)?.map(OwnedFrame::into_payload);
    if let Some(payload) = &mut first {
        payload.extend_from_slice(b"<z/>");
    }
    let second = codec.decode(&mut wire)?.map(OwnedFrame::into_payload);

    assert_eq!(first, Some(BytesMut::from(&b"<x/><z/>"[..])));
    assert_eq!(second, Some(BytesMut::from(&b"<y/>"[..])));
    assert!(wire.is_empty());
    Ok(())
}

#[test]
fn the_codec_refuses_to_encode_an_empty_payload() {
    let result = TpktCodec::new().encode(&b""[..], &mut BytesMut::new());
    assert!(matches!(
        result,
        Err(CodecError::Tpkt(TpktError::NothingToFrame))
    ));
}

proptest! {
    #[test]
    fn the_codec_and_the_splitter_agree_on_any_bytes(
        bytes in prop::collection::vec(any::<u8>(), 0..120),
        lenient_framing in any::<bool>(),
    ) {
        let framing = if lenient_framing { Framing::Lenient } else { Framing::Strict };
        let config = Config::DEFAULT.with_framing(framing).with_max_frame_len(40);
        let decoded = match decode_all(&mut TpktCodec::with_config(config), &bytes) {
            Ok(frames) => Ok(frames.iter().map(|frame| seen(&frame.as_frame())).collect()),
            Err(CodecError::Tpkt(error)) => Err(error),
            Err(other) => return Err(TestCaseError::fail(other.to_string())),
        };
        prop_assert_eq!(decoded, feed(config, [&bytes[..]]));
    }
}
