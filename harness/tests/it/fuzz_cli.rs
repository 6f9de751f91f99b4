//! `dvcr fuzz` run as a user runs it: the crash fault of `--help`'s first
//! example is found from its seed (case 57), with exit 1, and the
//! emulator's crash is reported as a finding, never printed as a Rust panic
//! at each case or minimization attempt that hits it.

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
    let saved = std::fs::read_dir(&out).expect("reproducers saved").count();
    assert!(saved >= 1, "no reproducer in {}", out.display());
    let _ = std::fs::remove_dir_all(&out);
}
