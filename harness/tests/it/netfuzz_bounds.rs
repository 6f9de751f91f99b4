//! How long `dvcr fuzz` waits: a case ends at its first unanswered write,
//! an interrupt or the end of the duration cuts the work in flight short,
//! a peer that never answers a login cannot be fuzzed at all, and one that
//! answered and fell silent is a hang.

use std::time::{Duration, Instant};

use dvcr::client::Login;
use dvcr::emulator::Fault;
use dvcr::netfuzz::execute::{End, Reach, execute};
use dvcr::netfuzz::sequence::{Case, Frame, Step, session_var};
use dvcr::netfuzz::{FuzzConfig, Kind, Target, fuzz};
use dvcr::run::{Interrupt, emulate};
use dvcr_protocol::tpkt::write_frame;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// The wait for a reply in these tests: short, so that they run fast.
const TIMEOUT: Duration = Duration::from_millis(400);

fn config(name: &str) -> FuzzConfig {
    let out = std::env::temp_dir().join(format!("dvcr-fuzzbound-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let mut config = FuzzConfig::new(3);
    config.cases = Some(100);
    config.duration = Some(Duration::from_secs(30));
    config.reply_timeout = TIMEOUT;
    config.minimize = None;
    config.out = out;
    config
}

/// A write of `delendpoint` with a SOURCENAME the hang fault hangs on.
fn hanging_step() -> Step {
    let template = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" ?>\n<DVCRMANAGER version=\"1.0.0.0\">\n\
         <COMMAND xmlid=\"delendpoint\">\n<SESSIONID value=\"{}\"/>\n\
         <SOURCENAME value=\"{}\"/>\n</COMMAND>\n</DVCRMANAGER>\n",
        session_var(0),
        "t".repeat(300)
    );
    Step {
        session: 0,
        frames: vec![Frame {
            xmlid: "delendpoint".to_owned(),
            template,
            mutation: None,
        }],
        splits: Vec::new(),
    }
}

/// A listener that accepts connections and never answers; the
/// connections are held open until the test ends.
async fn silent_peer() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    tokio::spawn(async move {
        let mut held = Vec::new();
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
        }
    });
    addr
}

/// A peer that answers the first login it is sent and nothing after it.
async fn falls_silent_after_one_login() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    tokio::spawn(async move {
        let mut held = Vec::new();
        if let Ok((mut stream, _)) = listener.accept().await {
            let mut buffer = vec![0; 4096];
            let _ = stream.read(&mut buffer).await;
            let confirm = "<DVCRMANAGER version=\"1.0.0.0\"><CONFIRM xmlid=\"login\">\
                           <RESULT value=\"0\"/><SESSIONID value=\"s1\"/></CONFIRM>\
                           </DVCRMANAGER>";
            let mut frame = Vec::new();
            write_frame(confirm.as_bytes(), &mut frame).expect("frames");
            let _ = stream.write_all(&frame).await;
            held.push(stream);
        }
        while let Ok((stream, _)) = listener.accept().await {
            held.push(stream);
        }
    });
    addr
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_case_ends_at_its_first_write_left_unanswered() {
    let server = emulate::start(&[Fault::HangOnLongSourcename])
        .await
        .expect("starts");
    let reach = Reach {
        addr: server.local_addr().to_string(),
        login: Login::new("Administrator", ""),
        connect_timeout: Duration::from_secs(3),
        reply_timeout: TIMEOUT,
        allow_destructive: false,
    };
    let case = Case {
        index: 0,
        sessions: 1,
        steps: vec![hanging_step(), hanging_step(), hanging_step()],
    };

    let started = Instant::now();
    let observation = execute(&case, &reach).await;
    let took = started.elapsed();
    server.stop().await;

    assert_eq!(observation.writes.len(), 1, "{observation:?}");
    assert_eq!(observation.writes.first().map(|w| w.end), Some(End::Silent));
    assert!(
        took < TIMEOUT * 2,
        "one timeout, not one per step: {took:?}"
    );
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupt_cuts_short_a_case_waiting_on_a_hang() {
    let mut config = config("interrupt-hang");
    config.reply_timeout = Duration::from_secs(20);
    let interrupt = Interrupt::new();
    config.interrupt = Some(interrupt.clone());
    let mut target = Target::emulated(&[Fault::HangOnLongSourcename], 3)
        .await
        .expect("starts");
    let raiser = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(1500)).await;
        interrupt.raise();
    });

    let started = Instant::now();
    let summary = fuzz(&config, &mut target).await.expect("can be fuzzed");
    let took = started.elapsed();
    raiser.await.expect("raised");
    target.stop().await;

    assert!(took < Duration::from_secs(4), "took {took:?}");
    assert!(summary.interrupted, "{summary:?}");
    assert!(summary.findings.is_empty(), "{summary:?}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_peer_that_never_answers_a_login_cannot_be_fuzzed() {
    let addr = silent_peer().await;
    let mut target = Target::live(addr, Duration::ZERO);
    let config = config("silent");

    let started = Instant::now();
    let error = fuzz(&config, &mut target)
        .await
        .expect_err("a silent peer is no finding");

    assert!(
        error.reason.contains("no reply to login within 400ms"),
        "{error}"
    );
    assert!(started.elapsed() < TIMEOUT * 2, "{:?}", started.elapsed());
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_interrupt_while_the_first_login_waits_exits_2_without_findings() {
    let addr = silent_peer().await;
    let mut target = Target::live(addr, Duration::ZERO);
    let mut config = config("silent-interrupt");
    config.reply_timeout = Duration::from_secs(20);
    let interrupt = Interrupt::new();
    config.interrupt = Some(interrupt.clone());
    let raiser = tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(300)).await;
        interrupt.raise();
    });

    let started = Instant::now();
    let summary = fuzz(&config, &mut target).await.expect("interrupted");
    raiser.await.expect("raised");

    assert!(started.elapsed() < Duration::from_secs(3));
    assert!(summary.interrupted, "{summary:?}");
    assert!(summary.findings.is_empty(), "{summary:?}");
    assert_eq!(summary.cases, 0);
    assert_eq!(summary.exit_code, 2);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_device_that_answered_a_login_and_falls_silent_is_a_hang() {
    let addr = falls_silent_after_one_login().await;
    let mut target = Target::live(addr, Duration::ZERO);
    let config = config("falls-silent");

    let summary = fuzz(&config, &mut target).await.expect("can be fuzzed");

    let kinds: Vec<Kind> = summary.findings.iter().map(|f| f.kind).collect();
    assert_eq!(kinds, [Kind::Hang], "{summary:?}");
    assert_eq!(summary.exit_code, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_duration_ending_before_the_first_case_completed_exits_2() {
    let addr = falls_silent_after_one_login().await;
    let mut target = Target::live(addr, Duration::ZERO);
    let mut config = config("falls-silent-duration");
    config.duration = Some(Duration::from_secs(1));
    config.reply_timeout = Duration::from_millis(1500);

    let started = Instant::now();
    let summary = fuzz(&config, &mut target).await.expect("can be fuzzed");

    let took = started.elapsed();
    assert!(took < Duration::from_millis(2900), "took {took:?}");
    assert!(summary.findings.is_empty(), "{summary:?}");
    assert_eq!(summary.exit_code, 2, "{summary:?}");
}
