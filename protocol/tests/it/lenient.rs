//! Lenient decoding reads through the known deviations of the spec's
//! examples and real clients, reporting each; strict decoding rejects them
//! (spec, "General Information", item 5, and the examples of "H.323
//! Connections" and "New in version 2.0").

#![expect(clippy::unwrap_used, reason = "a test fails by panicking")]

use dvcr_protocol::decode::{DecodeError, DecodeOptions, Deviation, DeviationKind, Mode, decode};
use dvcr_protocol::{Kind, Limits, Message};

use super::decode::{at, command, doc, error, lenient, login, strict};

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
    ];
    assert_eq!(ids, expected);
    assert!(
        DeviationKind::ALL
            .iter()
            .all(|kind| !kind.description().is_empty())
    );
}

#[test]
fn a_declaration_value_past_the_text_limit_is_refused_not_read_as_malformed() {
    let version = format!("1.{}", "0".repeat(20));
    let xml = format!(
        "<?xml version=\"{version}\" encoding=\"utf-8\" ?>\
         <DVCRMANAGER version=\"1.0.0.0\"><COMMAND xmlid=\"logout\"/></DVCRMANAGER>"
    );
    let limits = Limits {
        max_text_len: 12,
        ..Limits::DEFAULT
    };
    let options = DecodeOptions {
        mode: Mode::Lenient,
        limits,
    };

    let refused = decode(xml.as_bytes(), &options);
    assert!(
        matches!(refused, Err(DecodeError::TextTooLong { .. })),
        "{refused:?}"
    );
    assert!(lenient(&xml).unwrap().deviations.is_empty());
}
