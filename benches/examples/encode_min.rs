//! The fastest of many passes of our encoder and of quick-xml's `Writer`
//! over each workload, taken in turn in one process (issue 7): on a machine
//! shared with other builds, the fastest pass is the one least disturbed,
//! so its ratio moves far less than criterion's medians. `cargo run -p
//! dvcr-benches --release --example encode_min [passes]`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use dvcr_benches::{baseline, workload};
use dvcr_protocol::encode::encode_xml;

fn main() {
    let passes: usize = std::env::args()
        .nth(1)
        .and_then(|n| n.parse().ok())
        .unwrap_or(300);
    for work in workload::all() {
        let messages = work.messages();
        let (mut ours, mut theirs) = (Vec::new(), Vec::new());
        let (mut fastest_ours, mut fastest_theirs) = (Duration::MAX, Duration::MAX);
        for _ in 0..passes {
            let start = Instant::now();
            for message in black_box(&messages) {
                ours.clear();
                let _ = black_box(encode_xml(message, &mut ours));
            }
            fastest_ours = fastest_ours.min(start.elapsed());

            let start = Instant::now();
            for message in black_box(&messages) {
                let _ = black_box(baseline::quick_xml_write(message, &mut theirs));
            }
            fastest_theirs = fastest_theirs.min(start.elapsed());
        }
        println!(
            "{:20} ours {:8.1} us  quick-xml-writer {:8.1} us  ratio {:.2}x",
            work.name,
            fastest_ours.as_secs_f64() * 1e6,
            fastest_theirs.as_secs_f64() * 1e6,
            fastest_theirs.as_secs_f64() / fastest_ours.as_secs_f64()
        );
    }
}
