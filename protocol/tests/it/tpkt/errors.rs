//! Every way a stream can fail to be TPKT, with the exact error, and the
//! splitter staying failed after it.

use dvcr_protocol::tpkt::{Config, Splitter, TpktError, check_end, split};

use super::{feed, feed_all, framed};

#[test]
fn a_version_byte_other_than_3_is_rejected() {
    let expected = TpktError::BadVersion {
        expected: 3,
        found: 4,
        offset: 0,
    };
    assert_eq!(feed_all(&[4, 0, 0, 5, b'a']), Err(expected));
}

#[test]
fn the_offset_of_an_error_is_where_its_frame_starts_in_the_stream() {
    let mut stream = framed(b"ok");
    stream.extend_from_slice(&[0, 0, 0, 5, b'a']);
    let expected = TpktError::BadVersion {
        expected: 3,
        found: 0,
        offset: 6,
    };
    assert_eq!(feed_all(&stream), Err(expected));
}

#[test]
fn a_length_below_the_header_is_rejected() {
    let expected = TpktError::LengthBelowHeader {
        minimum: 4,
        declared: 3,
        offset: 0,
    };
    assert_eq!(feed_all(&[3, 0, 0, 3]), Err(expected));
}

#[test]
fn a_length_of_0_is_rejected() {
    let expected = TpktError::LengthBelowHeader {
        minimum: 4,
        declared: 0,
        offset: 0,
    };
    assert_eq!(feed_all(&[3, 0, 0, 0, b'a']), Err(expected));
}

#[test]
fn a_frame_of_header_only_is_rejected_as_an_empty_payload() {
    let expected = TpktError::EmptyPayload {
        minimum: 5,
        declared: 4,
        offset: 0,
    };
    assert_eq!(feed_all(&[3, 0, 0, 4]), Err(expected));
}

#[test]
fn a_length_above_the_configured_maximum_is_rejected_before_its_payload_arrives() {
    let config = Config::DEFAULT.with_max_frame_len(100);
    let expected = TpktError::FrameTooLong {
        max: 100,
        declared: 101,
        offset: 0,
    };
    assert_eq!(feed(config, [&[3, 0, 0, 101][..]]), Err(expected));
}

#[test]
fn a_length_at_the_configured_maximum_is_accepted() {
    let config = Config::DEFAULT.with_max_frame_len(100);
    let stream = framed(&[b'x'; 96]);
    assert_eq!(
        feed(config, [&stream[..]]),
        Ok(vec![(Some(0), vec![b'x'; 96], 0)])
    );
}

#[test]
fn a_maximum_above_65535_is_lowered_to_65535() {
    assert_eq!(
        Config::DEFAULT.with_max_frame_len(1 << 20).max_frame_len(),
        65_535
    );
}

#[test]
fn a_stream_ending_inside_a_payload_is_truncated() {
    let expected = TpktError::Truncated {
        expected: 10,
        received: 7,
        offset: 0,
    };
    assert_eq!(feed_all(&[3, 0, 0, 10, 1, 2, 3]), Err(expected));
}

#[test]
fn a_stream_ending_inside_a_header_is_truncated() {
    let mut stream = framed(b"ok");
    stream.extend_from_slice(&[3, 0]);
    let expected = TpktError::Truncated {
        expected: 4,
        received: 2,
        offset: 6,
    };
    assert_eq!(feed_all(&stream), Err(expected));
}

#[test]
fn an_empty_stream_and_a_stream_of_whole_frames_end_cleanly() {
    assert_eq!(check_end(b"", &Config::DEFAULT, 0), Ok(()));
    let stream = [framed(b"a"), framed(b"b")].concat();
    assert_eq!(check_end(&stream, &Config::DEFAULT, 0), Ok(()));
}

#[test]
fn the_stateless_split_needs_more_bytes_until_a_frame_is_whole() {
    assert_eq!(split(&[]), Ok(None));
    assert_eq!(split(&[3, 0, 0]), Ok(None));
    assert_eq!(split(&[3, 0, 0, 6, b'a']), Ok(None));
}

#[test]
fn a_failed_splitter_returns_the_same_error_and_never_resynchronises() {
    let mut splitter = Splitter::new();
    splitter.push(b"xx");
    splitter.push(&framed(b"after"));
    let expected = TpktError::BadVersion {
        expected: 3,
        found: b'x',
        offset: 0,
    };
    assert_eq!(splitter.next_frame(), Err(expected.clone()));

    splitter.push(&framed(b"later"));
    assert_eq!(splitter.next_frame(), Err(expected.clone()));
    assert_eq!(splitter.finish(), Err(expected.clone()));
    assert_eq!(splitter.error(), Some(&expected));
    assert_eq!(splitter.offset(), 0);
}

#[test]
fn errors_read_as_lowercase_text_with_what_was_expected_and_where() {
    let error = TpktError::Truncated {
        expected: 10,
        received: 7,
        offset: 42,
    };
    let text = error.to_string();
    assert_eq!(
        text,
        "tpkt frame at 42 cut short: expected 10 bytes, received 7"
    );
}
