//! The header's layout, its constants, and framing a payload.

use dvcr_protocol::Limits;
use dvcr_protocol::tpkt::{
    Config, Deviation, HEADER_LEN, Header, MAX_FRAME_LEN, MAX_PAYLOAD_LEN, TpktError, VERSION,
    split, write_frame,
};

use super::{feed_all, framed, framed_with};

#[test]
fn the_constants_are_those_of_rfc_1006() {
    assert_eq!(VERSION, 3);
    assert_eq!(HEADER_LEN, 4);
    assert_eq!(MAX_FRAME_LEN, 65_535);
    assert_eq!(MAX_PAYLOAD_LEN, 65_531);
    assert_eq!(Config::DEFAULT.max_frame_len(), 65_535);
    assert_eq!(Config::from_limits(&Limits::DEFAULT), Config::DEFAULT);
}

#[test]
fn a_header_reads_back_what_it_writes_whatever_its_reserved_byte() -> Result<(), TpktError> {
    for reserved in 0..=u8::MAX {
        let header = Header::for_payload(300)?.with_reserved(reserved);
        let bytes = header.to_bytes();
        assert_eq!(bytes, [3, reserved, 0x01, 0x30]);
        assert_eq!(Header::parse(bytes, 0)?, header);
        assert_eq!(header.frame_len(), 304);
        assert_eq!(header.payload_len(), 300);
        assert_eq!(header.reserved(), reserved);
    }

    Ok(())
}

#[test]
fn the_length_is_big_endian_and_counts_the_header() -> Result<(), TpktError> {
    let header = Header::parse([3, 0, 0xAB, 0xCD], 0)?;
    assert_eq!(header.frame_len(), 0xABCD);
    assert_eq!(header.payload_len(), 0xABCD - 4);
    Ok(())
}

#[test]
fn write_frame_appends_header_and_payload() -> Result<(), TpktError> {
    let mut out = b"kept".to_vec();
    let header = write_frame(b"<a/>", &mut out)?;
    assert_eq!(out, b"kept\x03\x00\x00\x08<a/>");
    assert_eq!(header, Header::for_payload(4)?);
    Ok(())
}

#[test]
fn write_frame_rejects_an_empty_payload_and_leaves_the_buffer_alone() {
    let mut out = b"kept".to_vec();
    assert_eq!(write_frame(b"", &mut out), Err(TpktError::NothingToFrame));
    assert_eq!(out, b"kept");
}

#[test]
fn write_frame_rejects_a_payload_longer_than_one_frame() {
    let mut out = Vec::new();
    let payload = vec![b'x'; MAX_PAYLOAD_LEN + 1];
    let expected = TpktError::PayloadTooLong {
        max: 65_531,
        len: 65_532,
    };
    assert_eq!(write_frame(&payload, &mut out), Err(expected));
    assert!(out.is_empty());
}

#[test]
fn the_largest_payload_is_framed_and_split_back() -> Result<(), TpktError> {
    let payload = vec![b'x'; MAX_PAYLOAD_LEN];
    let mut out = Vec::new();
    write_frame(&payload, &mut out)?;
    assert_eq!(out.get(..4), Some(&[3, 0, 0xFF, 0xFF][..]));

    let split = split(&out)?.map(|(frame, used)| (frame.payload().len(), used));
    assert_eq!(split, Some((MAX_PAYLOAD_LEN, MAX_FRAME_LEN)));
    Ok(())
}

#[test]
fn a_reserved_byte_other_than_0_is_accepted_and_reported() -> Result<(), TpktError> {
    let stream = framed_with(7, b"hi");
    let found = split(&stream)?.map(|(frame, used)| {
        let marks = (frame.reserved(), frame.deviation(), frame.is_unframed());
        (frame.payload(), used, marks)
    });
    let marks = (
        Some(7),
        Some(Deviation::NonZeroReserved { found: 7 }),
        false,
    );
    assert_eq!(found, Some((&b"hi"[..], 6, marks)));
    assert_eq!(feed_all(&stream)?, vec![(Some(7), b"hi".to_vec(), 0)]);
    Ok(())
}

#[test]
fn a_reserved_byte_of_0_is_no_deviation() -> Result<(), TpktError> {
    let stream = framed(b"hi");
    let deviation = split(&stream)?.map(|(frame, _)| frame.deviation());
    assert_eq!(deviation, Some(None));
    Ok(())
}
