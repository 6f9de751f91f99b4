//! System and version 2.0 settings: reads, setters that echo the new
//! settings, and refusals that say which value was wrong.

use crate::emulator_kit::{Bench, assert_refused, description, result, value};

#[test]
fn getdevinfo_describes_the_product() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "getdevinfo", &[]);

    assert_eq!(value(&outcome, "TYPE").as_deref(), Some("RSS 2000"));
    assert_eq!(value(&outcome, "ACTIVATED").as_deref(), Some("1"));
}

#[test]
fn refreshstatus_tells_the_time_of_the_injected_clock() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "refreshstatus", &[]);

    assert_eq!(
        value(&outcome, "TIME").as_deref(),
        Some("Jun 15,2006 22:00:00")
    );
    assert_eq!(value(&outcome, "TIMEVALUE").as_deref(), Some("1150408800"));
    assert_eq!(value(&outcome, "TIMEZONE").as_deref(), Some("8"));
}

#[test]
fn setip_echoes_the_new_address_and_getip_reads_it_back() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [
        ("INDEX", "0"),
        ("DEVIP", "10.1.2.3"),
        ("DEVMASK", "255.255.0.0"),
        ("GATEWAY", "10.1.0.1"),
    ];
    let set = bench.call(1, &session, "setip", &fields);
    let get = bench.call(1, &session, "getip", &[]);

    assert_eq!(value(&set, "DEVIP").as_deref(), Some("10.1.2.3"));
    assert_eq!(value(&get, "GATEWAY").as_deref(), Some("10.1.0.1"));
}

#[test]
fn setip_refuses_lan2_and_bad_addresses_and_changes_nothing() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let lan2 = bench.call(1, &session, "setip", &[("INDEX", "1")]);
    let bad = bench.call(
        1,
        &session,
        "setip",
        &[("DEVIP", "10.1.2.3"), ("DEVMASK", "x")],
    );

    assert_refused(&lan2, "INDEX");
    assert_refused(&bad, "DEVMASK: expected a dotted-quad IPv4 address");
    assert_eq!(
        bench.device.state().setting("network", "DEVIP"),
        "172.21.100.20"
    );
}

#[test]
fn setgk_echoes_every_gatekeeper_field() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [
        ("USEGK", "1"),
        ("GKIP", "172.21.101.49"),
        ("GKPORT", "1719"),
        ("H323", "RSS Li Ling"),
    ];
    let outcome = bench.call(1, &session, "setgk", &fields);

    assert_eq!(value(&outcome, "USEGK").as_deref(), Some("1"));
    assert_eq!(value(&outcome, "GKSTATUS").as_deref(), Some("Unregistered"));
    assert_eq!(value(&outcome, "H323").as_deref(), Some("RSS Li Ling"));
}

#[test]
fn a_value_out_of_range_is_refused_with_its_range() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(
        &bench.call(1, &session, "setlang", &[("LANG", "7")]),
        "LANG: expected one of 0, 1",
    );
    assert_refused(
        &bench.call(1, &session, "setstorage", &[("START_TIME", "24")]),
        "START_TIME",
    );
}

#[test]
fn setstorage_echoes_the_storage_settings() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(
        1,
        &session,
        "setstorage",
        &[
            ("AUTO_SAVE", "2"),
            ("USER", "backup"),
            ("FTP", "172.21.96.10"),
        ],
    );

    assert_eq!(value(&outcome, "AUTO_SAVE").as_deref(), Some("2"));
    assert_eq!(value(&outcome, "USER").as_deref(), Some("backup"));
    assert_eq!(value(&outcome, "FTP").as_deref(), Some("172.21.96.10"));
}

#[test]
fn setivr_replaces_the_file_getivr_points_to() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let before = bench.call(1, &session, "getivr", &[("INDEX", "0")]);
    let set = bench.call(
        1,
        &session,
        "setivr",
        &[("TYPE", "0"), ("FILENAME", "\\rss7D.tmp")],
    );
    let after = bench.call(1, &session, "getivr", &[("INDEX", "0")]);

    assert_eq!(
        value(&before, "PLAY_URL").as_deref(),
        Some("/ivr/welcome.wav")
    );
    assert_eq!(description(&set), "Succeeded");
    assert_eq!(
        value(&after, "PLAY_URL").as_deref(),
        Some("/ivr/0/rss7D.tmp")
    );
}

#[test]
fn the_version_2_blocks_read_back_what_was_set() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let cases: [(&str, &str, (&str, &str)); 5] = [
        ("setldap", "getldap", ("LDAP_SERVER", "ldap.example")),
        ("setmulticast", "getmulticast", ("SAP_PORT", "9876")),
        ("setlogging", "getlogging", ("RAS_LEVEL", "3")),
        ("setos", "getos", ("TIMEZONE", "-5")),
        ("setstacking", "getstacking", ("MASTER", "10.0.0.1")),
    ];
    for (set, get, (field, wanted)) in cases {
        let echoed = bench.call(1, &session, set, &[(field, wanted)]);
        let read = bench.call(1, &session, get, &[]);

        let echoes = ["setldap", "setmulticast"].contains(&set);
        let expected_echo = echoes.then_some(wanted);
        assert_eq!(
            value(&echoed, field).as_deref(),
            expected_echo,
            "{set} echoes the settings only where the spec's confirm table lists them"
        );
        assert_eq!(
            value(&read, field).as_deref(),
            Some(wanted),
            "{get} did not read back"
        );
    }
}

#[test]
fn setldap_accepts_the_ldap_pwd_spelling_of_the_example() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "setldap", &[("LDAP_PWD", "secret")]);

    assert_eq!(value(&outcome, "LDAP_PASSWORD").as_deref(), Some("secret"));
}

#[test]
fn setcfskey_activates_with_a_well_formed_key_only() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let bad = bench.call(1, &session, "setcfskey", &[("CFSKEY", "nope")]);
    let good = bench.call(
        1,
        &session,
        "setcfskey",
        &[("CFSKEY", "ABCD-1234-ABCD-1234-ABCD")],
    );
    let info = bench.call(1, &session, "getcfsinfo", &[]);

    assert_refused(&bad, "five groups");
    assert_eq!(result(&good), "0");
    assert_eq!(
        value(&info, "ACTIVE_KEY").as_deref(),
        Some("ABCD-1234-ABCD-1234-ABCD")
    );
}

#[test]
fn the_banner_is_kept_per_language() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    bench.call(
        1,
        &session,
        "setbanner",
        &[("LANGUAGE", "1"), ("BANNER_MSG", "欢迎")],
    );
    let chinese = bench.call(1, &session, "getbanner", &[("LANGUAGE", "1")]);
    let english = bench.call(1, &session, "getbanner", &[]);

    assert_eq!(value(&chinese, "BANNER_MSG").as_deref(), Some("欢迎"));
    assert_eq!(
        value(&english, "BANNER_MSG").as_deref(),
        Some("Welcome to the RSS 2000")
    );
}

#[test]
fn the_commands_marked_no_implementation_say_so() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(
        &bench.call(1, &session, "getuilogo", &[]),
        "no implementation",
    );
    assert_refused(
        &bench.call(1, &session, "getvideologo", &[]),
        "no implementation",
    );
}

#[test]
fn setuilogo_needs_a_file_name() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(
        &bench.call(1, &session, "setuilogo", &[("FILENAME", "")]),
        "FILENAME",
    );
    assert_eq!(
        result(&bench.call(1, &session, "setvideologo", &[("FILENAME", "a.bmp")])),
        "0"
    );
}

#[test]
fn every_command_of_the_table_answers_a_confirm_with_a_result() {
    let mut bench = Bench::new();
    for entry in dvcr::emulator::handlers::TABLE {
        let session = bench.admin(1);
        let outcome = bench.call(1, &session, entry.xmlid, &[]);
        let result = result(&outcome);

        assert!(
            result == "0" || result == "1",
            "{} answered {outcome:?}",
            entry.xmlid
        );
    }
    assert_eq!(dvcr::emulator::handlers::TABLE.len(), 67);
}
