//! The fault-free emulator against the network fuzzer with strict catalog
//! checking: every reply, values included, must keep to the catalog (spec,
//! "General Information", items 3 to 6, and every command's tables), since
//! the device refuses each command that breaks it and stores nothing it
//! would not show back.

use std::time::{Duration, Instant};

use dvcr::netfuzz::oracle::Strictness;
use dvcr::netfuzz::{FuzzConfig, Target, fuzz};

/// Cases per seed: enough to send every command many times, few enough to
/// stay within a few seconds.
const CASES: u64 = 400;

/// The bound the two runs must keep to.
const BOUND: Duration = Duration::from_secs(20);

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn strict_fuzzing_of_the_faultless_emulator_finds_no_reply_that_breaks_the_catalog() {
    let started = Instant::now();
    for seed in [1, 2] {
        let out =
            std::env::temp_dir().join(format!("dvcr-netfuzz-strict-{}-{seed}", std::process::id()));
        let mut config = FuzzConfig::new(seed);
        config.cases = Some(CASES);
        config.duration = Some(BOUND);
        config.strictness = Strictness::Catalog;
        config.minimize = None;
        config.out = out.clone();
        let mut target = Target::emulated(&[], seed).await.expect("emulator starts");
        let summary = fuzz(&config, &mut target)
            .await
            .expect("the emulator can be fuzzed");
        target.stop().await;
        let _ = std::fs::remove_dir_all(&out);

        assert_eq!(summary.cases, CASES, "seed {seed}");
        assert!(
            summary.findings.is_empty(),
            "seed {seed}: {:?}",
            summary.findings
        );
        assert!(
            summary.errors.is_empty(),
            "seed {seed}: {:?}",
            summary.errors
        );
    }
    assert!(started.elapsed() < BOUND, "took {:?}", started.elapsed());
}
