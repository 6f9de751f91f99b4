//! A bench for running scenarios in-process against the emulator: parse
//! scenario text, start an emulator with faults, run, and read verdicts.

use std::path::Path;
use std::time::Duration;

use dvcr::emulator::{Fault, Server};
use dvcr::report::{CaseResult, RunReport, Verdict};
use dvcr::run::{Baseline, RunOptions, RunOutcome, emulate, suite};
use dvcr::scenario::{Scenario, parse};

/// Parses scenario text named `name` in errors.
pub(crate) fn scenario(text: &str) -> Scenario {
    parse(text, Path::new("test.toml")).expect("the test scenario parses")
}

/// Starts an emulator with `faults`.
pub(crate) async fn emulator(faults: &[Fault]) -> Server {
    emulate::start(faults).await.expect("the emulator starts")
}

/// Options for the emulator `server`.
pub(crate) fn options(server: &Server) -> RunOptions {
    let mut options = RunOptions::new(server.local_addr().to_string());
    options.session_timeout = emulate::EMULATED_SESSION_TIMEOUT;
    options.reply_timeout = Duration::from_millis(1000);
    options
}

/// Runs `scenarios` between the sanity checks with `options` and no
/// baseline: the report.
pub(crate) async fn run_with(scenarios: &[Scenario], options: &RunOptions) -> RunReport {
    let sanity = suite::sanity().expect("the sanity scenario parses");
    dvcr::run::run(scenarios, &sanity, options, &Baseline::default())
        .await
        .report
}

/// Runs `scenarios` against a fresh emulator with `faults`.
pub(crate) async fn run_on(
    faults: &[Fault],
    scenarios: &[Scenario],
    baseline: &Baseline,
) -> RunOutcome {
    let server = emulator(faults).await;
    let options = options(&server);
    let sanity = suite::sanity().expect("the sanity scenario parses");
    let outcome = dvcr::run::run(scenarios, &sanity, &options, baseline).await;
    server.stop().await;
    outcome
}

/// Runs one scenario text against a faultless emulator.
pub(crate) async fn run_one(text: &str) -> RunReport {
    run_on(&[], &[scenario(text)], &Baseline::default())
        .await
        .report
}

/// The case named `name`.
pub(crate) fn case<'r>(report: &'r RunReport, name: &str) -> &'r CaseResult {
    let found = report.cases.iter().find(|case| case.name == name);
    assert!(found.is_some(), "no case {name} in {:?}", report.cases);
    found.expect("the case was just found")
}

/// The verdict of the only scenario case (sanity cases aside).
pub(crate) fn verdict(report: &RunReport) -> Verdict {
    let cases: Vec<&CaseResult> = report
        .cases
        .iter()
        .filter(|case| !case.name.starts_with("sanity"))
        .collect();
    assert_eq!(cases.len(), 1, "expected one case: {cases:?}");
    cases[0].verdict
}

/// A scenario of one admin session and `steps` (TOML `[[steps]]` tables).
pub(crate) fn with_steps(name: &str, steps: &str) -> String {
    format!(
        "name = \"{name}\"\nsection = \"Login/Logout > Login\"\n\n[[sessions]]\nname = \
            \"admin\"\n\n{steps}"
    )
}

/// A fake device of firmware older than the spec's version 2.0: it logs
/// anyone in, answers `getdevinfo` and `logout`, and answers every other
/// command as unknown. Returns its address.
pub(crate) async fn old_firmware() -> std::net::SocketAddr {
    use dvcr_protocol::decode::{DecodeOptions, decode};
    use dvcr_protocol::encode::encode;
    use dvcr_protocol::tpkt::Splitter;
    use dvcr_protocol::{Kind, Message};
    use tokio::io::{AsyncReadExt, AsyncWriteExt};

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        while let Ok((mut socket, _)) = listener.accept().await {
            tokio::spawn(async move {
                let mut splitter = Splitter::new();
                let mut buf = [0u8; 4096];
                while let Ok(read) = socket.read(&mut buf).await {
                    if read == 0 {
                        break;
                    }
                    splitter.push(&buf[..read]);
                    let mut out = Vec::new();
                    while let Ok(Some(frame)) = splitter.next_frame() {
                        let Ok(decoded) = decode(frame.payload(), &DecodeOptions::LENIENT) else {
                            break;
                        };
                        let xmlid = decoded
                            .message
                            .first()
                            .map(|r| r.xmlid().to_owned())
                            .unwrap_or_default();
                        let mut reply = Message::single(Kind::Confirm, xmlid.clone());
                        match xmlid.as_str() {
                            "login" => {
                                reply.push_value("RESULT", "0").push_value("PRIVILEGE", "0");
                                reply
                                    .push_value("SESSIONID", "7e76c583-2215-4c89-9a1af7a6c4ed8f11");
                            }
                            "logout" => {
                                reply.push_value("RESULT", "0");
                            }
                            "getdevinfo" => {
                                for (name, value) in [
                                    ("RESULT", "0"),
                                    ("PRODUCTNAME", "Old RSS"),
                                    ("VERSION", "1.0"),
                                    ("TYPE", "0"),
                                    ("H323COUNT", "1"),
                                    ("VODCOUNT", "1"),
                                    ("RECABILITY", "1"),
                                    ("ACTIVATED", "1"),
                                ] {
                                    reply.push_value(name, value);
                                }
                            }
                            _ => {
                                reply
                                    .push_value("RESULT", "1")
                                    .push_value("DESCRIPTION", "Unknown command");
                            }
                        }
                        encode(&reply, &mut out).expect("encode");
                    }
                    if socket.write_all(&out).await.is_err() {
                        break;
                    }
                }
            });
        }
    });
    address
}

/// A scenario that fails on a device accepting an endpoint with a blank
/// `SOURCEIP` (the emulator's `blank-endpoint-ip` fault).
pub(crate) const NEEDS_SOURCEIP: &str = r#"
name = "endpoint-needs-a-sourceip"
section = "Account Management > Endpoints > ADDENDPOINT"

[[sessions]]
name = "admin"

[[steps]]
send = "addendpoint"
fields = { SOURCENAME = "dvcr-blank", SOURCEIP = "", E164 = "", H323 = "", FLAG = "0" }
expect = { result = "1" }

[[cleanup]]
send = "delendpoint"
fields = { SOURCENAME = "dvcr-blank" }
"#;
