//! Decoding and encoding a steady stream of frames allocates nothing (spec,
//! "General Information", item 4: a session is a stream of TPKT frames).
//!
//! This is its own test binary because it installs a counting global
//! allocator (dhat's, in testing mode): that allocator sees every
//! allocation of every thread in the process, so tests running beside it in
//! the shared `it` binary would be counted too, and dhat allows one profiler
//! per process at a time.

#![expect(clippy::unwrap_used, reason = "a test fails by panicking")]

use dvcr_protocol::Message;
use dvcr_protocol::decode::{DecodeOptions, Deviation, decode_into};
use dvcr_protocol::encode::encode;

#[global_allocator]
static ALLOCATOR: dhat::Alloc = dhat::Alloc;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../corpus/decode");

/// How many times the stream is replayed once warm.
const ROUNDS: usize = 50;

/// The stream's frames: realistic messages without references.
fn frames() -> Vec<Vec<u8>> {
    (1..=4)
        .map(|index| std::fs::read(format!("{CORPUS}/stream-{index}.xml")).unwrap())
        .collect()
}

fn allocations() -> u64 {
    dhat::HeapStats::get().total_blocks
}

/// Decodes every frame with a recycled message and reused buffers, and
/// encodes each back into a reused buffer; returns the bytes encoded.
fn replay(
    frames: &[Vec<u8>],
    spare: &mut Message<'static>,
    deviations: &mut Vec<Deviation>,
    out: &mut Vec<u8>,
) -> usize {
    let mut encoded = 0;
    for frame in frames {
        let mut message = std::mem::take(spare).recycle();
        decode_into(frame, &DecodeOptions::STRICT, &mut message, deviations).unwrap();
        out.clear();
        encode(&message, out).unwrap();
        encoded += out.len();
        *spare = message.recycle();
    }
    encoded
}

#[test]
fn a_warm_stream_decodes_and_encodes_without_allocating() {
    let frames = frames();
    let mut spare = Message::default();
    let mut deviations = Vec::new();
    let mut out = Vec::new();
    let _profiler = dhat::Profiler::builder().testing().build();
    let probe = allocations();
    drop(std::hint::black_box(vec![0_u8; 8]));
    assert_eq!(allocations() - probe, 1, "the allocator counts");

    replay(&frames, &mut spare, &mut deviations, &mut out);
    let before = allocations();
    let mut encoded = 0;
    for _ in 0..ROUNDS {
        encoded += replay(&frames, &mut spare, &mut deviations, &mut out);
    }
    let after = allocations();

    assert!(encoded > 0);
    assert_eq!(after - before, 0, "allocations over {ROUNDS} warm rounds");

    let mut message = std::mem::take(&mut spare).recycle();
    let before = allocations();
    for _ in 0..ROUNDS {
        for frame in &frames {
            decode_into(
                frame,
                &DecodeOptions::LENIENT,
                &mut message,
                &mut deviations,
            )
            .unwrap();
        }
    }
    assert_eq!(allocations() - before, 0, "allocations decoding in place");
}
