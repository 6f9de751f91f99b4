//! Properties of the codec (spec, "General Information", items 4 and 5):
//! encoding then decoding gives any message back, the scanner agrees with
//! the quick-xml reference, and no byte string makes decoding panic or go
//! past its limits.

#![expect(clippy::unwrap_used, reason = "a test fails by panicking")]

use dvcr_protocol::decode::{DecodeOptions, Mode, decode};
use dvcr_protocol::encode::{encode, encode_xml};
use dvcr_protocol::{Kind, Limits, Message, reference};
use proptest::prelude::*;

/// Whether XML 1.0 allows `c`; the encoder cannot write any other.
fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// Text of any XML characters, weighted towards those that need escaping.
fn text() -> impl Strategy<Value = String> {
    let c = prop_oneof![
        4 => any::<char>().prop_filter("an xml character", |&c| is_xml_char(c)),
        4 => proptest::char::range('a', 'z'),
        1 => prop::sample::select(vec!['&', '<', '>', '"', '\'', '\t', '\r', '\n', ' ', ';', '#']),
    ];
    proptest::collection::vec(c, 0..24).prop_map(|chars| chars.into_iter().collect())
}

/// An XML name, sometimes with characters beyond ASCII.
fn name() -> impl Strategy<Value = String> {
    "[A-Za-z_\u{C0}-\u{D6}\u{4E00}-\u{4E20}][A-Za-z0-9_.\u{B7}\u{4E00}-\u{4E20}-]{0,12}"
}

type FieldSpec = (String, Vec<(String, String)>);
type RecordSpec = (Kind, String, Vec<FieldSpec>);

fn field() -> impl Strategy<Value = FieldSpec> {
    let attributes = proptest::collection::btree_map(name(), text(), 0..4);
    (name(), attributes).prop_map(|(name, attributes)| (name, attributes.into_iter().collect()))
}

fn record() -> impl Strategy<Value = RecordSpec> {
    let kind = prop::sample::select(Kind::ALL.to_vec());
    (kind, text(), proptest::collection::vec(field(), 0..6))
}

fn message() -> impl Strategy<Value = Message<'static>> {
    (text(), proptest::collection::vec(record(), 1..5)).prop_map(|(version, records)| {
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

/// Fragments of documents, so that random byte strings reach deep into the
/// grammar.
fn fragment() -> impl Strategy<Value = Vec<u8>> {
    let pieces: Vec<&[u8]> = vec![
        b"<",
        b">",
        b"/>",
        b"</",
        b"=",
        b"\"",
        b"'",
        b" ",
        b"\r\n",
        b"DVCRMANAGER",
        b"COMMAND",
        b"Confirm",
        b"version=\"1.0.0.0\"",
        b"xmlid=\"a\"",
        b"xmlid=\" b \"",
        b"value",
        b"A",
        b"&amp;",
        b"&#",
        b"&#x",
        b"1",
        b";",
        b"<?xml version=\"1.0\"?>",
        b"<? xml",
        b"?>",
        b"<!--",
        b"-->",
        b"<![CDATA[",
        b"<!DOCTYPE",
        b"\xEF\xBB\xBF",
        b"\xEF\xBF\xBF",
        b"\t",
    ];
    prop_oneof![
        4 => prop::sample::select(pieces).prop_map(<[u8]>::to_vec),
        1 => any::<u8>().prop_map(|byte| vec![byte]),
    ]
}

fn bytes() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(any::<u8>(), 0..256)
}

fn document_like() -> impl Strategy<Value = Vec<u8>> {
    proptest::collection::vec(fragment(), 0..48).prop_map(|pieces| pieces.concat())
}

/// An encoded message with a few bytes changed, inserted or removed.
fn mutated() -> impl Strategy<Value = Vec<u8>> {
    let edits =
        proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3_u8), 1..4);
    (message(), edits).prop_map(|(message, edits)| {
        let mut bytes = Vec::new();
        encode_xml(&message, &mut bytes).unwrap();
        for (at, byte, edit) in edits {
            let at = at.index(bytes.len());
            match edit {
                0 => bytes[at] = byte,
                1 => bytes.insert(at, byte),
                _ => {
                    bytes.remove(at);
                }
            }
        }
        bytes
    })
}

const SMALL: Limits = Limits {
    max_frame_len: 2_048,
    max_records: 2,
    max_fields: 3,
    max_attributes_per_field: 2,
    max_text_len: 12,
};

/// Decodes `bytes` in both modes within `limits` and checks what came
/// back respects them.
fn check_bounded(bytes: &[u8], limits: Limits) {
    for mode in [Mode::Strict, Mode::Lenient] {
        let options = DecodeOptions { mode, limits };
        let Ok(decoded) = decode(bytes, &options) else {
            continue;
        };

        let message = &decoded.message;
        assert!(bytes.len() + 4 <= limits.max_frame_len);
        assert!((1..=limits.max_records).contains(&message.record_count()));
        assert!(message.field_count() <= limits.max_fields);
        assert!(message.version().len() <= limits.max_text_len);
        for record in message.records() {
            assert!(record.xmlid().len() <= limits.max_text_len);
            for field in record.fields() {
                assert!(field.name().len() <= limits.max_text_len);
                assert!(field.attributes().len() <= limits.max_attributes_per_field);
                for attribute in field.attributes() {
                    assert!(attribute.name.len() <= limits.max_text_len);
                    assert!(attribute.value.len() <= limits.max_text_len);
                }
            }
        }
        if mode == Mode::Strict {
            assert!(decoded.deviations.is_empty());
            let lenient = decode(
                bytes,
                &DecodeOptions {
                    mode: Mode::Lenient,
                    limits,
                },
            );
            assert_eq!(lenient.unwrap().message, decoded.message);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn any_message_decodes_back_from_its_encoding(message in message()) {
        let mut frame = Vec::new();
        encode(&message, &mut frame).unwrap();
        let decoded = decode(&frame[4..], &DecodeOptions::STRICT).unwrap();

        prop_assert_eq!(&decoded.message, &message);
        prop_assert!(decoded.deviations.is_empty());
        let lenient = decode(&frame[4..], &DecodeOptions::LENIENT).unwrap();
        prop_assert_eq!(&lenient.message, &message);
        prop_assert!(lenient.deviations.is_empty());
    }

    #[test]
    fn the_reference_decoder_reads_any_encoded_message_the_same(message in message()) {
        let mut xml = Vec::new();
        encode_xml(&message, &mut xml).unwrap();

        prop_assert_eq!(reference::decode(&xml).unwrap(), message);
    }

    #[test]
    fn strict_decoding_and_the_reference_agree_on_damaged_messages(bytes in mutated()) {
        let ours = decode(&bytes, &DecodeOptions::STRICT).map(|decoded| decoded.message);
        let theirs = reference::decode(&bytes);

        match (ours, theirs) {
            (Ok(ours), Ok(theirs)) => prop_assert_eq!(ours, theirs),
            (Err(_), Err(_)) => {}
            (ours, theirs) => {
                let text = String::from_utf8_lossy(&bytes);
                prop_assert!(false, "{:?} vs {:?} on {:?}", ours, theirs, text);
            }
        }
    }

    #[test]
    fn arbitrary_bytes_never_panic_and_stay_within_limits(bytes in bytes()) {
        check_bounded(&bytes, SMALL);
        check_bounded(&bytes, Limits::DEFAULT);
    }

    #[test]
    fn document_like_bytes_never_panic_and_stay_within_limits(bytes in document_like()) {
        check_bounded(&bytes, SMALL);
        check_bounded(&bytes, Limits::DEFAULT);
    }

    #[test]
    fn damaged_messages_never_panic_and_stay_within_limits(bytes in mutated()) {
        check_bounded(&bytes, SMALL);
        check_bounded(&bytes, Limits::DEFAULT);
    }
}
