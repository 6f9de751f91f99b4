//! How the device reads a command's `xmlid` (spec, "General Information",
//! item 5; ERRATA policies 3 and 4): spaces written around it are trimmed
//! by the decoder, case is ignored, and an xmlid that still differs from
//! every command's, such as one carrying spaces written as references, is
//! an unknown command. Whatever names a handler has passed the catalog
//! check: no command runs unchecked.

use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

use crate::emulator_kit::{Bench, assert_refused, result, value};
use crate::emulator_server_kit::{Net, command_frame, raw_login, read_frame};

/// Sends `xmlid` (written into the document as it is) with `fields` on a
/// raw connection and returns the reply's XML.
async fn exchange(stream: &mut TcpStream, xmlid: &str, fields: &[(&str, &str)]) -> String {
    stream
        .write_all(&command_frame(xmlid, fields))
        .await
        .expect("sent");
    let reply = read_frame(stream).await;
    String::from_utf8_lossy(&reply[4..]).into_owned()
}

#[tokio::test]
async fn a_setlang_with_spaces_written_as_references_is_unknown_and_changes_nothing() {
    let net = Net::start().await;
    let mut stream = net.raw().await;
    let session = raw_login(&mut stream).await;
    let fields = [("SESSIONID", session.as_str()), ("LANG", "00")];
    let set = exchange(&mut stream, "&#32;setlang&#32;", &fields).await;
    let read = exchange(&mut stream, "getlang", &[("SESSIONID", &session)]).await;

    assert!(set.contains("<RESULT value=\"1\"/>"), "{set}");
    assert!(set.contains("unknown command"), "{set}");
    assert!(read.contains("<LANG value=\"0\"/>"), "{read}");
}

#[tokio::test]
async fn an_addendpoint_with_a_space_written_as_a_reference_stores_nothing() {
    let net = Net::start().await;
    let mut stream = net.raw().await;
    let session = raw_login(&mut stream).await;
    let fields = [
        ("SESSIONID", session.as_str()),
        ("SOURCENAME", "referenced"),
        ("SOURCEIP", "192.0.2.9"),
        ("E164", "abc"),
        ("H323", "referenced"),
        ("FLAG", "01"),
        ("BOGUS", "1"),
    ];
    let add = exchange(&mut stream, "&#32;addendpoint", &fields).await;
    let list = exchange(&mut stream, "getendpoint", &[("SESSIONID", &session)]).await;

    assert!(add.contains("<RESULT value=\"1\"/>"), "{add}");
    assert!(add.contains("unknown command"), "{add}");
    assert!(list.contains("<RESULT value=\"0\"/>"), "{list}");
    assert!(!list.contains("referenced"), "{list}");
}

#[tokio::test]
async fn spaces_written_around_an_xmlid_are_trimmed_and_the_catalog_check_runs() {
    let net = Net::start().await;
    let mut stream = net.raw().await;
    let session = raw_login(&mut stream).await;
    let fields = [("SESSIONID", session.as_str()), ("LANG", "00")];
    let set = exchange(&mut stream, " setlang ", &fields).await;

    assert!(set.contains("xmlid=\"setlang\""), "{set}");
    assert!(set.contains("<RESULT value=\"1\"/>"), "{set}");
    assert!(set.contains("LANG: expected one of"), "{set}");
}

#[test]
fn a_good_value_under_a_spaced_xmlid_is_refused_as_an_unknown_command() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let before = bench.device.state().clone();
    for xmlid in [" setlang ", "setlang\t", "\nSetLang"] {
        let outcome = bench.call(1, &session, xmlid, &[("LANG", "1")]);

        assert_refused(&outcome, &format!("unknown command {xmlid:?}"));
        assert_eq!(bench.device.state(), &before, "{xmlid:?}");
    }
}

#[test]
fn an_unknown_command_is_answered_under_its_name_trimmed_and_in_lower_case() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let outcome = bench.call_exact(1, &session, " SetLang ", &[("LANG", "1")]);
    let echoed = outcome.replies.first().and_then(|reply| reply.first());

    assert_eq!(echoed.map(|record| record.xmlid()), Some("setlang"));
    assert_eq!(result(&outcome), "1");
}

#[test]
fn a_mixed_case_xmlid_names_its_command_and_is_checked_against_its_table() {
    let mut bench = Bench::new();
    let session = bench.admin(1);
    let refused = bench.call(1, &session, "SetLang", &[("LANG", "00")]);
    let accepted = bench.call(1, &session, "SETLANG", &[("LANG", "1")]);
    let read = bench.call(1, &session, "getlang", &[]);

    assert_refused(&refused, "LANG: expected one of 0, 1, found \"00\"");
    assert_eq!(result(&accepted), "0", "{accepted:?}");
    assert_eq!(value(&read, "LANG").as_deref(), Some("1"));
}
