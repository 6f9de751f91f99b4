//! Every file the command line reads is read through one bounded reader:
//! a scenario, a baseline, a report for `dvcr diff`, a fixture or a state
//! file larger than its kind may be is refused with the file and the limit
//! named, exit 2, without reading it all (`/dev/zero` never ends).

use std::io::ErrorKind;
use std::path::{Path, PathBuf};
use std::process::Command;

use dvcr::bounded::{self, TooLarge};

fn dvcr() -> Command {
    Command::new(env!("CARGO_BIN_EXE_dvcr"))
}

/// Runs `dvcr ARGS`: its exit code and standard error.
fn refused(args: &[&str]) -> (Option<i32>, String) {
    let output = dvcr().args(args).output().expect("dvcr runs");
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    (output.status.code(), stderr)
}

/// A sparse file of `len` bytes in a fresh folder of its own for `name`.
fn sparse_file(name: &str, len: u64) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dvcr-bounded-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch folder");
    let path = dir.join(format!("{name}.toml"));
    std::fs::File::create(&path)
        .and_then(|file| file.set_len(len))
        .expect("sparse file");
    path
}

/// A file that exists, for the second report: the first one is refused
/// before it is read.
fn some_other_file() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../corpus/scenarios/sanity.toml")
        .to_string_lossy()
        .into_owned()
}

#[test]
fn an_endless_reader_is_refused_one_byte_past_the_limit() {
    let error = bounded::read_from(std::io::repeat(0), 1000).expect_err("endless");

    assert_eq!(error.kind(), ErrorKind::FileTooLarge);
    assert_eq!(
        TooLarge::of(&error),
        Some(TooLarge {
            limit: 1000,
            size: None
        })
    );
    assert_eq!(
        error.to_string(),
        "too large: expected at most 1000 bytes, found more"
    );
}

#[test]
fn a_file_of_exactly_the_limit_is_read_and_a_larger_one_refused_unread() {
    let path = sparse_file("exact", 2 * bounded::MIB);
    let read = bounded::read(&path, 2 * bounded::MIB).expect("at the limit");
    assert_eq!(read.len(), 2 * 1024 * 1024);

    let error = bounded::read(&path, bounded::MIB).expect_err("over the limit");
    assert_eq!(
        error.to_string(),
        "too large: expected at most 1 MiB, found 2097152 bytes"
    );
    let _ = std::fs::remove_dir_all(path.parent().expect("folder"));
}

#[test]
fn text_that_is_not_utf8_says_where() {
    let path = sparse_file("latin1", 0);
    std::fs::write(&path, b"name = \"caf\xe9\"\n").expect("written");
    let error = bounded::read_to_string(&path, 100).expect_err("not UTF-8");

    assert_eq!(error.kind(), ErrorKind::InvalidData);
    assert!(error.to_string().contains("at byte 11"), "{error}");
    let _ = std::fs::remove_dir_all(path.parent().expect("folder"));
}

#[test]
fn diff_refuses_an_endless_report() {
    let (code, stderr) = refused(&["diff", "/dev/zero", &some_other_file()]);

    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("/dev/zero: too large: expected at most 16 MiB, found more"),
        "{stderr}"
    );
}

#[test]
fn run_refuses_an_endless_scenario() {
    let (code, stderr) = refused(&["run", "--emulate", "--scenario", "/dev/zero"]);

    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("/dev/zero: too large: expected at most 4 MiB, found more"),
        "{stderr}"
    );
}

#[test]
fn run_refuses_an_endless_baseline() {
    let (code, stderr) = refused(&[
        "run",
        "--emulate",
        "--quiet",
        "--filter",
        "idle",
        "--baseline",
        "/dev/zero",
    ]);

    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("baseline /dev/zero: too large: expected at most 4 MiB, found more"),
        "{stderr}"
    );
}

#[test]
fn emulate_refuses_an_endless_fixture() {
    let (code, stderr) = refused(&[
        "emulate",
        "--listen",
        "127.0.0.1:0",
        "--fixture",
        "/dev/zero",
    ]);

    assert_eq!(code, Some(2), "{stderr}");
    assert!(
        stderr.contains("fixture /dev/zero: too large: expected at most 16 MiB, found more"),
        "{stderr}"
    );
}

#[test]
fn emulate_refuses_a_state_file_over_the_limit_and_leaves_it_as_it_was() {
    let path = sparse_file("state", 17 * bounded::MIB);
    let shown = path.to_string_lossy().into_owned();
    let (code, stderr) = refused(&["emulate", "--listen", "127.0.0.1:0", "--state", &shown]);

    assert_eq!(code, Some(2), "{stderr}");
    let expected = format!(
        "state file {shown}: too large: expected at most 16 MiB, found {} bytes",
        17 * bounded::MIB
    );
    assert!(stderr.contains(&expected), "{stderr}");
    let len = std::fs::metadata(&path).expect("still there").len();
    assert_eq!(len, 17 * bounded::MIB);
    let _ = std::fs::remove_dir_all(path.parent().expect("folder"));
}
