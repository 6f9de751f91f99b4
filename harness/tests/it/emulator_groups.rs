//! Groups: lists, details with members and non-members, and the rules on
//! names and members.

use crate::emulator_kit::{Bench, assert_refused, column, result, value, values};

const LILING: &str = "9a12fdd4-45ee-4de9-9caedbb1e6ae6f06";
const EP_6000: &str = "cffb1fc0-9ec5-4822-ae0fdb9a77d5d72b";
const EP_8000: &str = "b36d7955-2443-4efa-8392b3dbf23de48c";

#[test]
fn getgroup_answers_one_confirm_per_group() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "getgroup", &[]);

    assert_eq!(column(&outcome, "GROUPNAME"), ["Group1", "Group 2"]);
    assert_eq!(column(&outcome, "MEMBER_COUNT"), ["4", "1"]);
}

#[test]
fn getgroup_by_name_lists_members_and_non_members() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "getgroup", &[("GROUPNAME", "Group1")]);

    assert_eq!(values(&outcome, "MEMBER").len(), 4);
    assert_eq!(values(&outcome, "MEMBER_USER").len(), 3);
    assert_eq!(values(&outcome, "MEMBER_EP"), [EP_6000]);
    assert_eq!(values(&outcome, "NOTIN_EP").len(), 2);
}

#[test]
fn a_group_is_added_changed_and_deleted() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [
        ("GROUPNAME", "test group"),
        ("DESCRIPTION", "test group"),
        ("MEMBER", LILING),
        ("MEMBER", EP_6000),
        ("MEMBER", EP_8000),
    ];
    let added = bench.call(1, &session, "addgroup", &fields);
    let changed = bench.call(
        1,
        &session,
        "modgroup",
        &[("GROUPNAME", "test group"), ("MEMBER", LILING)],
    );
    let deleted = bench.call(1, &session, "delgroup", &[("GROUPNAME", "test group")]);

    assert_eq!(value(&added, "MEMBER_COUNT").as_deref(), Some("3"));
    assert_eq!(values(&added, "NOTIN_USER").len(), 2);
    assert_eq!(value(&changed, "MEMBER_COUNT").as_deref(), Some("1"));
    assert_eq!(
        value(&changed, "DESCRIPTION").as_deref(),
        Some("test group")
    );
    assert_eq!(value(&deleted, "GROUPID"), value(&added, "GROUPID"));
    assert!(bench.device.state().group("test group").is_none());
}

#[test]
fn a_group_name_already_in_use_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(
        &bench.call(1, &session, "addgroup", &[("GROUPNAME", "Group1")]),
        "already in use",
    );
}

#[test]
fn a_member_that_is_no_user_or_endpoint_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [
        ("GROUPNAME", "g"),
        ("MEMBER", "00000000-0000-0000-0000000000000000"),
    ];

    assert_refused(
        &bench.call(1, &session, "addgroup", &fields),
        "no user or endpoint",
    );
}

#[test]
fn deleting_a_group_removes_its_rights() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    assert_eq!(
        result(&bench.call(1, &session, "delgroup", &[("GROUPNAME", "Group1")])),
        "0"
    );

    let state = bench.device.state();
    assert!(state.single_point.record_ids.is_empty());
    assert!(state.rooms.iter().all(|room| room.record_ids.is_empty()));
}

#[test]
fn getmember_and_getallgroup_list_everything_in_one_confirm() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let members = bench.call(1, &session, "getmember", &[]);
    let groups = bench.call(1, &session, "getallgroup", &[]);

    assert_eq!(values(&members, "MEMBER_USER").len(), 3);
    assert_eq!(values(&members, "MEMBER_EP").len(), 3);
    assert_eq!(values(&groups, "GROUP").len(), 2);
}
