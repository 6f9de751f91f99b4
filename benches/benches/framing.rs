//! TPKT framing throughput (issue 7, item 3): splitting a long stream of
//! frames handed over in one chunk and in small chunks (spec, "General
//! Information", item 4).

use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use dvcr_benches::workload;
use dvcr_protocol::tpkt::{Config, Splitter, split_with, write_frame};

/// How many times the spec corpus is repeated to make the stream.
const REPEATS: usize = 20;

/// The chunk size of the small-chunk run, about one MTU's worth of a
/// slow link.
const SMALL_CHUNK: usize = 536;

fn stream() -> Vec<u8> {
    let corpus = workload::spec_corpus();
    let mut stream = Vec::new();
    for _ in 0..REPEATS {
        for payload in &corpus.payloads {
            let _ = write_frame(payload, &mut stream);
        }
    }
    stream
}

fn split_all(stream: &[u8], config: &Config) -> usize {
    let mut rest = stream;
    let mut offset = 0;
    let mut frames = 0;
    while let Ok(Some((frame, used))) = split_with(rest, config, offset) {
        black_box(frame.payload());
        frames += 1;
        offset += used as u64;
        rest = rest.get(used..).unwrap_or_default();
    }
    frames
}

fn split_chunked(stream: &[u8], splitter: &mut Splitter, chunk: usize) -> usize {
    let mut frames = 0;
    for piece in stream.chunks(chunk) {
        splitter.push(piece);
        while let Ok(Some(frame)) = splitter.next_frame() {
            black_box(frame.payload());
            frames += 1;
        }
    }
    frames
}

fn framing(c: &mut Criterion) {
    let stream = stream();
    let config = Config::DEFAULT;
    let mut group = c.benchmark_group("framing/spec-corpus-x20");
    group.throughput(Throughput::Bytes(stream.len() as u64));
    group.bench_function("split-one-chunk", |b| {
        b.iter(|| split_all(black_box(&stream), &config));
    });
    group.bench_function("splitter-one-chunk", |b| {
        b.iter(|| split_chunked(black_box(&stream), &mut Splitter::new(), stream.len()));
    });
    group.bench_function("splitter-536-byte-chunks", |b| {
        b.iter(|| split_chunked(black_box(&stream), &mut Splitter::new(), SMALL_CHUNK));
    });
    group.finish();
}

criterion_group!(benches, framing);
criterion_main!(benches);
