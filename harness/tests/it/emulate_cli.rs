//! `dvcr emulate` as a process: a `--state` file it cannot write stops it
//! at start, and its logs carry no colour codes when stderr is not a
//! terminal.

use std::io::{BufRead as _, BufReader, Read as _};
use std::process::{Command, Stdio};

fn dvcr() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dvcr"))
}

/// Runs `dvcr emulate` on an ephemeral port with `options`, expecting it
/// to refuse to start: its exit code and standard error.
fn refused_start(options: &[&std::ffi::OsStr]) -> (Option<i32>, String) {
    let output = dvcr()
        .args(["emulate", "--listen", "127.0.0.1:0"])
        .args(options)
        .output()
        .expect("dvcr runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert!(
        output.stdout.is_empty(),
        "it must not start listening: {stderr}"
    );
    (output.status.code(), stderr)
}

/// Starts `dvcr emulate` with `options`, waits for its first line on
/// standard output, then stops it: that line and its logs.
fn started_then_stopped(options: &[&std::ffi::OsStr]) -> (String, String) {
    let mut child = dvcr()
        .arg("emulate")
        .args(options)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dvcr starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    let _ = BufReader::new(stdout).read_line(&mut line);
    child.kill().expect("the emulator stops");
    let _ = child.wait();
    let mut logs = String::new();
    let _ = child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut logs);
    (line, logs)
}

#[test]
fn a_state_file_in_a_missing_folder_fails_at_start_with_exit_2() {
    let missing = std::env::temp_dir()
        .join(format!("dvcr-no-such-folder-{}", std::process::id()))
        .join("state.toml");
    let (code, stderr) = refused_start(&["--state".as_ref(), missing.as_os_str()]);

    assert_eq!(code, Some(2), "{stderr}");
    assert!(stderr.contains("writable --state file"), "{stderr}");
    assert!(stderr.contains(&missing.display().to_string()), "{stderr}");
}

#[test]
fn logs_into_a_file_or_pipe_carry_no_colour_codes() {
    let (line, logs) = started_then_stopped(&["--listen".as_ref(), "127.0.0.1:0".as_ref()]);

    assert!(line.contains("listening on"), "{line}");
    assert!(logs.contains("INFO"), "{logs}");
    assert!(!logs.contains('\u{1b}'), "{logs:?}");
}

#[test]
fn an_emulator_whose_device_crashed_exits_1_and_logs_no_internal_names() {
    let mut child = dvcr()
        .args(["emulate", "--listen", "127.0.0.1:0"])
        .args(["--fault", "panic-on-bad-index"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dvcr starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut line = String::new();
    let _ = BufReader::new(stdout).read_line(&mut line);
    let address = line
        .trim()
        .rsplit(' ')
        .next()
        .unwrap_or_default()
        .to_owned();

    let sent = dvcr()
        .args(["send", "--target", &address, "startroomrecord"])
        .args(["LANG=en", "INDEX=x"])
        .output()
        .expect("dvcr send runs");
    assert_eq!(sent.status.code(), Some(2), "the device crashed mid-reply");
    let status = child.wait().expect("the emulator ends by itself");
    let mut logs = String::new();
    let _ = child
        .stderr
        .take()
        .expect("stderr")
        .read_to_string(&mut logs);

    assert_eq!(status.code(), Some(1), "{logs}");
    assert!(logs.contains("faults=panic-on-bad-index"), "{logs}");
    assert!(!logs.contains("FaultSet"), "{logs}");
    assert!(!logs.contains("dvcr::emulator"), "{logs}");
    assert!(logs.contains("the emulated device crashed"), "{logs}");
}

#[test]
fn limits_out_of_range_are_refused_with_a_readable_range() {
    let cases = [
        ("--max-frame-len", "3", "from 55 to 65535"),
        ("--max-connections", "0", "at least 1"),
        ("--session-timeout", "0", "at least 1"),
    ];
    for (option, value, range) in cases {
        let (code, stderr) = refused_start(&[option.as_ref(), value.as_ref()]);

        assert_eq!(code, Some(2), "{option}: {stderr}");
        assert!(stderr.contains(range), "{option}: {stderr}");
    }
    let output = dvcr()
        .args([
            "send",
            "--target",
            "127.0.0.1:1",
            "--timeout-ms",
            "0",
            "getdevinfo",
        ])
        .output()
        .expect("dvcr runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("expected a whole number of at least 1"),
        "{stderr}"
    );
    assert!(!stderr.contains("18446744073709551615"), "{stderr}");
}

#[test]
fn a_fixture_entry_the_device_cannot_hold_is_refused_naming_file_and_entry() {
    let cases = [
        (
            "privilege-7.toml",
            "[[users]] entry 1 (name \"root\"): privilege 7, expected 0",
        ),
        (
            "duplicate-user-name.toml",
            "[[users]] entry 2 (name \"ops\"): name \"ops\" again",
        ),
        (
            "id-not-a-guid.toml",
            "id \"a\", expected a GUID in the spec's 8-4-4-16 form",
        ),
        (
            "endpoint-ip-out-of-range.toml",
            "ip \"999.1.1.1\", expected an IPv4 address",
        ),
        ("endpoint-flag-5.toml", "flag 5, expected 0 or 1"),
        (
            "no-administrator.toml",
            "no [[users]] entry with privilege 0 (administrator)",
        ),
        (
            "group-member-unknown.toml",
            "lists member \"aaaaaaaa-bbbb-cccc-dddddddddddddddd\"",
        ),
        (
            "settings-lang-banana.toml",
            "[settings.language]: LANG: expected one of 0, 1, found \"banana\"",
        ),
    ];
    for (file, reason) in cases {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../corpus/emulator/invalid")
            .join(file);
        let (code, stderr) = refused_start(&["--fixture".as_ref(), path.as_os_str()]);

        assert_eq!(code, Some(2), "{file}: {stderr}");
        assert!(stderr.contains(file), "{stderr}");
        assert!(stderr.contains(reason), "{stderr}");
    }
}

#[test]
fn a_fixture_given_with_a_state_file_that_exists_is_named_as_not_used() {
    let folder = std::env::temp_dir().join(format!("dvcr-fixture-beside-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("folder");
    let state = folder.join("state.toml");
    std::fs::write(&state, dvcr::emulator::fixture::DEFAULT_FIXTURE).expect("state written");
    let fixture = state.with_file_name("fixture.toml");
    let (line, logs) = started_then_stopped(&[
        "--listen".as_ref(),
        "127.0.0.1:0".as_ref(),
        "--fixture".as_ref(),
        fixture.as_os_str(),
        "--state".as_ref(),
        state.as_os_str(),
    ]);
    let _ = std::fs::remove_dir_all(&folder);

    assert!(line.contains("listening on"), "{line}");
    assert!(
        logs.contains("the fixture is not used: the state file exists"),
        "{logs}"
    );
}

#[test]
fn a_host_name_to_listen_on_is_resolved() {
    let (line, _) = started_then_stopped(&["--listen".as_ref(), "localhost:0".as_ref()]);

    assert!(line.starts_with("dvcr emulator listening on "), "{line}");
}

#[test]
fn a_port_in_use_is_refused_before_the_device_says_it_started() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").expect("a port");
    let addr = taken.local_addr().expect("its address").to_string();
    let output = dvcr()
        .args(["emulate", "--listen", &addr])
        .output()
        .expect("dvcr runs");
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("cannot listen on"), "{stderr}");
    assert!(!stderr.contains("emulated device started"), "{stderr}");
}
