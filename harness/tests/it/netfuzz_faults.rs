//! `dvcr fuzz` against faults a fresh user found it misjudged: a broken
//! login reply, a device that drops every connection, one that dies
//! between cases, an interrupted run, a duration that bounds minimizing,
//! and findings that repeat.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use dvcr::emulator::Fault;
use dvcr::netfuzz::{FuzzConfig, Kind, Summary, Target, fuzz};
use dvcr::run::{Interrupt, emulate};
use dvcr_protocol::catalog::lookup;

use crate::netfuzz::replay;

fn out_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dvcr-fuzzfix-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    dir
}

fn config(name: &str, cases: u64) -> FuzzConfig {
    let mut config = FuzzConfig::new(5);
    config.cases = Some(cases);
    config.duration = Some(Duration::from_secs(30));
    config.reply_timeout = Duration::from_millis(500);
    config.minimize = None;
    config.out = out_dir(name);
    config
}

async fn fuzz_with(faults: &[Fault], config: &FuzzConfig) -> Summary {
    let mut target = Target::emulated(faults, 5).await.expect("starts");
    let summary = fuzz(config, &mut target).await.expect("can be fuzzed");
    target.stop().await;
    summary
}

fn only_finding(summary: &Summary) -> &dvcr::netfuzz::FindingRecord {
    assert_eq!(summary.findings.len(), 1, "{summary:?}");
    summary.findings.first().expect("one finding")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_confirm_of_the_wrong_xmlid_is_a_protocol_violation_not_a_hang() {
    let started = Instant::now();
    let summary = fuzz_with(&[Fault::WrongXmlid], &config("xmlid", 20)).await;

    let finding = only_finding(&summary);
    assert_eq!(finding.kind, Kind::ProtocolViolation, "{finding:?}");
    assert!(
        finding
            .detail
            .contains("while awaiting the confirm of login"),
        "{finding:?}"
    );
    assert_eq!(summary.exit_code, 1);
    assert!(
        started.elapsed() < Duration::from_secs(10),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_broken_by_a_wrong_xmlid_is_one_finding_at_case_0_about_the_login() {
    let mut config = config("xmlid-login", 2000);
    config.max_findings = 10;
    let summary = fuzz_with(&[Fault::WrongXmlid], &config).await;

    let finding = only_finding(&summary);
    assert_eq!(finding.case, 0, "{finding:?}");
    assert_eq!(summary.cases, 0, "the run stops: {summary:?}");
    assert_eq!(summary.duplicates, 0, "{summary:?}");
    assert_eq!(finding.xmlid, "login", "{finding:?}");
    let path = finding.reproducer.as_deref().expect("saved");
    let text = std::fs::read_to_string(path).expect("readable");
    assert!(
        text.contains("section = \"Login/Logout > Login\""),
        "{text}"
    );
    assert_eq!(summary.exit_code, 1, "{summary:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn broken_login_replies_are_findings_about_the_device_not_errors() {
    for (fault, says) in [
        (Fault::MissingResult, "lacks RESULT"),
        (Fault::WrongTpktVersion, "version"),
        (Fault::TpktLengthOffByOne, "do not make a whole frame"),
    ] {
        let summary = fuzz_with(&[fault], &config(fault.name(), 20)).await;

        let finding = only_finding(&summary);
        assert_eq!(finding.kind, Kind::ProtocolViolation, "{finding:?}");
        assert!(finding.detail.contains(says), "{finding:?}");
        assert!(!finding.detail.contains("refused"), "{finding:?}");
        assert_eq!(summary.exit_code, 1, "{summary:?}");
        assert!(finding.reproducer.is_some(), "{finding:?}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_list_packed_in_one_record_is_a_protocol_violation_without_strict_checking() {
    let summary = fuzz_with(&[Fault::ListInOneRecord], &config("list", 2000)).await;

    assert!(
        summary.findings.iter().any(|finding| {
            finding.kind == Kind::ProtocolViolation && finding.detail.contains("repeated-field")
        }),
        "{summary:?}"
    );
    assert_eq!(summary.exit_code, 1, "{summary:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_violation_is_about_the_reply_that_broke_the_rule_and_counted_once() {
    let mut config = config("violation-xmlid", 300);
    config.seed = 2;
    config.max_findings = 10;
    let faults = [Fault::PanicOnBadIndex, Fault::ListInOneRecord];
    let summary = fuzz_with(&faults, &config).await;

    let keys: Vec<_> = summary.findings.iter().map(|f| f.bug_key()).collect();
    let distinct: std::collections::BTreeSet<_> = keys.iter().collect();
    assert_eq!(distinct.len(), keys.len(), "{summary:#?}");
    let violations = summary
        .findings
        .iter()
        .filter(|f| f.kind == Kind::ProtocolViolation && f.detail.contains(" on "));
    let mut seen = 0;
    for finding in violations {
        seen += 1;
        let about = format!(" on {} field", finding.xmlid);
        assert!(finding.detail.contains(&about), "{finding:?}");
        let file = finding.reproducer.as_deref().expect("saved");
        let text = std::fs::read_to_string(file).expect("the reproducer reads");
        let section = lookup(&finding.xmlid).expect("a command").section;
        assert!(text.contains(&format!("section = \"{section}\"")), "{text}");
    }
    assert!(seen >= 2, "{summary:#?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_that_drops_every_connection_after_login_is_one_finding() {
    let mut config = config("drop", 60);
    config.max_findings = 10;
    let summary = fuzz_with(&[Fault::DropAfterLogin], &config).await;

    let finding = only_finding(&summary);
    assert_eq!(finding.kind, Kind::ProtocolViolation, "{finding:?}");
    assert!(
        finding.detail.contains("closed the connection"),
        "{finding:?}"
    );
    assert!(summary.duplicates > 0, "{summary:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_live_device_that_dies_between_cases_is_a_crash_after_its_recovery_wait() {
    let server = emulate::start(&[]).await.expect("starts");
    let mut target = Target::live(server.local_addr().to_string(), Duration::from_millis(600));
    let mut config = config("dies", 100_000);
    config.minimize = Some(dvcr::netfuzz::minimize::Limits::default());
    let stopper = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(500)).await;
        server.stop().await;
    });

    let started = Instant::now();
    let summary = fuzz(&config, &mut target).await.expect("can be fuzzed");
    stopper.await.expect("stopped");

    let finding = only_finding(&summary);
    assert_eq!(finding.kind, Kind::Crash, "{finding:?}");
    assert_eq!(summary.exit_code, 1, "{summary:?}");
    assert!(
        finding.minimize_attempts <= 1,
        "minimizing stops once the device stays down: {finding:?}"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupt_cuts_short_the_wait_for_a_crashed_live_device() {
    let server = emulate::start(&[]).await.expect("starts");
    let mut target = Target::live(server.local_addr().to_string(), Duration::from_secs(60));
    let interrupt = Interrupt::new();
    let mut config = config("recovery-interrupt", 100_000);
    config.interrupt = Some(interrupt.clone());
    let stopper = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(500)).await;
        server.stop().await;
        tokio::time::sleep(Duration::from_millis(500)).await;
        interrupt.raise();
    });

    let started = Instant::now();
    let summary = fuzz(&config, &mut target).await.expect("can be fuzzed");
    stopper.await.expect("stopped");

    assert!(
        started.elapsed() < Duration::from_secs(4),
        "{:?}",
        started.elapsed()
    );
    assert!(summary.interrupted, "{summary:?}");
    assert!(summary.errors.is_empty(), "{summary:?}");
    assert_eq!(only_finding(&summary).kind, Kind::Crash, "{summary:?}");
    assert_eq!(summary.exit_code, 1, "{summary:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupted_run_returns_its_summary_marked_interrupted() {
    let interrupt = Interrupt::new();
    let mut config = config("interrupt", 100_000);
    config.interrupt = Some(interrupt.clone());
    let raiser = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        interrupt.raise();
    });

    let summary = fuzz_with(&[], &config).await;
    raiser.await.expect("raised");

    assert!(summary.interrupted, "{summary:?}");
    assert!(summary.cases > 0, "{summary:?}");
    assert_eq!(summary.exit_code, 0, "{summary:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_run_interrupted_before_its_first_case_exits_2() {
    let interrupt = Interrupt::new();
    interrupt.raise();
    let mut config = config("early", 100);
    config.interrupt = Some(interrupt);

    let summary = fuzz_with(&[], &config).await;

    assert!(summary.interrupted);
    assert_eq!(summary.cases, 0);
    assert_eq!(summary.exit_code, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_duration_bounds_minimizing_and_a_repeated_hang_is_not_minimized_again() {
    let mut config = config("duration", 100_000);
    config.duration = Some(Duration::from_secs(3));
    config.reply_timeout = Duration::from_millis(200);
    config.minimize = Some(dvcr::netfuzz::minimize::Limits::default());
    config.max_findings = 10;

    let started = Instant::now();
    let summary = fuzz_with(&[Fault::HangOnLongSourcename], &config).await;

    let took = started.elapsed();
    assert!(took < Duration::from_millis(4500), "took {took:?}");
    let finding = only_finding(&summary);
    assert_eq!(finding.kind, Kind::Hang);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_crash_found_on_the_emulator_names_no_ephemeral_port() {
    let mut config = config("port", 80);
    config.max_findings = 1;
    let first = fuzz_with(&[Fault::PanicOnBadIndex], &config).await;
    let second = fuzz_with(&[Fault::PanicOnBadIndex], &config).await;

    let finding = only_finding(&first);
    assert!(!finding.detail.contains("127.0.0.1"), "{finding:?}");
    assert_eq!(finding.detail, only_finding(&second).detail);
    let file = finding.reproducer.clone().expect("saved");
    let text = std::fs::read_to_string(file).expect("reads");
    assert!(!text.contains("127.0.0.1"), "{text}");
}

#[test]
fn counts_take_the_singular_for_one() {
    use dvcr::netfuzz::progress::counted;

    assert_eq!(counted(1, "case", "cases"), "1 case");
    assert_eq!(counted(2, "finding", "findings"), "2 findings");
    assert_eq!(counted(0, "finding", "findings"), "0 findings");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn unframed_replies_are_a_violation_that_dvcr_run_replays_as_a_failure() {
    let summary = fuzz_with(&[Fault::UnframedReplies], &config("unframed", 10)).await;
    let finding = only_finding(&summary);
    assert_eq!(finding.kind, Kind::ProtocolViolation);
    assert!(
        finding.detail.contains("xml with no tpkt header"),
        "{finding:?}"
    );
    let file = finding.reproducer.clone().expect("saved");

    let broken = replay(&file, &[Fault::UnframedReplies]).await;
    let healthy = replay(&file, &[]).await;

    assert_eq!(broken.exit_code, 1, "{broken:?}");
    assert!(broken.infrastructure_error.is_none(), "{broken:?}");
    assert_eq!(healthy.exit_code, 0, "{healthy:?}");
}
