//! What `dvcr run` refuses before running anything, with exit 2: nothing
//! selected, scenario files that make no sense together, a baseline naming
//! scenarios that do not exist, usage it cannot honour, report files it
//! cannot write (leaving no report file behind); and the built-in suite,
//! embedded, found from anywhere.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use dvcr::run::{Baseline, suite};
use dvcr::scenario::{Scenario, load_paths, parse};

fn dvcr(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .args(args)
        .output()
        .expect("dvcr runs")
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("dvcr-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../corpus/run-tests")
        .join(name)
}

/// A baseline in `dir` that names a scenario no suite has.
fn unknown_scenario_baseline(dir: &Path) -> PathBuf {
    let baseline = dir.join("baseline.toml");
    std::fs::write(
        &baseline,
        "[[expected]]\nscenario = \"no-such-scenario\"\nreason = \"typo\"\n",
    )
    .expect("write");
    baseline
}

#[test]
fn a_filter_that_matches_nothing_exits_2() {
    let output = dvcr(&["run", "--emulate", "--quiet", "--filter", "nosuchthing"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no scenario matched"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn an_empty_scenario_folder_exits_2() {
    let dir = temp_dir("empty");
    let path = dir.to_string_lossy().into_owned();
    let output = dvcr(&["run", "--emulate", "--quiet", "--scenario", &path]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("no scenario matched"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_baseline_naming_an_unknown_scenario_exits_2_and_names_it() {
    let dir = temp_dir("unknown-baseline");
    let baseline = unknown_scenario_baseline(&dir);
    let path = baseline.to_string_lossy().into_owned();
    let output = dvcr(&["run", "--emulate", "--quiet", "--baseline", &path]);
    let shown = stderr(&output);
    assert_eq!(output.status.code(), Some(2));
    assert!(shown.contains("no-such-scenario"), "{shown}");
    assert!(shown.contains(&format!("baseline {path}:")), "{shown}");
}

#[test]
fn a_baseline_naming_a_suite_scenario_serves_a_run_of_other_scenarios() {
    let dir = temp_dir("shared-baseline");
    let baseline = dir.join("baseline.toml");
    std::fs::write(
        &baseline,
        "[[expected]]\nscenario = \"endpoint-name-is-unique\"\nreason = \"ticket 7\"\n",
    )
    .expect("write");
    let scenario = fixture("after-the-crash.toml");
    let output = dvcr(&[
        "run",
        "--emulate",
        "--quiet",
        "--scenario",
        &scenario.to_string_lossy(),
        "--baseline",
        &baseline.to_string_lossy(),
    ]);

    assert_ne!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        !stderr(&output).contains("do not exist"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn a_run_refused_before_its_cases_leaves_no_new_report_and_an_old_one_intact() {
    let dir = temp_dir("refused-reports");
    let baseline = unknown_scenario_baseline(&dir);
    let earlier = dir.join("earlier.xml");
    std::fs::write(&earlier, "<testsuites/>").expect("write");
    let fresh = dir.join("fresh.json");
    let output = dvcr(&[
        "run",
        "--emulate",
        "--quiet",
        "--baseline",
        &baseline.to_string_lossy(),
        "--junit",
        &earlier.to_string_lossy(),
        "--json",
        &fresh.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(!fresh.exists(), "an empty report was left behind");
    let kept = std::fs::read_to_string(&earlier).expect("read");
    assert_eq!(kept, "<testsuites/>");
}

#[test]
fn two_files_of_one_scenario_name_are_a_load_error_naming_both() {
    let dir = temp_dir("twins");
    let copy = dir.join("copy.toml");
    std::fs::copy(fixture("after-the-crash.toml"), &copy).expect("copy");
    let error = load_paths(&[fixture("after-the-crash.toml"), dir.clone()])
        .expect_err("a name used twice is refused");
    let shown = error.to_string();
    assert!(shown.contains("copy.toml"), "{shown}");
    assert!(shown.contains("after-the-crash.toml"), "{shown}");
}

#[test]
fn a_scenario_without_steps_is_a_load_error() {
    let text = "name = \"empty\"\nsection = \"Login/Logout > Login\"\n";
    let error = parse(text, Path::new("empty.toml")).expect_err("no steps is refused");
    assert!(error.to_string().contains("no [[steps]]"), "{error}");
}

#[test]
fn usage_the_run_cannot_honour_exits_2_before_running() {
    let cases: [(&[&str], &str); 4] = [
        (&["run", "--target", "nonsense"], "no port"),
        (&["run", "--emulate", "--timeout-ms", "0"], "--timeout-ms"),
        (
            &[
                "run",
                "--target",
                "127.0.0.1:9",
                "--fault",
                "panic-on-bad-index",
            ],
            "--fault",
        ),
        (
            &["run", "--emulate", "--fault", "nosuch"],
            "dvcr emulate --list-faults",
        ),
    ];
    for (args, says) in cases {
        let output = dvcr(args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&output).contains(says),
            "{args:?}: {}",
            stderr(&output)
        );
    }
    let listed = stderr(&dvcr(&["run", "--emulate", "--fault", "nosuch"]));
    assert!(listed.contains("panic-on-bad-index"), "{listed}");
}

#[test]
fn a_report_path_in_a_missing_folder_exits_2_before_any_case_runs() {
    let missing = temp_dir("missing-report").join("no-such-folder");
    for option in ["--json", "--junit", "--pcap"] {
        let path = missing.join("report").to_string_lossy().into_owned();
        let started = std::time::Instant::now();
        let output = dvcr(&["run", "--emulate", "--quiet", option, &path]);
        assert_eq!(output.status.code(), Some(2), "{option}");
        assert!(
            started.elapsed() < std::time::Duration::from_secs(10),
            "{option}"
        );
        let shown = stderr(&output);
        assert_eq!(shown.lines().count(), 1, "{option}: {shown}");
        assert!(shown.contains(option) && shown.contains(&path), "{shown}");
        assert!(output.stdout.is_empty(), "{option}: a case ran");
    }
}

#[test]
fn the_built_in_suite_is_listed_from_a_folder_outside_the_repository() {
    let dir = temp_dir("outside");
    let output = Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .args(["run", "--emulate", "--list"])
        .current_dir(&dir)
        .output()
        .expect("dvcr runs");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let listed = String::from_utf8_lossy(&output.stdout);
    assert!(listed.contains("endpoint-name-is-unique"), "{listed}");
}

#[test]
fn the_embedded_suite_is_the_suite_folder_in_path_order() {
    let embedded = suite::load().expect("the embedded suite loads");
    let on_disk = load_paths(&[suite::suite_dir()]).expect("the suite folder loads");
    let names = |scenarios: &[Scenario]| -> Vec<(String, String)> {
        scenarios
            .iter()
            .map(|s| (s.name.clone(), s.source.display().to_string()))
            .collect()
    };
    let embedded = names(&embedded);
    assert_eq!(embedded.len(), on_disk.len());
    for ((name, shown), disk) in embedded.iter().zip(&on_disk) {
        assert_eq!(name, &disk.name);
        assert!(shown.starts_with("corpus/scenarios/suite/"), "{shown}");
        assert!(
            disk.source
                .ends_with(shown.trim_start_matches("corpus/scenarios/suite/"))
        );
    }
}

#[test]
fn two_reports_into_one_file_exit_2_and_leave_no_file() {
    let dir = temp_dir("one-file");
    let path = dir.join("run.out");
    let same = dir.join(".").join("run.out");
    let output = dvcr(&[
        "run",
        "--emulate",
        "--quiet",
        "--json",
        &path.to_string_lossy(),
        "--pcap",
        &same.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    let shown = stderr(&output);
    assert!(shown.contains("--json and --pcap"), "{shown}");
    assert!(output.stdout.is_empty(), "a case ran");
    assert!(!path.exists(), "an empty report was left behind");
}

#[test]
fn a_baseline_naming_one_scenario_twice_is_a_load_error() {
    let path = temp_dir("baseline-twice").join("known.toml");
    let entry = "[[expected]]\nscenario = \"endpoint-name-is-unique\"\nreason = \"r\"\n";
    std::fs::write(&path, format!("{entry}{entry}")).expect("write");
    let error = Baseline::load(&path).expect_err("a scenario named twice is refused");
    let shown = error.to_string();
    assert!(shown.contains("endpoint-name-is-unique"), "{shown}");
    assert!(shown.contains("named twice"), "{shown}");
    std::fs::write(&path, entry).expect("write");
    assert!(Baseline::load(&path).is_ok(), "one entry loads");
}

#[test]
fn a_baseline_entry_with_an_empty_reason_is_a_load_error() {
    let path = temp_dir("baseline-no-reason").join("known.toml");
    let given = "[[expected]]\nscenario = \"user-name-is-unique\"\nreason = \"r\"\n";
    for reason in ["", "  "] {
        let blank = format!(
            "[[expected]]\nscenario = \"endpoint-name-is-unique\"\nreason = \"{reason}\"\n"
        );
        std::fs::write(&path, format!("{given}{blank}")).expect("write");
        let error = Baseline::load(&path).expect_err("an empty reason is refused");
        assert_eq!(
            error.to_string(),
            format!(
                "baseline {}: entry 2 (scenario endpoint-name-is-unique) has an empty \
                 reason; say why the scenario is expected to fail",
                path.display()
            )
        );
    }

    let output = dvcr(&[
        "run",
        "--emulate",
        "--quiet",
        "--baseline",
        &path.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(2), "{}", stderr(&output));
    assert!(
        stderr(&output).contains("has an empty reason"),
        "{}",
        stderr(&output)
    );
    assert!(output.stdout.is_empty(), "a case ran");
    std::fs::write(&path, given).expect("write");
    assert!(
        Baseline::load(&path).is_ok(),
        "an entry with a reason loads"
    );
}

#[test]
fn a_run_takes_safe_cases_before_bad_input_ones_whatever_their_files() {
    let json = temp_dir("run-order").join("run.json");
    let output = dvcr(&[
        "run",
        "--emulate",
        "--quiet",
        "--filter",
        "accounts",
        "--json",
        &json.to_string_lossy(),
    ]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let report = dvcr::report::read_json(&json).expect("the report reads");
    let bad_input = |tags: &[String]| tags.iter().any(|tag| tag == "robustness");
    let order: Vec<bool> = report
        .cases
        .iter()
        .filter(|case| !case.name.starts_with("sanity-"))
        .map(|case| bad_input(&case.tags))
        .collect();

    assert!(order.contains(&true) && order.contains(&false), "{order:?}");
    assert!(order.is_sorted(), "a bad-input case ran before a safe one");
}

#[test]
fn a_list_of_one_scenario_says_scenario() {
    let output = Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .args(["run", "--list", "--long", "--filter", "idle"])
        .output()
        .expect("dvcr runs");
    let listed = String::from_utf8_lossy(&output.stdout);

    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        listed.contains("\n1 scenario: 1 to run, 0 to skip"),
        "{listed}"
    );
}

#[test]
fn password_env_with_emulate_logs_in_as_another_emulated_user() {
    let output = Command::new(env!("CARGO_BIN_EXE_dvcr"))
        .args(["run", "--emulate", "--quiet", "--user", "test"])
        .args(["--password-env", "DVCR_TEST_USER_PASSWORD"])
        .args(["--filter", "getdevinfo-answers-per-catalog"])
        .env("DVCR_TEST_USER_PASSWORD", "test")
        .output()
        .expect("dvcr runs");
    let shown = String::from_utf8_lossy(&output.stdout);

    assert_eq!(output.status.code(), Some(0), "{shown}{}", stderr(&output));
    assert!(!shown.contains("refused"), "{shown}");
}

#[cfg(target_os = "linux")]
#[test]
fn a_capture_onto_a_full_disk_says_so() {
    if !Path::new("/dev/full").exists() {
        return;
    }
    let output = dvcr(&[
        "run",
        "--emulate",
        "--quiet",
        "--filter",
        "unique",
        "--pcap",
        "/dev/full",
    ]);
    let shown = stderr(&output);

    assert_eq!(output.status.code(), Some(2), "{shown}");
    assert!(
        shown.contains("/dev/full: No space left on device"),
        "{shown}"
    );
}

#[test]
fn a_file_named_twice_or_inside_a_folder_also_named_loads_once() {
    let file = fixture("after-the-crash.toml");
    let folder = file.parent().expect("its folder").to_path_buf();
    let once = load_paths(std::slice::from_ref(&file)).expect("loads");
    let twice = load_paths(&[
        file.clone(),
        file.clone(),
        folder.join(".").join("after-the-crash.toml"),
    ])
    .expect("the same file twice is one scenario");

    assert_eq!(once.len(), 1);
    assert_eq!(twice.len(), 1);
    let with_folder = load_paths(&[file, folder]).expect("the file and its folder");
    let names: Vec<&str> = with_folder.iter().map(|s| s.name.as_str()).collect();
    let unique: std::collections::BTreeSet<&str> = names.iter().copied().collect();
    assert_eq!(names.len(), unique.len(), "{names:?}");
}

#[test]
fn run_refuses_a_sweep_listing_with_a_single_record_command() {
    let dir = temp_dir("sweep-single");
    let file = dir.join("unk-sweep.toml");
    std::fs::write(
        &file,
        "name = \"sweeps-getdevinfo\"\nsection = \"Account Management > Endpoints > \
         ADDENDPOINT\"\n\n[[sessions]]\nname = \"admin\"\n\n[[steps]]\nsend = \
         \"getendpoint\"\n\n[[sweep]]\nitem = \"endpoint\"\nlist = \"getdevinfo\"\nkey = \
         \"SOURCENAME\"\ndelete = \"delendpoint\"\n",
    )
    .expect("write the scenario");
    let output = dvcr(
        &["run", "--emulate", "--quiet", "--scenario"]
            .into_iter()
            .chain([file.to_str().expect("a UTF-8 path")])
            .collect::<Vec<_>>(),
    );
    let _ = std::fs::remove_dir_all(&dir);

    assert_eq!(output.status.code(), Some(2));
    let shown = stderr(&output);
    assert!(
        shown.contains("unk-sweep.toml: sweep 1: list \"getdevinfo\" answers one confirm"),
        "{shown}"
    );
}
