//! Recording settings, meeting rooms and the H.323 link state machine.

use std::time::Duration;

use crate::emulator_kit::{Bench, assert_refused, column, result, value, values};

const GROUP1: &str = "54dc25f9-b6ec-4a5e-abd122fb2ffc421e";
const GROUP2: &str = "60e7013e-f48a-4dce-bdc6498f67f57d5b";

#[test]
fn setsp_echoes_the_settings_with_group_names() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [
        ("DUALVIDEO", "1"),
        ("RECORDRIGHT", "1"),
        ("RECORDID", GROUP2),
    ];
    let outcome = bench.call(1, &session, "setsp", &fields);

    assert_eq!(value(&outcome, "DUALVIDEO").as_deref(), Some("1"));
    assert_eq!(values(&outcome, "RECORDID"), [GROUP2]);
    assert_eq!(values(&outcome, "NOTIN"), [GROUP1]);
    let read = bench.call(1, &session, "getsp", &[]);
    assert_eq!(values(&read, "RECORDID"), [GROUP2]);
}

#[test]
fn setsp_refuses_an_unknown_group() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(
        1,
        &session,
        "setsp",
        &[("RECORDID", "11111111-2222-3333-4444555566667777")],
    );

    assert_refused(&outcome, "is no group");
}

#[test]
fn getroom_answers_one_confirm_per_room_and_details_one() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let all = bench.call(1, &session, "getroom", &[]);
    let one = bench.call(1, &session, "getroom", &[("INDEX", "0")]);

    assert_eq!(column(&all, "ROOM_ID"), ["H239", "Room1"]);
    assert_eq!(column(&all, "STATUS"), ["Menu", "Menu"]);
    assert_eq!(values(&one, "VIEWID"), [GROUP1]);
    assert_eq!(values(&one, "NOTIN_REC"), [GROUP2]);
}

#[test]
fn a_room_is_added_changed_and_deleted() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [
        ("ROOM_ID", "ROOM3"),
        ("INDEX", ""),
        ("RATE", "768"),
        ("ROOM_NUM", "1801"),
        ("RECORDRIGHT", "1"),
        ("RECORDID", GROUP2),
    ];
    let added = bench.call(1, &session, "addroom", &fields);
    let changed = bench.call(
        1,
        &session,
        "modroom",
        &[("INDEX", "2"), ("ROOM_ID", "ROOM3"), ("RATE", "384")],
    );
    let deleted = bench.call(1, &session, "delroom", &[("INDEX", "2")]);

    assert_eq!(value(&added, "INDEX").as_deref(), Some("2"));
    assert_eq!(values(&added, "RECORDID"), [GROUP2]);
    assert_eq!(value(&changed, "RATE").as_deref(), Some("384"));
    assert_eq!(value(&changed, "ROOM_ID").as_deref(), Some("ROOM3"));
    assert_eq!(value(&deleted, "INDEX").as_deref(), Some("2"));
    assert!(bench.device.state().room(2).is_none());
}

#[test]
fn a_room_name_already_in_use_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(
        &bench.call(1, &session, "addroom", &[("ROOM_ID", "Room1")]),
        "already in use",
    );
}

#[test]
fn a_room_index_that_is_no_number_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(
        &bench.call(1, &session, "delroom", &[("INDEX", "two")]),
        "INDEX: expected an integer",
    );
}

fn link_status(bench: &mut Bench, session: &str) -> String {
    let links = bench.call(1, session, "geteplink", &[]);
    value(&links, "STATUS").unwrap_or_default()
}

#[test]
fn a_link_moves_through_record_pause_continue_and_stop() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let index = [("INDEX", "1024")];
    assert_eq!(link_status(&mut bench, &session), "Menu");

    assert_eq!(
        result(&bench.call(1, &session, "startroomrecord", &index)),
        "0"
    );
    assert_eq!(link_status(&mut bench, &session), "Running");
    assert_eq!(
        result(&bench.call(1, &session, "pauseroomrecord", &index)),
        "0"
    );
    assert_eq!(link_status(&mut bench, &session), "Paused");
    assert_eq!(
        result(&bench.call(1, &session, "continueroomrecord", &index)),
        "0"
    );
    assert_eq!(link_status(&mut bench, &session), "Running");
    let stop = bench.call(1, &session, "stoproomrecord", &index);
    assert_eq!(value(&stop, "INDEX").as_deref(), Some("1024"));
    assert_eq!(link_status(&mut bench, &session), "Menu");
}

#[test]
fn moves_the_state_machine_does_not_allow_are_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let index = [("INDEX", "1024")];

    assert_refused(
        &bench.call(1, &session, "pauseroomrecord", &index),
        "not recording",
    );
    assert_refused(
        &bench.call(1, &session, "continueroomrecord", &index),
        "not paused",
    );
    assert_refused(
        &bench.call(1, &session, "stoproomrecord", &index),
        "no recording",
    );
    bench.call(1, &session, "startroomrecord", &index);
    assert_refused(
        &bench.call(1, &session, "startroomrecord", &index),
        "already recording",
    );
    assert_refused(
        &bench.call(1, &session, "hangup", &[("INDEX", "1025")]),
        "no H.323 link",
    );
}

#[test]
fn stopping_a_recording_files_an_archive_of_its_length() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let index = [("INDEX", "1024")];
    bench.call(1, &session, "startroomrecord", &index);
    bench.clock.advance(Duration::from_secs(95));
    bench.call(1, &session, "stoproomrecord", &index);
    let count = bench.call(
        1,
        &session,
        "getlistinfo",
        &[("SEARCH", "VSX"), ("LIBMEDIA", "1")],
    );
    let by_name = [
        ("CATALOG", "0"),
        ("SORT", "2"),
        ("START", "2"),
        ("END", "2"),
    ];
    let newest = bench.call(1, &session, "getmediainfo", &by_name);

    assert_eq!(value(&count, "LIBLIST").as_deref(), Some("1"));
    assert_eq!(
        value(&newest, "NAME").as_deref(),
        Some("VSX50002_JUN_15_2006_22:00")
    );
    assert_eq!(value(&newest, "DURATION").as_deref(), Some("00:01:35"));
}

#[test]
fn hangup_removes_the_link() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "hangup", &[("INDEX", "1024")]);

    assert_eq!(value(&outcome, "INDEX").as_deref(), Some("1024"));
    assert!(bench.device.state().links.is_empty());
}

#[test]
fn quick_record_dials_a_new_link_that_records_and_streams() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [
        ("IP_NUM", "172.21.120.153"),
        ("RATE", "384"),
        ("BROADCAST", "1"),
        ("VIEWID", GROUP1),
        ("REFERENCEID", "123456789abcdefg"),
    ];
    let outcome = bench.call(1, &session, "startquickrecord", &fields);
    let streams = bench.call(1, &session, "getlistinfo", &[]);

    assert_eq!(value(&outcome, "INDEX").as_deref(), Some("1025"));
    assert_eq!(value(&outcome, "STATUS_INDEX").as_deref(), Some("1"));
    assert_eq!(
        value(&outcome, "REFERENCEID").as_deref(),
        Some("123456789abcdefg")
    );
    assert_eq!(value(&streams, "BROADLIST").as_deref(), Some("1"));
    bench.call(1, &session, "stoproomrecord", &[("INDEX", "1025")]);
    let after = bench.call(1, &session, "getlistinfo", &[]);
    assert_eq!(value(&after, "BROADLIST").as_deref(), Some("0"));
    assert_eq!(value(&after, "LIBLIST").as_deref(), Some("3"));
}

#[test]
fn hanging_up_a_broadcasting_link_ends_its_live_stream() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let fields = [("IP_NUM", "1.2.3.4"), ("BROADCAST", "1")];
    bench.call(1, &session, "startquickrecord", &fields);
    bench.call(1, &session, "hangup", &[("INDEX", "1025")]);
    let after = bench.call(1, &session, "getlistinfo", &[]);

    assert_eq!(value(&after, "BROADLIST").as_deref(), Some("0"));
    assert_eq!(bench.device.state().check_invariants(), Ok(()));
}

#[test]
fn quick_record_refuses_a_reference_id_over_30_characters() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let long = "x".repeat(31);
    let fields = [("IP_NUM", "1.2.3.4"), ("REFERENCEID", long.as_str())];

    assert_refused(
        &bench.call(1, &session, "startquickrecord", &fields),
        "30 characters",
    );
}
