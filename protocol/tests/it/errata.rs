//! Every finding on a spec example is explained in `corpus/spec/ERRATA.md`:
//! `corpus/spec/expected-findings.tsv` names, per example and rule, how
//! many findings come and the errata entries that explain them, and this
//! test holds it to what `inspect::payload` finds, both ways.

use std::collections::BTreeMap;
use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use dvcr_protocol::decode::DecodeOptions;
use dvcr_protocol::inspect;
use dvcr_protocol::validate::Rule;

type TestResult = Result<(), Box<dyn Error>>;

/// How many findings of one rule one example draws, by (example, rule id).
type Counts = BTreeMap<(String, String), usize>;

/// The errata ids explaining the findings of one rule on one example.
type Explanations = BTreeMap<(String, String), Vec<String>>;

fn spec_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("corpus")
        .join("spec")
}

/// The findings of every example under lenient decoding, counted.
fn found() -> Result<Counts, Box<dyn Error>> {
    let mut counts = Counts::new();
    for entry in fs::read_dir(spec_dir())? {
        let path = entry?.path();
        if path.extension().is_none_or(|ext| ext != "xml") {
            continue;
        }

        let stem = path
            .file_stem()
            .map(|stem| stem.to_string_lossy().into_owned())
            .unwrap_or_default();
        let bytes = fs::read(&path)?;
        let inspection = inspect::payload(&bytes, &DecodeOptions::LENIENT, None);
        assert_eq!(inspection.error, None, "{stem} should decode leniently");
        for finding in inspection.findings {
            let key = (stem.clone(), finding.rule.id().to_owned());
            *counts.entry(key).or_default() += 1;
        }
    }
    Ok(counts)
}

/// The rows of `expected-findings.tsv`: counts and the errata ids of each.
fn expected() -> Result<(Counts, Explanations), Box<dyn Error>> {
    let text = fs::read_to_string(spec_dir().join("expected-findings.tsv"))?;
    let mut counts = Counts::new();
    let mut errata = BTreeMap::new();
    for line in text.lines().skip(1) {
        let cells: Vec<&str> = line.split('\t').collect();
        let [example, rule, count, ids] = cells.as_slice() else {
            return Err(format!("row {line:?} should have 4 cells").into());
        };

        assert!(Rule::from_id(rule).is_some(), "{example}: no rule {rule}");
        let key = (example.to_string(), rule.to_string());
        assert!(!counts.contains_key(&key), "{example} {rule} listed twice");
        counts.insert(key.clone(), count.parse()?);
        errata.insert(key, ids.split(',').map(str::to_owned).collect());
    }
    Ok((counts, errata))
}

/// The text of each `### Ennn` entry of ERRATA.md, by id.
fn errata_entries() -> Result<BTreeMap<String, String>, Box<dyn Error>> {
    let text = fs::read_to_string(spec_dir().join("ERRATA.md"))?;
    let mut entries = BTreeMap::new();
    for chunk in text.split("\n### ").skip(1) {
        let id = chunk.split_whitespace().next().unwrap_or_default();
        let body = chunk.split("\n## ").next().unwrap_or_default();
        entries.insert(id.to_owned(), body.to_owned());
    }
    Ok(entries)
}

#[test]
fn every_finding_on_an_example_is_explained() -> TestResult {
    let found = found()?;
    let (expected, _) = expected()?;

    let unexplained: Vec<_> = found
        .iter()
        .filter(|(key, count)| expected.get(*key) != Some(count))
        .collect();
    let stale: Vec<_> = expected
        .iter()
        .filter(|(key, count)| found.get(*key) != Some(count))
        .collect();
    assert!(
        unexplained.is_empty(),
        "findings not listed in expected-findings.tsv: {unexplained:#?}"
    );
    assert!(
        stale.is_empty(),
        "rows of expected-findings.tsv not found: {stale:#?}"
    );
    Ok(())
}

#[test]
fn every_errata_entry_named_for_a_finding_exists_and_names_the_example() -> TestResult {
    let (_, errata) = expected()?;
    let entries = errata_entries()?;

    for ((example, rule), ids) in errata {
        let number = example.get(..3).unwrap_or_default();
        for id in ids {
            let entry = entries.get(&id);
            assert!(
                entry.is_some(),
                "{example} {rule}: no entry {id} in ERRATA.md"
            );

            let entry = entry.map(String::as_str).unwrap_or_default();
            let named = entry.contains(&example) || entry.contains(&format!("`{number}`"));
            assert!(
                named,
                "{example} {rule}: entry {id} does not name the example"
            );
        }
    }
    Ok(())
}

#[test]
fn the_errata_ids_run_from_e001_without_a_gap() -> TestResult {
    let entries = errata_entries()?;
    let expected: Vec<String> = (1..=entries.len()).map(|n| format!("E{n:03}")).collect();

    assert_eq!(entries.keys().cloned().collect::<Vec<_>>(), expected);
    Ok(())
}
