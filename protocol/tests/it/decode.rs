//! Decoding `DVCRMANAGER` payloads (spec, "General Information", item 5):
//! what is accepted, text handling, the spec's own examples and agreement
//! with the quick-xml reference decoder; and the helpers the `strict` and
//! `lenient` modules share.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use std::borrow::Cow;

use dvcr_protocol::decode::{
    DecodeError, DecodeOptions, Decoded, Deviation, DeviationKind, Mode, decode,
};
use dvcr_protocol::{Kind, Message, reference};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/decode");

pub(crate) fn strict(xml: &str) -> Result<Decoded<'_>, DecodeError> {
    decode(xml.as_bytes(), &DecodeOptions::STRICT)
}

pub(crate) fn lenient(xml: &str) -> Result<Decoded<'_>, DecodeError> {
    decode(xml.as_bytes(), &DecodeOptions::LENIENT)
}

pub(crate) fn error(xml: &str) -> DecodeError {
    strict(xml).unwrap_err()
}

/// A document around `records`.
pub(crate) fn doc(records: &str) -> String {
    format!("<DVCRMANAGER version=\"1.0.0.0\">{records}</DVCRMANAGER>")
}

/// A document holding one command, `login`, around `fields`.
pub(crate) fn command(fields: &str) -> String {
    doc(&format!("<COMMAND xmlid=\"login\">{fields}</COMMAND>"))
}

pub(crate) fn at(xml: &str, pattern: &str) -> usize {
    xml.find(pattern).unwrap()
}

pub(crate) fn login(value: &'static str) -> Message<'static> {
    let mut message = Message::single(Kind::Command, "login");
    message.push_value("USERNAME", value);
    message
}

pub(crate) fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{CORPUS}/{name}")).unwrap()
}

#[test]
fn the_general_information_command_decodes_leniently_with_its_leading_space_reported() {
    let payload = fixture("general-information-command.xml");
    let decoded = decode(&payload, &DecodeOptions::LENIENT).unwrap();

    let mut expected = Message::single(Kind::Command, "login");
    expected
        .push_value("USERNAME", "Administrator")
        .push_value("PASSWORD", "")
        .push_value("LANG", "0");
    assert_eq!(decoded.message, expected);
    assert_eq!(
        decoded.deviations,
        [Deviation {
            kind: DeviationKind::DeclarationNotAtStart,
            offset: 0
        }]
    );
}

#[test]
fn the_general_information_examples_are_rejected_strictly_for_their_leading_space() {
    for name in [
        "general-information-command.xml",
        "general-information-confirm.xml",
    ] {
        let payload = fixture(name);
        let result = decode(&payload, &DecodeOptions::STRICT);

        let expected = DecodeError::Deviation {
            offset: 0,
            kind: DeviationKind::DeclarationNotAtStart,
        };
        assert_eq!(result.unwrap_err(), expected, "{name}");
    }
}

#[test]
fn the_general_information_confirm_decodes_strictly_once_its_indent_is_gone() {
    let payload = fixture("general-information-confirm.xml");
    let text = std::str::from_utf8(&payload).unwrap().trim_start();
    let decoded = strict(text).unwrap();

    let record = decoded.message.first().unwrap();
    assert_eq!(record.kind(), Kind::Confirm);
    assert_eq!(record.xmlid(), "login");
    assert_eq!(record.value("DESCRIPTION"), Some("Succeeded"));
    assert_eq!(record.fields().len(), 4);
    assert!(decoded.deviations.is_empty());
}

#[test]
fn the_stream_fixtures_decode_strictly_and_agree_with_the_reference() {
    for index in 1..=4 {
        let payload = fixture(&format!("stream-{index}.xml"));
        let decoded = decode(&payload, &DecodeOptions::STRICT).unwrap();

        assert_eq!(reference::decode(&payload).unwrap(), decoded.message);
    }
}

/// Every `.xml` file under `dir`, at any depth.
fn xml_files(dir: &std::path::Path, found: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for path in entries.map(|entry| entry.unwrap().path()) {
        if path.is_dir() {
            xml_files(&path, found);
        } else if path.extension().is_some_and(|ext| ext == "xml") {
            found.push(path);
        }
    }
}

#[test]
fn every_corpus_document_is_read_alike_by_strict_decoding_and_the_reference() {
    let mut files = Vec::new();
    xml_files(
        std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus")),
        &mut files,
    );
    assert!(!files.is_empty());

    for file in files {
        let payload = std::fs::read(&file).unwrap();
        let ours = decode(&payload, &DecodeOptions::STRICT).map(|decoded| decoded.message);
        let theirs = reference::decode(&payload);
        match (&ours, &theirs) {
            (Ok(ours), Ok(theirs)) => assert_eq!(ours, theirs, "{}", file.display()),
            (Err(_), Err(_)) => {}
            _ => panic!("{}: {ours:?} but the reference {theirs:?}", file.display()),
        }
    }
}

#[test]
fn a_bom_a_declaration_comments_and_processing_instructions_are_accepted() {
    let xml = format!(
        "\u{FEFF}<?xml version='1.0' encoding='Utf-8' standalone='yes'?>\n<!-- c -->\
         <?app data?>{}<!-- after -->\r\n",
        command("<!-- in --><USERNAME value=\"a\"><!-- x --></USERNAME>")
    );
    let decoded = strict(&xml).unwrap();

    assert_eq!(decoded.message, login("a"));
    assert_eq!(reference::decode(xml.as_bytes()).unwrap(), decoded.message);
}

#[test]
fn a_plain_value_is_borrowed_from_the_payload() {
    let xml = command("<USERNAME value=\"Administrator\"/>");
    let decoded = strict(&xml).unwrap();

    let field = decoded.message.first().unwrap().fields().next().unwrap();
    assert!(matches!(
        field.attributes()[0].value,
        Cow::Borrowed("Administrator")
    ));
}

#[test]
fn references_are_unescaped_into_owned_text() {
    let xml = command("<USERNAME value=\"&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x10FFFF;\"/>");
    let decoded = strict(&xml).unwrap();

    let field = decoded.message.first().unwrap().fields().next().unwrap();
    let value = &field.attributes()[0].value;
    assert!(matches!(value, Cow::Owned(_)));
    assert_eq!(value, "<>&\"'AB\u{10FFFF}");
}

#[test]
fn literal_tabs_and_line_ends_become_spaces_and_crlf_becomes_one() {
    let xml = command("<USERNAME value=\"a\tb\nc\r\nd\re\"/>");

    assert_eq!(strict(&xml).unwrap().message, login("a b c d e"));
}

#[test]
fn tabs_and_line_ends_written_as_references_are_kept() {
    let xml = command("<USERNAME value=\"a&#9;b&#10;c&#13;&#xD;&#xa;\"/>");

    assert_eq!(strict(&xml).unwrap().message, login("a\tb\nc\r\r\n"));
}

#[test]
fn single_quotes_may_hold_double_quotes_and_spaces_around_equals_are_fine() {
    let xml = command("<USERNAME value = 'say \"hi\"' />");

    assert_eq!(strict(&xml).unwrap().message, login("say \"hi\""));
}

#[test]
fn several_records_and_repeated_fields_keep_their_order() {
    let xml = doc("<CONFIRM xmlid=\"getuser\"><RESULT value=\"0\"/></CONFIRM>\
         <CONFIRM xmlid=\"getuser\"><MEMBER_USER value=\"1\" name=\"a\"/>\
         <MEMBER_USER value=\"2\" name=\"b\"/></CONFIRM><INDICATION xmlid=\"x\"/>");
    let message = strict(&xml).unwrap().message;

    assert_eq!(message.record_count(), 3);
    let second = message.record(1).unwrap();
    assert_eq!(second.values("MEMBER_USER").collect::<Vec<_>>(), ["1", "2"]);
    assert_eq!(second.fields().nth(1).unwrap().attribute("name"), Some("b"));
    assert_eq!(message.record(2).unwrap().kind(), Kind::Indication);
    assert_eq!(reference::decode(xml.as_bytes()).unwrap(), message);
}

#[test]
fn decoding_is_strict_by_default() {
    assert_eq!(DecodeOptions::default(), DecodeOptions::STRICT);
    assert_eq!(DecodeOptions::default().mode, Mode::Strict);
}

#[test]
fn strict_decoding_and_the_reference_agree_on_the_error_cases_above() {
    let cases = [
        command("<A value=\"&nbsp;\"/>"),
        command("<A><B/></A>"),
        command("<A value=\"1\" value=\"2\"/>"),
        command("<A value=\"a<b\"/>"),
        command("x"),
        format!("{}<DVCRMANAGER/>", command("")),
        doc("<REQUEST xmlid=\"login\"/>"),
        doc("<CONFIRM xmlid=\" a\"/>"),
        command("<STATUS=\"0\"/>"),
        command("< A/>"),
        String::new(),
    ];
    for xml in cases {
        assert!(
            strict(&xml).is_err() && reference::decode(xml.as_bytes()).is_err(),
            "{xml}"
        );
    }
}

#[test]
fn a_field_may_be_closed_by_an_end_tag_with_white_space_inside() {
    let xml = command("<USERNAME value=\"a\">\r\n </USERNAME >");

    assert_eq!(strict(&xml).unwrap().message, login("a"));
}

#[test]
fn decoding_into_a_recycled_message_replaces_what_it_held() {
    let first = command("<USERNAME value=\"a\"/>");
    let second = doc("<CONFIRM xmlid=\"b\"/>");
    let options = DecodeOptions::LENIENT;
    let mut message = Message::default();
    let mut found = vec![Deviation {
        kind: DeviationKind::SpaceInXmlid,
        offset: 9,
    }];

    dvcr_protocol::decode::decode_into(first.as_bytes(), &options, &mut message, &mut found)
        .unwrap();
    assert_eq!(message, login("a"));
    assert!(found.is_empty());

    let mut message = message.recycle();
    dvcr_protocol::decode::decode_into(second.as_bytes(), &options, &mut message, &mut found)
        .unwrap();
    assert_eq!(message, Message::single(Kind::Confirm, "b"));
}
