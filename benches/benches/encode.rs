//! Encode throughput (issue 7, item 2): our encoder into a reused buffer
//! beside quick-xml's `Writer` and serde serialization through quick-xml,
//! writing the same messages (spec, "General Information", item 5).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dvcr_benches::{baseline, serde_model, workload};
use dvcr_protocol::encode::encode_xml;

fn encode(c: &mut Criterion) {
    for work in workload::all() {
        let messages = work.messages();
        let documents = work.documents();
        let mut out = Vec::new();
        let bytes: usize = messages
            .iter()
            .map(|message| {
                out.clear();
                encode_xml(message, &mut out).map_or(0, |()| out.len())
            })
            .sum();

        let mut group = c.benchmark_group(format!("encode/{}", work.name));
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function("ours", |b| {
            b.iter(|| {
                let mut written = 0;
                for message in black_box(&messages) {
                    out.clear();
                    if encode_xml(message, &mut out).is_ok() {
                        written += out.len();
                    }
                }
                written
            });
        });
        group.bench_function("quick-xml-writer", |b| {
            b.iter(|| {
                let mut written = 0;
                for message in black_box(&messages) {
                    if baseline::quick_xml_write(message, &mut out).is_ok() {
                        written += out.len();
                    }
                }
                written
            });
        });
        let mut text = String::new();
        group.bench_function("serde-quick-xml", |b| {
            b.iter(|| {
                let mut written = 0;
                for document in black_box(&documents) {
                    if serde_model::encode(document, &mut text).is_ok() {
                        written += text.len();
                    }
                }
                written
            });
        });
        group.finish();
    }
}

criterion_group!(benches, encode);
criterion_main!(benches);
