//! Replays the seed corpus and the regressions of the `emulator_session`
//! fuzz target through its oracle (`dvcr::fuzzing`), on stable: each file of
//! `corpus/fuzz/emulator_session/` and `corpus/regressions/emulator_session/`
//! must pass, so that a crash once found stays fixed.

use std::fs;
use std::path::Path;

use dvcr::fuzzing::emulator_session;

#[test]
fn the_emulator_session_corpus_keeps_every_device_invariant() {
    let corpus = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus");
    let mut files = Vec::new();
    for folder in ["fuzz", "regressions"] {
        let Ok(entries) = fs::read_dir(corpus.join(folder).join("emulator_session")) else {
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

    assert!(!files.is_empty(), "no seed corpus for emulator_session");
    for file in files {
        eprintln!("replaying {}", file.display());
        emulator_session(&fs::read(&file).unwrap_or_default());
    }
}
