//! Passwords stay out of every output of `dvcr run`: the terminal's
//! failure frames, the JSON and JUnit reports and the pcap capture, where
//! they are masked with `*` of the same length, in field values and in the
//! text a `raw` or `xml` step sends.

use std::net::SocketAddr;
use std::path::Path;
use std::process::Command;

use bytes::Bytes;

use dvcr::client::{Direction, Exchange, Transcript};
use dvcr::emulator::fixture::default_state;
use dvcr::emulator::{Device, DeviceConfig, Server, ServerConfig, SystemClock};

const RUN_PASSWORD: &str = "s3cret-admin-pw";
const USER_PASSWORD: &str = "user-secret-9";

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack
        .windows(needle.len())
        .any(|window| window == needle.as_bytes())
}

/// What `dvcr run` printed and wrote, run with the scenario `file` of
/// `corpus/scenarios/tests/` against an emulator whose administrator's
/// password is [`RUN_PASSWORD`].
struct Outputs {
    code: Option<i32>,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
    json: Vec<u8>,
    junit: Vec<u8>,
    pcap: Vec<u8>,
}

impl Outputs {
    /// Every output, named.
    fn all(&self) -> [(&str, &[u8]); 5] {
        [
            ("stdout", &self.stdout),
            ("stderr", &self.stderr),
            ("json", &self.json),
            ("junit", &self.junit),
            ("pcap", &self.pcap),
        ]
    }

    /// Checks that the run's password shows in no output, nor in the
    /// frames of one connection and way joined, where a split write would
    /// show it whole.
    fn assert_password_nowhere(&self) {
        for (name, bytes) in self.all() {
            assert!(
                !contains(bytes, RUN_PASSWORD),
                "the password appears in the {name}"
            );
        }
        for joined in joined_frames(&self.json) {
            assert!(!joined.contains(RUN_PASSWORD), "{joined}");
        }
    }
}

/// The text of the JSON report's frames on each connection, each way,
/// joined in order: a password that writes split between them shows whole
/// here.
fn joined_frames(json: &[u8]) -> Vec<String> {
    let report: serde_json::Value = serde_json::from_slice(json).expect("the json reads");
    let mut streams: Vec<(String, String)> = Vec::new();
    let cases = report["cases"].as_array().cloned().unwrap_or_default();
    for case in &cases {
        for frame in case["frames"].as_array().cloned().unwrap_or_default() {
            let stream = format!("{}{}", frame["local_port"], frame["way"]);
            let text = frame["text"].as_str().unwrap_or_default();
            match streams.iter_mut().find(|(key, _)| *key == stream) {
                Some((_, joined)) => joined.push_str(text),
                None => streams.push((stream, text.to_owned())),
            }
        }
    }
    streams.into_iter().map(|(_, joined)| joined).collect()
}

async fn run_scenario(file: &str) -> Outputs {
    let mut state = default_state();
    state.users[0].password = RUN_PASSWORD.to_owned();
    let device = Device::new(state, DeviceConfig::default(), Box::new(SystemClock));
    let server = Server::start(ServerConfig::ephemeral(), device)
        .await
        .expect("the emulator starts");
    let target = server.local_addr().to_string();

    let dir = std::env::temp_dir().join(format!("dvcr-redaction-{file}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let scenario = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../corpus/scenarios/tests")
        .join(file);
    let (json, junit, pcap) = (dir.join("r.json"), dir.join("r.xml"), dir.join("r.pcap"));
    let mut command = Command::new(env!("CARGO_BIN_EXE_dvcr"));
    command
        .args([
            "run",
            "--quiet",
            "--target",
            &target,
            "--password-env",
            "DVCR_TEST_PW",
        ])
        .arg("--scenario")
        .arg(&scenario)
        .arg("--json")
        .arg(&json)
        .arg("--junit")
        .arg(&junit)
        .arg("--pcap")
        .arg(&pcap)
        .env("DVCR_TEST_PW", RUN_PASSWORD);
    let output = tokio::task::spawn_blocking(move || command.output())
        .await
        .expect("the run ends")
        .expect("dvcr runs");
    server.stop().await;

    let outputs = Outputs {
        code: output.status.code(),
        stdout: output.stdout,
        stderr: output.stderr,
        json: std::fs::read(&json).expect("json written"),
        junit: std::fs::read(&junit).expect("junit written"),
        pcap: std::fs::read(&pcap).expect("pcap written"),
    };
    let _ = std::fs::remove_dir_all(&dir);
    outputs
}

#[tokio::test(flavor = "multi_thread")]
async fn no_password_appears_in_the_terminal_json_junit_or_pcap() {
    let outputs = run_scenario("password-redaction.toml").await;

    let stdout = String::from_utf8_lossy(&outputs.stdout);
    assert_eq!(outputs.code, Some(1), "{stdout}");
    assert!(stdout.contains("frames exchanged"), "{stdout}");
    assert!(
        stdout.contains(&format!(
            "<PASSWORD value=\"{}\"",
            "*".repeat(RUN_PASSWORD.len())
        )),
        "{stdout}"
    );

    for (name, bytes) in outputs.all() {
        for secret in [RUN_PASSWORD, USER_PASSWORD] {
            assert!(!contains(bytes, secret), "{secret} appears in the {name}");
        }
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_password_in_any_field_is_masked_and_a_steps_own_sessionid_wins() {
    let outputs = run_scenario("password-in-any-field.toml").await;

    let stdout = String::from_utf8_lossy(&outputs.stdout);
    assert_eq!(outputs.code, Some(1), "{stdout}");
    let masked = format!("<SESSIONID value=\"{}\"/>", "*".repeat(RUN_PASSWORD.len()));
    assert!(stdout.contains(&masked), "{stdout}");
    let sent = stdout
        .lines()
        .find(|line| line.contains(&masked))
        .expect("the step's getdevinfo is among the frames");
    assert_eq!(sent.matches("<SESSIONID").count(), 1, "{sent}");
    outputs.assert_password_nowhere();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_hand_written_xml_login_is_masked_outside_field_values_and_across_writes() {
    let outputs = run_scenario("password-in-xml.toml").await;

    let stdout = String::from_utf8_lossy(&outputs.stdout);
    assert_eq!(outputs.code, Some(1), "{stdout}");
    let stars = "*".repeat(RUN_PASSWORD.len());
    let json = String::from_utf8_lossy(&outputs.json);
    assert!(
        json.contains(&format!("<PASSWORD>{stars}</PASSWORD>")),
        "{json}"
    );
    assert!(contains(&outputs.pcap, &stars), "the pcap holds the mask");
    outputs.assert_password_nowhere();
}

#[tokio::test(flavor = "multi_thread")]
async fn a_raw_login_is_masked_outside_quoted_values_and_across_writes() {
    let outputs = run_scenario("password-in-raw.toml").await;

    let stdout = String::from_utf8_lossy(&outputs.stdout);
    assert_eq!(outputs.code, Some(1), "{stdout}");
    let stars = "*".repeat(RUN_PASSWORD.len());
    let json = String::from_utf8_lossy(&outputs.json);
    assert!(
        json.contains(&format!("<PASSWORD value={stars}/>")),
        "{json}"
    );
    outputs.assert_password_nowhere();
}

#[test]
fn every_password_field_is_masked_with_as_many_stars_as_bytes() {
    let frame = r#"<COMMAND xmlid="setldap"><LDAP_PWD value="abc"/><LDAP_PASSWORD name="x" value='d"e'/><PASSWORD="ü"/>< PWD value="q"/><USERNAME value="abc"/></COMMAND>"#.as_bytes();
    let redacted = dvcr::client::redact_secrets(frame);
    assert_eq!(redacted.len(), frame.len());
    let text = String::from_utf8(redacted).expect("still text");
    assert_eq!(
        text,
        r#"<COMMAND xmlid="setldap"><LDAP_PWD value="***"/><LDAP_PASSWORD name="x" value='***'/><PASSWORD="**"/>< PWD value="*"/><USERNAME value="abc"/></COMMAND>"#
    );
}

#[test]
fn any_field_holding_the_password_is_masked_and_no_other() {
    let frame = r#"<COMMAND xmlid="getdevinfo"><SESSIONID value="liling"/><NAME value="x-liling-y"/><USERNAME value="lili"/><PASSWORD value="q"/></COMMAND>"#.as_bytes();
    let redacted = dvcr::client::redact_password(frame, "liling");
    let text = String::from_utf8(redacted).expect("still text");
    assert_eq!(
        text,
        r#"<COMMAND xmlid="getdevinfo"><SESSIONID value="******"/><NAME value="**********"/><USERNAME value="lili"/><PASSWORD value="*"/></COMMAND>"#
    );

    let unmasked = dvcr::client::redact_password(frame, "");
    assert_eq!(unmasked, dvcr::client::redact_secrets(frame));
}

#[test]
fn a_short_password_masks_only_values_that_are_it() {
    let frame = r#"<CONFIRM xmlid="x"><RESULT value="0"/><INDEX value="1024"/><NAME value="10"/></CONFIRM>"#.as_bytes();
    let redacted = dvcr::client::redact_password(frame, "10");
    let text = String::from_utf8(redacted).expect("still text");
    assert_eq!(
        text,
        r#"<CONFIRM xmlid="x"><RESULT value="0"/><INDEX value="1024"/><NAME value="**"/></CONFIRM>"#
    );
}

#[test]
fn the_password_outside_any_value_is_masked_byte_for_byte() {
    let frame =
        "\x03\x00\x00\x50<!-- liling --><PASSWORD>liling</PASSWORD><X value=liling/>lilingliling"
            .as_bytes();
    let redacted = dvcr::client::redact_password(frame, "liling");
    assert_eq!(redacted.len(), frame.len());
    let text = String::from_utf8(redacted).expect("still text");
    assert_eq!(
        text,
        "\x03\x00\x00\x50<!-- ****** --><PASSWORD>******</PASSWORD><X value=******/>************"
    );
}

#[test]
fn a_short_password_is_not_masked_outside_a_whole_value() {
    let frame = r#"<CONFIRM xmlid="x"><RESULT>10</RESULT><NAME value="10"/></CONFIRM>"#.as_bytes();
    let redacted = dvcr::client::redact_password(frame, "10");
    let text = String::from_utf8(redacted).expect("still text");
    assert_eq!(
        text,
        r#"<CONFIRM xmlid="x"><RESULT>10</RESULT><NAME value="**"/></CONFIRM>"#
    );
}

/// One exchange of `bytes` on a connection from port `local`.
fn exchange(local: u16, direction: Direction, bytes: &str) -> Exchange {
    Exchange {
        at: std::time::SystemTime::now(),
        direction,
        local: SocketAddr::from(([127, 0, 0, 1], local)),
        peer: SocketAddr::from(([127, 0, 0, 1], 81)),
        bytes: Bytes::copy_from_slice(bytes.as_bytes()),
    }
}

#[test]
fn a_password_split_between_writes_of_one_connection_is_masked_in_each() {
    let transcript = Transcript::masking("liling");
    let hook = transcript.hook();
    for kept in [
        exchange(5000, Direction::Sent, "<PASSWORD>li"),
        exchange(5000, Direction::Received, "ling"),
        exchange(5001, Direction::Sent, "lin"),
        exchange(5000, Direction::Sent, "lin"),
        exchange(5000, Direction::Sent, "g</PASSWORD>"),
        exchange(
            5000,
            Direction::Received,
            "<DESCRIPTION>liling</DESCRIPTION>",
        ),
    ] {
        hook(&kept);
    }

    let texts: Vec<String> = transcript
        .exchanges()
        .iter()
        .map(|kept| String::from_utf8_lossy(&kept.bytes).into_owned())
        .collect();
    assert_eq!(
        texts,
        [
            "<PASSWORD>**",
            "ling",
            "lin",
            "***",
            "*</PASSWORD>",
            "<DESCRIPTION>******</DESCRIPTION>",
        ]
    );
}
