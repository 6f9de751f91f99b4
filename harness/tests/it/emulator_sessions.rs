//! Sessions: login, logout, and the SESSIONID every other command needs.

use std::time::Duration;

use dvcr::emulator::DeviceConfig;
use dvcr::emulator::ids::is_guid;
use dvcr::emulator::request::trim;

use crate::emulator_kit::{Bench, assert_refused, description, result, value};

#[test]
fn a_good_password_opens_a_session_with_privilege_and_a_guid() {
    let mut bench = Bench::new();
    let outcome = bench.send(
        1,
        "login",
        &[("USERNAME", "Administrator"), ("PASSWORD", "")],
    );

    assert_eq!(result(&outcome), "0");
    assert_eq!(value(&outcome, "PRIVILEGE").as_deref(), Some("0"));
    assert_eq!(description(&outcome), "Succeeded");
    let id = value(&outcome, "SESSIONID").unwrap_or_default();
    assert!(is_guid(&id), "{id:?} is not in the 8-4-4-16 form");
}

#[test]
fn an_ordinary_user_logs_in_with_privilege_1() {
    let mut bench = Bench::new();
    let outcome = bench.send(1, "login", &[("USERNAME", "test"), ("PASSWORD", "test")]);

    assert_eq!(value(&outcome, "PRIVILEGE").as_deref(), Some("1"));
}

#[test]
fn a_wrong_password_is_refused_without_a_session() {
    let mut bench = Bench::new();
    let outcome = bench.send(1, "login", &[("USERNAME", "test"), ("PASSWORD", "nope")]);

    assert_refused(&outcome, "password");
    assert_eq!(value(&outcome, "SESSIONID"), None);
    assert_eq!(bench.device.sessions().count(), 0);
}

#[test]
fn an_unknown_user_gets_the_same_refusal_as_a_wrong_password() {
    let mut bench = Bench::new();
    let unknown = bench.send(1, "login", &[("USERNAME", "ghost"), ("PASSWORD", "")]);
    let wrong = bench.send(1, "login", &[("USERNAME", "test"), ("PASSWORD", "")]);

    assert_eq!(description(&unknown), description(&wrong));
}

#[test]
fn the_xmlid_is_matched_without_regard_to_case() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call(1, &session, "GetDevInfo", &[]);

    assert_eq!(result(&outcome), "0");
    assert_eq!(
        outcome.replies[0].first().map(|r| r.xmlid()),
        Some("getdevinfo")
    );
}

#[test]
fn a_command_without_sessionid_is_refused() {
    let mut bench = Bench::new();
    let outcome = bench.send(1, "getdevinfo", &[]);

    assert_refused(&outcome, "SESSIONID is missing");
}

#[test]
fn an_unknown_sessionid_is_refused() {
    let mut bench = Bench::new();
    let outcome = bench.call(1, "7e76c583-2215-4c89-9a1af7a6c4ed8f11", "getdevinfo", &[]);

    assert_refused(&outcome, "unknown");
}

#[test]
fn a_logged_out_sessionid_is_refused() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let logout = bench.call(1, &session, "logout", &[("LANG", "0")]);
    let after = bench.call(1, &session, "getdevinfo", &[]);

    assert_eq!(result(&logout), "0");
    assert_refused(&after, "logged out");
}

#[test]
fn a_sessionid_padded_with_white_space_names_its_session() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let spaced = bench.call(1, &format!(" {session}\t"), "getdevinfo", &[]);
    let unicode = format!("\u{a0}{session}\u{2003}");
    let logout = bench.call(1, &unicode, "logout", &[("LANG", "0")]);
    let after = bench.call(1, &session, "getdevinfo", &[]);

    assert_eq!(result(&spaced), "0");
    assert_eq!(result(&logout), "0");
    assert_refused(&after, "logged out");
}

#[test]
fn trim_trims_as_str_trim_does() {
    let texts = [
        "",
        "a",
        " ",
        "ab",
        " a",
        "a ",
        "\ta\n",
        "a b",
        "\u{a0}a",
        "a\u{2003}",
        "\u{85}",
        "é",
        "aé",
        "éa",
        "\u{1c}a\u{1f}",
        "\u{b}a\u{c}",
    ];
    for text in texts {
        assert_eq!(trim(text), text.trim(), "{text:?}");
    }
}

#[test]
fn a_session_idle_for_30_minutes_expires() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    bench.clock.advance(Duration::from_secs(30 * 60));
    let outcome = bench.call(1, &session, "getdevinfo", &[]);

    assert_refused(&outcome, "timed out");
}

#[test]
fn an_expired_session_ends_and_stays_refused_as_timed_out() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    bench
        .clock
        .advance(Duration::from_millis(30 * 60 * 1000 - 1));
    let in_time = bench.call(1, &session, "getdevinfo", &[]);
    bench.clock.advance(Duration::from_secs(30 * 60));
    let first = bench.call(1, &session, "getdevinfo", &[]);
    let again = bench.call(1, &session, "getdevinfo", &[]);

    assert_eq!(result(&in_time), "0");
    assert_refused(&first, "timed out");
    assert_refused(&again, "timed out");
    assert_eq!(bench.device.sessions().count(), 0);
}

#[test]
fn each_command_restarts_the_idle_timer() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    for _ in 0..3 {
        bench.clock.advance(Duration::from_secs(29 * 60));
        assert_eq!(result(&bench.call(1, &session, "getlang", &[])), "0");
    }
}

#[test]
fn the_idle_timeout_can_be_configured() {
    let mut bench = Bench::with(DeviceConfig {
        idle_timeout_ms: 1_000,
        ..DeviceConfig::default()
    });
    let session = bench.admin(1);
    bench.clock.advance(Duration::from_millis(999));
    assert_eq!(result(&bench.call(1, &session, "getlang", &[])), "0");
    bench.clock.advance(Duration::from_millis(1_000));

    assert_refused(&bench.call(1, &session, "getlang", &[]), "timed out");
}

#[test]
fn seeded_devices_hand_out_the_same_session_ids() {
    let first = Bench::new().admin(1);
    let second = Bench::new().admin(1);

    assert_eq!(first, second);
}

#[test]
fn unseeded_devices_hand_out_different_session_ids() {
    let clock = dvcr::emulator::ManualClock::starting_at(0);
    let mut ids = Vec::new();
    for _ in 0..2 {
        let device = dvcr::emulator::Device::new(
            dvcr::emulator::fixture::default_state(),
            DeviceConfig::default(),
            Box::new(clock.clone()),
        );
        let mut bench = Bench {
            device,
            clock: clock.clone(),
        };
        ids.push(bench.admin(1));
    }

    assert_ne!(ids[0], ids[1]);
}

#[test]
fn an_unknown_command_is_refused_with_its_name() {
    let mut bench = Bench::new();
    let session = bench.admin(1);

    assert_refused(&bench.call(1, &session, "get_cfs", &[]), "unknown command");
}

#[test]
fn a_confirm_record_sent_as_a_request_is_refused() {
    let mut bench = Bench::new();
    let mut message = dvcr_protocol::Message::single(dvcr_protocol::Kind::Confirm, "login");
    message.push_value("RESULT", "0");
    let outcome = bench
        .device
        .handle(dvcr::emulator::ConnectionId(1), &message);

    assert_refused(&outcome, "expected a COMMAND");
}

#[test]
fn deleting_a_user_ends_its_sessions() {
    let mut bench = Bench::new();
    let admin = bench.admin(1);
    let user = bench.login(2, "test", "test", false);
    assert_eq!(
        result(&bench.call(1, &admin, "deldevuser", &[("USERNAME", "test")])),
        "0"
    );

    assert_refused(&bench.call(2, &user, "getlang", &[]), "ended");
}

#[test]
fn shutdown_ends_every_session_and_closes_every_connection() {
    let mut bench = Bench::new();
    let admin = bench.admin(1);
    let other = bench.admin(2);
    let outcome = bench.call(1, &admin, "shutdown", &[("POWEROFF", "0")]);

    assert_eq!(result(&outcome), "0");
    assert_eq!(outcome.close.len(), 2);
    assert!(!outcome.stop_server);
    assert_refused(&bench.call(2, &other, "getlang", &[]), "ended");
}

#[test]
fn shutdown_with_poweroff_stops_the_server() {
    let mut bench = Bench::new();
    let admin = bench.admin(1);

    assert!(
        bench
            .call(1, &admin, "shutdown", &[("POWEROFF", "1")])
            .stop_server
    );
}
