//! The device's catalog check (spec, "General Information", item 6, and
//! each command's parameter table): a command that breaks its table is
//! refused with RESULT 1, a DESCRIPTION naming the field, and no change.

use crate::emulator_kit::{Bench, assert_refused, description, result, value};

#[test]
fn a_bad_ldap_server_is_refused_by_name_and_changes_nothing() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let before = bench.device.state().clone();
    let fields = [
        ("LANG", "en"),
        ("USE_LDAP", "1"),
        ("LDAP_SERVER", "256.1.1.1"),
        ("LDAP_USER", "admin"),
        ("LDAP_PASSWORD", "secret"),
    ];
    let outcome = bench.call(1, &session, "setldap", &fields);

    assert_refused(
        &outcome,
        "LDAP_SERVER: expected an IPv4 address or a DNS name",
    );
    assert!(description(&outcome).contains("found \"256.1.1.1\""));
    assert_eq!(bench.device.state(), &before);
}

#[test]
fn a_value_outside_its_enumeration_is_refused_and_changes_nothing() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let before = bench.device.state().clone();
    let outcome = bench.call(1, &session, "setstorage", &[("AUTO_SAVE", "00")]);

    assert_refused(&outcome, "AUTO_SAVE: expected one of 0, 1, 2, found \"00\"");
    assert_eq!(bench.device.state(), &before);
}

#[test]
fn a_missing_field_is_refused_by_name() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call_exact(1, &session, "getldap", &[]);

    assert_refused(&outcome, "LANG: expected field LANG, found none");
}

#[test]
fn an_unset_ldap_server_may_be_stored_and_read_back_empty() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [("USE_LDAP", "0"), ("LDAP_SERVER", "")];
    let set = bench.call(1, &session, "setldap", &fields);
    let read = bench.call(1, &session, "getldap", &[]);

    assert_eq!(result(&set), "0", "{set:?}");
    assert_eq!(value(&read, "LDAP_SERVER").as_deref(), Some(""));
}

#[test]
fn an_unknown_session_keeps_its_own_reply_before_the_catalog_check() {
    let mut bench = Bench::new();
    let outcome = bench.call_exact(1, "not-a-session", "setstorage", &[("AUTO_SAVE", "00")]);

    assert_eq!(result(&outcome), "1");
    assert!(!description(&outcome).contains("AUTO_SAVE"), "{outcome:?}");
}

#[test]
fn every_error_is_quoted_in_order_and_warnings_are_not() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [
        ("LANG", "en"),
        ("USE_LDAP", "7"),
        ("LDAP_SERVER", "256.1.1.1"),
        ("LDAP_USER", "admin"),
        ("LDAP_PASSWORD", "secret"),
    ];
    let outcome = bench.call(1, &session, "SetLdap", &fields);
    let said = description(&outcome);

    assert_refused(&outcome, "USE_LDAP: expected one of 0, 1, found \"7\"");
    assert!(
        said.contains("(value-not-in-enumeration); LDAP_SERVER: "),
        "{said}"
    );
    assert!(!said.contains("xmlid-case"), "{said}");
}
