//! Strict decoding rejects every payload that is not one well-formed
//! `DVCRMANAGER` document within the limits (spec, "General Information",
//! items 4 and 5), each with the exact error and offset.

#![expect(clippy::unwrap_used, reason = "a test fails by panicking")]

use dvcr_protocol::Limits;
use dvcr_protocol::decode::{DecodeError, DecodeOptions, Mode, decode};

use super::decode::{at, command, doc, error, lenient};

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
fn a_root_without_version_is_rejected_in_either_mode() {
    let xml = "<DVCRMANAGER ><COMMAND xmlid=\"a\"/></DVCRMANAGER>";
    let expected = DecodeError::MissingAttribute {
        offset: at(xml, "<COMMAND"),
        element: "DVCRMANAGER",
        name: "version",
    };
    assert_eq!(error(xml), expected);
    assert_eq!(lenient(xml).unwrap_err(), expected);
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
