//! Replays the seed corpus and the regressions of every fuzz target of this
//! crate through its oracle (`dvcr_protocol::fuzzing`), on stable: each
//! file of `corpus/fuzz/<target>/` and `corpus/regressions/<target>/` must
//! pass, so that a crash once found stays fixed.

use std::fs;
use std::path::{Path, PathBuf};

use dvcr_protocol::fuzzing;

/// The files of `corpus/fuzz/<target>/` and `corpus/regressions/<target>/`.
fn inputs(target: &str) -> Vec<PathBuf> {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let mut files = Vec::new();
    for folder in ["fuzz", "regressions"] {
        let Ok(entries) = fs::read_dir(corpus.join(folder).join(target)) else {
            continue;
        };

        files.extend(
            entries
                .flatten()
                .map(|entry| entry.path())
                .filter(|p| p.is_file()),
        );
    }
    files.sort();
    files
}

/// Runs `oracle` on every input of `target`; the oracle panics on a finding,
/// and the file that caused it is named first.
fn replay(target: &str, oracle: fn(&[u8])) {
    let files = inputs(target);
    assert!(!files.is_empty(), "no seed corpus for {target}");
    for file in files {
        let data = fs::read(&file).unwrap_or_default();
        eprintln!("replaying {}", file.display());
        oracle(&data);
    }
}

#[test]
fn the_tpkt_split_corpus_splits_alike_in_every_chunking() {
    replay("tpkt_split", fuzzing::tpkt_split);
}

#[test]
fn the_message_decode_corpus_keeps_every_decoding_invariant() {
    replay("message_decode", fuzzing::message_decode);
}

#[test]
fn the_decode_agree_corpus_decodes_alike_in_every_mode_and_within_every_limit() {
    replay("decode_agree", fuzzing::decode_agree);
}

#[test]
fn the_message_roundtrip_corpus_round_trips() {
    replay("message_roundtrip", fuzzing::message_roundtrip);
}

#[test]
fn the_catalog_validate_corpus_validates_deterministically() {
    replay("catalog_validate", fuzzing::catalog_validate);
}

#[test]
fn the_reference_agree_corpus_reads_alike_in_both_decoders() {
    replay("reference_agree", fuzzing::reference_agree);
}
