//! Decode throughput (issue 7, item 1): our strict and lenient decoder
//! beside a bare quick-xml event loop, serde through quick-xml, roxmltree
//! and a plain copy of the bytes, on the same payloads (spec, "General
//! Information", item 5).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dvcr_benches::{baseline, serde_model, workload};
use dvcr_protocol::Message;
use dvcr_protocol::decode::{DecodeOptions, Deviation, decode_into};

/// Decodes every payload into the same message and deviation list, as a
/// session does in steady state; returns the fields read.
fn ours<'a>(
    payloads: &'a [Vec<u8>],
    options: &DecodeOptions,
    message: &mut Message<'a>,
    deviations: &mut Vec<Deviation>,
) -> usize {
    let mut fields = 0;
    for payload in payloads {
        if decode_into(payload, options, message, deviations).is_ok() {
            fields += message.field_count();
        }
    }
    fields
}

fn decode(c: &mut Criterion) {
    for work in workload::all() {
        let mut group = c.benchmark_group(format!("decode/{}", work.name));
        group.throughput(Throughput::Bytes(work.bytes()));
        let payloads = &work.payloads;
        let strict = work.options;
        let lenient = work.lenient();

        let mut message = Message::default();
        let mut deviations = Vec::new();
        group.bench_function("ours-strict", |b| {
            b.iter(|| ours(black_box(payloads), &strict, &mut message, &mut deviations));
        });
        group.bench_function("ours-lenient", |b| {
            b.iter(|| ours(black_box(payloads), &lenient, &mut message, &mut deviations));
        });
        group.bench_function("quick-xml-events", |b| {
            b.iter(|| {
                black_box(payloads)
                    .iter()
                    .filter_map(|payload| baseline::quick_xml_events(payload).ok())
                    .sum::<usize>()
            });
        });
        group.bench_function("serde-quick-xml", |b| {
            b.iter(|| {
                black_box(payloads)
                    .iter()
                    .filter_map(|payload| serde_model::decode(payload).ok())
                    .map(|document| document.records.len())
                    .sum::<usize>()
            });
        });
        group.bench_function("roxmltree", |b| {
            b.iter(|| {
                black_box(payloads)
                    .iter()
                    .filter_map(|payload| baseline::roxmltree_walk(payload).ok())
                    .sum::<usize>()
            });
        });
        let mut copy = Vec::new();
        group.bench_function("memcpy", |b| {
            b.iter(|| {
                for payload in black_box(payloads) {
                    copy.clear();
                    copy.extend_from_slice(payload);
                    black_box(&copy);
                }
            });
        });
        group.finish();
    }
}

criterion_group!(benches, decode);
criterion_main!(benches);
