//! The JUnit report agrees with the exit code: an expected failure of the
//! baseline is skipped with its reason and its details kept, an entry that
//! now passes is a failure, an unexpected failure stays one, and a command
//! found unsupported is a failure only where the profile requires it.

use dvcr::emulator::Fault;
use dvcr::report::{RunReport, junit_text};
use dvcr::run::{Baseline, ExpectedFailure, Profile, RunOptions, suite};

use crate::run_kit::{NEEDS_SOURCEIP, old_firmware, run_on, scenario};

const REASON: &str = "firmware 1.0 accepts a blank SOURCEIP";

fn baseline() -> Baseline {
    Baseline {
        expected: vec![ExpectedFailure {
            scenario: "endpoint-needs-a-sourceip".to_owned(),
            reason: REASON.to_owned(),
        }],
    }
}

async fn report(faults: &[Fault], baseline: &Baseline) -> RunReport {
    run_on(faults, &[scenario(NEEDS_SOURCEIP)], baseline)
        .await
        .report
}

/// The JUnit text of `report`, parsed into `check`.
fn with_junit(report: &RunReport, check: impl FnOnce(&roxmltree::Document<'_>, &str)) {
    let xml = junit_text(report).expect("junit");
    let doc = roxmltree::Document::parse(&xml).expect("well-formed junit");
    check(&doc, &xml);
}

/// The counts on the `testsuites` element: failures, errors, skipped.
fn counts<'a>(doc: &'a roxmltree::Document<'_>) -> [&'a str; 3] {
    let root = doc.root_element();
    assert!(root.has_tag_name("testsuites"));
    let count = |name: &str| root.attribute(name).unwrap_or("0");
    [count("failures"), count("errors"), count("skipped")]
}

/// The child named `tag` of the baselined scenario's testcase.
fn child<'a>(doc: &'a roxmltree::Document<'a>, tag: &str) -> Option<roxmltree::Node<'a, 'a>> {
    child_of(doc, "endpoint-needs-a-sourceip", tag)
}

/// The child named `tag` of the testcase `name`.
fn child_of<'a>(
    doc: &'a roxmltree::Document<'a>,
    name: &str,
    tag: &str,
) -> Option<roxmltree::Node<'a, 'a>> {
    doc.descendants()
        .find(|node| node.has_tag_name("testcase") && node.attribute("name") == Some(name))
        .expect("the testcase")
        .children()
        .find(|node| node.has_tag_name(tag))
}

#[tokio::test(flavor = "multi_thread")]
async fn an_expected_failure_is_skipped_in_junit_with_its_reason_and_details() {
    let report = report(&[Fault::BlankEndpointIp], &baseline()).await;
    assert_eq!(report.exit_code, 0);

    with_junit(&report, |doc, xml| {
        assert_eq!(counts(doc), ["0", "0", "1"], "{xml}");
        assert!(child(doc, "failure").is_none(), "{xml}");
        assert!(child(doc, "error").is_none(), "{xml}");
        let skipped = child(doc, "skipped").expect("a skipped element");
        assert_eq!(
            skipped.attribute("message"),
            Some(format!("expected failure: {REASON}").as_str()),
            "{xml}"
        );
        let out = child(doc, "system-out")
            .and_then(|node| node.text())
            .unwrap_or_default();
        assert!(out.contains("step 1 (send addendpoint"), "{xml}");
        assert!(out.contains("expected: 1"), "{xml}");
    });
}

#[tokio::test(flavor = "multi_thread")]
async fn a_baseline_entry_that_now_passes_is_a_failure_in_junit() {
    let report = report(&[], &baseline()).await;
    assert_eq!(report.exit_code, 1);

    with_junit(&report, |doc, xml| {
        assert_eq!(counts(doc), ["1", "0", "0"], "{xml}");
        let failure = child(doc, "failure").expect("a failure element");
        let message = failure.attribute("message").unwrap_or_default();
        assert!(message.contains("the baseline expects it to fail"), "{xml}");
    });
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unexpected_failure_stays_a_failure_in_junit() {
    let report = report(&[Fault::BlankEndpointIp], &Baseline::default()).await;
    assert_eq!(report.exit_code, 1);

    with_junit(&report, |doc, xml| {
        assert_eq!(counts(doc), ["1", "0", "0"], "{xml}");
        assert!(child(doc, "failure").is_some(), "{xml}");
        assert!(child(doc, "skipped").is_none(), "{xml}");
    });
}

#[tokio::test(flavor = "multi_thread")]
async fn an_unsupported_command_is_a_junit_failure_only_where_the_profile_requires_it() {
    let device = old_firmware().await;
    let text = "name = \"banner\"\nsection = \"New in version 2.0 > GETBANNER\"\n\n\
        [[sessions]]\nname = \"admin\"\n\n\
        [[steps]]\nsend = \"getbanner\"\nexpect = { result = \"0\" }\n";
    let scenarios = [scenario(text)];
    let sanity = suite::sanity().expect("sanity parses");
    let mut options = RunOptions::new(device.to_string());
    let baseline = Baseline::default();

    options.profile = Profile::V2;
    let report = dvcr::run::run(&scenarios, &sanity, &options, &baseline)
        .await
        .report;
    assert_eq!(report.exit_code, 1);
    with_junit(&report, |doc, xml| {
        assert_eq!(counts(doc), ["1", "0", "0"], "{xml}");
        assert!(child_of(doc, "banner", "failure").is_some(), "{xml}");
    });

    options.profile = Profile::V1;
    let report = dvcr::run::run(&scenarios, &sanity, &options, &baseline)
        .await
        .report;
    assert_eq!(report.exit_code, 0);
    with_junit(&report, |doc, xml| {
        assert_eq!(counts(doc), ["0", "0", "1"], "{xml}");
        let skipped = child_of(doc, "banner", "skipped").expect("a skipped element");
        assert_eq!(
            skipped.attribute("message"),
            Some("unsupported, which profile v1 allows for this command"),
            "{xml}"
        );
        let out = child_of(doc, "banner", "system-out")
            .and_then(|node| node.text())
            .unwrap_or_default();
        assert!(out.contains("step 1 (send getbanner"), "{xml}");
    });
}
