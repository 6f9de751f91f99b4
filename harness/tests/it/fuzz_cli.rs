//! `dvcr fuzz` run as a user runs it: the crash fault of `--help`'s first
//! example is found from its seed (case 52), with exit 1, and the
//! emulator's crash is reported as a finding, never printed as a Rust panic
//! at each case or minimization attempt that hits it; a target that cannot
//! be fuzzed still gets its JSON summary.

use std::process::Command;

#[test]
fn the_crash_fault_is_found_from_the_help_seed_without_printing_panics() {
    let out = std::env::temp_dir().join(format!("dvcr-fuzz-cli-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&out);
    let output = Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .args(["fuzz", "--emulate", "--fault", "panic-on-bad-index"])
        .args(["--seed", "1", "--cases", "80", "--minimize-attempts", "8"])
        .args(["--quiet", "--out"])
        .arg(&out)
        .output()
        .expect("dvcr runs");
    let stdout = String::from_utf8_lossy(&output.stdout);
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "{stdout}\n{stderr}");
    assert!(stdout.contains("crash"), "{stdout}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    let saved = out.join("crash-s1-c52.toml");
    assert!(saved.exists(), "the help's reproducer {}", saved.display());
    let _ = std::fs::remove_dir_all(&out);
}

fn dvcr_fuzz(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .arg("fuzz")
        .args(args)
        .output()
        .expect("dvcr runs")
}

#[test]
fn a_fault_with_a_live_target_is_a_usage_error() {
    let output = dvcr_fuzz(&["--target", "127.0.0.1:9", "--fault", "wrong-xmlid"]);

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains("--fault") && stderr.contains("--emulate"),
        "{stderr}"
    );
}

#[test]
fn unwritable_output_paths_are_refused_before_the_first_case() {
    for (option, path) in [("--out", "/proc/nope"), ("--json", "/proc/nope.json")] {
        let started = std::time::Instant::now();
        let output = dvcr_fuzz(&["--emulate", "--duration", "20", "--quiet", option, path]);

        assert_eq!(output.status.code(), Some(2), "{option}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(stderr.contains(option) && stderr.contains(path), "{stderr}");
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
    }
}

#[cfg(unix)]
#[test]
fn sigterm_stops_the_run_with_its_summary_and_json_marked_interrupted() {
    let dir = std::env::temp_dir().join(format!("dvcr-fuzz-term-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let json = dir.join("fuzz.json");
    let child = Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .args(["fuzz", "--emulate", "--duration", "30", "--quiet", "--json"])
        .arg(&json)
        .arg("--out")
        .arg(dir.join("found"))
        .stdout(std::process::Stdio::piped())
        .spawn()
        .expect("dvcr starts");
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .expect("kill runs");
    assert!(killed.success());

    let output = child.wait_with_output().expect("dvcr ends");
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert_eq!(output.status.code(), Some(0), "{stdout}");
    assert!(stdout.contains("interrupted"), "{stdout}");
    let text = std::fs::read_to_string(&json).expect("the JSON is written");
    assert!(text.contains("\"interrupted\": true"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn zero_for_a_timeout_or_a_bound_is_refused_as_not_a_whole_number_of_at_least_1() {
    for option in ["--timeout-ms", "--cases", "--duration", "--max-findings"] {
        let output = dvcr_fuzz(&["--emulate", "--quiet", option, "0"]);

        assert_eq!(output.status.code(), Some(2), "{option}");
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(
            stderr.contains(option) && stderr.contains("expected a whole number of at least 1"),
            "{option}: {stderr}"
        );
    }
}

#[test]
fn an_out_path_that_is_a_file_is_refused_as_not_a_folder() {
    let file = std::env::temp_dir().join(format!("dvcr-fuzz-out-file-{}", std::process::id()));
    std::fs::write(&file, b"").expect("a file");
    let shown = file.to_string_lossy().into_owned();
    let output = dvcr_fuzz(&["--emulate", "--quiet", "--out", &shown]);
    let _ = std::fs::remove_file(&file);

    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("--out {shown}: not a folder")),
        "{stderr}"
    );
}

#[test]
fn a_target_that_never_answers_its_login_still_gets_its_json_summary() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr").to_string();
    std::thread::spawn(move || {
        let held: Vec<_> = listener.incoming().collect();
        drop(held);
    });
    let dir = std::env::temp_dir().join(format!("dvcr-fuzz-silent-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let json = dir.join("fuzz.json");
    let out = dir.join("found");

    let output = dvcr_fuzz(&[
        "--target",
        &addr,
        "--timeout-ms",
        "300",
        "--quiet",
        "--json",
        json.to_str().expect("utf-8 path"),
        "--out",
        out.to_str().expect("utf-8 path"),
    ]);

    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("no reply to login"), "{stderr}");
    let text = std::fs::read_to_string(&json).expect("the JSON is written");
    let summary: serde_json::Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(summary["exit_code"], 2, "{text}");
    assert_eq!(summary["target"], addr.as_str(), "{text}");
    let error = summary["errors"][0].as_str().unwrap_or_default();
    assert!(error.contains("no reply to login within 300ms"), "{text}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn one_path_for_the_summary_and_the_findings_is_a_usage_error() {
    let path = std::env::temp_dir().join(format!("dvcr-fuzz-same-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&path);
    let shown = path.to_string_lossy().into_owned();
    let output = dvcr_fuzz(&[
        "--emulate",
        "--cases",
        "1",
        "--json",
        &shown,
        "--out",
        &shown,
    ]);
    let stderr = String::from_utf8_lossy(&output.stderr);

    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("--json and --out both name"), "{stderr}");
    assert!(!path.exists(), "nothing is left at {shown}");
}
