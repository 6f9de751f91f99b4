//! `dvcr fuzz --allow-destructive` and the commands that may cut the
//! device off (`shutdown`, `setip`, `setos`, `setstacking`, `setcfskey`):
//! a device that goes away after one is waited for, not reported.

use std::path::PathBuf;
use std::time::Duration;

use dvcr::client::Login;
use dvcr::netfuzz::execute::{End, Reach, execute};
use dvcr::netfuzz::oracle::{Probe, Strictness, judge};
use dvcr::netfuzz::sequence::{Case, Frame, Step};
use dvcr::netfuzz::{FuzzConfig, Target, fuzz};
use dvcr::run::emulate;

/// A seed whose case 4 sends `shutdown` with `POWEROFF=1`.
const SHUTDOWN_SEED: u64 = 8;

/// The case of [`SHUTDOWN_SEED`] that sends it.
const SHUTDOWN_CASE: u64 = 4;

fn config(name: &str, cases: u64) -> FuzzConfig {
    let out: PathBuf =
        std::env::temp_dir().join(format!("dvcr-cutoff-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let mut config = FuzzConfig::new(SHUTDOWN_SEED);
    config.cases = Some(cases);
    config.duration = Some(Duration::from_secs(30));
    config.reply_timeout = Duration::from_millis(500);
    config.minimize = None;
    config.allow_destructive = true;
    config.out = out;
    config
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_shutdown_the_fuzzer_sent_is_waited_out_not_reported() {
    let config = config("emulated", SHUTDOWN_CASE + 20);
    let mut target = Target::emulated(&[], SHUTDOWN_SEED).await.expect("starts");

    let summary = fuzz(&config, &mut target).await.expect("can be fuzzed");
    target.stop().await;

    assert!(summary.findings.is_empty(), "{summary:?}");
    assert!(summary.errors.is_empty(), "{summary:?}");
    assert_eq!(summary.cases, SHUTDOWN_CASE + 20, "{summary:?}");
    assert_eq!(summary.exit_code, 0, "{summary:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_live_device_that_stays_down_after_a_shutdown_stops_the_run_with_an_error() {
    let server = emulate::start(&[]).await.expect("starts");
    let addr = server.local_addr().to_string();
    let mut target = Target::live(addr.clone(), Duration::from_millis(300));
    let config = config("live", SHUTDOWN_CASE + 20);

    let summary = fuzz(&config, &mut target).await.expect("can be fuzzed");
    server.stop().await;

    assert!(summary.findings.is_empty(), "{summary:?}");
    assert_eq!(summary.cases, SHUTDOWN_CASE + 1, "{summary:?}");
    assert_eq!(
        summary.errors,
        [format!(
            "{addr} did not come back within 300ms after case {SHUTDOWN_CASE} sent shutdown"
        )]
    );
    assert_eq!(summary.exit_code, 2, "{summary:?}");
}

fn frame(xmlid: &str, session: usize, fields: &str) -> Frame {
    Frame {
        xmlid: xmlid.to_owned(),
        template: format!(
            "<DVCRMANAGER version=\"1.0.0.0\"><COMMAND xmlid=\"{xmlid}\">\
             <SESSIONID value=\"${{s{session}.sessionid}}\"/>{fields}</COMMAND></DVCRMANAGER>"
        ),
        mutation: None,
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_connection_dropped_after_another_session_sent_shutdown_is_no_violation() {
    let server = emulate::start(&[]).await.expect("starts");
    let reach = Reach {
        addr: server.local_addr().to_string(),
        login: Login::new("Administrator", ""),
        connect_timeout: Duration::from_secs(1),
        reply_timeout: Duration::from_millis(500),
        allow_destructive: true,
    };
    let step = |session: usize, frame: Frame| Step {
        session,
        frames: vec![frame],
        splits: vec![],
    };
    let case = Case {
        index: 0,
        sessions: 2,
        steps: vec![
            step(0, frame("getdevinfo", 0, "")),
            step(1, frame("shutdown", 1, "<POWEROFF value=\"1\"/>")),
            step(0, frame("getdevinfo", 0, "")),
        ],
    };

    let mut observation = execute(&case, &reach).await;
    server.stop().await;

    let ends: Vec<End> = observation.writes.iter().map(|write| write.end).collect();
    assert_ne!(ends.get(2), Some(&End::Answered), "{observation:?}");
    let gone = Probe::Refused("connection refused".to_owned());
    assert_eq!(judge(&observation, &gone, Strictness::Shape), None);
    assert_eq!(judge(&observation, &Probe::Alive, Strictness::Shape), None);

    observation.cut_off = None;
    assert!(judge(&observation, &Probe::Alive, Strictness::Shape).is_some());
}
