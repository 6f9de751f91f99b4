//! The spec example corpus (`corpus/spec/`): every XML example of the spec,
//! as written by `corpus/spec/extract.py`, checked with the standard library
//! only. These tests guard the files the decoder tests and benches read;
//! they do not decode anything.

use std::collections::{BTreeMap, BTreeSet};
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

type TestResult = Result<(), Box<dyn Error>>;

/// How many `DVCRMANAGER` examples the spec holds.
const EXAMPLES: usize = 154;

/// The section name `extract.py` gives the examples before the first command.
const GENERAL_SECTION: &str = "general";

/// The record kinds a file name may carry.
const KINDS: [&str; 4] = ["command", "confirm", "indication", "unknown"];

/// The TPKT header: version 3, a reserved zero, a big-endian total length.
const TPKT_HEADER_LEN: usize = 4;
const TPKT_VERSION: u8 = 3;

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn corpus_dir() -> PathBuf {
    repo_root().join("corpus").join("spec")
}

/// The file names in `dir` ending with `.ext`, sorted.
fn files_with_extension(dir: &Path, ext: &str) -> Result<Vec<String>, Box<dyn Error>> {
    let mut names = Vec::new();
    for entry in fs::read_dir(dir)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        if Path::new(&name)
            .extension()
            .is_some_and(|found| found == ext)
        {
            names.push(name);
        }
    }
    names.sort();
    Ok(names)
}

/// The rows of a TSV file below its header, each split on tabs.
fn tsv_rows(path: &Path) -> Result<Vec<Vec<String>>, Box<dyn Error>> {
    let text = fs::read_to_string(path)?;
    let rows = text
        .lines()
        .skip(1)
        .map(|line| line.split('\t').map(str::to_owned).collect())
        .collect();
    Ok(rows)
}

/// The section xmlids of `sections.tsv` with their title paths.
fn sections() -> Result<BTreeMap<String, String>, Box<dyn Error>> {
    let mut map = BTreeMap::new();
    for row in tsv_rows(&corpus_dir().join("sections.tsv"))? {
        assert_eq!(row.len(), 3, "sections.tsv row {row:?} should have 3 cells");
        map.insert(row[0].clone(), row[1].clone());
    }
    Ok(map)
}

#[test]
fn the_corpus_holds_one_xml_and_one_tpkt_file_per_spec_example() -> TestResult {
    let xml = files_with_extension(&corpus_dir(), "xml")?;
    let tpkt = files_with_extension(&corpus_dir(), "tpkt")?;

    assert_eq!(xml.len(), EXAMPLES, "xml files: {xml:?}");
    assert_eq!(tpkt.len(), EXAMPLES, "tpkt files: {tpkt:?}");

    let xml_stems: Vec<_> = xml
        .iter()
        .map(|name| name.trim_end_matches(".xml"))
        .collect();
    let tpkt_stems: Vec<_> = tpkt
        .iter()
        .map(|name| name.trim_end_matches(".tpkt"))
        .collect();
    assert_eq!(xml_stems, tpkt_stems);
    Ok(())
}

#[test]
fn every_tpkt_file_is_a_valid_header_followed_by_its_xml_file() -> TestResult {
    let dir = corpus_dir();
    for name in files_with_extension(&dir, "tpkt")? {
        let frame = fs::read(dir.join(&name))?;
        let xml = fs::read(dir.join(name.replace(".tpkt", ".xml")))?;

        assert!(
            frame.len() > TPKT_HEADER_LEN,
            "{name}: shorter than a TPKT header"
        );
        assert_eq!(frame[0], TPKT_VERSION, "{name}: version byte");
        assert_eq!(frame[1], 0, "{name}: reserved byte");
        let length = usize::from(u16::from_be_bytes([frame[2], frame[3]]));
        assert_eq!(
            length,
            frame.len(),
            "{name}: header length against file size"
        );
        assert_eq!(&frame[TPKT_HEADER_LEN..], xml.as_slice(), "{name}: payload");
    }
    Ok(())
}

#[test]
fn every_xml_file_is_utf8_and_holds_one_dvcrmanager_example() -> TestResult {
    let dir = corpus_dir();
    for name in files_with_extension(&dir, "xml")? {
        let text = fs::read_to_string(dir.join(&name))?;

        assert_eq!(
            text.matches("<DVCRMANAGER").count(),
            1,
            "{name}: root openings"
        );
        assert!(
            text.trim_end().ends_with("</DVCRMANAGER>"),
            "{name}: root closing"
        );
        assert!(
            !text.lines().any(|line| line.trim().is_empty()),
            "{name}: blank line"
        );
    }
    Ok(())
}

#[test]
fn the_index_names_every_example_file_and_a_known_section() -> TestResult {
    let dir = corpus_dir();
    let sections = sections()?;
    let rows = tsv_rows(&dir.join("index.tsv"))?;
    assert_eq!(rows.len(), EXAMPLES);

    let mut stems = BTreeSet::new();
    let mut last_line = 0;
    for (number, row) in rows.iter().enumerate() {
        assert_eq!(row.len(), 6, "index row {row:?} should have 6 cells");
        let (stem, section, title, kind) = (&row[0], &row[1], &row[2], &row[3]);

        assert!(
            dir.join(format!("{stem}.xml")).is_file(),
            "{stem}.xml is missing"
        );
        assert!(
            dir.join(format!("{stem}.tpkt")).is_file(),
            "{stem}.tpkt is missing"
        );
        assert!(
            stem.starts_with(&format!("{:03}-{section}-{kind}-", number + 1)),
            "{stem}"
        );
        assert!(KINDS.contains(&kind.as_str()), "{stem}: kind {kind}");
        if section != GENERAL_SECTION {
            assert_eq!(
                sections.get(section),
                Some(title),
                "{stem}: section {section}"
            );
        }

        let line: usize = row[4].parse()?;
        assert!(line > last_line, "{stem}: spec lines should increase");
        last_line = line;
        stems.insert(stem.clone());
    }
    assert_eq!(stems.len(), EXAMPLES, "stems should be unique");
    Ok(())
}

/// The spec, from `DVCR_SPEC` or the copy kept in `corpus/spec/`.
fn spec_path() -> PathBuf {
    match std::env::var_os("DVCR_SPEC") {
        Some(path) => PathBuf::from(path),
        None => repo_root().join(VENDORED_SPEC),
    }
}

/// The repository's copy of the vendor's spec.
const VENDORED_SPEC: &str = "corpus/spec/rss2000-xml-api.txt";

/// Where the vendor's spec is handed to the project, beside the repository.
const HANDED_SPEC: &str = "../shared/spec/rss2000-xml-api.txt";

#[test]
fn the_kept_spec_is_the_one_the_vendor_hands_over() -> TestResult {
    let handed = repo_root().join(HANDED_SPEC);
    if !handed.is_file() {
        println!("note: no spec at {}; nothing to compare", handed.display());
        return Ok(());
    }

    let kept = std::fs::read(repo_root().join(VENDORED_SPEC))?;
    let handed = std::fs::read(handed)?;
    assert!(
        kept == handed,
        "{VENDORED_SPEC} differs from {HANDED_SPEC}: copy the new spec in and rerun extract.py"
    );
    Ok(())
}

fn python3_available() -> bool {
    Command::new("python3")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

#[test]
fn rerunning_the_extraction_rewrites_the_same_files() -> TestResult {
    let spec = spec_path();
    if !python3_available() {
        println!("skipped: python3 is not on PATH");
        return Ok(());
    }

    let out =
        TempDir(std::env::temp_dir().join(format!("dvcr-spec-corpus-{}", std::process::id())));
    let _ = fs::remove_dir_all(&out.0);
    let status = Command::new("python3")
        .arg(corpus_dir().join("extract.py"))
        .arg(&spec)
        .arg("--out")
        .arg(&out.0)
        .status()?;
    assert!(status.success(), "extract.py failed: {status}");

    compare_outputs(&out.0, &corpus_dir())
}

/// A scratch directory removed when the test ends, whether it passed or not.
struct TempDir(PathBuf);

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

/// Every file the script wrote in `fresh` is byte-equal to the one in
/// `committed`, and `committed` holds no generated file the script did not
/// write.
fn compare_outputs(fresh: &Path, committed: &Path) -> TestResult {
    let mut written = BTreeSet::new();
    for entry in fs::read_dir(fresh)? {
        let name = entry?.file_name().to_string_lossy().into_owned();
        let new = fs::read(fresh.join(&name))?;
        let old = fs::read(committed.join(&name))?;
        assert!(new == old, "{name} differs from a fresh extraction");
        written.insert(name);
    }

    for ext in ["xml", "tpkt"] {
        for name in files_with_extension(committed, ext)? {
            assert!(
                written.contains(&name),
                "{name} is not written by extract.py"
            );
        }
    }
    Ok(())
}
