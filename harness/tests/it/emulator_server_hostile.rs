//! The emulator against hostile clients: malformed frames close that
//! connection only, malformed XML and unknown commands get RESULT 1, and
//! oversized frames, stalled readers, idlers and floods of connections are
//! bounded without disturbing other sessions.

use std::time::Duration;

use dvcr::emulator::ServerConfig;
use tokio::io::AsyncWriteExt;

use crate::emulator_server_kit::{
    Net, WAIT, command_frame, frame, is_closed_by_peer, raw_login, read_frame,
};

#[tokio::test]
async fn a_malformed_frame_closes_only_that_connection() {
    let net = Net::start().await;
    let mut other = net.admin().await;
    let mut stream = net.raw().await;
    stream
        .write_all(b"GET / HTTP/1.0\r\n\r\n")
        .await
        .expect("sent");
    let closed = is_closed_by_peer(&mut stream).await;
    let reply = other.command("getdevinfo", &[]).await.expect("reply");

    assert!(closed);
    assert!(reply.is_success());
}

#[tokio::test]
async fn malformed_xml_in_a_good_frame_gets_result_1_and_the_connection_goes_on() {
    let net = Net::start().await;
    let mut stream = net.raw().await;
    let session = raw_login(&mut stream).await;
    stream
        .write_all(&frame(
            b"<DVCRMANAGER version=\"1.0.0.0\"><COMMAND xmlid=\"getip\"><oops",
        ))
        .await
        .expect("sent");
    let refused = String::from_utf8_lossy(&read_frame(&mut stream).await).into_owned();
    stream
        .write_all(&command_frame("getip", &[("SESSIONID", &session)]))
        .await
        .expect("sent");
    let answered = String::from_utf8_lossy(&read_frame(&mut stream).await).into_owned();

    assert!(refused.contains("xmlid=\"getip\""), "{refused}");
    assert!(refused.contains("<RESULT value=\"1\"/>"), "{refused}");
    assert!(refused.contains("malformed message"), "{refused}");
    assert!(answered.contains("<RESULT value=\"0\"/>"), "{answered}");
}

#[tokio::test]
async fn an_unknown_command_gets_result_1_and_the_connection_goes_on() {
    let net = Net::start().await;
    let mut session = net.admin().await;
    let unknown = session.command("frobnicate", &[]).await.expect("reply");
    let known = session.command("getdevinfo", &[]).await.expect("reply");

    assert_eq!(unknown.result(), Some("1"));
    assert!(unknown.description().contains("unknown command"));
    assert!(known.is_success());
}

#[tokio::test]
async fn the_spec_sloppy_xml_is_served_leniently() {
    let net = Net::start().await;
    let mut stream = net.raw().await;
    let session = raw_login(&mut stream).await;
    let sloppy = format!(
        "<? xml version=\"1.0\"?><DVCRMANAGER version=\"1.0.0.0\">\
         <COMMAND xmlid=\" getdevinfo\">< SESSIONID value=\"{session}\"/></COMMAND></DVCRMANAGER>"
    );
    stream
        .write_all(&frame(sloppy.as_bytes()))
        .await
        .expect("sent");
    let reply = String::from_utf8_lossy(&read_frame(&mut stream).await).into_owned();

    assert!(reply.contains("<RESULT value=\"0\"/>"), "{reply}");
}

#[tokio::test]
async fn a_frame_above_the_maximum_closes_the_connection() {
    let config = ServerConfig {
        max_frame_len: 1024,
        ..ServerConfig::ephemeral()
    };
    let net = Net::with_server(config).await;
    let mut stream = net.raw().await;
    stream
        .write_all(&[3, 0, 0x10, 0x00])
        .await
        .expect("header sent");

    assert!(is_closed_by_peer(&mut stream).await);
}

#[tokio::test]
async fn a_client_that_does_not_read_is_dropped_and_others_go_on() {
    let config = ServerConfig {
        queue_len: 4,
        write_timeout: Duration::from_millis(200),
        ..ServerConfig::ephemeral()
    };
    let net = Net::with_server(config).await;
    let socket = tokio::net::TcpSocket::new_v4().expect("socket");
    socket
        .set_recv_buffer_size(2048)
        .expect("small receive buffer");
    let mut stalled = socket.connect(net.addr).await.expect("connects");
    raw_login(&mut stalled).await;
    let mut sender = net.login("liling", "liling", false).await;
    let long = "9".repeat(4000);
    let started = std::time::Instant::now();
    for round in 0..3000 {
        let name = format!("s{round}-{long}");
        let reply = sender
            .command(
                "addendpoint",
                &[
                    ("SOURCENAME", &name),
                    ("SOURCEIP", "10.1.1.1"),
                    ("E164", &long),
                    ("H323", ""),
                    ("FLAG", "0"),
                ],
            )
            .await
            .expect("reply");
        assert!(reply.is_success(), "{reply:?}");
        if net.server.connection_count() == 1 {
            break;
        }
    }

    assert_eq!(
        net.server.connection_count(),
        1,
        "the stalled reader is still served"
    );
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    drop(stalled);
}

#[tokio::test]
async fn a_connection_idle_past_the_idle_timeout_is_closed() {
    let config = ServerConfig {
        idle_timeout: Duration::from_millis(100),
        ..ServerConfig::ephemeral()
    };
    let net = Net::with_server(config).await;
    let mut stream = net.raw().await;

    assert!(is_closed_by_peer(&mut stream).await);
}

#[tokio::test]
async fn a_connection_sending_within_each_idle_timeout_stays_open_past_it() {
    let config = ServerConfig {
        idle_timeout: Duration::from_millis(300),
        ..ServerConfig::ephemeral()
    };
    let net = Net::with_server(config).await;
    let mut stream = net.raw().await;
    let session = raw_login(&mut stream).await;
    let mut answered = 0;
    for _ in 0..6 {
        tokio::time::sleep(Duration::from_millis(150)).await;
        let command = command_frame("getdevinfo", &[("SESSIONID", &session)]);
        stream.write_all(&command).await.expect("sent");
        let reply = String::from_utf8_lossy(&read_frame(&mut stream).await).into_owned();
        answered += usize::from(reply.contains("<RESULT value=\"0\"/>"));
    }
    let closed = is_closed_by_peer(&mut stream).await;

    assert_eq!(answered, 6);
    assert!(closed, "closed once it idles");
}

#[tokio::test]
async fn connections_beyond_the_maximum_are_closed_at_once() {
    let config = ServerConfig {
        max_connections: 4,
        ..ServerConfig::ephemeral()
    };
    let net = Net::with_server(config).await;
    let mut kept = Vec::new();
    for _ in 0..4 {
        let mut stream = net.raw().await;
        raw_login(&mut stream).await;
        kept.push(stream);
    }
    let mut flood = Vec::new();
    for _ in 0..50 {
        flood.push(net.raw().await);
    }
    let mut refused = 0;
    for stream in &mut flood {
        if is_closed_by_peer(stream).await {
            refused += 1;
        }
    }
    let first = kept.first_mut().expect("a kept connection");
    first
        .write_all(&command_frame("getip", &[]))
        .await
        .expect("sent");
    let still_served = read_frame(first).await;

    assert_eq!(refused, 50);
    assert!(net.server.connection_count() <= 4);
    assert!(!still_served.is_empty());
    let _ = WAIT;
}

#[tokio::test]
async fn a_list_too_long_for_one_frame_is_answered_with_a_failure_saying_so() {
    let net = Net::start().await;
    let mut admin = net.admin().await;
    for n in 0..400 {
        let name = format!("dvcr-long-list-{n:03}-{}", "x".repeat(100));
        let address = format!("192.0.2.{}", n % 250 + 1);
        let fields = [
            ("SOURCENAME", name.as_str()),
            ("SOURCEIP", address.as_str()),
            ("FLAG", "0"),
            ("E164", ""),
            ("H323", ""),
        ];
        let added = admin.command("addendpoint", &fields).await.expect("reply");
        assert!(added.is_success(), "{}", added.description());
    }
    let listed = admin
        .command("getendpoint", &[])
        .await
        .expect("a reply, not a wait");

    assert_eq!(listed.result(), Some("1"));
    assert!(
        listed
            .description()
            .contains("exceeds the tpkt maximum of 65535"),
        "{}",
        listed.description()
    );
}
