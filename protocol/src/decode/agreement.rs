//! The short paths against the general path: documents in the common
//! shape, in the shapes next to it that the short paths must leave alone
//! (spec, "General Information", item 5, and the deviations of
//! `corpus/spec/ERRATA.md`), and both with bytes changed, decoded in both
//! modes within several limits, with the short paths on and off.

#![expect(clippy::unwrap_used, reason = "a test fails by panicking")]

use proptest::prelude::*;

use super::shortcuts::general_only;
use super::{DecodeError, DecodeOptions, Deviation, Mode, decode_into};
use crate::{Limits, Message};

/// What one decoding gives: the result, the message as far as it was read
/// and the deviations.
type Outcome = (Result<(), DecodeError>, String, Vec<Deviation>);

fn outcome(payload: &[u8], options: &DecodeOptions) -> Outcome {
    let mut message = Message::default();
    let mut deviations = vec![];
    let result = decode_into(payload, options, &mut message, &mut deviations);
    (result, format!("{message:?}"), deviations)
}

/// Limits that the short paths' own checks meet: names and values of the
/// documents below one byte longer or shorter than the longest text
/// allowed (the root's name takes 11), or no room left for another
/// record, field or attribute.
fn limits() -> impl Strategy<Value = Limits> {
    let text = prop::sample::select(vec![0, 1, 4, 5, 6, 7, 8, 9, 10, 11, 12, 34, 35, 36, 8_192]);
    let frame = prop_oneof![3 => Just(65_535), 1 => 40..400_usize];
    (frame, 1..4_usize, 0..8_usize, 0..3_usize, text).prop_map(
        |(max_frame_len, max_records, max_fields, max_attributes_per_field, max_text_len)| Limits {
            max_frame_len,
            max_records,
            max_fields,
            max_attributes_per_field,
            max_text_len,
        },
    )
}

/// Checks that `payload` decodes alike with and without the short paths,
/// in both modes within `limits`.
fn check(payload: &[u8], limits: Limits) {
    for mode in [Mode::Strict, Mode::Lenient] {
        let options = DecodeOptions { mode, limits };
        let short = outcome(payload, &options);
        let general = general_only(|| outcome(payload, &options));
        assert_eq!(
            short,
            general,
            "{mode:?} within {limits:?}: {:?}",
            String::from_utf8_lossy(payload)
        );
    }
}

fn one_of(pieces: &'static [&'static str]) -> impl Strategy<Value = String> {
    prop::sample::select(pieces).prop_map(str::to_owned)
}

/// White space, comments and processing instructions between elements.
fn gap() -> impl Strategy<Value = String> {
    one_of(&[
        "\n",
        "\n",
        "",
        " ",
        "\r\n",
        "\n   ",
        "\t",
        " \n ",
        "\n<!-- a -->\n",
        "<?pi x?>",
    ])
}

fn declaration() -> impl Strategy<Value = String> {
    one_of(&[
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>",
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<?xml version=\"1.0\" encoding=\"Utf-8\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ",
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>",
        "<?xml version='1.0'?>",
        "<? xml version=\"1.0\" encoding=\"UTF-8\" ?>",
        "<?XML version=\"1.0\"?>",
        "",
        " <?xml version=\"1.0\" encoding=\"UTF-8\" ?>",
        "\u{FEFF}<?xml version=\"1.0\" encoding=\"UTF-8\" ?>",
    ])
}

fn root_open() -> impl Strategy<Value = String> {
    one_of(&[
        "<DVCRMANAGER version=\"1.0.0.0\">",
        "<DVCRMANAGER version=\"1.0.0.0\">",
        "<DVCRMANAGER version=\"1.0.0.0.0.0\">",
        "<DVCRMANAGER version=\"1.0.0.0.0.00\">",
        "<DVCRMANAGER version = \"1.0.0.0\">",
        "<DVCRMANAGER version='1.0.0.0'>",
        "<DVCRMANAGER  version=\"1.0.0.0\" >",
        "<DVCRMANAGER version=\"1.&amp;0\">",
        "<DVCRMANAGER version=\"1.0.0.0\"/>",
        "<DVCRMANAGER version=\"1.0.0.0\" version=\"2\">",
        "<DVCRMANAGER verSion=\"1.0.0.0\">",
        "<DVCRMANAGER>",
        "<DvcrManager version=\"1.0.0.0\">",
        "< DVCRMANAGER version=\"1.0.0.0\">",
        "<DVCRMANAGERS version=\"1.0.0.0\">",
    ])
}

fn root_close() -> impl Strategy<Value = String> {
    one_of(&[
        "</DVCRMANAGER>",
        "</DVCRMANAGER>",
        "</DVCRMANAGER >",
        "</ DVCRMANAGER>",
        "</dvcrmanager>",
        "</DVCRMANAGE>",
        "</DVCRMANAGERS>",
        "",
    ])
}

fn record_open() -> impl Strategy<Value = String> {
    one_of(&[
        "<COMMAND xmlid=\"getdevinfo\">",
        "<CONFIRM xmlid=\"getdevinfo\">",
        "<INDICATION xmlid=\"addendpoint\">",
        "<CONFIRM xmlid=\"getmediainfo\">",
        "<COMMAND xmlid=\" getdevinfo \">",
        "<COMMAND xmlid=\"get&#32;devinfo\">",
        "<COMMAND xmlid='getdevinfo'>",
        "<COMMAND xmlid=\"getdevinfo\" >",
        "<COMMAND xmlid=\"\">",
        "<COMMAND xmlid=\"getdevinfo\"/>",
        "<COMMAND xmlid=\"getdevinfo\" xmlid=\"x\">",
        "<COMMAND value=\"getdevinfo\">",
        "<COMMAND>",
        "<Command xmlid=\"getdevinfo\">",
        "<COMMANDS xmlid=\"getdevinfo\">",
        "< COMMAND xmlid=\"getdevinfo\">",
    ])
}

fn record_close() -> impl Strategy<Value = String> {
    one_of(&[
        "</COMMAND>",
        "</COMMAND>",
        "</CONFIRM>",
        "</COMMAND >",
        "</ COMMAND>",
        "</command>",
        "</Command>",
        "</COMMANDS>",
    ])
}

fn field() -> impl Strategy<Value = String> {
    one_of(&[
        "<SESSIONID value=\"19454a27-b752-f905-909507d6160ddc88\"/>",
        "<RESULT value=\"0\"/>",
        "<RESULT value=\"0\" />",
        "<VERSION value=\"1.0.0.004,   Build: May 19 2006 15:03:01\"/>",
        "<A value=\"\"/>",
        "<A value=\"12345678901\"/>",
        "<A value=\"123456789012\" />",
        "<RESULT  value=\"0\"/>",
        "<RESULT value = \"0\"/>",
        "<RESULT value='0'/>",
        "<RESULT value=\"a&amp;b\"/>",
        "<RESULT value=\"a\tb\"/>",
        "<RESULT value=\"a<b\"/>",
        "<RESULT value=\"\u{e9}t\u{e9}\"/>",
        "<RESULT value=\"0\" name=\"n\"/>",
        "<RESULT name=\"n\" value=\"0\"/>",
        "<RESULT value=\"0\" value=\"1\"/>",
        "<RESULT value=\"0\" name=\"n\" name=\"m\"/>",
        "<RESULT value=\"0\" name='n' type=\"t\" />",
        "<RESULT value=\"0\" =\"1\"/>",
        "<RESULT value=\"0\"name=\"n\"/>",
        "<RESULT value=\"0\"\n  />",
        "<RESULT value=\"0\" >",
        "<RESULT value=\"0\" name=\"n\"></RESULT>",
        "<RESULT value=\"0\" / >",
        "<RESULT =\"0\"/>",
        "<RESULT value=\"0\"></RESULT>",
        "<RESULT value=\"0\"></ RESULT>",
        "<RESULT value=\"0\"><X/></RESULT>",
        "<RESULT value=\"0\">",
        "<RESULT/>",
        "<RESULT value=\"0\"/ >",
        "<RESULT value=\"0\"",
        "< RESULT value=\"0\"/>",
        "<\u{c9}TAT value=\"0\"/>",
        "<_A value=\"0\"/>",
        "<1A value=\"0\"/>",
        "<LONGFIELDNAME value=\"0\"/>",
    ])
}

fn record() -> impl Strategy<Value = String> {
    let fields = proptest::collection::vec((gap(), field()), 0..5);
    (record_open(), fields, gap(), record_close()).prop_map(|(open, fields, gap, close)| {
        let mut record = open;
        for (gap, field) in fields {
            record.push_str(&gap);
            record.push_str(&field);
        }
        record + &gap + &close
    })
}

/// A document in the common shape or next to it.
fn document() -> impl Strategy<Value = Vec<u8>> {
    let records = proptest::collection::vec((gap(), record()), 0..3);
    (
        declaration(),
        gap(),
        root_open(),
        records,
        gap(),
        root_close(),
        gap(),
    )
        .prop_map(|(declaration, first, open, records, last, close, end)| {
            let mut document = declaration + &first + &open;
            for (gap, record) in records {
                document.push_str(&gap);
                document.push_str(&record);
            }
            (document + &last + &close + &end).into_bytes()
        })
}

/// Such a document with a few bytes changed, inserted or removed.
fn damaged() -> impl Strategy<Value = Vec<u8>> {
    let edits =
        proptest::collection::vec((any::<prop::sample::Index>(), any::<u8>(), 0..3_u8), 1..4);
    (document(), edits).prop_map(|(mut bytes, edits)| {
        for (at, byte, edit) in edits {
            if bytes.is_empty() {
                break;
            }

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

#[test]
fn the_getdevinfo_command_and_its_confirm_decode_alike() {
    let command = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n\
        <DVCRMANAGER version=\"1.0.0.0\">\n<COMMAND xmlid=\"getdevinfo\">\n\
        <SESSIONID value=\"19454a27-b752-f905-909507d6160ddc88\"/>\n\
        </COMMAND>\n</DVCRMANAGER>\n";
    let confirm = "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n\
        <DVCRMANAGER version=\"1.0.0.0\">\n<CONFIRM xmlid=\"getdevinfo\">\n\
        <RESULT value=\"0\"/>\n<TYPE value=\"RSS 2000\"/>\n\
        </CONFIRM>\n</DVCRMANAGER>\n";
    for payload in [command, confirm] {
        check(payload.as_bytes(), Limits::DEFAULT);
        let (result, _, deviations) = outcome(payload.as_bytes(), &DecodeOptions::STRICT);
        assert_eq!((result, deviations), (Ok(()), vec![]));
    }
}

#[test]
fn every_corpus_document_decodes_alike() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let mut dirs = vec![root];
    let mut count = 0;
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|ext| ext == "xml") {
                check(&std::fs::read(&path).unwrap(), Limits::DEFAULT);
                count += 1;
            }
        }
    }
    assert!(count > 100, "only {count} documents under corpus/");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2_048))]

    #[test]
    fn documents_of_the_common_shape_and_next_to_it_decode_alike(bytes in document()) {
        check(&bytes, Limits::DEFAULT);
    }

    #[test]
    fn they_decode_alike_within_tight_limits(bytes in document(), limits in limits()) {
        check(&bytes, limits);
    }

    #[test]
    fn damaged_documents_decode_alike(bytes in damaged(), limits in limits()) {
        check(&bytes, limits);
    }
}
