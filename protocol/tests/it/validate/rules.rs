//! Each rule validation emits: a minimal message that fires it, and a near
//! miss that does not.

use dvcr_protocol::validate::Flow::{FromDevice, ToDevice};
use dvcr_protocol::{Kind, Message};

use super::tables::{GUID, addgroup, confirm, ids, login};

/// An addgroup command with one more field.
fn addgroup_with(name: &'static str, value: &'static str) -> Message<'static> {
    let mut message = addgroup();
    message.push_value(name, value);
    message
}

#[test]
fn the_near_misses_are_clean() {
    assert!(ids(&login(), ToDevice).is_empty());
    assert!(ids(&addgroup(), ToDevice).is_empty());
    assert!(ids(&confirm("addgroup"), FromDevice).is_empty());
}

#[test]
fn an_xmlid_no_command_has_is_unknown() {
    let message = Message::single(Kind::Command, "nosuchcommand");
    assert_eq!(ids(&message, ToDevice), ["unknown-xmlid"]);
}

#[test]
fn an_xmlid_differing_only_in_case_is_flagged_and_still_checked() {
    let mut message = Message::single(Kind::Command, "Login");
    message.push_value("USERNAME", "x");
    assert_eq!(ids(&message, ToDevice), ["xmlid-case", "missing-field"]);
    assert!(ids(&login(), ToDevice).is_empty());
}

#[test]
fn a_command_from_the_device_is_the_wrong_kind() {
    assert_eq!(ids(&login(), FromDevice), ["wrong-record-kind"]);
    assert!(ids(&login(), ToDevice).is_empty());
}

#[test]
fn a_confirm_sent_to_the_device_is_the_wrong_kind() {
    assert_eq!(ids(&confirm("addgroup"), ToDevice), ["wrong-record-kind"]);
    assert!(ids(&confirm("addgroup"), FromDevice).is_empty());
}

#[test]
fn an_indication_for_a_command_without_one_is_the_wrong_kind() {
    let mut unexpected = Message::single(Kind::Indication, "getuser");
    unexpected.push_value("NAME", "a");
    assert_eq!(ids(&unexpected, FromDevice), ["wrong-record-kind"]);

    let mut expected = Message::single(Kind::Indication, "addgroup");
    expected.push_value("NAME", "a");
    assert!(ids(&expected, FromDevice).is_empty());
}

#[test]
fn a_command_other_than_login_without_sessionid_is_flagged_once() {
    let mut message = Message::single(Kind::Command, "addgroup");
    message.push_value("NAME", "staff");
    assert_eq!(ids(&message, ToDevice), ["missing-sessionid"]);
    assert!(ids(&login(), ToDevice).is_empty());
}

#[test]
fn a_required_field_left_out_is_missing() {
    let mut message = Message::single(Kind::Command, "addgroup");
    message.push_value("SESSIONID", GUID);
    assert_eq!(ids(&message, ToDevice), ["missing-field"]);
    assert!(ids(&addgroup(), ToDevice).is_empty());
}

#[test]
fn a_failed_confirm_need_not_carry_the_success_fields() {
    let mut failed = Message::single(Kind::Confirm, "getuser");
    failed.push_value("RESULT", "1");
    assert!(ids(&failed, FromDevice).is_empty());

    let mut items = confirm("getuser");
    items
        .push_record(Kind::Confirm, "getuser")
        .push_value("RESULT", "0");
    let missing = ids(&items, FromDevice);
    assert_eq!(missing, ["missing-field", "missing-field"]);
}

#[test]
fn a_field_the_table_does_not_list_is_unknown() {
    assert_eq!(ids(&addgroup_with("FOO", "1"), ToDevice), ["unknown-field"]);
    assert!(ids(&addgroup_with("PORT", "1"), ToDevice).is_empty());
}

#[test]
fn a_field_not_marked_repeatable_may_come_only_once() {
    assert_eq!(
        ids(&addgroup_with("NAME", "again"), ToDevice),
        ["repeated-field"]
    );

    let mut members = addgroup();
    members
        .push_field("MEMBER_USER")
        .push_attribute("name", "a");
    members.push_attribute("value", "1");
    members
        .push_field("MEMBER_USER")
        .push_attribute("name", "b");
    members.push_attribute("value", "2");
    assert!(ids(&members, ToDevice).is_empty());
}

#[test]
fn a_value_not_of_its_type_is_bad() {
    for (name, value) in [
        ("PORT", "eighty"),
        ("ADDR", "10.0.0"),
        ("HOST", "-bad-.example"),
        ("QUICKCODE", "12345"),
        ("START", "May 19, 2006 15:06:00"),
        ("LENGTH", "7:33"),
        ("NAME", "ninechars"),
    ] {
        assert_eq!(
            ids(&addgroup_with(name, value), ToDevice).last(),
            Some(&"bad-value")
        );
    }
    for (name, value) in [
        ("PORT", "81"),
        ("ADDR", "10.0.0.1"),
        ("HOST", "rss.example.com"),
        ("QUICKCODE", "123456"),
        ("START", "May 19,2006 15:06:00"),
        ("LENGTH", "00:07:33"),
    ] {
        assert!(
            ids(&addgroup_with(name, value), ToDevice).is_empty(),
            "{name}"
        );
    }
}

#[test]
fn a_field_without_a_value_attribute_is_a_bad_value() {
    let mut message = addgroup();
    message.push_field("PORT");
    assert_eq!(ids(&message, ToDevice), ["bad-value"]);
}

#[test]
fn an_empty_value_is_accepted_only_where_the_field_may_be_left_out() {
    assert!(ids(&addgroup_with("PORT", ""), ToDevice).is_empty());

    let mut message = Message::single(Kind::Command, "addgroup");
    message.push_value("SESSIONID", "").push_value("NAME", "");
    assert_eq!(ids(&message, ToDevice), ["bad-value"]);
}

#[test]
fn an_integer_outside_its_range_is_out_of_range() {
    assert_eq!(
        ids(&addgroup_with("PORT", "0"), ToDevice),
        ["value-out-of-range"]
    );
    assert!(ids(&addgroup_with("PORT", "65535"), ToDevice).is_empty());
}

#[test]
fn a_value_its_enumeration_does_not_list_is_flagged() {
    let mut message = login();
    message.push_value("LANG", "en");
    assert_eq!(ids(&message, ToDevice), ["value-not-in-enumeration"]);

    let mut message = login();
    message.push_value("LANG", "1");
    assert!(ids(&message, ToDevice).is_empty());
}

#[test]
fn a_guid_in_rfc_4122_form_is_a_warning() {
    let mut message = Message::single(Kind::Command, "addgroup");
    message
        .push_value("SESSIONID", "7e76c583-2215-4c89-9a1a-f7a6c4ed8f11")
        .push_value("NAME", "staff");
    assert_eq!(ids(&message, ToDevice), ["guid-rfc4122-form"]);
    assert!(ids(&addgroup(), ToDevice).is_empty());
}

#[test]
fn a_field_spelled_as_a_known_alias_is_a_warning_and_checked_as_the_table_field() {
    assert_eq!(
        ids(&addgroup_with("LDAP_PWD", "s"), ToDevice),
        ["field-alias"]
    );
    assert!(ids(&addgroup_with("LDAP_PASSWORD", "s"), ToDevice).is_empty());

    let mut both = addgroup_with("LDAP_PWD", "s");
    both.push_value("LDAP_PASSWORD", "s");
    assert_eq!(ids(&both, ToDevice), ["field-alias", "repeated-field"]);
}

#[test]
fn an_alias_of_another_command_is_unknown() {
    let mut message = login();
    message.push_value("LDAP_PWD", "s");
    assert_eq!(ids(&message, ToDevice), ["unknown-field"]);
}

#[test]
fn a_confirm_without_result_is_flagged_once() {
    let mut message = Message::single(Kind::Confirm, "addgroup");
    message.push_value("DESCRIPTION", "done");
    assert_eq!(ids(&message, FromDevice), ["missing-result"]);
    assert!(ids(&confirm("addgroup"), FromDevice).is_empty());
}

#[test]
fn a_result_other_than_0_or_1_is_flagged_once() {
    let mut message = Message::single(Kind::Confirm, "addgroup");
    message.push_value("RESULT", "2");
    assert_eq!(ids(&message, FromDevice), ["bad-result"]);

    let mut failed = Message::single(Kind::Confirm, "addgroup");
    failed.push_value("RESULT", "1");
    assert!(ids(&failed, FromDevice).is_empty());
}

#[test]
fn records_of_one_message_must_share_their_xmlid() {
    let mut message = confirm("getuser");
    message.push_value("NAME", "a");
    message.push_record(Kind::Confirm, "addgroup");
    message.push_value("RESULT", "0");
    assert_eq!(ids(&message, FromDevice), ["mixed-xmlids"]);

    let mut message = confirm("getuser");
    message.push_value("NAME", "a");
    message.push_record(Kind::Confirm, "getuser");
    message.push_value("RESULT", "0").push_value("NAME", "b");
    assert!(ids(&message, FromDevice).is_empty());
}

#[test]
fn xmlids_that_differ_in_case_only_are_not_mixed() {
    let mut message = confirm("GetUser");
    message.push_value("NAME", "a");
    assert_eq!(ids(&message, FromDevice), ["xmlid-case"]);

    message.push_record(Kind::Confirm, "getuser");
    message.push_value("RESULT", "0").push_value("NAME", "b");
    assert_eq!(ids(&message, FromDevice), ["xmlid-case"]);

    message.push_record(Kind::Confirm, "addgroup");
    message.push_value("RESULT", "0");
    assert_eq!(ids(&message, FromDevice), ["xmlid-case", "mixed-xmlids"]);
}

#[test]
fn several_confirms_for_a_single_reply_command_are_too_many() {
    let mut message = confirm("addgroup");
    message.push_record(Kind::Confirm, "addgroup");
    message.push_value("RESULT", "0");
    message.push_record(Kind::Confirm, "addgroup");
    message.push_value("RESULT", "0");
    assert_eq!(ids(&message, FromDevice), ["too-many-records"]);

    let mut message = confirm("addgroup");
    message.push_record(Kind::Indication, "addgroup");
    message.push_value("NAME", "staff");
    assert!(ids(&message, FromDevice).is_empty());
}

#[test]
fn a_member_without_its_name_attribute_is_a_warning() {
    assert_eq!(
        ids(&addgroup_with("MEMBER_USER", "1"), ToDevice),
        ["missing-name-attribute"]
    );

    let mut message = addgroup();
    message
        .push_field("MEMBER_USER")
        .push_attribute("name", "liling");
    message.push_attribute("value", "1");
    assert!(ids(&message, ToDevice).is_empty());
}

#[test]
fn a_command_marked_no_implementation_is_noted_once() {
    let mut message = confirm("getskin");
    message.push_record(Kind::Confirm, "getskin");
    message.push_value("RESULT", "0");
    let found = ids(&message, FromDevice);
    assert_eq!(
        found,
        ["not-implemented-command", "web-ui-only", "too-many-records"]
    );
    assert!(ids(&confirm("addgroup"), FromDevice).is_empty());
}

#[test]
fn a_field_for_the_web_ui_only_is_noted() {
    assert_eq!(
        ids(&addgroup_with("SKIN", "blue"), ToDevice),
        ["web-ui-only"]
    );
    assert!(ids(&addgroup_with("PORT", "81"), ToDevice).is_empty());
}
