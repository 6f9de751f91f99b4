//! The client against a device that answers wrongly: a confirm of another
//! xmlid is said to be one, at once, not a timeout; a login confirm
//! without `RESULT` lacks a field, it is not a refusal.

use std::time::{Duration, Instant};

use dvcr::client::{ClientConfig, ClientError, Login, Session};
use dvcr::emulator::Fault;
use dvcr::run::emulate;

fn config() -> ClientConfig {
    ClientConfig {
        reply_timeout: Duration::from_secs(5),
        ..ClientConfig::default()
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_confirm_of_another_xmlid_is_reported_as_such_without_waiting_the_timeout() {
    let server = emulate::start(&[Fault::WrongXmlid]).await.expect("starts");
    let mut session = Session::connect(server.local_addr().to_string(), config())
        .await
        .expect("connects");
    session
        .login(&Login::new("Administrator", ""))
        .await
        .expect("the first login is answered under its own xmlid");

    let started = Instant::now();
    let error = session
        .command("getdevinfo", &[])
        .await
        .expect_err("wrong xmlid");

    assert!(
        started.elapsed() < Duration::from_secs(2),
        "it waited the timeout"
    );
    assert!(
        matches!(&error, ClientError::WrongXmlid { expected, received }
            if expected == "getdevinfo" && received == "login"),
        "{error:?}"
    );
    let text = error.to_string();
    assert!(
        text.contains("getdevinfo") && text.contains("login"),
        "{text}"
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn pipelined_confirms_that_come_in_another_order_are_still_taken() {
    let server = emulate::start(&[]).await.expect("starts");
    let mut session = Session::connect(server.local_addr().to_string(), config())
        .await
        .expect("connects");
    session
        .login(&Login::new("Administrator", ""))
        .await
        .expect("logs in");
    let info = dvcr_protocol::Message::single(dvcr_protocol::Kind::Command, "getdevinfo");
    let time = dvcr_protocol::Message::single(dvcr_protocol::Kind::Command, "getendpoint");
    session.send(&info).await.expect("sends");
    session.send(&time).await.expect("sends");

    let connection = session.connection();
    let later = connection
        .await_reply("getendpoint", Duration::from_secs(2))
        .await;
    let first = connection
        .await_reply("getdevinfo", Duration::from_secs(2))
        .await;

    assert!(later.is_ok(), "{later:?}");
    assert!(first.is_ok(), "{first:?}");
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_login_confirm_without_result_lacks_a_field_and_is_no_refusal() {
    let server = emulate::start(&[Fault::MissingResult])
        .await
        .expect("starts");
    let mut session = Session::connect(server.local_addr().to_string(), config())
        .await
        .expect("connects");

    let error = session
        .login(&Login::new("Administrator", ""))
        .await
        .expect_err("no RESULT");

    assert!(
        matches!(&error, ClientError::MissingField { field, .. } if field == "RESULT"),
        "{error:?}"
    );
    assert!(!error.to_string().contains("refused"), "{error}");
    server.stop().await;
}
