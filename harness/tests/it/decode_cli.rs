//! `dvcr decode` run as a user runs it: the built binary on corpus files
//! and on standard input, its text and JSON reports, its exit codes.

use std::error::Error;
use std::io::Write as _;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

pub(crate) type TestResult = Result<(), Box<dyn Error>>;

pub(crate) fn corpus(path: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("corpus")
        .join(path)
}

/// Runs `dvcr decode ARGS...`.
pub(crate) fn decode(args: &[&str]) -> Result<Output, Box<dyn Error>> {
    Ok(Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .arg("decode")
        .args(args)
        .output()?)
}

/// Runs `dvcr decode ARGS... -` with `input` on standard input.
pub(crate) fn decode_stdin(args: &[&str], input: &[u8]) -> Result<Output, Box<dyn Error>> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .arg("decode")
        .args(args)
        .arg("-")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(input)?;
    }
    Ok(child.wait_with_output()?)
}

/// A fresh folder of its own for the test `name`.
fn scratch(name: &str) -> Result<PathBuf, Box<dyn Error>> {
    let dir = std::env::temp_dir().join(format!("dvcr-decode-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    Ok(dir)
}

pub(crate) fn path_arg(path: &Path) -> String {
    path.to_string_lossy().into_owned()
}

pub(crate) fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

/// The JSON report of `dvcr decode --json ARGS...`, parsed.
pub(crate) fn decode_json(args: &[&str]) -> Result<(Value, Option<i32>), Box<dyn Error>> {
    let mut all = vec!["--json"];
    all.extend_from_slice(args);
    let output = decode(&all)?;
    Ok((
        serde_json::from_slice(&output.stdout)?,
        output.status.code(),
    ))
}

#[test]
fn a_clean_tpkt_example_prints_its_fields_and_exits_0() -> TestResult {
    let file = path_arg(&corpus("spec/004-login-confirm-1.tpkt"));
    let output = decode(&[&file])?;
    let text = stdout(&output);

    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("(tpkt at byte 0), from the device, version 1.0.0.0"),
        "{text}"
    );
    assert!(text.contains("  CONFIRM login\n"), "{text}");
    assert!(text.contains("    DESCRIPTION  \"Succeeded\"\n"), "{text}");
    assert!(text.contains("    RESULT       \"0\"\n"), "{text}");
    assert!(text.contains("  no findings\n"), "{text}");
    Ok(())
}

#[test]
fn an_example_with_error_findings_prints_each_and_exits_1() -> TestResult {
    let file = path_arg(&corpus("spec/149-callandplay-command-1.tpkt"));
    let output = decode(&[&file])?;
    let text = stdout(&output);

    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("    warning[space-in-xmlid] General Information: at byte 97"));
    assert!(text.contains("    error[missing-field] New in version 2.0 > CALLANDPLAY"));
    assert!(text.contains("summary: 1 message, 0 not decoded, 2 errors, 5 warnings, 0 notes"));
    Ok(())
}

#[test]
fn the_xml_of_an_example_reads_as_its_tpkt_with_offsets_4_bytes_earlier() -> TestResult {
    let (tpkt, _) = decode_json(&[&path_arg(&corpus("spec/149-callandplay-command-1.tpkt"))])?;
    let (xml, _) = decode_json(&[&path_arg(&corpus("spec/149-callandplay-command-1.xml"))])?;

    let framed = &tpkt[0]["messages"][0];
    let bare = &xml[0]["messages"][0];
    assert_eq!(framed["carrier"], "tpkt");
    assert_eq!(bare["carrier"], "xml");
    assert_eq!(framed["records"], bare["records"]);
    assert_eq!(framed["findings"][0]["offset"], 97);
    assert_eq!(bare["findings"][0]["offset"], 93);
    Ok(())
}

#[test]
fn strict_decoding_rejects_what_lenient_reads_through() -> TestResult {
    let file = path_arg(&corpus("spec/001-general-command-1.xml"));
    let (lenient, lenient_code) = decode_json(&[&file])?;
    let (strict, strict_code) = decode_json(&["--strict", &file])?;

    assert_eq!(lenient_code, Some(0));
    assert_eq!(
        lenient[0]["messages"][0]["findings"][0]["rule"],
        "declaration-not-at-start"
    );
    assert_eq!(strict_code, Some(1));
    assert_eq!(strict[0]["messages"][0]["error"]["offset"], 0);
    assert_eq!(
        strict[0]["messages"][0]["records"],
        Value::Array(Vec::new())
    );
    Ok(())
}

#[test]
fn a_stream_of_several_frames_prints_each_frame() -> TestResult {
    let file = path_arg(&corpus("decode-cli/login-logout.stream"));
    let (report, code) = decode_json(&[&file])?;
    let messages = report[0]["messages"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    let xmlids: Vec<&Value> = messages
        .iter()
        .map(|message| &message["records"][0]["xmlid"])
        .collect();

    assert_eq!(xmlids, ["login", "login", "logout"]);
    assert_eq!(messages[1]["flow"], "from-device");
    assert_eq!(
        messages[2]["findings"][0]["rule"],
        "value-not-in-enumeration"
    );
    assert_eq!(code, Some(1));
    Ok(())
}

#[test]
fn bare_xml_documents_separated_by_crlf_print_each() -> TestResult {
    let file = path_arg(&corpus("decode-cli/refreshstatus.xml"));
    let output = decode(&[&file])?;
    let text = stdout(&output);

    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(
        text.contains("message 1 (xml at byte 0), to the device"),
        "{text}"
    );
    assert!(text.contains("  COMMAND refreshstatus\n"), "{text}");
    assert!(text.contains("), from the device"), "{text}");
    assert!(text.contains("  CONFIRM refreshstatus\n"), "{text}");
    assert!(text.contains("summary: 2 messages"), "{text}");
    Ok(())
}

#[test]
fn bare_xml_documents_separated_by_lf_alone_print_each() -> TestResult {
    let crlf = std::fs::read_to_string(corpus("decode-cli/refreshstatus.xml"))?;
    let lf = crlf.replace("\r\n", "\n");
    let output = decode_stdin(&[], lf.as_bytes())?;
    let text = stdout(&output);

    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("  COMMAND refreshstatus\n"), "{text}");
    assert!(text.contains("  CONFIRM refreshstatus\n"), "{text}");
    assert!(text.contains("summary: 2 messages"), "{text}");
    Ok(())
}

#[test]
fn a_processing_instruction_on_its_own_line_stays_in_its_document() -> TestResult {
    let document = [
        "<?xml version=\"1.0\" encoding=\"utf-8\" ?>",
        "<DVCRMANAGER version=\"1.0.0.0\">",
        "<COMMAND xmlid=\"getdevinfo\">",
        "<?note kept?>",
        "<SESSIONID value=\"b09c5d22-52c5-41a9-9b8e6cecf7d07ae4\"/>",
        "</COMMAND>",
        "</DVCRMANAGER>",
    ]
    .join("\r\n");
    let output = decode_stdin(&[], document.as_bytes())?;
    let text = stdout(&output);

    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.contains("  COMMAND getdevinfo\n"), "{text}");
    assert!(text.contains("summary: 1 message,"), "{text}");
    Ok(())
}

#[test]
fn standard_input_is_read_for_a_dash() -> TestResult {
    let bytes = std::fs::read(corpus("spec/112-pauseroomrecord-confirm-1.tpkt"))?;
    let output = decode_stdin(&[], &bytes)?;
    let text = stdout(&output);

    assert_eq!(output.status.code(), Some(0), "{text}");
    assert!(text.starts_with("== standard input\n"), "{text}");
    assert!(text.contains("warning[space-in-xmlid]"), "{text}");
    Ok(())
}

#[test]
fn the_flow_can_be_forced() -> TestResult {
    let file = path_arg(&corpus("spec/004-login-confirm-1.tpkt"));
    let (report, code) = decode_json(&["--flow", "to-device", &file])?;

    assert_eq!(code, Some(1));
    assert_eq!(
        report[0]["messages"][0]["findings"][0]["rule"],
        "wrong-record-kind"
    );
    Ok(())
}

#[test]
fn a_missing_file_is_one_line_on_stderr_and_exit_2() -> TestResult {
    let missing = path_arg(&corpus("decode-cli/no-such-file.tpkt"));
    let clean = path_arg(&corpus("spec/004-login-confirm-1.tpkt"));
    let output = decode(&[&missing, &clean])?;
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert_eq!(output.status.code(), Some(2));
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.starts_with("dvcr decode: cannot read "), "{stderr}");
    assert!(stdout(&output).contains("CONFIRM login"));
    Ok(())
}

#[test]
fn the_help_shows_an_example() -> TestResult {
    let output = decode(&["--help"])?;

    assert!(stdout(&output).contains("dvcr decode corpus/spec/"));
    Ok(())
}

#[test]
fn the_readme_shows_the_real_output_of_its_example() -> TestResult {
    let readme = std::fs::read_to_string(corpus("../README.md"))?;
    let command = "$ dvcr decode corpus/spec/149-callandplay-command-1.tpkt\n";
    let shown = readme
        .split_once(command)
        .and_then(|(_, rest)| rest.split_once("\n```"))
        .map(|(shown, _)| shown)
        .unwrap_or_default();

    let output = Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .current_dir(corpus(".."))
        .args(["decode", "corpus/spec/149-callandplay-command-1.tpkt"])
        .output()?;
    assert_eq!(stdout(&output).trim_end(), shown);
    Ok(())
}

#[test]
fn a_stream_error_counts_among_the_summary_errors_as_in_the_exit_code() -> TestResult {
    let output = decode_stdin(&[], b"\x05\x00\x00\x10not a tpkt frame at all")?;
    let text = stdout(&output);

    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("stream error: "), "{text}");
    assert!(
        text.contains("summary: 0 messages, 0 not decoded, 1 error,"),
        "{text}"
    );
    Ok(())
}

#[test]
fn the_json_report_has_an_object_for_every_input_even_unread_and_empty() -> TestResult {
    let dir = scratch("json-every-input")?;
    let empty = dir.join("empty.bin");
    std::fs::write(&empty, b"")?;
    let clean = path_arg(&corpus("spec/004-login-confirm-1.tpkt"));
    let missing = path_arg(&dir.join("missing.bin"));
    let (report, code) = decode_json(&[&clean, &path_arg(&empty), &missing])?;

    assert_eq!(code, Some(2));
    assert_eq!(report.as_array().map(Vec::len), Some(3), "{report}");
    assert_eq!(report[0]["error"], Value::Null);
    assert!(
        report[1]["error"]
            .as_str()
            .is_some_and(|e| e.contains("nothing to decode"))
    );
    assert!(
        report[2]["error"]
            .as_str()
            .is_some_and(|e| e.contains("cannot read"))
    );
    assert_eq!(report[2]["has_errors"], true);
    Ok(())
}

#[test]
fn an_empty_input_is_not_decoded_and_exits_1_as_the_readme_says() -> TestResult {
    let output = decode_stdin(&[], b"\r\n")?;
    let text = stdout(&output);

    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("not decoded: nothing to decode"), "{text}");
    Ok(())
}

#[test]
fn an_input_over_the_limit_is_refused_before_it_is_read() -> TestResult {
    let dir = scratch("too-large")?;
    let big = dir.join("big.bin");
    std::fs::File::create(&big)?.set_len(300 * 1024 * 1024)?;
    let output = decode(&[&path_arg(&big)])?;
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr.contains("too large to decode: expected at most 256 MiB"),
        "{stderr}"
    );
    std::fs::remove_dir_all(dir)?;
    Ok(())
}

#[test]
fn junk_between_documents_is_reported_and_the_next_document_decoded() -> TestResult {
    let file = path_arg(&corpus("decode-cli/junk-between-documents.xml"));
    let output = decode(&[&file])?;
    let text = stdout(&output);

    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(
        text.contains("message 2 (xml at byte 194): not decoded"),
        "{text}"
    );
    assert!(text.contains("decoding goes on at byte 200"), "{text}");
    assert!(
        text.contains("message 3 (xml at byte 200), to the device"),
        "{text}"
    );
    assert!(
        text.contains("summary: 3 messages, 1 not decoded"),
        "{text}"
    );
    Ok(())
}

#[test]
fn a_stream_error_says_how_many_bytes_were_left_undecoded() -> TestResult {
    let output = decode_stdin(&["--json"], b"\x03\x00\x00\x08abcdZZZZ")?;
    let report: Value = serde_json::from_slice(&output.stdout)?;

    assert_eq!(report[0]["undecoded_rest"]["offset"], 8);
    assert_eq!(report[0]["undecoded_rest"]["bytes"], 4);
    let text = stdout(&decode_stdin(&[], b"\x03\x00\x00\x08abcdZZZZ")?);
    assert!(
        text.contains("the rest of the input, 4 bytes from byte 8, was not decoded"),
        "{text}"
    );
    Ok(())
}

#[test]
fn a_packet_capture_is_named_as_one_with_what_to_decode_instead() -> TestResult {
    let pcap = [
        &[0xD4, 0xC3, 0xB2, 0xA1, 0x02, 0x00, 0x04, 0x00][..],
        &[0; 16],
    ]
    .concat();
    let pcapng = [&[0x0A, 0x0D, 0x0D, 0x0A][..], &[0; 24]].concat();
    for (bytes, format) in [(pcap, "pcap"), (pcapng, "pcapng")] {
        let output = decode_stdin(&[], &bytes)?;
        let text = stdout(&output);

        assert_eq!(output.status.code(), Some(1), "{text}");
        assert!(
            text.contains(&format!("the input is a {format} capture")),
            "{text}"
        );
        assert!(text.contains("Follow TCP Stream"), "{text}");
    }
    Ok(())
}
