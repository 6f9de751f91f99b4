//! A run leaves the device as it found it: every scenario of the suite
//! cleans up what it adds (users, endpoints, groups, rooms, archives,
//! settings).

use dvcr::run::Baseline;

use crate::run_infrastructure::whole_suite;
use crate::run_kit::{emulator, options};

#[tokio::test(flavor = "multi_thread")]
async fn the_suite_leaves_the_emulator_state_as_it_found_it() {
    let server = emulator(&[]).await;
    let before = server.state().expect("the state reads");
    let sanity = dvcr::run::suite::sanity().expect("the sanity scenario parses");
    let outcome = dvcr::run::run(
        &whole_suite(),
        &sanity,
        &options(&server),
        &Baseline::default(),
    )
    .await;
    let after = server.state().expect("the state reads");
    server.stop().await;

    assert_eq!(
        outcome.report.exit_code, 0,
        "{:?}",
        outcome.report.infrastructure_error
    );
    assert_eq!(before.users, after.users);
    assert_eq!(before.endpoints, after.endpoints);
    assert_eq!(before.groups, after.groups);
    assert_eq!(before.rooms, after.rooms);
    assert_eq!(before.media, after.media, "no archive is left behind");
    assert_eq!(before.settings, after.settings);
    assert_eq!(before, after);
}
