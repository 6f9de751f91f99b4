//! The emulator over TCP: indications to the right sessions only, pipelined
//! commands answered in order, frames split across many writes, several
//! frames coalesced in one write, and replies on the wire byte for byte as
//! the device's own.

use dvcr::client::ClientError;
use dvcr::emulator::DeviceConfig;
use dvcr_protocol::encode::encode;
use dvcr_protocol::{Kind, Message};
use tokio::io::AsyncWriteExt;

use crate::emulator_kit::Bench;
use crate::emulator_server_kit::{
    Net, QUIET, WAIT, command_frame, conn, raw_login, read_frame, read_some,
};

#[tokio::test]
async fn a_change_is_indicated_to_other_sessions_that_asked_only() {
    let net = Net::start().await;
    let mut sender = net.login("Administrator", "", true).await;
    let mut listener = net.login("liling", "liling", true).await;
    let mut deaf = net.login("test", "test", false).await;
    sender
        .command(
            "addendpoint",
            &[
                ("SOURCENAME", "7000"),
                ("SOURCEIP", "10.0.0.7"),
                ("E164", ""),
                ("H323", ""),
                ("FLAG", "0"),
            ],
        )
        .await
        .expect("reply");
    let heard = listener.next_indication(WAIT).await.expect("an indication");
    let sender_heard = sender.next_indication(QUIET).await;
    let deaf_heard = deaf.next_indication(QUIET).await;

    let record = heard.first().expect("a record");
    assert_eq!(record.kind(), Kind::Indication);
    assert_eq!(record.xmlid(), "addendpoint");
    assert!(matches!(sender_heard, Err(ClientError::Timeout { .. })));
    assert!(matches!(deaf_heard, Err(ClientError::Timeout { .. })));
}

#[tokio::test]
async fn pipelined_commands_are_answered_in_order() {
    let net = Net::start().await;
    let mut session = net.admin().await;
    let xmlids = ["getdevinfo", "getendpoint", "getip", "getgroup", "getsp"];
    for xmlid in xmlids {
        session
            .send(&Message::single(Kind::Command, xmlid))
            .await
            .expect("sent");
    }
    let mut answered = Vec::new();
    for _ in xmlids {
        let reply = conn(&mut session).next_reply(WAIT).await.expect("reply");
        answered.push(reply.records().next().expect("record").xmlid().to_owned());
    }

    assert_eq!(answered, xmlids);
}

#[tokio::test]
async fn a_frame_split_across_many_writes_is_answered_once() {
    let net = Net::start().await;
    let mut stream = net.raw().await;
    let session = raw_login(&mut stream).await;
    let frame = command_frame("getdevinfo", &[("SESSIONID", &session)]);
    for byte in &frame {
        stream.write_all(&[*byte]).await.expect("one byte");
        stream.flush().await.expect("flushed");
    }
    let reply = read_frame(&mut stream).await;
    let text = String::from_utf8_lossy(&reply);

    assert!(text.contains("xmlid=\"getdevinfo\""), "{text}");
    assert!(text.contains("<RESULT value=\"0\"/>"), "{text}");
}

#[tokio::test]
async fn coalesced_frames_in_one_write_are_each_answered() {
    let net = Net::start().await;
    let mut stream = net.raw().await;
    let session = raw_login(&mut stream).await;
    let mut burst = command_frame("getip", &[("SESSIONID", &session)]);
    burst.extend(command_frame("getgk", &[("SESSIONID", &session)]));
    burst.extend(command_frame("getlang", &[("SESSIONID", &session)]));
    stream.write_all(&burst).await.expect("burst sent");
    let mut answered = Vec::new();
    for _ in 0..3 {
        answered.push(String::from_utf8_lossy(&read_frame(&mut stream).await).into_owned());
    }

    assert!(answered[0].contains("xmlid=\"getip\""));
    assert!(answered[1].contains("xmlid=\"getgk\""));
    assert!(answered[2].contains("xmlid=\"getlang\""));
}

#[tokio::test]
async fn an_indication_for_a_closed_connection_does_not_disturb_the_sender() {
    let net = Net::with(
        dvcr::emulator::ServerConfig::ephemeral(),
        DeviceConfig::default(),
    )
    .await;
    let mut sender = net.admin().await;
    let listener = net.login("liling", "liling", true).await;
    drop(listener);
    let reply = sender
        .command("delendpoint", &[("SOURCENAME", "1")])
        .await
        .expect("reply");

    assert!(reply.is_success(), "{reply:?}");
}

#[tokio::test]
async fn the_server_sends_the_bytes_of_the_replies_the_device_hands_back() {
    let net = Net::start().await;
    let mut stream = net.raw().await;
    let session = raw_login(&mut stream).await;
    let mut bench = Bench::new();
    let own = bench.admin(1);
    let commands: [(&str, &[(&str, &str)]); 4] = [
        ("getdevinfo", &[]),
        ("getendpoint", &[]),
        ("getlang", &[]),
        ("getivr", &[("INDEX", "12")]),
    ];
    for (xmlid, fields) in commands {
        let mut sent = vec![("SESSIONID", session.as_str())];
        sent.extend_from_slice(fields);
        stream
            .write_all(&command_frame(xmlid, &sent))
            .await
            .expect("command sent");
        let on_the_wire = read_frame(&mut stream).await;

        let outcome = bench.call_exact(1, &own, xmlid, fields);
        let mut expected = Vec::new();
        encode(&outcome.replies[0], &mut expected).expect("reply encodes");
        assert_eq!(
            String::from_utf8_lossy(&on_the_wire),
            String::from_utf8_lossy(&expected),
            "{xmlid}"
        );
    }
}

#[tokio::test]
async fn a_stopped_server_answers_no_frame_sent_after() {
    let net = Net::start().await;
    let mut stream = net.raw().await;
    let session = raw_login(&mut stream).await;
    net.server.stop().await;
    let late = command_frame("getdevinfo", &[("SESSIONID", &session)]);
    let _ = stream.write_all(&late).await;
    let answered = read_some(&mut stream, QUIET).await;

    assert!(
        answered.is_empty(),
        "{}",
        String::from_utf8_lossy(&answered)
    );
}
