//! `dvcr decode` on hex dumps as users paste them: every style it tells
//! by itself, comment lines, C arrays and initializers, `xxd -i` output,
//! `hexdump -C` with its `*` repeats and its offsets, and text that is not
//! hex at all.

use std::error::Error;

use serde_json::Value;

use crate::decode_cli::{TestResult, corpus, decode, decode_json, decode_stdin, path_arg, stdout};

#[test]
fn hex_dumps_in_every_style_decode_as_their_bytes() -> TestResult {
    let dumps = [
        ("decode-cli/pauseroomrecord-confirm.xxd", "pauseroomrecord"),
        ("decode-cli/login-confirm.hexdump", "login"),
        ("decode-cli/login-command.hex", "login"),
    ];
    for (dump, xmlid) in dumps {
        let (report, _) = decode_json(&[&path_arg(&corpus(dump))])?;

        assert_eq!(report[0]["hex"], true, "{dump}");
        assert_eq!(report[0]["stream_error"], Value::Null, "{dump}");
        assert_eq!(
            report[0]["messages"][0]["records"][0]["xmlid"], xmlid,
            "{dump}"
        );
    }
    Ok(())
}

#[test]
fn comment_lines_and_c_arrays_read_as_hex_dumps() -> TestResult {
    for dump in [
        "decode-cli/login-confirm-commented.xxd",
        "decode-cli/login-confirm-c-array.hex",
        "decode-cli/login-confirm-xxd-i.h",
    ] {
        let (report, code) = decode_json(&[&path_arg(&corpus(dump))])?;

        assert_eq!(code, Some(0), "{dump}: {report}");
        assert_eq!(report[0]["hex"], true, "{dump}");
        assert_eq!(report[0]["messages"][0]["records"][0]["xmlid"], "login");
    }
    Ok(())
}

/// The bytes of spec example 004 (a login confirm) as C hex literals,
/// `0x03, 0x00, ...`.
fn login_confirm_literals() -> Result<String, Box<dyn Error>> {
    let bytes = std::fs::read(corpus("spec/004-login-confirm-1.tpkt"))?;
    let literals: Vec<String> = bytes.iter().map(|byte| format!("0x{byte:02x}")).collect();
    Ok(literals.join(", "))
}

#[test]
fn a_c_initializer_on_one_line_reads_as_hex() -> TestResult {
    let literals = login_confirm_literals()?;
    for text in [
        format!("unsigned char x[] = {{ {literals} }};\n"),
        format!("{{{literals}}}\n"),
        format!("unsigned char x[] = {{ {literals} }};\nunsigned int x_len = 290;\n"),
    ] {
        let output = decode_stdin(&["--json"], text.as_bytes())?;
        let report: Value = serde_json::from_slice(&output.stdout)?;

        assert_eq!(output.status.code(), Some(0), "{text}: {report}");
        assert_eq!(report[0]["hex"], true, "{text}");
        assert_eq!(report[0]["messages"][0]["records"][0]["xmlid"], "login");
    }
    Ok(())
}

#[test]
fn c_text_without_bytes_is_not_said_to_be_comments() -> TestResult {
    let cases = [
        (
            "unsigned int x_len = 290;\n",
            "line 1 column 1",
            "found no byte",
        ),
        (
            "unsigned char x[] = { };\n",
            "line 1 column 1",
            "found no byte",
        ),
        ("int main() { 0x03 }\n", "line 1 column 1", "found \"int\""),
        (
            "{ 0x03, 0x00 } junk\n",
            "line 1 column 16",
            "found \"junk\"",
        ),
        ("# a note\n", "line 1 column 1", "found only comments"),
    ];
    for (input, place, found) in cases {
        let output = decode_stdin(&[], input.as_bytes())?;
        let text = stdout(&output);

        assert_eq!(output.status.code(), Some(1), "{input}: {text}");
        assert!(text.contains(place), "{input}: {text}");
        assert!(text.contains(found), "{input}: {text}");
    }
    Ok(())
}

#[test]
fn a_hexdump_star_repeats_the_line_before_up_to_the_next_offset() -> TestResult {
    let dump = path_arg(&corpus("decode-cli/login-confirm-repeated.hexdump"));
    let (report, code) = decode_json(&[&dump])?;

    assert_eq!(code, Some(0), "{report}");
    assert_eq!(report[0]["hex"], true);
    assert_eq!(report[0]["stream_error"], Value::Null, "{report}");
    assert_eq!(report[0]["messages"][0]["records"][0]["xmlid"], "login");
    Ok(())
}

#[test]
fn a_hexdump_star_without_a_line_before_or_an_offset_after_is_an_error() -> TestResult {
    let dump = std::fs::read_to_string(corpus("decode-cli/login-confirm-repeated.hexdump"))?;
    let head: String = dump
        .lines()
        .take(4)
        .map(|line| format!("{line}\n"))
        .collect();
    let cases = [
        (
            "*\n00000010\n".to_owned(),
            "line 1 column 1: expected a line of bytes before \"*\"",
        ),
        (
            format!("{head}*\n"),
            "line 5 column 1: expected an offset line after \"*\"",
        ),
        (
            format!("{head}*\n00000075  20\n"),
            "line 6 column 1: expected an offset 00000040 plus a multiple of 16 bytes",
        ),
        (format!("{head}*\nffffffffff\n"), "found \"ffffffffff\""),
    ];
    for (input, expected) in cases {
        let output = decode_stdin(&[], input.as_bytes())?;
        let text = stdout(&output);

        assert_eq!(output.status.code(), Some(1), "{input}: {text}");
        assert!(
            text.contains("read as a hexdump -C dump"),
            "{input}: {text}"
        );
        assert!(text.contains(expected), "{input}: {text}");
    }
    Ok(())
}

#[test]
fn text_that_is_not_hex_names_the_first_bad_token_not_a_tpkt_error() -> TestResult {
    let file = path_arg(&corpus("decode-cli/trailing-junk.hex"));
    let output = decode(&[&file])?;
    let text = stdout(&output);

    assert_eq!(output.status.code(), Some(1), "{text}");
    assert!(text.contains("not a hex dump"), "{text}");
    assert!(text.contains("line 3 column 1"), "{text}");
    assert!(text.contains("\"this\""), "{text}");
    assert!(!text.contains("tpkt"), "{text}");
    Ok(())
}

#[test]
fn a_line_missing_from_an_xxd_or_hexdump_dump_is_named_by_its_offset() -> TestResult {
    let dumps = [
        (
            "decode-cli/login-confirm-repeated.hexdump",
            1,
            "read as a hexdump -C dump): line 2 column 1: expected offset 00000010",
        ),
        (
            "decode-cli/pauseroomrecord-confirm.xxd",
            2,
            "read as an xxd dump): line 3 column 1: expected offset 00000020",
        ),
    ];
    for (file, lost, expected) in dumps {
        let dump = std::fs::read_to_string(corpus(file))?;
        let output = decode_stdin(&[], without_line(&dump, lost).as_bytes())?;
        let text = stdout(&output);
        assert_eq!(output.status.code(), Some(1), "{file}: {text}");
        assert!(text.contains(expected), "{file}: {text}");

        let later = decode_stdin(&[], without_line(&dump, 0).as_bytes())?;
        assert!(
            !stdout(&later).contains("expected offset"),
            "{file}: a dump starting later (-s) is read from its first offset"
        );
    }
    Ok(())
}

/// `dump` without its line `index` (from 0).
fn without_line(dump: &str, index: usize) -> String {
    dump.lines()
        .enumerate()
        .filter(|(at, _)| *at != index)
        .map(|(_, line)| format!("{line}\n"))
        .collect()
}
