//! Every subcommand survives a reader that goes away: `dvcr run --list |
//! head -1` and `dvcr decode ... | head -1` end without a panic.

use std::io::Read as _;
use std::path::Path;
use std::process::{Command, Stdio};

/// Runs `dvcr ARGS` with its standard output (or error) closed by the
/// reader after at most one byte; returns the exit code and the other
/// stream.
fn with_closed(args: &[&str], close_stderr: bool) -> (Option<i32>, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .current_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join(".."))
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("dvcr starts");
    let (closed, mut kept): (Box<dyn std::io::Read>, Box<dyn std::io::Read>) = if close_stderr {
        (
            Box::new(child.stderr.take().expect("stderr")),
            Box::new(child.stdout.take().expect("stdout")),
        )
    } else {
        (
            Box::new(child.stdout.take().expect("stdout")),
            Box::new(child.stderr.take().expect("stderr")),
        )
    };
    let mut first = [0u8; 1];
    let mut closed = closed;
    let _ = closed.read(&mut first);
    drop(closed);

    let mut text = String::new();
    let _ = kept.read_to_string(&mut text);
    let status = child.wait().expect("dvcr ends");
    (status.code(), text)
}

fn spec_examples() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/spec");
    let mut files: Vec<String> = std::fs::read_dir(dir)
        .expect("corpus/spec")
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "tpkt"))
        .map(|path| path.to_string_lossy().into_owned())
        .collect();
    files.sort();
    files
}

#[test]
fn decode_into_a_closed_pipe_ends_without_a_panic() {
    let mut args = vec!["decode"];
    let files = spec_examples();
    args.extend(files.iter().map(String::as_str));
    let (code, stderr) = with_closed(&args, false);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(matches!(code, Some(0 | 1)), "exit {code:?}: {stderr}");
}

#[test]
fn run_list_into_a_closed_pipe_ends_without_a_panic() {
    let (code, stderr) = with_closed(&["run", "--list"], false);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(code, Some(0), "{stderr}");
}

#[test]
fn an_error_into_a_closed_stderr_ends_without_a_panic() {
    let (code, stdout) = with_closed(&["decode", "no/such/file.tpkt"], true);
    assert!(!stdout.contains("panicked"), "{stdout}");
    assert_eq!(code, Some(2), "{stdout}");
}
