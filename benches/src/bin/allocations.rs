//! The allocation table of issue 7, item 4: allocations and bytes
//! allocated per decoded and per encoded message, for our codec and each
//! baseline, counted by dhat's allocator in testing mode after one warm-up
//! pass (spec, "General Information", items 4 and 5).
//!
//! Run with `cargo run --release -p dvcr-benches --bin allocations`; it
//! prints a Markdown table.

use std::hint::black_box;

use dvcr_benches::workload::{self, Workload};
use dvcr_benches::{baseline, serde_model};
use dvcr_protocol::Message;
use dvcr_protocol::decode::{DecodeOptions, decode, decode_into};
use dvcr_protocol::encode::encode_xml;

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

/// How many measured passes over each workload follow the warm-up pass.
const PASSES: usize = 5;

/// What dhat has counted so far: blocks and bytes.
fn counted() -> (u64, u64) {
    let stats = dhat::HeapStats::get();
    (stats.total_blocks, stats.total_bytes)
}

/// Runs `pass` once to warm up and [`PASSES`] times measured; prints the
/// allocations and bytes per message of the measured passes.
fn row(work: &Workload, codec: &str, mut pass: impl FnMut()) {
    pass();
    let (blocks, bytes) = counted();
    for _ in 0..PASSES {
        pass();
    }
    let (after_blocks, after_bytes) = counted();
    let messages = (PASSES * work.payloads.len()) as f64;
    println!(
        "| {} | {codec} | {:.1} | {:.0} |",
        work.name,
        (after_blocks - blocks) as f64 / messages,
        (after_bytes - bytes) as f64 / messages,
    );
}

fn decoders(work: &Workload) {
    let payloads = &work.payloads;
    let mut message = Message::default();
    let mut deviations = Vec::new();
    for (codec, options) in [
        ("ours strict", work.options),
        ("ours lenient", work.lenient()),
    ] {
        row(work, &format!("decode: {codec}, reused message"), || {
            decode_one_by_one(payloads, &options, &mut message, &mut deviations);
        });
    }
    row(work, "decode: ours strict, fresh message each time", || {
        for payload in payloads {
            black_box(decode(payload, &work.options).ok());
        }
    });
    row(work, "decode: quick-xml events", || {
        for payload in payloads {
            black_box(baseline::quick_xml_events(payload).ok());
        }
    });
    row(work, "decode: serde via quick-xml", || {
        for payload in payloads {
            black_box(serde_model::decode(payload).ok());
        }
    });
    row(work, "decode: roxmltree", || {
        for payload in payloads {
            black_box(baseline::roxmltree_walk(payload).ok());
        }
    });
    let mut copy = Vec::new();
    row(work, "decode: memcpy into a reused buffer", || {
        for payload in payloads {
            copy.clear();
            copy.extend_from_slice(payload);
            black_box(&copy);
        }
    });
}

fn decode_one_by_one<'a>(
    payloads: &'a [Vec<u8>],
    options: &DecodeOptions,
    message: &mut Message<'a>,
    deviations: &mut Vec<dvcr_protocol::decode::Deviation>,
) {
    for payload in payloads {
        black_box(decode_into(payload, options, message, deviations).is_ok());
    }
}

fn encoders(work: &Workload) {
    let messages = work.messages();
    let documents = work.documents();
    let mut out = Vec::new();
    row(work, "encode: ours, reused buffer", || {
        for message in &messages {
            out.clear();
            black_box(encode_xml(message, &mut out).is_ok());
        }
    });
    row(work, "encode: quick-xml Writer, reused buffer", || {
        for message in &messages {
            black_box(baseline::quick_xml_write(message, &mut out).is_ok());
        }
    });
    let mut text = String::new();
    row(work, "encode: serde via quick-xml, reused buffer", || {
        for document in &documents {
            black_box(serde_model::encode(document, &mut text).is_ok());
        }
    });
}

fn main() {
    let workloads = workload::all();
    let _profiler = dhat::Profiler::builder().testing().build();
    println!("| workload | codec | allocations per message | bytes per message |");
    println!("|---|---|---:|---:|");
    for work in &workloads {
        decoders(work);
    }
    for work in &workloads {
        encoders(work);
    }
}
