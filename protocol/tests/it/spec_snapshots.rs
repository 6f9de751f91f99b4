//! A snapshot of every spec example (`corpus/spec/`), kept under
//! `snapshots/spec/` at the workspace root: the strict outcome, the lenient
//! outcome with its findings (deviations and validation, through
//! `inspect::payload`), and the decoded message. An example without a
//! snapshot, or a snapshot without an example, fails the tests.

use std::collections::BTreeSet;
use std::error::Error;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

use dvcr_protocol::decode::DecodeOptions;
use dvcr_protocol::inspect::{self, Inspection};

type TestResult = Result<(), Box<dyn Error>>;

/// Where the snapshots are, from this file's folder.
const SNAPSHOT_PATH: &str = "../../../snapshots/spec";

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// The stems of the files in `dir` ending with `.ext`, sorted.
fn stems(dir: &Path, ext: &str) -> Result<BTreeSet<String>, Box<dyn Error>> {
    let mut stems = BTreeSet::new();
    for entry in fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|found| found == ext)
            && let Some(stem) = path.file_stem()
        {
            stems.insert(stem.to_string_lossy().into_owned());
        }
    }
    Ok(stems)
}

/// The snapshot text of one example: strict outcome, lenient outcome and
/// findings, decoded message.
fn render(xml: &[u8]) -> String {
    let strict = inspect::payload(xml, &DecodeOptions::STRICT, None);
    let lenient = inspect::payload(xml, &DecodeOptions::LENIENT, None);
    let mut text = String::new();

    let _ = writeln!(text, "strict: {}", outcome(&strict));
    let _ = writeln!(text, "lenient: {}", outcome(&lenient));
    let _ = writeln!(text, "findings: {}", lenient.findings.len());
    for finding in &lenient.findings {
        let _ = writeln!(text, "  {finding}");
    }
    if let Some(message) = &lenient.message {
        let _ = writeln!(text, "message: {message:#?}");
    }
    text
}

/// `ok, N findings, judged FLOW`, or the exact error.
fn outcome(inspection: &Inspection<'_>) -> String {
    match (&inspection.error, inspection.flow) {
        (Some(error), _) => format!("error {error:?}: {error}"),
        (None, Some(flow)) => format!("ok, judged {flow:?}"),
        (None, None) => "ok, not judged".to_owned(),
    }
}

#[test]
fn every_spec_example_matches_its_snapshot() {
    insta::glob!("../../../corpus/spec", "*.xml", |path| {
        let stem = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned());
        let xml = fs::read(path).unwrap_or_default();
        let mut settings = insta::Settings::clone_current();
        settings.set_snapshot_path(SNAPSHOT_PATH);
        settings.set_prepend_module_to_snapshot(false);
        settings.remove_snapshot_suffix();
        settings.remove_input_file();
        settings.set_omit_expression(true);
        settings.bind(|| insta::assert_snapshot!(stem.unwrap_or_default(), render(&xml)));
    });
}

#[test]
fn every_spec_example_has_a_snapshot_and_every_snapshot_an_example() -> TestResult {
    let examples = stems(&repo_root().join("corpus").join("spec"), "xml")?;
    let snapshots = stems(&repo_root().join("snapshots").join("spec"), "snap")?;

    let unsnapped: Vec<_> = examples.difference(&snapshots).collect();
    let orphans: Vec<_> = snapshots.difference(&examples).collect();
    assert!(
        unsnapped.is_empty(),
        "examples without a snapshot: {unsnapped:?}"
    );
    assert!(
        orphans.is_empty(),
        "snapshots without an example: {orphans:?}"
    );
    Ok(())
}

#[test]
fn each_tpkt_example_is_judged_as_its_xml_with_offsets_past_the_header() -> TestResult {
    let dir = repo_root().join("corpus").join("spec");
    for stem in stems(&dir, "tpkt")? {
        let framed = fs::read(dir.join(format!("{stem}.tpkt")))?;
        let bare = fs::read(dir.join(format!("{stem}.xml")))?;
        let stream = inspect::stream(&framed, &DecodeOptions::LENIENT, None);
        let alone = inspect::payload(&bare, &DecodeOptions::LENIENT, None);

        assert_eq!(stream.error, None, "{stem}");
        assert_eq!(stream.frames.len(), 1, "{stem}");
        let mut expected = alone.findings.clone();
        for finding in &mut expected {
            finding.offset = finding.offset.map(|offset| offset + 4);
        }
        let framed_findings = stream
            .frames
            .first()
            .map(|frame| &frame.inspection.findings);
        assert_eq!(framed_findings, Some(&expected), "{stem}");
    }
    Ok(())
}
