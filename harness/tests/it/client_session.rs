//! The client against a scripted mock device on loopback: indications
//! delivered whatever their order relative to confirms, coalesced frames,
//! timeouts naming what was awaited, the peer closing, and the transcript.

use std::time::Duration;

use dvcr::client::{ClientError, Connection, Direction, Session, Transcript};
use dvcr_protocol::{Kind, Message};
use tokio::io::AsyncWriteExt;
use tokio::net::{TcpListener, TcpStream};

use crate::emulator_server_kit::{QUIET, WAIT, client_config, frame, read_frame};

fn document(records: &str) -> Vec<u8> {
    frame(format!("<DVCRMANAGER version=\"1.0.0.0\">{records}</DVCRMANAGER>").as_bytes())
}

fn confirm(xmlid: &str) -> String {
    format!("<CONFIRM xmlid=\"{xmlid}\"><RESULT value=\"0\"/></CONFIRM>")
}

fn indication(xmlid: &str) -> String {
    format!("<INDICATION xmlid=\"{xmlid}\"><SOURCENAME value=\"7\"/></INDICATION>")
}

/// A connection to a mock device, and the device's end.
async fn mock() -> (Connection, TcpStream) {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let (client, accepted) = tokio::join!(
        Connection::connect(addr, client_config()),
        listener.accept()
    );
    (client.expect("connects"), accepted.expect("accepts").0)
}

fn getip() -> Message<'static> {
    Message::single(Kind::Command, "getip")
}

#[tokio::test]
async fn an_indication_between_a_command_and_its_confirm_goes_to_the_indication_stream() {
    let (mut client, mut device) = mock().await;
    client.send(&getip()).await.expect("sent");
    read_frame(&mut device).await;
    device
        .write_all(&document(&indication("addendpoint")))
        .await
        .expect("written");
    device
        .write_all(&document(&confirm("getip")))
        .await
        .expect("written");
    let reply = client.await_reply("getip", WAIT).await.expect("reply");
    let heard = client.next_indication(WAIT).await.expect("indication");

    assert!(reply.is_success());
    assert_eq!(reply.len(), 1);
    assert_eq!(heard.first().expect("record").xmlid(), "addendpoint");
}

#[tokio::test]
async fn frames_coalesced_in_one_read_are_each_routed() {
    let (mut client, mut device) = mock().await;
    client.send(&getip()).await.expect("sent");
    let mut burst = document(&confirm("getip"));
    burst.extend(document(&indication("delendpoint")));
    burst.extend(document(&indication("addgroup")));
    device.write_all(&burst).await.expect("written");
    let reply = client.await_reply("getip", WAIT).await.expect("reply");
    let first = client.next_indication(WAIT).await.expect("first");
    let second = client.next_indication(WAIT).await.expect("second");

    assert!(reply.is_success());
    assert_eq!(first.first().expect("record").xmlid(), "delendpoint");
    assert_eq!(second.first().expect("record").xmlid(), "addgroup");
}

#[tokio::test]
async fn a_message_mixing_confirms_and_indications_is_split_by_kind() {
    let (mut client, mut device) = mock().await;
    let mixed = format!(
        "{}{}{}",
        confirm("getip"),
        indication("modroom"),
        confirm("getip")
    );
    device.write_all(&document(&mixed)).await.expect("written");
    let reply = client.await_reply("getip", WAIT).await.expect("reply");
    let heard = client.next_indication(WAIT).await.expect("indication");

    assert_eq!(reply.len(), 2);
    assert_eq!(heard.record_count(), 1);
}

#[tokio::test]
async fn a_confirm_for_another_command_is_kept_for_its_own_wait() {
    let (mut client, mut device) = mock().await;
    let mut burst = document(&confirm("getgk"));
    burst.extend(document(&confirm(" GetIP")));
    device.write_all(&burst).await.expect("written");
    let ip = client.await_reply("getip", WAIT).await.expect("getip");
    let gk = client.await_reply("getgk", WAIT).await.expect("getgk");

    assert_eq!(ip.records().next().expect("record").xmlid(), "GetIP");
    assert_eq!(gk.records().next().expect("record").xmlid(), "getgk");
}

#[tokio::test]
async fn a_reply_spread_over_frames_is_merged_within_the_settle_pause() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let mut config = client_config();
    config.reply_settle = Duration::from_millis(100);
    let (client, accepted) = tokio::join!(Connection::connect(addr, config), listener.accept());
    let (mut client, mut device) = (client.expect("connects"), accepted.expect("accepts").0);
    device
        .write_all(&document(&confirm("getendpoint")))
        .await
        .expect("written");
    device
        .write_all(&document(&confirm("getendpoint")))
        .await
        .expect("written");
    let reply = client
        .await_reply("getendpoint", WAIT)
        .await
        .expect("reply");

    assert_eq!(reply.frames, 2);
    assert_eq!(reply.len(), 2);
}

#[tokio::test]
async fn a_wait_that_times_out_names_what_it_awaited() {
    let (mut client, _device) = mock().await;
    let confirm_wait = client.await_reply("getdevinfo", QUIET).await;
    let indication_wait = client.next_indication(QUIET).await;

    let confirm_text = confirm_wait.expect_err("timed out").to_string();
    let indication_text = indication_wait.expect_err("timed out").to_string();
    assert!(
        confirm_text.contains("awaiting the confirm of getdevinfo"),
        "{confirm_text}"
    );
    assert!(
        indication_text.contains("awaiting an indication"),
        "{indication_text}"
    );
}

#[tokio::test]
async fn connecting_to_a_closed_port_fails_naming_the_target() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    drop(listener);
    let failed = Connection::connect(addr, client_config()).await;

    let error = failed.expect_err("connecting to a closed port fails");
    assert!(error.to_string().contains(&addr.to_string()), "{error}");
}

#[tokio::test]
async fn the_peer_closing_ends_waits_with_a_closed_error() {
    let (mut client, device) = mock().await;
    drop(device);
    let waited = client.await_reply("getip", WAIT).await;
    let reason = client.closed(WAIT).await;

    assert!(
        matches!(waited, Err(ClientError::Closed { .. })),
        "{waited:?}"
    );
    assert!(reason.is_ok());
    assert!(client.is_closed());
}

#[tokio::test]
async fn a_broken_frame_from_the_peer_closes_with_the_framing_error() {
    let (mut client, mut device) = mock().await;
    device
        .write_all(b"\x07\x00\x00\x09hello")
        .await
        .expect("written");
    let waited = client.await_reply("getip", WAIT).await;

    let text = waited.expect_err("broken").to_string();
    assert!(text.contains("tpkt version"), "{text}");
}

#[tokio::test]
async fn the_transcript_holds_every_frame_with_its_direction() {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let addr = listener.local_addr().expect("addr");
    let transcript = Transcript::new();
    let mut config = client_config();
    config.transcript = Some(transcript.hook());
    let (client, accepted) = tokio::join!(Session::connect(addr, config), listener.accept());
    let (mut session, mut device) = (client.expect("connects"), accepted.expect("accepts").0);
    let sent = tokio::spawn(async move {
        let command = read_frame(&mut device).await;
        device
            .write_all(&document(&confirm("getip")))
            .await
            .expect("written");
        command
    });
    session.command("getip", &[]).await.expect("reply");
    let command = sent.await.expect("mock ran");
    let exchanges = transcript.exchanges();

    assert_eq!(exchanges.len(), 2);
    assert_eq!(exchanges[0].direction, Direction::Sent);
    assert_eq!(exchanges[0].bytes.as_ref(), command.as_slice());
    assert_eq!(exchanges[1].direction, Direction::Received);
    assert_eq!(exchanges[1].bytes[..2], [3, 0]);
}

#[tokio::test]
async fn the_transcript_keeps_the_bytes_of_a_broken_or_cut_frame() {
    for (bytes, closes) in [
        (&b"\x07\x00\x00\x09hello"[..], false),
        (&b"\x03\x00\x00\x40half"[..], true),
    ] {
        let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
        let addr = listener.local_addr().expect("addr");
        let transcript = Transcript::new();
        let mut config = client_config();
        config.transcript = Some(transcript.hook());
        let (client, accepted) = tokio::join!(Connection::connect(addr, config), listener.accept());
        let (mut client, mut device) = (client.expect("connects"), accepted.expect("accepts").0);
        device.write_all(bytes).await.expect("written");
        if closes {
            drop(device);
        }
        let _ = client.closed(WAIT).await;

        let exchanges = transcript.exchanges();
        assert_eq!(exchanges.len(), 1, "{bytes:?}");
        assert_eq!(exchanges[0].direction, Direction::Received);
        assert_eq!(exchanges[0].bytes.as_ref(), bytes);
    }
}

#[test]
fn a_timeout_is_shown_to_the_millisecond() {
    let error = dvcr::client::ClientError::Timeout {
        awaited: "the confirm of getdevinfo".to_owned(),
        after: std::time::Duration::from_nanos(1_999_999_630),
    };

    assert_eq!(
        error.to_string(),
        "timed out after 2s awaiting the confirm of getdevinfo"
    );
}
