//! The exact text of encoded documents (spec, "General Information", item
//! 5), against a plain writer kept here as the oracle: one `String` per
//! document, each character escaped by a `match`. The encoder's short path
//! for plain `value` fields must give the very same bytes, and leave every
//! other field, name and value to the general path, in any order and at
//! any length.

#![expect(clippy::unwrap_used, reason = "a test fails by panicking")]

use dvcr_protocol::encode::{EncodeError, encode, encode_xml};
use dvcr_protocol::{Kind, Message};
use proptest::prelude::*;

/// A value as the encoder must write it between double quotes.
fn escaped(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '&' => "&amp;".to_owned(),
            '<' => "&lt;".to_owned(),
            '>' => "&gt;".to_owned(),
            '"' => "&quot;".to_owned(),
            '\t' => "&#9;".to_owned(),
            '\n' => "&#10;".to_owned(),
            '\r' => "&#13;".to_owned(),
            c => c.to_string(),
        })
        .collect()
}

/// An `xmlid` as the encoder must write it: spaces at either end as
/// references.
fn escaped_xmlid(xmlid: &str) -> String {
    let core = xmlid.trim_matches(' ');
    let leading = xmlid.len() - xmlid.trim_start_matches(' ').len();
    let trailing = xmlid.len() - xmlid.trim_end_matches(' ').len();
    if core.is_empty() {
        return "&#32;".repeat(xmlid.len());
    }

    "&#32;".repeat(leading) + &escaped(core) + &"&#32;".repeat(trailing)
}

/// The document the oracle writes for `message`.
fn expected(message: &Message<'_>) -> String {
    let mut text = String::from("<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n");
    text += &format!("<DVCRMANAGER version=\"{}\">\n", escaped(message.version()));
    for record in message.records() {
        let element = record.kind().element();
        text += &format!("<{element} xmlid=\"{}\">\n", escaped_xmlid(record.xmlid()));
        for field in record.fields() {
            text += &format!("<{}", field.name());
            for attribute in field.attributes() {
                text += &format!(" {}=\"{}\"", attribute.name, escaped(&attribute.value));
            }
            text += "/>\n";
        }
        text += &format!("</{element}>\n");
    }
    text + "</DVCRMANAGER>\n"
}

/// Text from 0 to 40 characters, mostly plain ASCII, with the characters
/// that need escaping and those whose UTF-8 starts with `0xEF` or above.
fn text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        12 => proptest::char::range('a', 'z'),
        2 => prop::sample::select(vec![' ', '.', ':', '-', '_', '0', '9', '\'']),
        1 => prop::sample::select(vec!['&', '<', '>', '"', '\t', '\r', '\n']),
        1 => prop::sample::select(vec!['é', '名', '\u{E000}', '\u{FFFD}', '😀', '\u{10FFFF}']),
    ];
    proptest::collection::vec(c, 0..40).prop_map(|chars| chars.into_iter().collect())
}

/// An XML name from 1 to 30 characters, now and then beyond ASCII.
fn name() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => "[A-Z_:][A-Z0-9_.:-]{0,29}",
        1 => "[a-z\u{C0}-\u{D6}\u{4E00}-\u{4E20}][a-z0-9.\u{B7}\u{4E00}-\u{4E20}-]{0,12}",
    ]
}

/// An attribute name other than `value`.
fn other_name() -> impl Strategy<Value = String> {
    name().prop_filter("not value", |name| name != "value")
}

/// The attributes of a field: most often one `value`, now and then none,
/// another, or `value` and another.
fn attributes() -> impl Strategy<Value = Vec<(String, String)>> {
    let value = || text().prop_map(|value| ("value".to_owned(), value));
    prop_oneof![
        16 => value().prop_map(|value| vec![value]),
        1 => Just(Vec::new()),
        1 => (other_name(), text()).prop_map(|other| vec![other]),
        2 => (value(), other_name(), text())
            .prop_map(|(value, name, text)| vec![value, (name, text)]),
    ]
}

fn message() -> impl Strategy<Value = Message<'static>> {
    let kind = prop::sample::select(Kind::ALL.to_vec());
    let fields = proptest::collection::vec((name(), attributes()), 0..12);
    let record = (kind, text(), fields);
    (text(), proptest::collection::vec(record, 1..4)).prop_map(|(version, records)| {
        let mut message = Message::new(version);
        for (kind, xmlid, fields) in records {
            message.push_record(kind, xmlid);
            for (name, attributes) in fields {
                message.push_field(name);
                for (attribute, value) in attributes {
                    message.push_attribute(attribute, value);
                }
            }
        }
        message
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1024))]

    #[test]
    fn any_message_is_written_exactly_as_the_plain_writer_writes_it(message in message()) {
        let mut out = b"kept".to_vec();
        encode_xml(&message, &mut out).unwrap();

        prop_assert_eq!(&out[..4], b"kept");
        prop_assert_eq!(String::from_utf8(out[4..].to_vec()).unwrap(), expected(&message));
    }

    #[test]
    fn any_message_is_framed_as_a_tpkt_header_then_the_same_text(message in message()) {
        let mut frame = b"kept".to_vec();
        encode(&message, &mut frame).unwrap();

        let len = u16::try_from(frame.len() - 4).unwrap().to_be_bytes();
        prop_assert_eq!(&frame[..4], b"kept");
        prop_assert_eq!(&frame[4..8], &[0x03, 0x00, len[0], len[1]]);
        prop_assert_eq!(String::from_utf8(frame[8..].to_vec()).unwrap(), expected(&message));
    }
}

#[test]
fn a_bad_field_after_plain_ones_fails_as_before_and_leaves_the_buffer_as_it_was() {
    let cases = [
        (
            "9LIVES",
            "1",
            EncodeError::InvalidName {
                record: 1,
                name: "9LIVES".to_owned(),
            },
        ),
        (
            "A B",
            "1",
            EncodeError::InvalidName {
                record: 1,
                name: "A B".to_owned(),
            },
        ),
        (
            "OK",
            "a\u{1}",
            EncodeError::ForbiddenChar {
                record: Some(1),
                code: 1,
            },
        ),
        (
            "OK",
            "\u{FFFE}",
            EncodeError::ForbiddenChar {
                record: Some(1),
                code: 0xFFFE,
            },
        ),
    ];
    for (name, value, error) in cases {
        let mut message = Message::single(Kind::Confirm, "first");
        message.push_value("RESULT", "0");
        message.push_record(Kind::Confirm, "second");
        for n in 0..40 {
            message.push_value(format!("FIELD{n}"), "x".repeat(n));
        }
        message.push_value(name, value);
        message.push_value("AFTER", "1");

        let mut out = b"kept".to_vec();
        assert_eq!(encode_xml(&message, &mut out), Err(error.clone()));
        assert_eq!(out, b"kept");
        assert_eq!(encode(&message, &mut out), Err(error));
        assert_eq!(out, b"kept");
    }
}

#[test]
fn a_long_plain_value_is_written_whole() {
    let value: String = (0..5_000)
        .map(|n| char::from(b'a' + (n % 26) as u8))
        .collect();
    let mut message = Message::single(Kind::Indication, "long");
    message.push_value("TEXT", value.as_str());

    let mut out = Vec::new();
    encode_xml(&message, &mut out).unwrap();
    assert_eq!(String::from_utf8(out).unwrap(), expected(&message));
}
