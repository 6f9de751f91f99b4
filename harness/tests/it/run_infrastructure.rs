//! A run that cannot test the device stops at once with exit 2 and one
//! line of reason: a refused login, a target that answers garbage or
//! nothing. A device that fails the opening check once logged in, or
//! breaks the protocol there, fails the run with exit 1; one that stops
//! answering mid-run ends the run without waiting on every remaining case.

use std::path::Path;
use std::time::{Duration, Instant};

use dvcr::emulator::Fault;
use dvcr::report::{RunReport, Verdict};
use dvcr::run::{Baseline, RunOptions, suite};
use dvcr::scenario::{Scenario, load_file};
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::run_kit::{emulator, options};

/// A fixture scenario of corpus/run-tests/.
pub(crate) fn fixture(name: &str) -> Scenario {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../corpus/run-tests")
        .join(name);
    load_file(&path).expect("the fixture scenario loads")
}

/// The whole suite, as `dvcr run` loads it.
pub(crate) fn whole_suite() -> Vec<Scenario> {
    dvcr::scenario::load_dir(&suite::suite_dir()).expect("the suite loads")
}

async fn run(scenarios: &[Scenario], options: &RunOptions) -> RunReport {
    let sanity = suite::sanity().expect("the sanity scenario parses");
    dvcr::run::run(scenarios, &sanity, options, &Baseline::default())
        .await
        .report
}

/// What an HTTP server answers a request it cannot parse, headers first.
const GARBAGE: &[u8] = b"HTTP/1.0 400 nonsense\r\n\r\n";

/// What some HTTP servers answer such a request: an HTML page alone.
const HTML_PAGE: &[u8] = b"<!DOCTYPE HTML>\n<html><body>400 Bad request</body></html>\n";

/// A target that accepts connections and answers every read with `answer`
/// (never, when it is empty), closing the connection after its first
/// answer when `close` is true.
async fn fake_target(answer: &'static [u8], close: bool) -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address").to_string();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut buf = [0u8; 1024];
                while let Ok(read) = socket.read(&mut buf).await {
                    if read == 0 {
                        break;
                    }
                    if answer.is_empty() {
                        continue;
                    }
                    if socket.write_all(answer).await.is_err() || close {
                        break;
                    }
                }
            });
        }
    });
    address
}

fn assert_stopped_at_opening(report: &RunReport, reason: &str) {
    assert_eq!(report.exit_code, 2, "{report:?}");
    assert!(!report.device_broke, "the device never worked: {report:?}");
    let error = report.infrastructure_error.as_deref().unwrap_or_default();
    assert!(
        error.starts_with("the opening sanity check failed"),
        "{error}"
    );
    assert!(error.contains(reason), "{error}");
    assert_eq!(report.cases.len(), 1, "nothing runs after the check");
    assert_eq!(report.cases[0].name, "sanity-first");
    assert_eq!(
        report.cases[0].verdict,
        Verdict::Error,
        "not a device failure"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_wrong_password_stops_the_run_with_exit_2_and_the_reason() {
    let server = emulator(&[]).await;
    let mut options = options(&server);
    options.password = "wrong".to_owned();
    let report = run(&whole_suite(), &options).await;
    server.stop().await;

    assert_stopped_at_opening(&report, "login as \"Administrator\" was refused: RESULT 1");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_target_that_never_answers_ends_promptly_with_exit_2() {
    let mut options = RunOptions::new(fake_target(b"", false).await);
    options.reply_timeout = Duration::from_millis(300);
    let clock = Instant::now();
    let report = run(&whole_suite(), &options).await;

    assert!(
        clock.elapsed() < Duration::from_secs(3),
        "{:?}",
        clock.elapsed()
    );
    assert_stopped_at_opening(&report, "no reply to login within 300ms");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_target_that_answers_garbage_stops_the_run_with_exit_2() {
    let mut options = RunOptions::new(fake_target(GARBAGE, false).await);
    options.reply_timeout = Duration::from_millis(300);
    let report = run(&whole_suite(), &options).await;

    assert_stopped_at_opening(&report, "the opening sanity check failed");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_device_gone_mid_run_ends_the_remaining_cases_as_errors_at_once() {
    let server = emulator(&[Fault::PanicOnBadIndex]).await;
    let options = options(&server);
    let mut scenarios = vec![fixture("crashes-the-device.toml")];
    scenarios.extend(whole_suite().into_iter().take(20));
    let would_run = scenarios.iter().skip(1).filter(|s| !s.destructive).count();
    let clock = Instant::now();
    let report = run(&scenarios, &options).await;
    server.stop().await;

    assert!(
        clock.elapsed() < Duration::from_secs(5),
        "{:?}",
        clock.elapsed()
    );
    assert!(report.device_broke);
    assert_eq!(report.exit_code, 1);
    let not_run: Vec<_> = report
        .cases
        .iter()
        .filter(|case| {
            case.failure
                .as_ref()
                .is_some_and(|failure| failure.message.contains("stopped answering"))
        })
        .collect();
    assert_eq!(not_run.len(), would_run, "{:?}", report.cases);
    assert!(not_run.iter().all(|case| case.verdict == Verdict::Error));
}

#[tokio::test(flavor = "multi_thread")]
async fn cases_skipped_anyway_stay_skipped_when_the_device_is_gone() {
    let server = emulator(&[Fault::PanicOnBadIndex]).await;
    let mut scenarios = vec![fixture("crashes-the-device.toml")];
    scenarios.extend(whole_suite());
    let report = run(&scenarios, &options(&server)).await;
    server.stop().await;
    let text = dvcr::report::summary(&report);

    let destructive: Vec<_> = report
        .cases
        .iter()
        .filter(|case| {
            scenarios
                .iter()
                .any(|s| s.name == case.name && s.destructive)
        })
        .collect();
    assert!(!destructive.is_empty());
    assert!(
        destructive
            .iter()
            .all(|case| case.verdict == Verdict::Skipped),
        "{text}"
    );
    assert!(!text.contains("none:"), "{text}");
    assert!(
        text.contains("not run: the device stopped answering"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_failed_opening_check_prints_one_line_of_reason_with_no_session_name() {
    let mut options = RunOptions::new(fake_target(GARBAGE, false).await);
    options.reply_timeout = Duration::from_millis(300);
    let report = run(&whole_suite(), &options).await;
    let text = dvcr::report::summary(&report);

    assert_eq!(report.cases[0].verdict, Verdict::Error, "{text}");
    let reasons: Vec<&str> = text
        .lines()
        .filter(|line| line.contains("opening sanity check"))
        .collect();
    assert_eq!(reasons.len(), 1, "{text}");
    assert!(!text.contains("session admin"), "{text}");
    assert!(!text.contains("Failures"), "{text}");
    assert!(text.contains("nothing else ran, in "), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_run_of_one_case_says_1_case() {
    let server = emulator(&[]).await;
    let scenarios: Vec<Scenario> = whole_suite().into_iter().take(1).collect();
    let report = run(&scenarios, &options(&server)).await;
    server.stop().await;
    let text = dvcr::report::summary(&report);

    assert!(text.contains("\n1 case: "), "{text}");
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unframed_login_reply_fails_the_device_in_words_not_by_its_rust_name() {
    let server = emulator(&[Fault::UnframedReplies]).await;
    let report = run(&whole_suite(), &options(&server)).await;
    server.stop().await;
    let opening = report.cases.first().expect("the opening check");
    let failure = format!("{:?}", opening.failure);

    assert_eq!(report.exit_code, 1, "the device broke the protocol");
    assert!(report.infrastructure_error.is_none(), "{report:?}");
    assert_eq!(opening.verdict, Verdict::Fail);
    assert!(
        failure.contains("xml with no tpkt header, ended by cr lf"),
        "{failure}"
    );
    assert!(!failure.contains("UnframedXml"), "{failure}");
    let message = opening.failure.as_ref().map(|f| f.message.as_str());
    assert!(
        !message.unwrap_or_default().contains("session admin"),
        "{failure}"
    );
    let rest = report.cases.get(1..).unwrap_or_default();
    assert!(rest.iter().all(|case| case.verdict == Verdict::Skipped));
}

/// A target that answers every connection with an HTTP response and
/// closes it.
async fn http_target() -> String {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address").to_string();
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            let mut buf = [0u8; 1024];
            let _ = socket.read(&mut buf).await;
            let _ = socket
                .write_all(b"HTTP/1.0 501 Unsupported method\r\nServer: SimpleHTTP")
                .await;
        }
    });
    address
}

#[tokio::test(flavor = "multi_thread")]
async fn a_peer_that_is_not_tpkt_is_named_as_such_with_its_first_bytes() {
    let mut options = RunOptions::new(http_target().await);
    options.reply_timeout = Duration::from_millis(500);
    let report = run(&whole_suite(), &options).await;
    let error = report.infrastructure_error.unwrap_or_default();

    assert!(error.contains("the peer does not speak TPKT"), "{error}");
    assert!(
        error.contains("it sent \"HTTP/1.0 501 Unsupported"),
        "{error}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_login_reply_against_the_protocol_fails_the_device_not_the_harness() {
    for fault in [
        Fault::MissingResult,
        Fault::WrongXmlid,
        Fault::WrongTpktVersion,
        Fault::TpktLengthOffByOne,
    ] {
        let server = emulator(&[fault]).await;
        let mut options = options(&server);
        options.reply_timeout = Duration::from_millis(300);
        let scenarios: Vec<Scenario> = whole_suite().into_iter().take(3).collect();
        let report = run(&scenarios, &options).await;
        server.stop().await;
        let text = dvcr::report::summary(&report);

        assert_eq!(report.exit_code, 1, "{}: {text}", fault.name());
        assert!(report.infrastructure_error.is_none(), "{}", fault.name());
        assert!(
            text.contains("the device answered against the protocol"),
            "{}: {text}",
            fault.name()
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn an_html_page_is_a_peer_that_does_not_speak_tpkt_shown_by_its_bytes() {
    let mut options = RunOptions::new(fake_target(HTML_PAGE, true).await);
    options.reply_timeout = Duration::from_millis(300);
    let report = run(&whole_suite(), &options).await;
    let error = report.infrastructure_error.clone().unwrap_or_default();

    assert_eq!(report.exit_code, 2, "{error}");
    assert!(error.contains("does not speak TPKT"), "{error}");
    assert!(error.contains("<!DOCTYPE HTML>"), "{error}");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_device_that_drops_the_connection_after_login_fails_the_run_with_exit_1() {
    let server = emulator(&[Fault::DropAfterLogin]).await;
    let mut options = options(&server);
    options.reply_timeout = Duration::from_millis(500);
    let scenarios: Vec<Scenario> = whole_suite().into_iter().take(3).collect();
    let report = run(&scenarios, &options).await;
    server.stop().await;
    let text = dvcr::report::summary(&report);

    assert_eq!(report.exit_code, 1, "the device's failure: {text}");
    assert!(report.infrastructure_error.is_none(), "{text}");
    let opening = report.cases.first().expect("the opening check");
    assert_eq!(opening.verdict, Verdict::Fail, "{text}");
    let failure = format!("{:?}", opening.failure);
    assert!(failure.contains("send getdevinfo"), "{failure}");
    assert!(failure.contains("connection closed"), "{failure}");
    let rest = report.cases.get(1..).unwrap_or_default();
    assert_eq!(rest.len(), 3, "{text}");
    assert!(rest.iter().all(|case| case.verdict == Verdict::Skipped));
    assert!(
        text.contains("not run: the device failed the opening sanity check after its login"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn a_peer_echoing_the_login_command_is_named_as_such_not_a_confirm_lacking_result() {
    let mut echoed = dvcr_protocol::Message::single(dvcr_protocol::Kind::Command, "login");
    echoed.push_value("USERNAME", "Administrator");
    let mut frame = Vec::new();
    dvcr_protocol::encode::encode(&echoed, &mut frame).expect("encodes");
    let target = fake_target(Vec::leak(frame), false).await;
    let mut options = RunOptions::new(target);
    options.reply_timeout = Duration::from_millis(500);
    let report = run(&whole_suite()[..1], &options).await;
    let text = dvcr::report::summary(&report);

    assert_eq!(report.exit_code, 1, "{text}");
    assert!(
        text.contains("the login was answered with a COMMAND record, not a CONFIRM"),
        "{text}"
    );
    assert!(!text.contains("lacks RESULT"), "{text}");
}
