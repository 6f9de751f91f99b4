//! `dvcr send`: one command to a device, its reply printed, the exit code
//! telling success (0), a failed, catalog-breaking or protocol-breaking
//! reply (1), and a command that could not be sent or got no answer (2).

use std::process::{Command, Output};

use crate::run_kit::emulator;

fn send(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .arg("send")
        .args(args)
        .output()
        .expect("dvcr runs")
}

#[tokio::test(flavor = "multi_thread")]
async fn a_get_command_prints_one_block_per_confirm_record_and_exits_0() {
    let server = emulator(&[]).await;
    let target = server.local_addr().to_string();

    let output = tokio::task::spawn_blocking(move || send(&["--target", &target, "getendpoint"]))
        .await
        .expect("send finishes");

    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert_eq!(stdout.matches("CONFIRM getendpoint").count(), 3, "{stdout}");
    assert!(stdout.contains("SOURCENAME  \"6000\""), "{stdout}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_command_shows_why_and_exits_1() {
    let server = emulator(&[]).await;
    let target = server.local_addr().to_string();
    let fields = [
        "SOURCENAME=7000",
        "SOURCEIP=bad",
        "FLAG=0",
        "E164=",
        "H323=",
    ];

    let output = tokio::task::spawn_blocking(move || {
        let mut args = vec!["--target", target.as_str(), "addendpoint"];
        args.extend(fields);
        send(&args)
    })
    .await
    .expect("send finishes");

    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(1), "{stdout}");
    assert!(stdout.contains("RESULT       \"1\""), "{stdout}");
    assert!(stdout.contains("SOURCEIP"), "{stdout}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unframed_reply_is_printed_with_its_framing_warning() {
    let server = emulator(&[dvcr::emulator::Fault::UnframedReplies]).await;
    let target = server.local_addr().to_string();

    let output = tokio::task::spawn_blocking(move || send(&["--target", &target, "getdevinfo"]))
        .await
        .expect("send finishes");

    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "a warning: {stdout}");
    assert!(stdout.contains("CONFIRM getdevinfo"), "{stdout}");
    assert!(stdout.contains("warning[unframed-xml]"), "{stdout}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_reply_under_the_wrong_xmlid_is_the_device_failure_exit_1() {
    let server = emulator(&[dvcr::emulator::Fault::WrongXmlid]).await;
    let target = server.local_addr().to_string();

    let output = tokio::task::spawn_blocking(move || send(&["--target", &target, "getdevinfo"]))
        .await
        .expect("send finishes");

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("the device broke the protocol"), "{stderr}");
    assert!(
        stderr.contains("came while awaiting the confirm of"),
        "{stderr}"
    );
    server.stop().await;
}

#[test]
fn a_field_without_an_equals_sign_is_a_usage_error() {
    let output = send(&["--target", "127.0.0.1:9", "getendpoint", "FOO"]);

    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stderr).contains("\"FOO\" is not NAME=VALUE"));
}
