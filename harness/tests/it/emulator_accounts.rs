//! Endpoint and user accounts: lists, round trips, and the uniqueness and
//! required-field rules of the spec.

use dvcr::emulator::ids::is_guid;

use crate::emulator_kit::{Bench, assert_refused, column, description, result, value};

fn add_endpoint(bench: &mut Bench, session: &str, name: &str, ip: &str) -> dvcr::emulator::Outcome {
    bench.call(
        1,
        session,
        "addendpoint",
        &[
            ("SOURCENAME", name),
            ("SOURCEIP", ip),
            ("E164", ""),
            ("H323", ""),
            ("FLAG", "1"),
        ],
    )
}

#[test]
fn getendpoint_answers_one_confirm_per_endpoint() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "getendpoint", &[]);

    assert_eq!(column(&outcome, "SOURCENAME"), ["6000", "1", "8000"]);
    assert_eq!(column(&outcome, "RESULT"), ["0", "0", "0"]);
}

#[test]
fn an_added_endpoint_is_listed_with_a_new_guid() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let added = add_endpoint(&mut bench, &session, "9000", "172.21.101.25");
    let listed = bench.call(1, &session, "getendpoint", &[]);

    assert_eq!(result(&added), "0");
    assert_eq!(description(&added), "Succeeded");
    assert!(is_guid(&value(&added, "SOURCEID").unwrap_or_default()));
    assert_eq!(value(&added, "FLAG").as_deref(), Some("1"));
    assert_eq!(value(&added, "TITLE").as_deref(), Some(""));
    assert_eq!(
        column(&listed, "SOURCENAME").last().map(String::as_str),
        Some("9000")
    );
}

#[test]
fn an_endpoint_name_already_in_use_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(
        &add_endpoint(&mut bench, &session, "6000", "1.2.3.4"),
        "already in use",
    );
}

#[test]
fn a_blank_endpoint_ip_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(
        &add_endpoint(&mut bench, &session, "9000", " "),
        "SOURCEIP: expected a dotted-quad IPv4 address",
    );
}

#[test]
fn a_missing_endpoint_ip_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call_exact(1, &session, "addendpoint", &[("SOURCENAME", "9000")]);

    assert_refused(&outcome, "SOURCEIP: expected field SOURCEIP, found none");
}

#[test]
fn an_endpoint_ip_that_is_no_address_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(&add_endpoint(&mut bench, &session, "9000", "near"), "IPv4");
}

#[test]
fn modendpoint_changes_the_named_endpoint() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(
        1,
        &session,
        "modendpoint",
        &[
            ("SOURCENAME", "8000"),
            ("SOURCEIP", "10.0.0.8"),
            ("FLAG", "0"),
        ],
    );

    assert_eq!(result(&outcome), "0");
    assert_eq!(value(&outcome, "SOURCEIP").as_deref(), Some("10.0.0.8"));
    assert_eq!(
        bench.device.state().endpoint("8000").map(|e| e.flag),
        Some(0)
    );
}

#[test]
fn modendpoint_cannot_blank_the_ip() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(
        1,
        &session,
        "modendpoint",
        &[("SOURCENAME", "8000"), ("SOURCEIP", "")],
    );

    assert_refused(
        &outcome,
        "SOURCEIP: expected a dotted-quad IPv4 address, found \"\"",
    );
}

#[test]
fn modendpoint_refuses_a_sourceid_its_table_does_not_list() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(
        1,
        &session,
        "modendpoint",
        &[
            ("SOURCEID", "b36d7955-2443-4efa-8392b3dbf23de48c"),
            ("SOURCENAME", "6000"),
        ],
    );

    assert_refused(&outcome, "SOURCEID: expected one of SESSIONID, SOURCENAME");
}

#[test]
fn delendpoint_removes_it_and_its_memberships() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "delendpoint", &[("SOURCENAME", "6000")]);

    assert_eq!(
        value(&outcome, "SOURCEID").as_deref(),
        Some("cffb1fc0-9ec5-4822-ae0fdb9a77d5d72b")
    );
    assert!(bench.device.state().endpoint("6000").is_none());
    let group1 = bench
        .device
        .state()
        .group("Group1")
        .map(|g| g.members.len());
    assert_eq!(group1, Some(3));
}

#[test]
fn deleting_an_unknown_endpoint_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(
        &bench.call(1, &session, "delendpoint", &[("SOURCENAME", "nope")]),
        "no endpoint",
    );
}

#[test]
fn getdevuser_answers_one_confirm_per_user() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "getdevuser", &[]);

    assert_eq!(
        column(&outcome, "USERNAME"),
        ["Administrator", "liling", "test"]
    );
    assert_eq!(column(&outcome, "OPTIONS"), ["0", "0", "0"]);
}

#[test]
fn a_user_can_be_added_changed_and_deleted() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [
        ("USERNAME", "new1"),
        ("PASSWORD", "abc"),
        ("FULLNAME", "new1 "),
        ("EMAIL", "abc@aaa.com"),
        ("PRIVILEGE", "0"),
    ];
    let added = bench.call(1, &session, "adddevuser", &fields);
    let changed = bench.call(
        1,
        &session,
        "moddevuser",
        &[
            ("USERNAME", "new1"),
            ("PASSWORD", "abc"),
            ("FULLNAME", "new1 "),
            ("EMAIL", "abc@aaa.com"),
            ("PRIVILEGE", "1"),
        ],
    );
    let deleted = bench.call(1, &session, "deldevuser", &[("USERNAME", "new1")]);

    assert_eq!(value(&added, "FULLNAME").as_deref(), Some("new1 "));
    assert_eq!(value(&changed, "PRIVILEGE").as_deref(), Some("1"));
    assert_eq!(value(&changed, "EMAIL").as_deref(), Some("abc@aaa.com"));
    assert_eq!(value(&deleted, "USERID"), value(&added, "USERID"));
    assert!(bench.device.state().user("new1").is_none());
}

#[test]
fn the_new_user_can_log_in_with_its_password() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    bench.call(
        1,
        &session,
        "adddevuser",
        &[("USERNAME", "new1"), ("PASSWORD", "abc")],
    );

    bench.login(2, "new1", "abc", false);
}

#[test]
fn a_user_name_already_in_use_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "adddevuser", &[("USERNAME", "test")]);

    assert_refused(&outcome, "already in use");
}

#[test]
fn a_blank_user_name_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(
        &bench.call(1, &session, "adddevuser", &[("USERNAME", "")]),
        "cannot be blank",
    );
}

#[test]
fn the_last_administrator_cannot_be_deleted() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    bench.call(1, &session, "deldevuser", &[("USERNAME", "liling")]);
    let outcome = bench.call(1, &session, "deldevuser", &[("USERNAME", "Administrator")]);

    assert_refused(&outcome, "last administrator");
}

#[test]
fn the_last_administrator_cannot_be_made_an_ordinary_user() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    bench.call(1, &session, "deldevuser", &[("USERNAME", "liling")]);
    let demote = [
        ("USERNAME", "Administrator"),
        ("FULLNAME", "A"),
        ("EMAIL", ""),
        ("PASSWORD", ""),
        ("PRIVILEGE", "1"),
    ];
    let outcome = bench.call(1, &session, "moddevuser", &demote);

    assert_refused(
        &outcome,
        "last administrator cannot be made an ordinary user",
    );
    let kept = bench
        .device
        .state()
        .users
        .iter()
        .filter(|user| user.privilege == 0)
        .count();
    assert_eq!(kept, 1);
}
