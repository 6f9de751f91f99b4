//! XML sent with no TPKT header, ended by CR LF: rejected when strict,
//! yielded and marked when lenient, bounded by the same limits either way.

use dvcr_protocol::tpkt::{Config, Deviation, Framing, TpktError, split_with};

use super::{feed, feed_all, framed};

const DOC: &[u8] = b"<?xml version=\"1.0\"?><DVCRMANAGER version=\"1.0.0.0\"/>";

/// Lenient framing with the default maximum.
fn lenient() -> Config {
    Config::DEFAULT.with_framing(Framing::Lenient)
}

/// `DOC` with CR LF after it.
fn line(prefix: &[u8]) -> Vec<u8> {
    [prefix, DOC, b"\r\n"].concat()
}

#[test]
fn strict_framing_rejects_unframed_xml_rather_than_reading_a_version_byte() {
    assert_eq!(
        feed_all(&line(b"")),
        Err(TpktError::UnframedXml { offset: 0 })
    );
}

#[test]
fn strict_framing_recognises_xml_after_a_byte_order_mark_or_whitespace() {
    for prefix in [&b"\xEF\xBB\xBF"[..], b" ", b"\r\n\t <", b"\xEF\xBB\xBF \n"] {
        assert_eq!(
            feed_all(&line(prefix)),
            Err(TpktError::UnframedXml { offset: 0 })
        );
    }
}

#[test]
fn strict_framing_rejects_unframed_xml_after_a_frame_at_its_offset() {
    let stream = [framed(b"ok"), line(b"")].concat();
    assert_eq!(feed_all(&stream), Err(TpktError::UnframedXml { offset: 6 }));
}

#[test]
fn whitespace_followed_by_something_other_than_xml_is_a_bad_version() {
    let expected = TpktError::BadVersion {
        expected: 3,
        found: b' ',
        offset: 0,
    };
    assert_eq!(feed_all(b"  x"), Err(expected));
}

#[test]
fn a_broken_byte_order_mark_is_a_bad_version() {
    let expected = TpktError::BadVersion {
        expected: 3,
        found: 0xEF,
        offset: 0,
    };
    assert_eq!(feed_all(b"\xEF\xBB<a/>\r\n"), Err(expected));
}

#[test]
fn a_stream_ending_in_whitespace_is_a_bad_version() {
    let expected = TpktError::BadVersion {
        expected: 3,
        found: b'\r',
        offset: 6,
    };
    assert_eq!(
        feed_all(&[framed(b"ok"), b"\r\n".to_vec()].concat()),
        Err(expected)
    );
}

#[test]
fn lenient_framing_yields_unframed_xml_up_to_cr_lf_marked_as_a_deviation() {
    let stream = line(b"");
    let found = split_with(&stream, &lenient(), 0).map(|split| {
        split.map(|(frame, used)| {
            let marks = (frame.header(), frame.reserved(), frame.deviation());
            (
                frame.payload(),
                used,
                frame.wire_len(),
                frame.is_unframed(),
                marks,
            )
        })
    });
    let marks = (None, None, Some(Deviation::UnframedXml));
    let used = DOC.len() + 2;
    assert_eq!(found, Ok(Some((DOC, used, used, true, marks))));
}

#[test]
fn lenient_framing_keeps_the_byte_order_mark_and_whitespace_in_the_payload() {
    let stream = line(b"\xEF\xBB\xBF\r\n ");
    let expected = vec![(None, [&b"\xEF\xBB\xBF\r\n "[..], DOC].concat(), 0)];
    assert_eq!(feed(lenient(), [&stream[..]]), Ok(expected));
}

#[test]
fn lenient_framing_mixes_framed_and_unframed_messages() {
    let stream = [framed(b"one"), line(b""), framed(b"two")].concat();
    let expected = vec![
        (Some(0), b"one".to_vec(), 0),
        (None, DOC.to_vec(), 7),
        (Some(0), b"two".to_vec(), 7 + DOC.len() as u64 + 2),
    ];
    assert_eq!(feed(lenient(), [&stream[..]]), Ok(expected));
}

#[test]
fn lenient_framing_takes_unframed_xml_as_long_as_the_largest_payload() {
    let config = lenient().with_max_frame_len(20);
    let stream = [&[b'<'; 16][..], b"\r\n"].concat();
    assert_eq!(
        feed(config, [&stream[..]]),
        Ok(vec![(None, vec![b'<'; 16], 0)])
    );
}

#[test]
fn lenient_framing_rejects_unframed_xml_longer_than_the_largest_payload() {
    let config = lenient().with_max_frame_len(20);
    let stream = [&[b'<'; 17][..], b"\r\n"].concat();
    let expected = TpktError::UnframedXmlTooLong { max: 16, offset: 0 };
    assert_eq!(feed(config, [&stream[..]]), Err(expected.clone()));
    assert_eq!(feed(config, stream.chunks(1)), Err(expected));
}

#[test]
fn lenient_framing_rejects_a_long_run_of_whitespace() {
    let config = lenient().with_max_frame_len(20);
    let expected = TpktError::BadVersion {
        expected: 3,
        found: b' ',
        offset: 0,
    };
    assert_eq!(feed(config, [&[b' '; 16][..]]), Err(expected));
}

#[test]
fn whitespace_is_looked_at_only_as_far_as_the_largest_payload_however_chunked() {
    let config = lenient().with_max_frame_len(20);
    let stream = [&[b' '; 20][..], b"<a/>\r\n"].concat();
    let expected = TpktError::BadVersion {
        expected: 3,
        found: b' ',
        offset: 0,
    };
    assert_eq!(feed(config, [&stream[..]]), Err(expected.clone()));
    assert_eq!(feed(config, stream.chunks(1)), Err(expected));
}

#[test]
fn lenient_framing_reports_a_stream_ending_before_cr_lf() {
    let stream = [framed(b"ok"), DOC.to_vec()].concat();
    let expected = TpktError::UnterminatedXml {
        received: DOC.len(),
        offset: 6,
    };
    assert_eq!(feed(lenient(), [&stream[..]]), Err(expected));
}

#[test]
fn lenient_framing_is_not_looser_on_frames() {
    let config = lenient().with_max_frame_len(100);
    let expected = TpktError::FrameTooLong {
        max: 100,
        declared: 101,
        offset: 0,
    };
    assert_eq!(feed(config, [&[3, 0, 0, 101][..]]), Err(expected));
    let expected = TpktError::BadVersion {
        expected: 3,
        found: b'x',
        offset: 0,
    };
    assert_eq!(feed(config, [&b"x\r\n"[..]]), Err(expected));
}
