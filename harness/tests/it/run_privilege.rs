//! A run whose user is an ordinary user (`PRIVILEGE 1` at the opening
//! login) skips the cases that change accounts or system settings, with
//! the reason, instead of failing them on privilege refusals; `--list`
//! says so when it can know the user's privilege (`--emulate`).

use std::process::Command;

use dvcr::emulator::handlers::TABLE;
use dvcr::report::Verdict;
use dvcr::run::privilege::{ORDINARY_USER_REASON, is_admin_change, needs_administrator};
use dvcr::run::suite;

use crate::run_kit::{case, emulator, options, run_with};

/// The emulator's ordinary user (corpus/emulator/default.toml).
const ORDINARY_USER: &str = "test";

#[tokio::test(flavor = "multi_thread")]
async fn an_ordinary_user_skips_the_admin_changes_and_fails_nothing() {
    let scenarios = suite::load().expect("the suite loads");
    let server = emulator(&[]).await;
    let mut options = options(&server);
    options.user = ORDINARY_USER.to_owned();
    options.password = ORDINARY_USER.to_owned();
    let report = run_with(&scenarios, &options).await;
    server.stop().await;

    let broken: Vec<String> = report
        .cases
        .iter()
        .filter(|case| {
            matches!(
                case.verdict,
                Verdict::Fail | Verdict::Error | Verdict::Unsupported
            )
        })
        .map(|case| format!("{} {}: {:?}", case.verdict, case.name, case.failure))
        .collect();
    assert!(broken.is_empty(), "{broken:#?}");
    assert_eq!(report.exit_code, 0);

    let unique = case(&report, "endpoint-name-is-unique");
    assert_eq!(unique.verdict, Verdict::Skipped);
    let reason = unique
        .failure
        .as_ref()
        .map(|failure| failure.message.as_str());
    assert_eq!(reason, Some(ORDINARY_USER_REASON));

    let recording = case(&report, "room-record-state-machine");
    assert!(
        matches!(recording.verdict, Verdict::Pass | Verdict::Warning),
        "an ordinary user may record: {:?}",
        recording.failure
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn an_administrator_runs_the_admin_changes() {
    let scenarios: Vec<_> = suite::load()
        .expect("the suite loads")
        .into_iter()
        .filter(|scenario| scenario.name == "endpoint-name-is-unique")
        .collect();
    let server = emulator(&[]).await;
    let report = run_with(&scenarios, &options(&server)).await;
    server.stop().await;
    assert_eq!(
        case(&report, "endpoint-name-is-unique").verdict,
        Verdict::Pass
    );
}

#[test]
fn the_admin_changes_are_the_emulators_administrator_commands() {
    for entry in TABLE {
        assert_eq!(
            is_admin_change(entry.xmlid),
            entry.admin_only,
            "{}",
            entry.xmlid
        );
    }
    assert!(is_admin_change("AddEndpoint "), "read as a device reads it");
    assert!(!is_admin_change("getendpoint"));
    assert!(!is_admin_change("nosuchcommand"));
}

#[test]
fn a_case_needs_an_administrator_when_it_sends_a_change_or_sweeps_with_one() {
    let needs = |name: &str| {
        let scenarios = suite::load().expect("the suite loads");
        let found = scenarios.iter().find(|scenario| scenario.name == name);
        needs_administrator(found.expect("the scenario exists"))
    };
    assert!(needs("endpoint-name-is-unique"));
    assert!(needs("setlang-changes-and-restores"));
    assert!(!needs("room-record-state-machine"));
    assert!(!needs("getendpoint-answers-per-catalog"));

    let swept = crate::run_kit::scenario(
        "name = \"probe\"\nsection = \"Login/Logout > Login\"\n\n[[sessions]]\nname = \
         \"admin\"\n\n[[steps]]\nsend = \"getroom\"\n\n[[sweep]]\nitem = \"room\"\nlist = \
         \"getroom\"\nkey = \"INDEX\"\ndelete = \"delroom\"\n",
    );
    assert!(needs_administrator(&swept));
}

#[test]
fn the_list_skips_the_admin_changes_for_the_emulators_ordinary_user() {
    let list = |args: &[&str]| {
        let output = Command::new(env!("CARGO_BIN_EXE_dvcr"))
            .args(["run", "--list"])
            .args(args)
            .output()
            .expect("dvcr runs");
        assert_eq!(output.status.code(), Some(0));
        String::from_utf8_lossy(&output.stdout).into_owned()
    };
    let ordinary = list(&["--emulate", "--user", ORDINARY_USER]);
    assert!(ordinary.contains(ORDINARY_USER_REASON), "{ordinary}");
    let administrator = list(&["--emulate"]);
    assert!(!administrator.contains("PRIVILEGE 1"), "{administrator}");
    let unknown = list(&["--target", "192.0.2.10:81", "--user", ORDINARY_USER]);
    assert!(!unknown.contains("PRIVILEGE 1"), "{unknown}");
}

#[test]
fn the_emulate_run_logs_in_with_the_password_env() {
    let output = Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .args([
            "run",
            "--emulate",
            "--quiet",
            "--filter",
            "endpoint-name-is-unique",
        ])
        .args(["--user", ORDINARY_USER, "--password-env", "DVCR_TEST_PW"])
        .env("DVCR_TEST_PW", ORDINARY_USER)
        .output()
        .expect("dvcr runs");
    let text = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("PRIVILEGE 1"), "{text}");
}
