//! `dvcr run` as a process: its exit codes (0 as expected, 1 conformance
//! failures, 2 usage, connection or infrastructure), its listing, and its
//! report of the broken spec section.

use std::process::{Command, Output};

fn dvcr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .args(args)
        .output()
        .expect("dvcr runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn the_suite_against_the_faultless_emulator_exits_0() {
    let output = dvcr(&["run", "--emulate", "--quiet"]);
    assert_eq!(output.status.code(), Some(0), "{}", stdout(&output));
    assert!(stdout(&output).contains("pass"));
}

#[test]
fn a_fault_exits_1_and_names_the_broken_section() {
    let output = dvcr(&[
        "run",
        "--emulate",
        "--quiet",
        "--fault",
        "blank-endpoint-ip",
        "--filter",
        "sourceip",
    ]);
    assert_eq!(output.status.code(), Some(1));
    let text = stdout(&output);
    assert!(
        text.contains("Account Management > Endpoints > ADDENDPOINT"),
        "{text}"
    );
    assert!(text.contains("expected: 1"), "{text}");
}

#[test]
fn a_baseline_of_the_known_failure_exits_0() {
    let dir = std::env::temp_dir().join(format!("dvcr-baseline-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temp dir");
    let baseline = dir.join("baseline.toml");
    std::fs::write(
        &baseline,
        "[[expected]]\nscenario = \"endpoint-needs-a-sourceip\"\nreason = \"known\"\n",
    )
    .expect("write");
    let path = baseline.to_string_lossy().into_owned();
    let args = [
        "run",
        "--emulate",
        "--quiet",
        "--filter",
        "sourceip",
        "--baseline",
        path.as_str(),
    ];

    let mut with_fault = args.to_vec();
    with_fault.extend(["--fault", "blank-endpoint-ip"]);
    assert_eq!(dvcr(&with_fault).status.code(), Some(0));
    assert_eq!(
        dvcr(&args).status.code(),
        Some(1),
        "an expected failure that passes fails the run"
    );
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_unreachable_target_exits_2() {
    let output = dvcr(&[
        "run",
        "--target",
        "127.0.0.1:1",
        "--password-env",
        "DVCR_NO_SUCH_VAR_EMPTY",
        "--quiet",
    ]);
    assert_eq!(output.status.code(), Some(2));

    let output = Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .args([
            "run",
            "--target",
            "127.0.0.1:1",
            "--password-env",
            "DVCR_TEST_PASSWORD",
            "--quiet",
        ])
        .env("DVCR_TEST_PASSWORD", "")
        .output()
        .expect("dvcr runs");
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stdout(&output).contains("infrastructure error"),
        "{}",
        stdout(&output)
    );
}

#[test]
fn usage_errors_exit_2() {
    assert_eq!(dvcr(&["run"]).status.code(), Some(2));
    assert_eq!(
        dvcr(&["run", "--emulate", "--fault", "no-such-fault"])
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn list_shows_what_would_run_and_what_would_be_skipped() {
    let output = dvcr(&["run", "--list"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.contains("endpoint-add-modify-delete-with-indications"));
    assert!(
        text.contains("skip") && text.contains("--allow-destructive"),
        "{text}"
    );
}

#[test]
fn the_list_is_grouped_by_section_sorted_and_aligned() {
    let output = dvcr(&["run", "--list"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);

    let mut sections = Vec::new();
    let mut names: Vec<Vec<&str>> = Vec::new();
    let mut status_columns = std::collections::HashSet::new();
    for line in text.lines() {
        if line.is_empty() || line.ends_with("to skip") {
            continue;
        }
        let Some(entry) = line.strip_prefix("  ") else {
            sections.push(line);
            names.push(Vec::new());
            continue;
        };
        let Some(name) = entry.split_whitespace().next() else {
            continue;
        };
        if entry.starts_with(' ') {
            continue;
        }
        names.last_mut().expect("a section first").push(name);
        let status = ["  run", "  skip"]
            .iter()
            .filter_map(|word| line.find(word))
            .min()
            .expect("a status column");
        status_columns.insert(status);
    }

    let mut sorted_sections = sections.clone();
    sorted_sections.sort_unstable();
    sorted_sections.dedup();
    assert_eq!(sections, sorted_sections, "sections sorted, each once");
    for group in &names {
        let mut sorted = group.clone();
        sorted.sort_unstable();
        assert_eq!(group, &sorted, "names sorted within a section");
    }
    assert_eq!(status_columns.len(), 1, "one status column: {text}");
}

#[test]
fn the_emulated_session_timeout_can_be_raised_for_a_scenario_that_pauses() {
    let folder = std::env::temp_dir().join(format!("dvcr-pause-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("folder");
    let file = folder.join("pause.toml");
    let scenario = r#"
name = "pauses-then-reads"
section = "System Configuration > IVR/Language Settings > GETLANG"

[[sessions]]
name = "admin"

[[steps]]
sleep_ms = 1800

[[steps]]
send = "getlang"
expect = { result = "0" }
"#;
    std::fs::write(&file, scenario).expect("scenario written");
    let path = file.to_str().expect("a UTF-8 path");

    let expired = dvcr(&["run", "--emulate", "--quiet", "--scenario", path]);
    let raised = dvcr(&[
        "run",
        "--emulate",
        "--quiet",
        "--scenario",
        path,
        "--session-timeout-ms",
        "10000",
    ]);
    let _ = std::fs::remove_dir_all(&folder);

    assert_eq!(expired.status.code(), Some(1), "{}", stdout(&expired));
    assert!(
        stdout(&expired).contains("session has timed out"),
        "{}",
        stdout(&expired)
    );
    assert_eq!(raised.status.code(), Some(0), "{}", stdout(&raised));
}
