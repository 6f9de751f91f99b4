//! Archives and live streams: counts, pages, details, changes and
//! deletions; call and play, and file multicast.

use crate::emulator_kit::{Bench, assert_refused, column, result, value, values};

const ARCHIVE: &str = "bcc09f0b-a052-4a2a-a3121ac88dfb955c";
const OTHER: &str = "4e9b070b-60a5-4430-820bab0afe6384d8";
const GROUP2: &str = "60e7013e-f48a-4dce-bdc6498f67f57d5b";

#[test]
fn getmediainfo_pages_archives_newest_first_or_by_name() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let by_date = bench.call(
        1,
        &session,
        "getmediainfo",
        &[("START", "0"), ("END", "9"), ("SORT", "0")],
    );
    let by_name = bench.call(
        1,
        &session,
        "getmediainfo",
        &[("START", "0"), ("END", "9"), ("SORT", "2")],
    );
    let second = bench.call(1, &session, "getmediainfo", &[("START", "1"), ("END", "1")]);

    assert_eq!(column(&by_date, "CONF_ID"), [ARCHIVE, OTHER]);
    assert_eq!(column(&by_name, "CONF_ID"), [OTHER, ARCHIVE]);
    assert_eq!(column(&second, "CONF_ID"), [OTHER]);
}

#[test]
fn getmediainfo_by_conf_id_adds_the_detail_fields() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(
        1,
        &session,
        "getmediainfo",
        &[("CATALOG", "0"), ("CONF_ID", ARCHIVE)],
    );

    assert_eq!(value(&outcome, "QUICKCODE").as_deref(), Some("000001"));
    assert_eq!(values(&outcome, "NOTIN"), [GROUP2]);
}

#[test]
fn setmediainfo_renames_and_echoes_the_archive() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [
        ("CONF_ID", OTHER),
        ("NAME", "renamed"),
        ("PIN", "1234"),
        ("ACCESSTYPE", "2"),
        ("ACCESSID", GROUP2),
    ];
    let outcome = bench.call(1, &session, "setmediainfo", &fields);

    assert_eq!(value(&outcome, "NAME").as_deref(), Some("renamed"));
    assert_eq!(value(&outcome, "PIN").as_deref(), Some("1234"));
    assert_eq!(values(&outcome, "ACCESSIDEXT1"), [GROUP2]);
}

#[test]
fn setmediainfo_refuses_a_pin_that_is_not_digits() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(
        &bench.call(
            1,
            &session,
            "setmediainfo",
            &[("CONF_ID", OTHER), ("PIN", "12a")],
        ),
        "PIN",
    );
}

#[test]
fn delmediainfo_deletes_an_archive_once() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [("CONF_ID", ARCHIVE), ("TYPE", "0")];
    let first = bench.call(1, &session, "delmediainfo", &fields);
    let again = bench.call(1, &session, "delmediainfo", &fields);

    assert_eq!(value(&first, "CONF_ID").as_deref(), Some(ARCHIVE));
    assert_refused(&again, "no media");
}

#[test]
fn callandplay_needs_an_existing_archive() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let good = bench.call(
        1,
        &session,
        "callandplay",
        &[
            ("ADDR", "172.21.1.1"),
            ("RATE", "768"),
            ("FILE_ID", ARCHIVE),
        ],
    );
    let bad = bench.call(
        1,
        &session,
        "callandplay",
        &[
            ("ADDR", "172.21.1.1"),
            ("FILE_ID", "11111111-2222-3333-4444555566667777"),
        ],
    );

    assert_eq!(result(&good), "0");
    assert_eq!(bench.device.state().links.len(), 2);
    assert_refused(&bad, "no archive");
}

#[test]
fn file_multicast_needs_multicast_on_and_can_be_stopped_once() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let target = [("CONF_ID", ARCHIVE), ("TIMES", "1")];
    let while_off = bench.call(1, &session, "startfilemulticast", &target);
    bench.call(1, &session, "setmulticast", &[("ENABLE_MULTICAST", "1")]);
    let started = bench.call(1, &session, "startfilemulticast", &target);
    let stopped = bench.call(1, &session, "stopfilemulticast", &[("CONF_ID", ARCHIVE)]);
    let again = bench.call(1, &session, "stopfilemulticast", &[("CONF_ID", ARCHIVE)]);

    assert_refused(&while_off, "multicast is off");
    assert_eq!(result(&started), "0");
    assert_eq!(result(&stopped), "0");
    assert_refused(&again, "not being multicast");
}
