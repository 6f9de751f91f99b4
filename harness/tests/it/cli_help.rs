//! The help of each subcommand teaches by example and shows its defaults.

use std::process::Command;

fn help(subcommand: &str) -> String {
    let output = Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .args([subcommand, "--help"])
        .output()
        .expect("dvcr runs");
    assert_eq!(output.status.code(), Some(0));
    String::from_utf8_lossy(&output.stdout).into_owned()
}

#[test]
fn diff_help_shows_an_example() {
    let text = help("diff");
    assert!(text.contains("Examples:"), "{text}");
    assert!(text.contains("dvcr diff old.json new.json"), "{text}");
}

#[test]
fn run_help_shows_the_defaults_of_its_options() {
    let text = help("run");
    let timeout = text
        .split("--timeout-ms")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .unwrap_or_default();
    assert!(timeout.contains("default: 5000"), "{text}");
    assert!(timeout.contains("1000 with --emulate"), "{text}");
    assert!(text.contains("[default: Administrator]"), "{text}");
    assert!(text.contains("[default: v2]"), "{text}");
}

#[test]
fn emulate_help_shows_several_examples() {
    let text = help("emulate");
    let examples = text.split("Examples:").nth(1).unwrap_or_default();
    let count = examples
        .lines()
        .filter(|line| line.trim_start().starts_with("dvcr ") || line.contains(" dvcr "))
        .count();
    assert!(count >= 5, "{text}");
    assert!(examples.contains("--list-faults"), "{text}");
    assert!(examples.contains("--state"), "{text}");
}
