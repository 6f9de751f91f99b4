//! What findings say and how: one line each, the same every time, and no
//! panic whatever the message.

use dvcr_protocol::validate::{self, Finding, Flow, Rule, Severity};
use dvcr_protocol::{Kind, Message};
use proptest::prelude::*;

use super::tables::{GUID, addgroup, check};

#[test]
fn a_finding_names_its_rule_section_record_field_and_both_sides() {
    let mut message = addgroup();
    message.push_value("FOO", "1");
    let findings = check(&message, Flow::ToDevice);
    assert_eq!(findings.len(), 1, "{findings:?}");
    let Some(finding) = findings.first() else {
        return;
    };

    assert_eq!(finding.rule, Rule::UnknownField);
    assert_eq!(finding.severity, Severity::Error);
    assert_eq!(
        finding.section,
        Some("Account Management > Groups > ADDGROUP")
    );
    assert_eq!(finding.record, Some(0));
    assert_eq!(finding.field.as_deref(), Some("FOO"));
    assert_eq!(
        finding.to_string(),
        "error[unknown-field] Account Management > Groups > ADDGROUP: record 0 field FOO: \
         expected one of SESSIONID, NAME, MEMBER_USER, PORT, ADDR, HOST, QUICKCODE, START, ..., \
         found FOO"
    );
}

#[test]
fn a_field_differing_only_in_case_names_the_table_spelling() {
    let mut message = addgroup();
    message.push_value("Port", "81");
    let findings = check(&message, Flow::ToDevice);
    assert_eq!(findings.first().map(|f| f.expected.as_str()), Some("PORT"));
}

#[test]
fn a_bad_value_is_quoted_and_cut_short() {
    let mut message = addgroup();
    message.push_value("PORT", "x\n".repeat(40));
    let findings = check(&message, Flow::ToDevice);
    let line = findings
        .first()
        .map(ToString::to_string)
        .unwrap_or_default();
    assert!(!line.contains('\n'), "{line}");
    assert!(line.ends_with("x\\nx\\n...\""), "{line}");
}

#[test]
fn a_decoding_finding_shows_its_offset_without_a_record() {
    let finding = Finding::new(Rule::TpktReservedByte, "0", "7").at_offset(1);
    assert_eq!(finding.severity, Severity::Warning);
    assert_eq!(
        finding.to_string(),
        "warning[tpkt-reserved-byte]: at byte 1: expected 0, found 7"
    );
}

#[test]
fn an_unknown_xmlid_is_unknown_to_the_builtin_catalog_too() {
    let message = Message::single(Kind::Command, "nosuchcommand");
    let findings = validate::validate(&message, Flow::ToDevice);
    let rules: Vec<Rule> = findings.iter().map(|finding| finding.rule).collect();
    assert_eq!(rules, [Rule::UnknownXmlid]);
}

#[test]
fn an_empty_message_has_no_findings() {
    let message = Message::new("1.0.0.0");
    assert!(check(&message, Flow::FromDevice).is_empty());
}

fn any_kind() -> impl Strategy<Value = Kind> {
    prop_oneof![
        Just(Kind::Command),
        Just(Kind::Confirm),
        Just(Kind::Indication)
    ]
}

fn any_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("SESSIONID".to_owned()),
        Just("RESULT".to_owned()),
        Just("NAME".to_owned()),
        Just("MEMBER_USER".to_owned()),
        Just("LDAP_PWD".to_owned()),
        Just("PORT".to_owned()),
        Just("START".to_owned()),
        ".{0,12}",
    ]
}

fn any_value() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(GUID.to_owned()),
        Just("0".to_owned()),
        Just("1".to_owned()),
        ".{0,40}"
    ]
}

fn any_xmlid() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("login".to_owned()),
        Just("addgroup".to_owned()),
        Just("GETUSER".to_owned()),
        Just("getskin".to_owned()),
        ".{0,10}",
    ]
}

type RecordPlan = (Kind, String, Vec<(String, Option<String>)>);

fn build(records: &[RecordPlan]) -> Message<'static> {
    let mut message = Message::new("1.0.0.0");
    for (kind, xmlid, fields) in records {
        message.push_record(*kind, xmlid.clone());
        for (name, value) in fields {
            message.push_field(name.clone());
            if let Some(value) = value {
                message.push_attribute("value", value.clone());
            }
        }
    }
    message
}

proptest! {
    #[test]
    fn any_message_validates_without_panic_and_the_same_way_twice(
        records in prop::collection::vec(
            (
                any_kind(),
                any_xmlid(),
                prop::collection::vec((any_name(), prop::option::of(any_value())), 0..8),
            ),
            0..5,
        ),
        to_device in any::<bool>(),
    ) {
        let flow = if to_device { Flow::ToDevice } else { Flow::FromDevice };
        let message = build(&records);
        let first = check(&message, flow);
        prop_assert_eq!(&first, &check(&message, flow));
        for finding in &first {
            prop_assert!(!finding.to_string().contains('\n'));
        }
    }
}
