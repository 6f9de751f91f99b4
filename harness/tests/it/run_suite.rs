//! The built-in suite checks itself: every scenario loads and cites a
//! section, every command of the catalog is sent by some scenario (or
//! listed as untestable with a reason), safe cases run before those that
//! send bad input and those before destructive ones, the suite passes
//! against the faultless emulator, every deliberate fault of the emulator
//! makes some scenario fail, and the scenarios that send a destructive
//! command run only with `--allow-destructive`.

use std::collections::BTreeSet;
use std::path::Path;

use dvcr::emulator::Fault;
use dvcr::report::Verdict;
use dvcr::run::destructive::{
    CUTTING_OFF, DESTRUCTIVE, is_destructive, may_cut_off, sends_destructive,
};
use dvcr::run::{Disposition, Risk, RunOptions, disposition, in_run_order, suite};
use dvcr::scenario::{load_dir, parse};
use dvcr_protocol::catalog::COMMANDS;

use crate::run_kit::{emulator, options, run_with};

#[test]
fn every_catalog_command_is_sent_by_a_scenario_or_listed_as_untestable() {
    let scenarios = load_dir(&suite::suite_dir()).expect("the suite loads");
    let mut sent = BTreeSet::new();
    for scenario in &scenarios {
        for step in scenario.steps.iter().chain(&scenario.cleanup) {
            sent.extend(step.send.iter().cloned());
            sent.extend(step.pipeline.iter().cloned());
        }
    }

    let untestable: toml::Table = toml::from_str(
        &std::fs::read_to_string(suite::suite_dir().join("../untestable.toml"))
            .expect("untestable.toml"),
    )
    .expect("untestable.toml parses");
    let listed: BTreeSet<String> = untestable["command"]
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|entry| {
            entry
                .get("xmlid")
                .and_then(|xmlid| xmlid.as_str())
                .map(str::to_owned)
        })
        .collect();

    let missing: Vec<&str> = COMMANDS
        .iter()
        .map(|command| command.xmlid)
        .filter(|xmlid| !sent.contains(*xmlid) && !listed.contains(*xmlid))
        .collect();
    assert!(
        missing.is_empty(),
        "commands no scenario sends: {missing:?}"
    );
}

#[test]
fn every_scenario_cites_a_section_and_has_a_unique_name() {
    let scenarios = load_dir(&suite::suite_dir()).expect("the suite loads");
    assert!(scenarios.len() >= 60, "{} scenarios", scenarios.len());
    for scenario in &scenarios {
        assert!(!scenario.section.is_empty(), "{}", scenario.name);
    }
}

#[test]
fn the_suite_runs_safe_cases_then_bad_input_then_destructive_ones() {
    let mut scenarios = suite::load().expect("the suite loads");
    in_run_order(&mut scenarios);
    let risks: Vec<Risk> = scenarios.iter().map(Risk::of).collect();

    assert!(risks.is_sorted(), "{risks:?}");
    assert_eq!(risks.first(), Some(&Risk::Safe));
    assert!(risks.contains(&Risk::BadInput), "{risks:?}");
    assert_eq!(risks.last(), Some(&Risk::Destructive));
}

#[tokio::test(flavor = "multi_thread")]
async fn the_suite_passes_against_the_faultless_emulator_in_seconds() {
    let scenarios = load_dir(&suite::suite_dir()).expect("the suite loads");
    let server = emulator(&[]).await;
    let mut options = options(&server);
    options.allow_destructive = true;
    let started = std::time::Instant::now();
    let report = run_with(&scenarios, &options).await;
    server.stop().await;

    let broken: Vec<String> = report
        .cases
        .iter()
        .filter(|case| {
            matches!(
                case.verdict,
                Verdict::Fail | Verdict::Error | Verdict::Unsupported | Verdict::Skipped
            )
        })
        .map(|case| format!("{} {}: {:?}", case.verdict, case.name, case.failure))
        .collect();
    assert!(broken.is_empty(), "{broken:#?}");
    assert_eq!(report.exit_code, 0);
    assert!(
        started.elapsed().as_secs() < 60,
        "took {:?}",
        started.elapsed()
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn every_emulator_fault_makes_a_scenario_fail() {
    let scenarios = load_dir(&suite::suite_dir()).expect("the suite loads");
    let mut tasks = Vec::new();
    for fault in Fault::ALL {
        let scenarios = scenarios.clone();
        tasks.push(tokio::spawn(async move {
            let server = emulator(&[fault]).await;
            let mut options = options(&server);
            options.fail_fast = true;
            let report = run_with(&scenarios, &options).await;
            server.stop().await;
            (fault, report)
        }));
    }

    let mut uncaught = Vec::new();
    for task in tasks {
        let (fault, report) = task.await.expect("the run ends");
        let failed = report
            .cases
            .iter()
            .any(|case| matches!(case.verdict, Verdict::Fail | Verdict::Error));
        if !failed || report.exit_code == 0 {
            uncaught.push(fault.name());
        }
    }
    assert!(
        uncaught.is_empty(),
        "faults no scenario catches: {uncaught:?}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn fail_fast_reports_the_cases_it_did_not_run_as_skipped_with_why() {
    let scenarios = load_dir(&suite::suite_dir()).expect("the suite loads");
    let server = emulator(&[Fault::DuplicateEndpointName]).await;
    let mut options = options(&server);
    options.fail_fast = true;
    let report = run_with(&scenarios, &options).await;
    server.stop().await;

    let names: Vec<&str> = report.cases.iter().map(|case| case.name.as_str()).collect();
    let expected: Vec<&str> = scenarios.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(names, expected, "every scenario is in the report, in order");
    let failed = report
        .cases
        .iter()
        .position(|case| case.verdict == Verdict::Fail)
        .expect("a case fails");
    let first = report.cases.get(failed).expect("the failed case");
    let reason = format!(
        "not run: --fail-fast stopped the run after {} failed",
        first.name
    );
    let after = report.cases.get(failed + 1..).unwrap_or_default();
    assert!(!after.is_empty(), "the failing case is not the last");
    for case in after {
        let message = case
            .failure
            .as_ref()
            .map(|failure| failure.message.as_str());
        assert_eq!(case.verdict, Verdict::Skipped, "{}", case.name);
        if !scenarios
            .iter()
            .any(|s| s.name == case.name && (s.destructive || s.long))
        {
            assert_eq!(message, Some(reason.as_str()), "{}", case.name);
        }
    }
    assert_eq!(report.exit_code, 1);
}

#[test]
fn the_scenarios_marked_destructive_are_those_that_send_a_destructive_command() {
    let scenarios = load_dir(&suite::suite_dir()).expect("the suite loads");
    for scenario in &scenarios {
        assert_eq!(
            scenario.destructive,
            sends_destructive(scenario),
            "{}",
            scenario.name
        );
    }
    let sent: BTreeSet<&str> = scenarios
        .iter()
        .flat_map(|scenario| scenario.steps.iter().chain(&scenario.cleanup))
        .filter_map(|step| step.send.as_deref())
        .filter(|xmlid| is_destructive(xmlid))
        .collect();
    assert_eq!(sent, DESTRUCTIVE.into_iter().collect::<BTreeSet<_>>());
}

#[test]
fn a_scenario_that_sends_a_destructive_command_runs_only_when_allowed_even_unmarked() {
    let text = r#"
name = "ivr-by-hand"
section = "System Configuration > IVR/Language Settings > SETIVR"
[[sessions]]
name = "admin"
[[steps]]
xml = '<DVCRMANAGER version="1.0.0.0"><COMMAND xmlid="SetIVR "><SESSIONID value="${admin.sessionid}"/></COMMAND></DVCRMANAGER>'
"#;
    let scenario = parse(text, Path::new("ivr.toml")).expect("parses");
    assert!(!scenario.destructive);
    let mut options = RunOptions::new("127.0.0.1:1");

    assert!(matches!(
        disposition(&scenario, &options),
        Disposition::Skip(reason) if reason.contains("--allow-destructive")
    ));
    options.allow_destructive = true;
    assert_eq!(disposition(&scenario, &options), Disposition::Run);
}

#[test]
fn a_destructive_command_in_raw_bytes_or_spelled_with_references_is_found() {
    let document = r#"<DVCRMANAGER version="1.0.0.0"><COMMAND XMLID = 'shutdown'><POWEROFF value="1"/></COMMAND></DVCRMANAGER>"#;
    let mut frame = vec![3, 0];
    frame.extend_from_slice(
        &u16::try_from(document.len() + 4)
            .expect("short")
            .to_be_bytes(),
    );
    frame.extend_from_slice(document.as_bytes());
    let hex: Vec<String> = frame.iter().map(|byte| format!("{byte:02x}")).collect();
    let raw = format!(
        "name = \"raw-shutdown\"\nsection = \"General Information\"\n\
         [[sessions]]\nname = \"admin\"\n[[steps]]\nraw = \"{}\"\n",
        hex.join(" ")
    );
    let referenced = r#"
name = "referenced-shutdown"
section = "General Information"
[[sessions]]
name = "admin"
[[steps]]
xml = '<DVCRMANAGER version="1.0.0.0"><COMMAND xmlid="&#115;hutdown"><POWEROFF value="1"/></COMMAND></DVCRMANAGER>'
"#;
    for text in [raw.as_str(), referenced] {
        let scenario = parse(text, Path::new("guard.toml")).expect("parses");
        assert!(sends_destructive(&scenario), "{text}");
        let options = RunOptions::new("127.0.0.1:1");
        assert!(
            matches!(
                disposition(&scenario, &options),
                Disposition::Skip(reason) if reason.contains("--allow-destructive")
            ),
            "{text}"
        );
    }
}

#[test]
fn only_the_commands_that_restart_or_move_the_device_may_cut_it_off() {
    for xmlid in CUTTING_OFF {
        assert!(DESTRUCTIVE.contains(&xmlid), "{xmlid}");
    }
    assert!(may_cut_off("ShutDown "));
    assert!(may_cut_off("setip"));
    for setter in ["setivr", "setldap", "setuilogo", "setvideologo"] {
        assert!(is_destructive(setter), "{setter}");
        assert!(!may_cut_off(setter), "{setter} answers and goes on");
    }
}

#[test]
fn every_settings_restore_of_the_suite_expects_success() {
    let scenarios = load_dir(&suite::suite_dir()).expect("the suite loads");
    let unjudged: Vec<String> = scenarios
        .iter()
        .flat_map(|scenario| {
            scenario
                .cleanup
                .iter()
                .filter(|step| {
                    step.send
                        .as_deref()
                        .is_some_and(|xmlid| xmlid.starts_with("set"))
                })
                .filter(|step| step.expect.result.as_deref() != Some("0"))
                .map(|step| format!("{}: {:?}", scenario.name, step.send))
        })
        .collect();
    assert!(
        unjudged.is_empty(),
        "restores whose refusal would go unreported: {unjudged:?}"
    );
}
