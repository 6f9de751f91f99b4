//! The fastest of many passes of our codec and of quick-xml over each
//! workload, taken in turn in one process (issue 7): our strict decoder
//! beside the bare quick-xml event loop, and our encoder beside quick-xml's
//! `Writer`. On a machine shared with other builds, the fastest pass is the
//! one least disturbed, so its ratio moves far less than criterion's
//! medians. `cargo run -p dvcr-benches --release --example codec_min
//! [decode|encode] [passes]`.

use std::hint::black_box;
use std::time::{Duration, Instant};

use dvcr_benches::baseline;
use dvcr_benches::workload::{self, Workload};
use dvcr_protocol::Message;
use dvcr_protocol::decode::decode_into;
use dvcr_protocol::encode::encode_xml;

fn main() {
    let mut args = std::env::args().skip(1);
    let action = args.next().unwrap_or_else(|| "decode".to_owned());
    let passes: usize = args.next().and_then(|n| n.parse().ok()).unwrap_or(300);
    let baseline = match action.as_str() {
        "decode" => "quick-xml-events",
        "encode" => "quick-xml-writer",
        other => {
            eprintln!("codec_min: {other:?} is no action, expected decode or encode");
            std::process::exit(2);
        }
    };
    for work in workload::all() {
        let (ours, theirs) = if action == "encode" {
            fastest_in_turn(passes, encode_pass(&work), writer_pass(&work))
        } else {
            fastest_in_turn(passes, decode_pass(&work), events_pass(&work))
        };
        println!(
            "{:20} ours {:8.1} us  {baseline} {:8.1} us  ratio {:.2}x",
            work.name,
            ours.as_secs_f64() * 1e6,
            theirs.as_secs_f64() * 1e6,
            theirs.as_secs_f64() / ours.as_secs_f64()
        );
    }
}

/// The fastest of `passes` runs of `ours` and of `theirs`, run in turn.
fn fastest_in_turn(
    passes: usize,
    mut ours: impl FnMut(),
    mut theirs: impl FnMut(),
) -> (Duration, Duration) {
    let (mut fastest_ours, mut fastest_theirs) = (Duration::MAX, Duration::MAX);
    for _ in 0..passes {
        let start = Instant::now();
        ours();
        fastest_ours = fastest_ours.min(start.elapsed());

        let start = Instant::now();
        theirs();
        fastest_theirs = fastest_theirs.min(start.elapsed());
    }
    (fastest_ours, fastest_theirs)
}

fn decode_pass(work: &Workload) -> impl FnMut() + '_ {
    let mut message = Message::default();
    let mut deviations = Vec::new();
    move || {
        for payload in black_box(&work.payloads) {
            let decoded = decode_into(payload, &work.options, &mut message, &mut deviations);
            let _ = black_box(decoded);
        }
    }
}

fn events_pass(work: &Workload) -> impl FnMut() + '_ {
    move || {
        for payload in black_box(&work.payloads) {
            let _ = black_box(baseline::quick_xml_events(payload));
        }
    }
}

fn encode_pass(work: &Workload) -> impl FnMut() {
    let messages = work.messages();
    let mut out = Vec::new();
    move || {
        for message in black_box(&messages) {
            out.clear();
            let _ = black_box(encode_xml(message, &mut out));
        }
    }
}

fn writer_pass(work: &Workload) -> impl FnMut() {
    let messages = work.messages();
    let mut out = Vec::new();
    move || {
        for message in black_box(&messages) {
            let _ = black_box(baseline::quick_xml_write(message, &mut out));
        }
    }
}
