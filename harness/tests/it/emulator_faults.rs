//! Faults: each deliberate deviation is listed, named, and changes the
//! device the way its description says.

use std::collections::BTreeSet;
use std::time::Duration;

use dvcr::emulator::{Fault, Layer};

use crate::emulator_kit::{Bench, column, complete, indicated, result, value};

#[test]
fn there_are_at_least_ten_faults_with_unique_names_that_parse_back() {
    let names: BTreeSet<&str> = Fault::ALL.iter().map(|fault| fault.name()).collect();

    assert!(Fault::ALL.len() >= 10);
    assert_eq!(names.len(), Fault::ALL.len());
    for fault in Fault::ALL {
        assert_eq!(fault.name().parse::<Fault>(), Ok(fault));
        assert!(!fault.description().is_empty());
    }
    assert!("no-such-fault".parse::<Fault>().is_err());
}

#[test]
fn wire_faults_are_exposed_to_the_server_and_leave_messages_alone() {
    let mut bench = Bench::with_faults(&[Fault::WrongTpktVersion, Fault::WrongXmlid]);
    let wire: Vec<Fault> = bench.device.faults().wire().collect();

    assert_eq!(wire, [Fault::WrongTpktVersion]);
    assert_eq!(Fault::SplitReplies.layer(), Layer::Wire);
    bench.admin(1);
}

#[test]
fn drop_after_login_closes_the_connection() {
    let mut bench = Bench::with_faults(&[Fault::DropAfterLogin]);
    let outcome = bench.send(
        5,
        "login",
        &[("USERNAME", "Administrator"), ("PASSWORD", "")],
    );

    assert_eq!(outcome.close, [dvcr::emulator::ConnectionId(5)]);
}

#[test]
fn wrong_xmlid_echoes_the_previous_command() {
    let mut bench = Bench::with_faults(&[Fault::WrongXmlid]);
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "getlang", &[]);

    assert_eq!(outcome.replies[0].first().map(|r| r.xmlid()), Some("login"));
}

#[test]
fn missing_result_drops_the_result_field() {
    let mut bench = Bench::with_faults(&[Fault::MissingResult]);
    let login = bench.send(
        1,
        "login",
        &[("USERNAME", "Administrator"), ("PASSWORD", "")],
    );
    let session = value(&login, "SESSIONID").unwrap_or_default();
    let outcome = bench.call(1, &session, "getlang", &[]);

    assert_eq!(value(&outcome, "RESULT"), None);
    assert_eq!(value(&outcome, "LANG").as_deref(), Some("0"));
}

#[test]
fn list_in_one_record_folds_a_list_reply() {
    let mut bench = Bench::with_faults(&[Fault::ListInOneRecord]);
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "getendpoint", &[]);

    assert_eq!(outcome.replies[0].record_count(), 1);
    let names: Vec<&str> = outcome.replies[0]
        .first()
        .map(|r| r.values("SOURCENAME").collect())
        .unwrap_or_default();
    assert_eq!(names, ["6000", "1", "8000"]);
}

#[test]
fn session_never_expires_keeps_idle_sessions_alive() {
    let mut bench = Bench::with_faults(&[Fault::SessionNeverExpires]);
    let session = bench.admin(1);
    bench.clock.advance(Duration::from_secs(5 * 3600));

    assert_eq!(result(&bench.call(1, &session, "getlang", &[])), "0");
}

#[test]
fn no_session_check_obeys_commands_without_a_session() {
    let mut bench = Bench::with_faults(&[Fault::NoSessionCheck]);
    let fields = complete("adddevuser", &[("USERNAME", "intruder")]);
    let fields: Vec<(&str, &str)> = fields.iter().map(|(n, v)| (*n, v.as_str())).collect();
    let outcome = bench.send(1, "adddevuser", &fields);

    assert_eq!(result(&outcome), "0");
    assert!(bench.device.state().user("intruder").is_some());
}

#[test]
fn predictable_session_ids_count_up() {
    let mut bench = Bench::with_faults(&[Fault::PredictableSessionIds]);

    assert_eq!(bench.admin(1), "00000000-0000-0000-0000000000000001");
    assert_eq!(bench.admin(2), "00000000-0000-0000-0000000000000002");
}

#[test]
fn indication_to_sender_sends_the_change_back() {
    let mut bench = Bench::with_faults(&[Fault::IndicationToSender]);
    let session = bench.admin(1);
    bench.login(2, "liling", "liling", true);
    let outcome = bench.call(1, &session, "setstorage", &[("AUTO_DEL", "0")]);

    assert_eq!(indicated(&outcome), [1, 2]);
}

#[test]
fn no_indications_sends_none() {
    let mut bench = Bench::with_faults(&[Fault::NoIndications]);
    let session = bench.admin(1);
    bench.login(2, "liling", "liling", true);

    assert!(
        bench
            .call(1, &session, "delgroup", &[("GROUPNAME", "Group 2")])
            .indications
            .is_empty()
    );
}

#[test]
fn duplicate_endpoint_name_accepts_a_name_in_use() {
    let mut bench = Bench::with_faults(&[Fault::DuplicateEndpointName]);
    let session = bench.admin(1);
    bench.call(
        1,
        &session,
        "addendpoint",
        &[("SOURCENAME", "6000"), ("SOURCEIP", "1.2.3.4")],
    );
    let listed = bench.call(1, &session, "getendpoint", &[]);

    assert_eq!(
        column(&listed, "SOURCENAME")
            .iter()
            .filter(|n| *n == "6000")
            .count(),
        2
    );
}

#[test]
fn blank_endpoint_ip_accepts_a_blank_address() {
    let mut bench = Bench::with_faults(&[Fault::BlankEndpointIp]);
    let session = bench.admin(1);
    let outcome = bench.call(
        1,
        &session,
        "addendpoint",
        &[("SOURCENAME", "9000"), ("SOURCEIP", "")],
    );

    assert_eq!(result(&outcome), "0");
    assert_eq!(value(&outcome, "SOURCEIP").as_deref(), Some(""));
}

#[test]
#[should_panic(expected = "is not a number")]
fn panic_on_bad_index_crashes_the_device() {
    let mut bench = Bench::with_faults(&[Fault::PanicOnBadIndex]);
    let session = bench.admin(1);

    bench.call(1, &session, "getroom", &[("INDEX", "zero")]);
}

#[test]
fn panic_on_bad_index_spares_numbers_and_blanks() {
    let mut bench = Bench::with_faults(&[Fault::PanicOnBadIndex]);
    let session = bench.admin(1);

    assert_eq!(
        result(&bench.call(1, &session, "getroom", &[("INDEX", "0")])),
        "0"
    );
    assert_eq!(
        result(&bench.call(1, &session, "addroom", &[("ROOM_ID", "R"), ("INDEX", "")])),
        "0"
    );
}

#[test]
fn hang_on_long_sourcename_answers_nothing_and_marks_the_hang() {
    let mut bench = Bench::with_faults(&[Fault::HangOnLongSourcename]);
    let session = bench.admin(1);
    let long = "8".repeat(300);
    let outcome = bench.call(
        1,
        &session,
        "addendpoint",
        &[("SOURCENAME", &long), ("SOURCEIP", "1.1.1.1")],
    );
    let short = bench.call(
        1,
        &session,
        "addendpoint",
        &[("SOURCENAME", "88"), ("SOURCEIP", "1.1.1.1")],
    );

    assert!(outcome.hang);
    assert!(outcome.replies.is_empty());
    assert_eq!(result(&short), "0");
}

#[test]
fn without_faults_a_long_sourcename_is_just_stored() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let long = "8".repeat(300);
    let outcome = bench.call(
        1,
        &session,
        "addendpoint",
        &[("SOURCENAME", &long), ("SOURCEIP", "1.1.1.1")],
    );

    assert!(!outcome.hang);
    assert_eq!(result(&outcome), "0");
}
