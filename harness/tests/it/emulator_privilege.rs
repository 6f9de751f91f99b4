//! Privilege: an ordinary user may read but not change accounts or system
//! settings, unless the policy is switched open.

use dvcr::emulator::{DeviceConfig, PrivilegePolicy};

use crate::emulator_kit::{Bench, assert_refused, result};

#[test]
fn an_ordinary_user_may_read_accounts_and_settings() {
    let mut bench = Bench::new();
    let session = bench.login(1, "test", "test", false);

    for xmlid in [
        "getdevuser",
        "getendpoint",
        "getgroup",
        "getip",
        "getstorage",
        "getldap",
    ] {
        assert_eq!(result(&bench.call(1, &session, xmlid, &[])), "0", "{xmlid}");
    }
}

#[test]
fn an_ordinary_user_may_not_change_accounts_or_settings() {
    let mut bench = Bench::new();
    let session = bench.login(1, "test", "test", false);
    let cases: [(&str, &[(&str, &str)]); 4] = [
        ("adddevuser", &[("USERNAME", "x")]),
        (
            "addendpoint",
            &[("SOURCENAME", "x"), ("SOURCEIP", "1.1.1.1")],
        ),
        ("setip", &[("INDEX", "0")]),
        ("shutdown", &[("POWEROFF", "1")]),
    ];
    for (xmlid, fields) in cases {
        assert_refused(&bench.call(1, &session, xmlid, fields), "ordinary user");
    }
    assert!(bench.device.state().user("x").is_none());
}

#[test]
fn an_ordinary_user_may_still_control_recordings() {
    let mut bench = Bench::new();
    let session = bench.login(1, "test", "test", false);

    assert_eq!(
        result(&bench.call(1, &session, "startroomrecord", &[("INDEX", "1024")])),
        "0"
    );
}

#[test]
fn an_administrator_may_change_accounts() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_eq!(
        result(&bench.call(1, &session, "adddevuser", &[("USERNAME", "x")])),
        "0"
    );
}

#[test]
fn the_open_policy_lets_an_ordinary_user_change_accounts() {
    let mut bench = Bench::with(DeviceConfig {
        privilege: PrivilegePolicy::Open,
        ..DeviceConfig::default()
    });
    let session = bench.login(1, "test", "test", false);

    assert_eq!(
        result(&bench.call(1, &session, "adddevuser", &[("USERNAME", "x")])),
        "0"
    );
}
