//! Decoding `DVCRMANAGER` payloads (spec, "General Information", item 5):
//! every strict error, every lenient deviation, text handling, the spec's
//! own examples and agreement with the quick-xml reference decoder.

#![expect(
    clippy::unwrap_used,
    clippy::panic,
    reason = "a test fails by panicking"
)]

use std::borrow::Cow;

use dvcr_protocol::decode::{
    DecodeError, DecodeOptions, Decoded, Deviation, DeviationKind, Mode, decode,
};
use dvcr_protocol::{Kind, Limits, Message, reference};

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/decode");

fn strict(xml: &str) -> Result<Decoded<'_>, DecodeError> {
    decode(xml.as_bytes(), &DecodeOptions::STRICT)
}

fn lenient(xml: &str) -> Result<Decoded<'_>, DecodeError> {
    decode(xml.as_bytes(), &DecodeOptions::LENIENT)
}

fn error(xml: &str) -> DecodeError {
    strict(xml).unwrap_err()
}

/// A document around `records`.
fn doc(records: &str) -> String {
    format!("<DVCRMANAGER version=\"1.0.0.0\">{records}</DVCRMANAGER>")
}

/// A document holding one command, `login`, around `fields`.
fn command(fields: &str) -> String {
    doc(&format!("<COMMAND xmlid=\"login\">{fields}</COMMAND>"))
}

fn at(xml: &str, pattern: &str) -> usize {
    xml.find(pattern).unwrap()
}

fn login(value: &'static str) -> Message<'static> {
    let mut message = Message::single(Kind::Command, "login");
    message.push_value("USERNAME", value);
    message
}

fn fixture(name: &str) -> Vec<u8> {
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
fn an_empty_payload_has_no_root() {
    assert_eq!(error(""), DecodeError::NoRoot { offset: 0 });
    assert_eq!(error(" \r\n"), DecodeError::NoRoot { offset: 3 });
    assert_eq!(
        error("<?xml version=\"1.0\"?><!-- -->"),
        DecodeError::NoRoot { offset: 29 }
    );
}

#[test]
fn a_root_without_records_is_rejected() {
    let xml = "<DVCRMANAGER version=\"1.0.0.0\"> </DVCRMANAGER>";
    assert_eq!(error(xml), DecodeError::NoRecord { offset: 0 });
    let xml = "<DVCRMANAGER version=\"1.0.0.0\"/>";
    assert_eq!(error(xml), DecodeError::NoRecord { offset: 0 });
}

#[test]
fn an_unclosed_element_is_rejected_at_the_end() {
    let xml = "<DVCRMANAGER version=\"1.0.0.0\"><COMMAND xmlid=\"a\"><A value=\"1\">";
    let expected = DecodeError::Unclosed {
        offset: xml.len(),
        expected: "A".to_owned(),
    };
    assert_eq!(error(xml), expected);
}

#[test]
fn a_start_tag_cut_short_is_rejected() {
    let xml = "<DVCRMANAGER version=\"1.0.0.0\"><COMMAND xmlid=\"a\"><A value=\"1\"";
    let expected = DecodeError::Syntax {
        offset: xml.len(),
        expected: "white space, '>' or '/>'",
        found: None,
    };
    assert_eq!(error(xml), expected);
}

#[test]
fn a_mismatched_end_tag_is_rejected() {
    let xml = command("<A value=\"1\"></B>");
    let expected = DecodeError::MismatchedEndTag {
        offset: at(&xml, "</B>"),
        expected: "A".to_owned(),
        found: "B".to_owned(),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn an_attribute_without_equals_is_rejected() {
    let xml = command("<A value\"1\"/>");
    let expected = DecodeError::Syntax {
        offset: at(&xml, "\"1\"/"),
        expected: "'=' after the attribute name",
        found: Some('"'),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn an_unquoted_value_is_rejected() {
    let xml = command("<A value=1/>");
    let expected = DecodeError::Syntax {
        offset: at(&xml, "1/"),
        expected: "a quoted value",
        found: Some('1'),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn attributes_run_together_are_rejected() {
    let xml = command("<A value=\"1\"name=\"x\"/>");
    let expected = DecodeError::Syntax {
        offset: at(&xml, "name"),
        expected: "white space, '>' or '/>'",
        found: Some('n'),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn a_less_than_sign_in_a_value_is_rejected() {
    let xml = command("<A value=\"a<b\"/>");
    let expected = DecodeError::Syntax {
        offset: at(&xml, "<b"),
        expected: "a value character or reference",
        found: Some('<'),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn an_unescaped_ampersand_is_rejected() {
    let xml = command("<A value=\"a & b\"/>");
    let expected = DecodeError::Syntax {
        offset: at(&xml, "&"),
        expected: "a reference such as &amp; after '&'",
        found: Some('&'),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn an_unknown_entity_is_rejected_and_never_expanded() {
    let xml = command("<A value=\"&nbsp;\"/>");
    let expected = DecodeError::UnknownEntity {
        offset: at(&xml, "&"),
        name: "nbsp".to_owned(),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn malformed_character_references_are_rejected() {
    for reference in [
        "&#;",
        "&#x;",
        "&#xZ;",
        "&#X41;",
        "&#12",
        "&#-1;",
        "&#x110000;",
        "&#99999999999;",
    ] {
        let xml = command(&format!("<A value=\"{reference}\"/>"));
        let expected = DecodeError::MalformedCharRef {
            offset: at(&xml, "&"),
        };
        assert_eq!(error(&xml), expected, "{reference}");
    }
}

#[test]
fn references_to_characters_xml_forbids_are_rejected() {
    for (reference, code) in [
        ("&#0;", 0),
        ("&#x1;", 1),
        ("&#xD800;", 0xD800),
        ("&#xFFFE;", 0xFFFE),
        ("&#65535;", 0xFFFF),
    ] {
        let xml = command(&format!("<A value=\"{reference}\"/>"));
        let expected = DecodeError::ForbiddenChar {
            offset: at(&xml, "&"),
            code,
        };
        assert_eq!(error(&xml), expected, "{reference}");
    }
}

#[test]
fn characters_xml_forbids_are_rejected_wherever_they_are_written() {
    for (text, code) in [
        ("\u{1}", 1),
        ("\u{1F}", 0x1F),
        ("\u{FFFF}", 0xFFFF),
        ("\u{FFFE}", 0xFFFE),
    ] {
        let in_value = command(&format!("<A value=\"x{text}\"/>"));
        let in_comment = command(&format!("<!-- {text} -->"));
        let between = command(&format!("<A/>{text}"));
        for xml in [in_value, in_comment, between] {
            let expected = DecodeError::ForbiddenChar {
                offset: at(&xml, text),
                code,
            };
            assert_eq!(error(&xml), expected, "{xml:?}");
        }
    }
}

#[test]
fn invalid_utf8_is_rejected_where_it_starts() {
    let mut payload = command("<A value=\"x\"/>").into_bytes();
    payload.insert(30, 0xC3);

    let result = decode(&payload, &DecodeOptions::LENIENT);
    assert_eq!(result.unwrap_err(), DecodeError::InvalidUtf8 { offset: 30 });
}

#[test]
fn an_encoding_other_than_utf8_is_rejected_in_either_mode() {
    let xml = format!(
        "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>{}",
        command("")
    );
    let expected = DecodeError::Encoding {
        offset: at(&xml, "ISO"),
        found: "ISO-8859-1".to_owned(),
    };
    assert_eq!(error(&xml), expected);
    assert_eq!(lenient(&xml).unwrap_err(), expected);

    let malformed = format!("<? xml version=\"1.0\" encoding=\"utf-16\">{}", command(""));
    let expected = DecodeError::Encoding {
        offset: at(&malformed, "utf-16"),
        found: "utf-16".to_owned(),
    };
    assert_eq!(lenient(&malformed).unwrap_err(), expected);
}

#[test]
fn a_declaration_not_at_the_start_is_rejected() {
    let xml = format!("<!-- -->{}", "<?xml version=\"1.0\"?>");
    let expected = DecodeError::Syntax {
        offset: 8,
        expected: "a processing instruction other than a declaration",
        found: Some('<'),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn a_doctype_or_entity_declaration_is_rejected_in_either_mode() {
    for prolog in [
        "<!DOCTYPE DVCRMANAGER>",
        "<!DOCTYPE x [<!ENTITY e \"y\">]>",
        "<!ENTITY e \"y\">",
    ] {
        let xml = format!("{prolog}{}", command("<A value=\"&e;\"/>"));
        let expected = DecodeError::MarkupDeclaration { offset: 0 };
        assert_eq!(error(&xml), expected);
        assert_eq!(lenient(&xml).unwrap_err(), expected);
    }
}

#[test]
fn cdata_is_rejected() {
    let xml = command("<A value=\"1\"><![CDATA[ ]]></A>");
    let expected = DecodeError::Cdata {
        offset: at(&xml, "<!["),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn a_second_root_is_rejected() {
    let xml = format!("{}<DVCRMANAGER/>", command(""));
    let expected = DecodeError::SecondRoot {
        offset: at(&xml, "</DVCRMANAGER>") + "</DVCRMANAGER>".len(),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn text_other_than_white_space_is_rejected_inside_and_outside_elements() {
    let before = format!("x{}", command(""));
    let after = format!("{} x", command(""));
    let in_record = command(" y");
    let in_field = command("<A>z</A>");
    let reference = command("<A>&#32;</A>");
    let cases = [
        (&before, 0, 'x'),
        (&after, after.len() - 1, 'x'),
        (&in_record, at(&in_record, "y"), 'y'),
        (&in_field, at(&in_field, "z"), 'z'),
        (&reference, at(&reference, "&"), '&'),
    ];
    for (xml, offset, found) in cases {
        assert_eq!(
            error(xml),
            DecodeError::UnexpectedText { offset, found },
            "{xml}"
        );
    }
}

#[test]
fn a_duplicate_attribute_is_rejected() {
    let xml = command("<A value=\"1\" value=\"2\"/>");
    let expected = DecodeError::DuplicateAttribute {
        offset: at(&xml, "value=\"2"),
        name: "value".to_owned(),
    };
    assert_eq!(error(&xml), expected);

    let xml = "<DVCRMANAGER version=\"1\" version=\"2\"/>";
    let expected = DecodeError::DuplicateAttribute {
        offset: at(xml, "version=\"2"),
        name: "version".to_owned(),
    };
    assert_eq!(error(xml), expected);
}

#[test]
fn an_element_inside_a_field_is_too_deep() {
    let xml = command("<A><B/></A>");
    let expected = DecodeError::TooDeep {
        offset: at(&xml, "<B"),
        max: dvcr_protocol::limits::MAX_DEPTH,
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn a_root_other_than_dvcrmanager_is_rejected() {
    let xml = "<DVCR version=\"1.0.0.0\"/>";
    let expected = DecodeError::UnexpectedRoot {
        offset: 1,
        found: "DVCR".to_owned(),
    };
    assert_eq!(error(xml), expected);
}

#[test]
fn a_record_other_than_command_confirm_or_indication_is_rejected() {
    let xml = doc("<REQUEST xmlid=\"login\"/>");
    let expected = DecodeError::UnexpectedRecord {
        offset: at(&xml, "REQUEST"),
        found: "REQUEST".to_owned(),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn a_record_without_xmlid_is_rejected() {
    let xml = doc("<CONFIRM ><RESULT value=\"0\"/></CONFIRM>");
    let expected = DecodeError::MissingAttribute {
        offset: at(&xml, "<RESULT"),
        element: "CONFIRM",
        name: "xmlid",
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn an_attribute_the_model_cannot_hold_on_a_record_is_rejected() {
    let xml = doc("<CONFIRM xmlid=\"a\" id=\"1\"/>");
    let expected = DecodeError::UnexpectedAttribute {
        offset: at(&xml, "id=\"1"),
        element: "CONFIRM",
        name: "id".to_owned(),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn names_that_are_not_xml_names_are_rejected() {
    let xml = command("<1A value=\"1\"/>");
    let expected = DecodeError::Syntax {
        offset: at(&xml, "1A"),
        expected: "a name",
        found: Some('1'),
    };
    assert_eq!(error(&xml), expected);
}

fn with_limits(limits: Limits) -> DecodeOptions {
    DecodeOptions {
        mode: Mode::Lenient,
        limits,
    }
}

#[test]
fn the_limits_on_records_fields_and_attributes_hold_in_either_mode() {
    let limits = Limits {
        max_records: 1,
        max_fields: 2,
        max_attributes_per_field: 1,
        ..Limits::DEFAULT
    };
    let two_records = doc("<COMMAND xmlid=\"a\"/><COMMAND xmlid=\"b\"/>");
    let three_fields = command("<A/><B/><C/>");
    let two_attributes = command("<A value=\"1\" name=\"x\"/>");

    let result = decode(two_records.as_bytes(), &with_limits(limits));
    let expected = DecodeError::TooManyRecords {
        offset: at(&two_records, "<COMMAND xmlid=\"b"),
        max: 1,
    };
    assert_eq!(result.unwrap_err(), expected);

    let result = decode(three_fields.as_bytes(), &with_limits(limits));
    let expected = DecodeError::TooManyFields {
        offset: at(&three_fields, "<C/>"),
        max: 2,
    };
    assert_eq!(result.unwrap_err(), expected);

    let result = decode(two_attributes.as_bytes(), &with_limits(limits));
    let expected = DecodeError::TooManyAttributes {
        offset: at(&two_attributes, "name"),
        max: 1,
    };
    assert_eq!(result.unwrap_err(), expected);
}

#[test]
fn the_limits_on_text_and_frame_length_hold_in_either_mode() {
    let limits = Limits {
        max_text_len: 11,
        ..Limits::DEFAULT
    };
    let long_value = command("<A value=\"123456789012\"/>");
    let long_name = command("<ABCDEFGHIJKL/>");
    let just_fits = command("<ABCDEFGHIJK value=\"12345678901\"/>");

    let result = decode(long_value.as_bytes(), &with_limits(limits));
    let expected = DecodeError::TextTooLong {
        offset: at(&long_value, "1234"),
        len: 12,
        max: 11,
    };
    assert_eq!(result.unwrap_err(), expected);

    let result = decode(long_name.as_bytes(), &with_limits(limits));
    let expected = DecodeError::TextTooLong {
        offset: at(&long_name, "ABC"),
        len: 12,
        max: 11,
    };
    assert_eq!(result.unwrap_err(), expected);

    let result = decode(just_fits.as_bytes(), &with_limits(limits));
    assert!(result.is_ok(), "{result:?}");

    let payload = vec![b' '; 101];
    let limits = Limits {
        max_frame_len: 104,
        ..Limits::DEFAULT
    };
    let result = decode(&payload, &with_limits(limits));
    let expected = DecodeError::TooLong {
        offset: 100,
        len: 101,
        max: 100,
    };
    assert_eq!(result.unwrap_err(), expected);
}

/// The message and deviations of `xml` decoded leniently, after checking
/// that strict decoding rejects it with the first deviation.
fn deviations(xml: &str) -> (Message<'_>, Vec<Deviation>) {
    let decoded = lenient(xml).unwrap();
    let first = decoded.deviations[0];
    let expected = DecodeError::Deviation {
        offset: first.offset,
        kind: first.kind,
    };
    assert_eq!(error(xml), expected);
    (decoded.message, decoded.deviations)
}

fn deviation(kind: DeviationKind, offset: usize) -> Deviation {
    Deviation { kind, offset }
}

#[test]
fn spaces_inside_an_xmlid_are_trimmed_and_reported() {
    let xml = doc("<CONFIRM xmlid=\" pauseroomrecord\"/><CONFIRM xmlid=\"hangup \"/>");
    let (message, found) = deviations(&xml);

    let mut expected = Message::single(Kind::Confirm, "pauseroomrecord");
    expected.push_record(Kind::Confirm, "hangup");
    assert_eq!(message, expected);
    assert!(matches!(message.records().collect::<Vec<_>>()[..], [_, _]));
    let kind = DeviationKind::SpaceInXmlid;
    assert_eq!(
        found,
        [
            deviation(kind, at(&xml, " pause")),
            deviation(kind, at(&xml, "hangup"))
        ]
    );
}

#[test]
fn spaces_in_an_xmlid_written_as_references_are_kept() {
    let xml = doc("<COMMAND xmlid=\"&#32;a&#32;\"/>");

    assert_eq!(
        strict(&xml).unwrap().message,
        Message::single(Kind::Command, " a ")
    );
}

#[test]
fn a_space_after_less_than_is_read_through_and_reported() {
    let xml = doc("<COMMAND xmlid=\"login\">< ADDR value=\"172.21.1.1\"/></ COMMAND>");
    let (message, found) = deviations(&xml);

    let mut expected = Message::single(Kind::Command, "login");
    expected.push_value("ADDR", "172.21.1.1");
    assert_eq!(message, expected);
    let kind = DeviationKind::SpaceAfterLessThan;
    assert_eq!(
        found,
        [
            deviation(kind, at(&xml, "< ADDR")),
            deviation(kind, at(&xml, "</ "))
        ]
    );
}

#[test]
fn an_attribute_without_a_name_is_read_as_value() {
    let xml = command("<STATUS=\"0\" /><VERSION_RUNNING = \"2.1\" name=\"x\"/>");
    let (message, found) = deviations(&xml);

    let mut expected = Message::single(Kind::Command, "login");
    expected
        .push_value("STATUS", "0")
        .push_value("VERSION_RUNNING", "2.1");
    expected.push_attribute("name", "x");
    assert_eq!(message, expected);
    let kind = DeviationKind::AttributeWithoutName;
    assert_eq!(
        found,
        [
            deviation(kind, at(&xml, "=\"0")),
            deviation(kind, at(&xml, "= \"2"))
        ]
    );
}

#[test]
fn a_malformed_declaration_is_read_through_and_reported() {
    for declaration in [
        "<? xml version=\"1.0\" encoding=\"utf-8\"?>",
        "<?XML version=\"1.0\"?>",
        "<?xml version=\"1.0\" encoding=\"utf-8\">",
        "<?xml?>",
        "<?xml version=1.0 ?>",
    ] {
        let xml = format!("{declaration}{}", command("<USERNAME value=\"a\"/>"));
        let (message, found) = deviations(&xml);

        assert_eq!(message, login("a"));
        assert_eq!(
            found,
            [deviation(DeviationKind::MalformedDeclaration, 0)],
            "{declaration}"
        );
    }
}

#[test]
fn root_and_record_names_in_mixed_case_are_read_through_and_reported() {
    let xml = "<dvcrmanager version=\"1.0.0.0\"><Confirm xmlid=\"a\"></CONFIRM></DvcrManager>";
    let (message, found) = deviations(xml);

    assert_eq!(message, Message::single(Kind::Confirm, "a"));
    let kind = DeviationKind::MixedCaseElement;
    let offsets = [at(xml, "dvcr"), at(xml, "Confirm"), at(xml, "DvcrManager")];
    let xml = "<DVCRMANAGER version=\"1.0.0.0\"><CONFIRM xmlid=\"a\"></Confirm></DVCRMANAGER>";
    let expected = DecodeError::Deviation {
        offset: at(xml, "Confirm"),
        kind: DeviationKind::MixedCaseElement,
    };
    assert_eq!(error(xml), expected);
    let xml = "<DVCRMANAGER version=\"1.0.0.0\"><CONFIRM xmlid=\"a\"></COMMAND></DVCRMANAGER>";
    assert!(matches!(
        lenient(xml),
        Err(DecodeError::MismatchedEndTag { .. })
    ));
    assert_eq!(found, offsets.map(|offset| deviation(kind, offset)));
}

#[test]
fn a_root_without_version_is_read_as_an_empty_version_and_reported() {
    let xml = "<DVCRMANAGER><COMMAND xmlid=\"a\"/></DVCRMANAGER>";
    let (message, found) = deviations(xml);

    assert_eq!(message.version(), "");
    assert_eq!(found, [deviation(DeviationKind::RootWithoutVersion, 0)]);
}

#[test]
fn every_deviation_kind_has_a_distinct_kebab_case_id_and_a_description() {
    let ids: Vec<_> = DeviationKind::ALL
        .iter()
        .map(|kind| kind.as_str())
        .collect();
    let expected = [
        "space-in-xmlid",
        "space-after-lt",
        "attribute-without-name",
        "malformed-declaration",
        "mixed-case-element",
        "declaration-not-at-start",
        "root-without-version",
    ];
    assert_eq!(ids, expected);
    assert!(
        DeviationKind::ALL
            .iter()
            .all(|kind| !kind.description().is_empty())
    );
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
fn a_space_inside_an_end_tag_before_the_slash_is_read_through_and_reported() {
    let xml = doc("<COMMAND xmlid=\"login\">< /COMMAND>");
    let (message, found) = deviations(&xml);

    assert_eq!(message, Message::single(Kind::Command, "login"));
    assert_eq!(
        found,
        [deviation(
            DeviationKind::SpaceAfterLessThan,
            at(&xml, "< /")
        )]
    );
}

#[test]
fn a_processing_instruction_named_xml_after_the_start_is_rejected() {
    let xml = command("<?XML x?>");
    let expected = DecodeError::Syntax {
        offset: at(&xml, "<?"),
        expected: "a processing instruction other than a declaration",
        found: Some('<'),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn a_double_hyphen_inside_a_comment_is_rejected() {
    let xml = command("<!-- a -- b -->");
    let expected = DecodeError::Syntax {
        offset: at(&xml, " b"),
        expected: "'>' after '--' in a comment",
        found: Some(' '),
    };
    assert_eq!(error(&xml), expected);
}

#[test]
fn a_declaration_with_a_bad_version_or_standalone_is_malformed() {
    for declaration in [
        "<?xml version=\"2.0\"?>",
        "<?xml version=\"1.0\" standalone=\"maybe\"?>",
    ] {
        let xml = format!("{declaration}{}", command(""));
        let decoded = lenient(&xml).unwrap();

        assert_eq!(
            decoded.deviations,
            [deviation(DeviationKind::MalformedDeclaration, 0)]
        );
        let expected = DecodeError::Deviation {
            offset: 0,
            kind: DeviationKind::MalformedDeclaration,
        };
        assert_eq!(error(&xml), expected, "{declaration}");
    }
}

#[test]
fn an_attribute_the_model_cannot_hold_on_the_root_is_rejected() {
    let xml = "<DVCRMANAGER version=\"1.0.0.0\" lang=\"en\"/>";
    let expected = DecodeError::UnexpectedAttribute {
        offset: at(xml, "lang"),
        element: "DVCRMANAGER",
        name: "lang".to_owned(),
    };
    assert_eq!(error(xml), expected);
}

#[test]
fn an_end_tag_after_the_root_is_rejected() {
    let xml = format!("{}</DVCRMANAGER>", command(""));
    let expected = DecodeError::Syntax {
        offset: xml.len() - "</DVCRMANAGER>".len(),
        expected: "end of document",
        found: Some('<'),
    };
    assert_eq!(error(&xml), expected);
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
    let mut found = vec![deviation(DeviationKind::SpaceInXmlid, 9)];

    dvcr_protocol::decode::decode_into(first.as_bytes(), &options, &mut message, &mut found)
        .unwrap();
    assert_eq!(message, login("a"));
    assert!(found.is_empty());

    let mut message = message.recycle();
    dvcr_protocol::decode::decode_into(second.as_bytes(), &options, &mut message, &mut found)
        .unwrap();
    assert_eq!(message, Message::single(Kind::Confirm, "b"));
}
