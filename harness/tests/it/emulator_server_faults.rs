//! The emulator started with each wire fault, showing what changes on the
//! wire, and device faults reached through the server.

use std::time::Duration;

use dvcr::client::{ClientError, Login};
use dvcr::emulator::Fault;
use tokio::io::{AsyncReadExt, AsyncWriteExt};

use crate::emulator_server_kit::{
    Net, QUIET, WAIT, command_frame, is_closed_by_peer, read_frame, read_some,
};

/// Logs in on a raw socket and returns every byte of the reply.
async fn raw_login_reply(net: &Net) -> Vec<u8> {
    let mut stream = net.raw().await;
    let login = command_frame("login", &[("USERNAME", "Administrator"), ("PASSWORD", "")]);
    stream.write_all(&login).await.expect("sent");
    read_some(&mut stream, QUIET).await
}

fn declared_len(bytes: &[u8]) -> usize {
    usize::from(u16::from_be_bytes([bytes[2], bytes[3]]))
}

#[tokio::test]
async fn without_faults_a_reply_is_one_exact_tpkt_frame() {
    let net = Net::start().await;
    let bytes = raw_login_reply(&net).await;

    assert_eq!(bytes[..2], [3, 0]);
    assert_eq!(declared_len(&bytes), bytes.len());
}

#[tokio::test]
async fn wrong_tpkt_version_writes_version_byte_2() {
    let net = Net::with_faults(&[Fault::WrongTpktVersion]).await;
    let bytes = raw_login_reply(&net).await;

    assert_eq!(bytes[..2], [2, 0]);
    assert_eq!(declared_len(&bytes), bytes.len());
}

#[tokio::test]
async fn tpkt_length_off_by_one_declares_one_byte_more_than_sent() {
    let net = Net::with_faults(&[Fault::TpktLengthOffByOne]).await;
    let bytes = raw_login_reply(&net).await;

    assert_eq!(bytes[..2], [3, 0]);
    assert_eq!(declared_len(&bytes), bytes.len() + 1);
}

#[tokio::test]
async fn unframed_replies_send_bare_xml_ended_by_cr_lf() {
    let net = Net::with_faults(&[Fault::UnframedReplies]).await;
    let bytes = raw_login_reply(&net).await;

    assert!(bytes.starts_with(b"<?xml"), "{:?}", &bytes[..8]);
    assert!(bytes.ends_with(b"</DVCRMANAGER>\n\r\n"));
}

#[tokio::test]
async fn unframed_replies_are_reported_by_the_client_as_a_framing_deviation() {
    let net = Net::with_faults(&[Fault::UnframedReplies]).await;
    let mut session = net.connect().await;
    session
        .login(&Login::new("Administrator", ""))
        .await
        .expect("lenient client reads it");
    let reply = session.command("getdevinfo", &[]).await.expect("reply");

    assert_eq!(reply.framing.len(), 1);
}

#[tokio::test]
async fn split_replies_arrive_in_two_parts_with_a_pause() {
    let net = Net::with_faults(&[Fault::SplitReplies]).await;
    let mut stream = net.raw().await;
    let login = command_frame("login", &[("USERNAME", "Administrator"), ("PASSWORD", "")]);
    stream.write_all(&login).await.expect("sent");
    let mut first = vec![0; 65_536];
    let n = tokio::time::timeout(WAIT, stream.read(&mut first))
        .await
        .expect("first part")
        .expect("read");
    let rest = read_some(&mut stream, QUIET).await;

    assert!(n < declared_len(&first), "the whole frame came at once");
    assert_eq!(n + rest.len(), declared_len(&first));
}

#[tokio::test]
async fn wrong_xmlid_is_seen_by_the_client_as_a_missing_confirm() {
    let net = Net::with_faults(&[Fault::WrongXmlid]).await;
    let mut session = net.admin().await;
    session
        .connection()
        .send(&login_free("getdevinfo"))
        .await
        .expect("sent");
    let awaited = session
        .connection()
        .await_reply("getdevinfo", Duration::from_millis(200))
        .await;

    let error = awaited.expect_err("the confirm must not match");
    assert!(
        error.to_string().contains("the confirm of getdevinfo"),
        "{error}"
    );
}

#[tokio::test]
async fn drop_after_login_closes_the_connection_after_the_confirm() {
    let net = Net::with_faults(&[Fault::DropAfterLogin]).await;
    let mut session = net.connect().await;
    let granted = session.login(&Login::new("Administrator", "")).await;
    let next = session.command("getdevinfo", &[]).await;

    assert!(granted.is_ok());
    assert!(matches!(
        next,
        Err(ClientError::Closed { .. }) | Err(ClientError::Send(_))
    ));
}

#[tokio::test]
async fn panic_on_bad_index_crashes_the_whole_emulated_device() {
    let mut net = Net::with_faults(&[Fault::PanicOnBadIndex]).await;
    let mut stream = net.raw().await;
    stream
        .write_all(&command_frame("getdevinfo", &[("INDEX", "x")]))
        .await
        .expect("sent");
    let stopped = tokio::time::timeout(WAIT, net.server.stopped()).await;

    assert!(stopped.is_ok(), "the server survived the crash");
    assert!(is_closed_by_peer(&mut stream).await);
}

#[tokio::test]
async fn hang_on_long_sourcename_stops_answering_but_keeps_the_connection() {
    let net = Net::with_faults(&[Fault::HangOnLongSourcename]).await;
    let mut stream = net.raw().await;
    let name = "n".repeat(300);
    stream
        .write_all(&command_frame("addendpoint", &[("SOURCENAME", &name)]))
        .await
        .expect("sent");
    stream
        .write_all(&command_frame("getdevinfo", &[]))
        .await
        .expect("sent");
    let answered = read_some(&mut stream, QUIET).await;
    let mut other = net.raw().await;
    other
        .write_all(&command_frame("getdevinfo", &[]))
        .await
        .expect("sent");
    let other_answer = read_frame(&mut other).await;

    assert!(answered.is_empty());
    assert_eq!(net.server.connection_count(), 2);
    assert!(!other_answer.is_empty());
}

fn login_free(xmlid: &str) -> dvcr_protocol::Message<'static> {
    dvcr_protocol::Message::single(dvcr_protocol::Kind::Command, xmlid.to_owned())
}
