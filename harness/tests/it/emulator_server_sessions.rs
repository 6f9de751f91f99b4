//! The emulator over TCP: sessions and their expiry, one command of every
//! family through the client, list replies, privilege, state files and
//! power-off.

use std::time::Duration;

use dvcr::client::{ClientError, Login};
use dvcr::emulator::{DeviceConfig, ServerConfig};

use crate::emulator_server_kit::{Net, WAIT};

#[tokio::test]
async fn login_returns_a_session_id_and_privilege_that_later_commands_carry() {
    let net = Net::start().await;
    let mut session = net.connect().await;
    let granted = session
        .login(&Login::new("Administrator", ""))
        .await
        .expect("login");
    let reply = session.command("getdevinfo", &[]).await.expect("reply");

    assert_eq!(granted.session_id.len(), 35);
    assert_eq!(granted.privilege, Some(0));
    assert!(reply.is_success(), "{reply:?}");
}

#[tokio::test]
async fn a_wrong_password_is_refused_with_the_device_description() {
    let net = Net::start().await;
    let mut session = net.connect().await;
    let refused = session.login(&Login::new("Administrator", "nope")).await;

    assert!(
        matches!(refused, Err(ClientError::Refused { .. })),
        "{refused:?}"
    );
}

#[tokio::test]
async fn a_command_without_a_session_is_refused_and_the_connection_goes_on() {
    let net = Net::start().await;
    let mut session = net.connect().await;
    let refused = session.command("getdevinfo", &[]).await.expect("reply");
    let granted = session.login(&Login::new("Administrator", "")).await;

    assert_eq!(refused.result(), Some("1"));
    assert!(refused.description().contains("SESSIONID"));
    assert!(granted.is_ok());
}

#[tokio::test]
async fn a_session_expires_after_the_idle_timeout_on_the_injected_clock() {
    let device = DeviceConfig {
        idle_timeout_ms: 60_000,
        ..DeviceConfig::default()
    };
    let net = Net::with(ServerConfig::ephemeral(), device).await;
    let mut session = net.admin().await;
    net.clock.advance(Duration::from_secs(59));
    let alive = session.command("getdevinfo", &[]).await.expect("reply");
    net.clock.advance(Duration::from_secs(61));
    let expired = session.command("getdevinfo", &[]).await.expect("reply");

    assert!(alive.is_success());
    assert_eq!(expired.result(), Some("1"));
    assert!(expired.description().contains("timed out"), "{expired:?}");
}

#[tokio::test]
async fn after_logout_the_old_session_id_is_refused() {
    let net = Net::start().await;
    let mut session = net.admin().await;
    let id = session.session_id().expect("logged in").to_owned();
    session.logout().await.expect("logout");
    let reply = session
        .command("getdevinfo", &[("SESSIONID", &id)])
        .await
        .expect("reply");

    assert_eq!(reply.result(), Some("1"));
    assert!(reply.description().contains("logged out"), "{reply:?}");
}

#[tokio::test]
async fn every_command_family_answers_through_the_client() {
    let net = Net::start().await;
    let mut session = net.admin().await;
    let calls: &[(&str, &[(&str, &str)])] = &[
        ("getdevinfo", &[]),
        ("refreshstatus", &[]),
        ("getip", &[]),
        ("getendpoint", &[]),
        (
            "addendpoint",
            &[("SOURCENAME", "7000"), ("SOURCEIP", "10.0.0.7")],
        ),
        ("getdevuser", &[]),
        ("getgroup", &[]),
        ("getallgroup", &[]),
        ("getsp", &[]),
        ("getroom", &[]),
        ("getlistinfo", &[("CATALOG", "0")]),
        ("geteplink", &[]),
        ("getcfsinfo", &[]),
        ("getbanner", &[]),
    ];
    for (xmlid, fields) in calls {
        let reply = session.command(xmlid, fields).await.expect("reply");
        let record = reply.records().next().expect("a record");

        assert_eq!(record.xmlid(), *xmlid);
        assert!(reply.is_success(), "{xmlid}: {reply:?}");
    }
}

#[tokio::test]
async fn a_list_reply_holds_one_confirm_record_per_item() {
    let net = Net::start().await;
    let mut session = net.admin().await;
    let reply = session.command("getendpoint", &[]).await.expect("reply");

    assert_eq!(reply.frames, 1);
    assert_eq!(reply.column("SOURCENAME"), ["6000", "1", "8000"]);
}

#[tokio::test]
async fn an_ordinary_user_may_read_but_not_change_accounts() {
    let net = Net::start().await;
    let mut session = net.login("test", "test", false).await;
    let read = session.command("getdevuser", &[]).await.expect("reply");
    let change = session
        .command("delendpoint", &[("SOURCENAME", "1")])
        .await
        .expect("reply");

    assert!(read.is_success());
    assert_eq!(change.result(), Some("1"));
    assert!(change.description().contains("ordinary user"), "{change:?}");
}

#[tokio::test]
async fn the_state_file_is_saved_after_a_change() {
    let dir = std::env::temp_dir().join(format!("dvcr-server-state-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("scratch directory");
    let path = dir.join("state.toml");
    let config = ServerConfig {
        state_file: Some(path.clone()),
        ..ServerConfig::ephemeral()
    };
    let net = Net::with_server(config).await;
    let mut session = net.admin().await;
    session.command("getendpoint", &[]).await.expect("reply");
    let untouched = path.exists();
    session
        .command(
            "addendpoint",
            &[("SOURCENAME", "7001"), ("SOURCEIP", "10.0.0.8")],
        )
        .await
        .expect("reply");
    let saved = dvcr::emulator::persist::load(&path).expect("saved state loads");
    let _ = std::fs::remove_dir_all(&dir);

    assert!(!untouched, "a read must not write the state file");
    assert!(
        saved
            .endpoints
            .iter()
            .any(|endpoint| endpoint.name == "7001")
    );
}

#[tokio::test]
async fn shutdown_with_poweroff_confirms_then_stops_the_server() {
    let mut net = Net::start().await;
    let mut session = net.admin().await;
    let reply = session
        .command("shutdown", &[("POWEROFF", "1")])
        .await
        .expect("reply");
    let stopped = tokio::time::timeout(WAIT, net.server.stopped()).await;
    let refused = tokio::net::TcpStream::connect(net.addr).await;

    assert!(reply.is_success());
    assert!(stopped.is_ok(), "the server did not stop");
    assert!(refused.is_err(), "the server still accepts");
}

#[tokio::test]
async fn stop_ends_the_server_and_closes_its_connections() {
    let net = Net::start().await;
    let mut session = net.admin().await;
    net.server.stop().await;
    let reason = session.connection().closed(WAIT).await;

    assert!(reason.is_ok(), "{reason:?}");
}
