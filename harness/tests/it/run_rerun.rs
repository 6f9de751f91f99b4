//! A case that fails twice reports its first attempt's failure: the re-run
//! may only see what the first did, such as a device that crashed.

use dvcr::emulator::Fault;
use dvcr::report::Verdict;
use dvcr::run::Baseline;

use crate::run_infrastructure::fixture;
use crate::run_kit::run_on;

#[tokio::test(flavor = "multi_thread")]
async fn a_crash_caught_by_the_first_attempt_is_the_failure_reported() {
    let outcome = run_on(
        &[Fault::PanicOnBadIndex],
        &[fixture("crashes-the-device.toml")],
        &Baseline::default(),
    )
    .await;
    let case = &outcome.report.cases[0];

    assert_eq!(case.name, "crashes-the-device");
    assert_eq!(case.attempts, 2);
    assert_eq!(case.verdict, Verdict::Fail, "{case:?}");
    let failure = case.failure.as_ref().expect("a failure");
    assert!(
        failure.step.starts_with("step 1 (send startroomrecord"),
        "{failure:?}"
    );
    assert!(!failure.message.contains("refused"), "{failure:?}");
    let rerun = case
        .rerun_failure
        .as_ref()
        .expect("the re-run failed otherwise");
    assert!(rerun.message.contains("cannot connect"), "{rerun:?}");
    assert!(
        !case.frames.is_empty(),
        "the first attempt's frames are kept"
    );
    assert!(outcome.report.device_broke);
}
