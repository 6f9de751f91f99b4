//! Encoding messages as TPKT frames (spec, "General Information", items 4
//! and 5): the header, the document's exact text, escaping, and what cannot
//! be encoded.

#![expect(clippy::unwrap_used, reason = "a test fails by panicking")]

use dvcr_protocol::decode::{DecodeOptions, decode};
use dvcr_protocol::encode::{EncodeError, encode, encode_xml};
use dvcr_protocol::{Kind, Message};

fn login() -> Message<'static> {
    let mut message = Message::single(Kind::Command, "login");
    message
        .push_value("USERNAME", "Administrator")
        .push_value("PASSWORD", "");
    message
}

#[test]
fn a_document_is_written_with_declaration_root_records_and_fields() {
    let mut out = Vec::new();
    encode_xml(&login(), &mut out).unwrap();

    let expected = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n\
        <DVCRMANAGER version=\"1.0.0.0\">\n\
        <COMMAND xmlid=\"login\">\n\
        <USERNAME value=\"Administrator\"/>\n\
        <PASSWORD value=\"\"/>\n\
        </COMMAND>\n\
        </DVCRMANAGER>\n";
    assert_eq!(String::from_utf8(out).unwrap(), expected);
}

#[test]
fn a_frame_starts_with_a_tpkt_header_counting_itself() {
    let mut xml = Vec::new();
    encode_xml(&login(), &mut xml).unwrap();
    let mut frame = b"kept".to_vec();
    encode(&login(), &mut frame).unwrap();

    let len = u16::try_from(xml.len() + 4).unwrap().to_be_bytes();
    assert_eq!(frame[..4], *b"kept");
    assert_eq!(frame[4..8], [0x03, 0x00, len[0], len[1]]);
    assert_eq!(frame[8..], xml[..]);
}

#[test]
fn values_are_escaped_so_that_they_decode_unchanged() {
    let mut message = Message::single(Kind::Confirm, " a&b ");
    message
        .push_field("DESCRIPTION")
        .push_attribute("value", "<\"x\" & 'y'>\t\r\n")
        .push_attribute("name", "名前 ");

    let mut out = Vec::new();
    encode_xml(&message, &mut out).unwrap();
    let text = String::from_utf8(out.clone()).unwrap();

    assert!(text.contains("xmlid=\"&#32;a&amp;b&#32;\""), "{text}");
    assert!(
        text.contains("value=\"&lt;&quot;x&quot; &amp; 'y'&gt;&#9;&#13;&#10;\""),
        "{text}"
    );
    let decoded = decode(&out, &DecodeOptions::STRICT).unwrap();
    assert_eq!(decoded.message, message);
}

#[test]
fn a_message_without_records_cannot_be_encoded() {
    let mut out = vec![1, 2];
    let result = encode(&Message::new("1.0.0.0"), &mut out);

    assert_eq!(result, Err(EncodeError::NoRecord));
    assert_eq!(out, [1, 2]);
}

#[test]
fn names_that_are_not_xml_names_cannot_be_encoded() {
    for (field, attribute) in [
        ("1A", "value"),
        ("A B", "value"),
        ("", "value"),
        ("A", "v=x"),
    ] {
        let mut message = Message::single(Kind::Command, "x");
        message.push_field(field).push_attribute(attribute, "1");
        let bad = if field == "A" { attribute } else { field };

        let mut out = Vec::new();
        let expected = EncodeError::InvalidName {
            record: 0,
            name: bad.to_owned(),
        };
        assert_eq!(encode(&message, &mut out), Err(expected));
        assert!(out.is_empty());
    }
}

#[test]
fn characters_xml_forbids_cannot_be_encoded() {
    let mut message = Message::single(Kind::Command, "x");
    message.push_value("A", "\u{0}");
    let expected = EncodeError::ForbiddenChar {
        record: Some(0),
        code: 0,
    };
    assert_eq!(encode(&message, &mut Vec::new()), Err(expected));

    let mut message = Message::single(Kind::Command, "x");
    message.set_version("\u{FFFF}");
    let expected = EncodeError::ForbiddenChar {
        record: None,
        code: 0xFFFF,
    };
    assert_eq!(encode(&message, &mut Vec::new()), Err(expected));
}

#[test]
fn a_field_with_the_same_attribute_twice_cannot_be_encoded() {
    let mut message = Message::single(Kind::Command, "x");
    message.push_value("A", "1").push_attribute("value", "2");

    let expected = EncodeError::DuplicateAttribute {
        record: 0,
        field: "A".to_owned(),
        name: "value".to_owned(),
    };
    assert_eq!(encode(&message, &mut Vec::new()), Err(expected));
}

#[test]
fn a_frame_longer_than_tpkt_allows_cannot_be_encoded() {
    let long = "x".repeat(70_000);
    let mut message = Message::single(Kind::Command, "x");
    message.push_value("A", long.as_str());

    let mut out = Vec::new();
    let result = encode(&message, &mut out);
    assert!(matches!(
        result,
        Err(EncodeError::TooLong { max: 65_535, .. })
    ));
    assert!(out.is_empty());
    assert!(encode_xml(&message, &mut out).is_ok());
}

#[test]
fn a_frame_of_exactly_the_tpkt_maximum_can_be_encoded() {
    let mut message = Message::single(Kind::Command, "x");
    message.push_value("A", "");
    let mut out = Vec::new();
    encode(&message, &mut out).unwrap();
    let room = 65_535 - out.len();

    let filler = "y".repeat(room);
    let mut message = Message::single(Kind::Command, "x");
    message.push_value("A", filler.as_str());
    out.clear();
    encode(&message, &mut out).unwrap();
    assert_eq!(out.len(), 65_535);
    assert_eq!(out[2..4], [0xFF, 0xFF]);
}
