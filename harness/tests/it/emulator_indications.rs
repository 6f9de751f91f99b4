//! Indications: after a change, every other session that asked receives the
//! spec's INDICATION; the sender and sessions that did not ask receive none.

use dvcr_protocol::Kind;

use crate::emulator_kit::{Bench, indicated};

#[test]
fn a_change_is_indicated_to_other_sessions_that_asked_only() {
    let mut bench = Bench::new();
    let sender = bench.login(1, "Administrator", "", true);
    bench.login(2, "liling", "liling", true);
    bench.login(3, "test", "test", false);
    bench.login(4, "test", "test", true);
    let outcome = bench.call(
        1,
        &sender,
        "addendpoint",
        &[("SOURCENAME", "9000"), ("SOURCEIP", "10.0.0.9")],
    );

    assert_eq!(indicated(&outcome), [2, 4]);
}

#[test]
fn the_indication_carries_the_spec_fields_without_result() {
    let mut bench = Bench::new();
    let sender = bench.admin(1);
    bench.login(2, "liling", "liling", true);
    let outcome = bench.call(1, &sender, "delendpoint", &[("SOURCENAME", "1")]);
    let message = &outcome.indications[0].message;
    let record = message.first().expect("one record");

    assert_eq!(record.kind(), Kind::Indication);
    assert_eq!(record.xmlid(), "delendpoint");
    assert_eq!(record.value("SOURCEIP"), Some("11.22.33.44"));
    assert_eq!(record.value("RESULT"), None);
}

#[test]
fn modendpoint_indication_has_no_title_as_the_spec_shows() {
    let mut bench = Bench::new();
    let sender = bench.admin(1);
    bench.login(2, "liling", "liling", true);
    let outcome = bench.call(
        1,
        &sender,
        "modendpoint",
        &[("SOURCENAME", "8000"), ("FLAG", "0")],
    );
    let record = outcome.indications[0].message.first().expect("one record");

    assert_eq!(record.value("TITLE"), None);
    assert_eq!(record.value("FLAG"), Some("0"));
}

#[test]
fn reads_and_refusals_send_no_indication() {
    let mut bench = Bench::new();
    let sender = bench.admin(1);
    bench.login(2, "liling", "liling", true);
    let read = bench.call(1, &sender, "getendpoint", &[]);
    let refused = bench.call(
        1,
        &sender,
        "addendpoint",
        &[("SOURCENAME", "6000"), ("SOURCEIP", "1.1.1.1")],
    );

    assert!(read.indications.is_empty());
    assert!(refused.indications.is_empty());
}

#[test]
fn settings_without_an_indication_in_the_spec_send_none() {
    let mut bench = Bench::new();
    let sender = bench.admin(1);
    bench.login(2, "liling", "liling", true);

    assert!(
        bench
            .call(1, &sender, "setlang", &[("LANG", "1")])
            .indications
            .is_empty()
    );
    assert_eq!(
        indicated(&bench.call(1, &sender, "setstorage", &[("AUTO_DEL", "0")])),
        [2]
    );
    assert_eq!(
        indicated(&bench.call(1, &sender, "setip", &[("INDEX", "0")])),
        [2]
    );
}

#[test]
fn every_recording_move_is_indicated_with_its_index() {
    let mut bench = Bench::new();
    let sender = bench.admin(1);
    bench.login(2, "liling", "liling", true);
    for xmlid in [
        "startroomrecord",
        "pauseroomrecord",
        "continueroomrecord",
        "stoproomrecord",
        "hangup",
    ] {
        let outcome = bench.call(1, &sender, xmlid, &[("INDEX", "1024")]);
        let record = outcome.indications[0].message.first().expect("one record");

        assert_eq!(
            (record.xmlid(), record.value("INDEX")),
            (xmlid, Some("1024"))
        );
    }
}

#[test]
fn expired_and_disconnected_sessions_receive_no_indication() {
    let mut bench = Bench::new();
    bench.login(2, "liling", "liling", true);
    bench.login(3, "test", "test", true);
    bench.clock.advance(std::time::Duration::from_secs(29 * 60));
    let sender = bench.admin(1);
    bench.device.disconnect(dvcr::emulator::ConnectionId(3));
    bench.clock.advance(std::time::Duration::from_secs(2 * 60));
    let outcome = bench.call(1, &sender, "delgroup", &[("GROUPNAME", "Group 2")]);

    assert!(outcome.indications.is_empty(), "{:?}", indicated(&outcome));
}
