//! A device with nothing to list (no call, no endpoint, no group, no room,
//! no archive) is normal: its empty lists are not catalog failures, and a
//! case that needs such an item is skipped with the reason.

use dvcr::emulator::fixture::default_state;
use dvcr::emulator::server::{Server, ServerConfig};
use dvcr::emulator::{Device, DeviceConfig, SystemClock};
use dvcr::report::Verdict;
use dvcr::run::Baseline;

use crate::run_infrastructure::whole_suite;
use crate::run_kit::{case, options};

/// The emulator with no endpoint, group, room, archive or call (and so
/// no group allowed to record).
async fn empty_device() -> Server {
    let mut state = default_state();
    state.endpoints.clear();
    state.groups.clear();
    state.single_point.record_ids.clear();
    state.rooms.clear();
    state.media.clear();
    state.links.clear();
    let config = DeviceConfig {
        idle_timeout_ms: 1500,
        ..DeviceConfig::default()
    };
    let device = Device::new(state, config, Box::new(SystemClock));
    Server::start(ServerConfig::ephemeral(), device)
        .await
        .expect("the emulator starts")
}

#[tokio::test(flavor = "multi_thread")]
async fn the_suite_on_a_device_with_nothing_to_list_fails_nothing() {
    let server = empty_device().await;
    let before = server.state().expect("the state reads");
    let sanity = dvcr::run::suite::sanity().expect("the sanity scenario parses");
    let report = dvcr::run::run(
        &whole_suite(),
        &sanity,
        &options(&server),
        &Baseline::default(),
    )
    .await
    .report;
    let after = server.state().expect("the state reads");
    server.stop().await;

    let failed: Vec<&str> = report
        .cases
        .iter()
        .filter(|case| {
            !matches!(
                case.verdict,
                Verdict::Pass | Verdict::Warning | Verdict::Skipped
            )
        })
        .map(|case| case.name.as_str())
        .collect();
    assert!(failed.is_empty(), "{failed:?}");
    assert_eq!(report.exit_code, 0);
    assert_eq!(before, after);

    let skipped = case(&report, "room-record-state-machine");
    assert_eq!(skipped.verdict, Verdict::Skipped);
    let reason = &skipped.failure.as_ref().expect("a reason").message;
    assert!(
        reason.starts_with("not run: the device has no H.323 link in the menu"),
        "{reason}"
    );
    let archive = case(&report, "media-info-changes-and-restores");
    assert_eq!(archive.verdict, Verdict::Skipped);
}

#[tokio::test(flavor = "multi_thread")]
async fn every_list_of_an_empty_device_passes_its_catalog_check() {
    let server = empty_device().await;
    let sanity = dvcr::run::suite::sanity().expect("the sanity scenario parses");
    let lists: Vec<_> = whole_suite()
        .into_iter()
        .filter(|scenario| scenario.name.ends_with("-answers-per-catalog"))
        .collect();
    let report = dvcr::run::run(&lists, &sanity, &options(&server), &Baseline::default())
        .await
        .report;
    server.stop().await;

    for name in [
        "geteplink-answers-per-catalog",
        "getendpoint-answers-per-catalog",
        "getgroup-answers-per-catalog",
        "getroom-answers-per-catalog",
        "getmediainfo-answers-per-catalog",
    ] {
        let verdict = case(&report, name).verdict;
        assert!(
            matches!(verdict, Verdict::Pass | Verdict::Warning),
            "{name}: {verdict:?}"
        );
    }
}
