//! Keeps the catalog honest against the spec itself: every command heading
//! of `rss2000-xml-api.txt` has a catalog entry, every entry a heading, and
//! both agree with `corpus/spec/sections.tsv`.
//!
//! The spec is read at run time from `DVCR_SPEC`, or else from the copy
//! kept in `corpus/spec/rss2000-xml-api.txt`.

use std::path::PathBuf;

use dvcr_protocol::catalog::{COMMANDS, lookup};

/// The spec's command headings: xmlid, section title path and line.
const SECTIONS_TSV: &str = include_str!(concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../corpus/spec/sections.tsv"
));

/// Where the spec lies when `DVCR_SPEC` is not set.
const DEFAULT_SPEC: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../corpus/spec/rss2000-xml-api.txt"
);

/// How many non-blank lines after a heading its `Description` line may lie.
const DESCRIPTION_REACH: usize = 3;

/// The suffixes the spec puts after some command names in their headings.
const HEADING_SUFFIXES: [&str; 2] = [" (GetKey)", " (No implementation)"];

/// One row of `sections.tsv`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SectionRow {
    /// The command's xmlid, lower case.
    pub(crate) xmlid: String,
    /// The section's title path, as `Command::section` must read.
    pub(crate) section: String,
    /// The spec line (from 1) the heading stands on.
    pub(crate) line: usize,
}

/// One command heading found in the spec's text.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Heading {
    /// The heading's command name, lower case.
    xmlid: String,
    /// The heading as written, without surrounding blanks.
    title: String,
    /// The spec line (from 1) it stands on.
    line: usize,
}

/// The rows of `sections.tsv`, without its header.
pub(crate) fn sections() -> Result<Vec<SectionRow>, String> {
    SECTIONS_TSV
        .lines()
        .skip(1)
        .filter(|row| !row.trim().is_empty())
        .map(|row| {
            let columns: Vec<&str> = row.split('\t').collect();
            let [xmlid, section, line] = columns.as_slice() else {
                return Err(format!("sections.tsv: expected 3 columns in {row:?}"));
            };

            let line = line
                .trim()
                .parse()
                .map_err(|error| format!("sections.tsv: bad line number in {row:?}: {error}"))?;
            Ok(SectionRow {
                xmlid: xmlid.to_string(),
                section: section.to_string(),
                line,
            })
        })
        .collect()
}

/// The spec's text, from `DVCR_SPEC` or the default path.
fn spec_text() -> Result<String, String> {
    let path = std::env::var_os("DVCR_SPEC")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(DEFAULT_SPEC));

    std::fs::read_to_string(&path).map_err(|error| {
        format!(
            "cannot read the spec at {} ({error}); set DVCR_SPEC to its path",
            path.display()
        )
    })
}

/// The command name a line would be a heading of, if it reads like one.
fn heading_name(line: &str) -> Option<&str> {
    let trimmed = line.trim();
    let name = HEADING_SUFFIXES
        .iter()
        .find_map(|suffix| trimmed.strip_suffix(suffix))
        .unwrap_or(trimmed);
    if name == "Login" || name == "Logout" {
        return Some(name);
    }

    let mut chars = name.chars();
    let starts_with_letter = chars.next().is_some_and(|first| first.is_ascii_uppercase());
    let capitals = chars.all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    (starts_with_letter && capitals).then_some(name)
}

/// Whether a line is a section's `Description:` line.
fn is_description(line: &str) -> bool {
    line.trim_start()
        .strip_prefix("Description")
        .is_some_and(|rest| rest.trim_start().starts_with(':'))
}

/// Every command heading of the spec: a command name alone on its line,
/// followed within a few non-blank lines by a `Description:` line.
fn headings(spec: &str) -> Vec<Heading> {
    let lines: Vec<&str> = spec.lines().collect();
    let mut found = Vec::new();
    for (index, line) in lines.iter().enumerate() {
        let Some(name) = heading_name(line) else {
            continue;
        };

        let described = lines
            .iter()
            .skip(index + 1)
            .filter(|next| !next.trim().is_empty())
            .take(DESCRIPTION_REACH)
            .any(|next| is_description(next));
        if described {
            found.push(Heading {
                xmlid: name.to_ascii_lowercase(),
                title: line.trim().to_string(),
                line: index + 1,
            });
        }
    }
    found
}

#[test]
fn the_heading_detector_finds_exactly_the_rows_of_sections_tsv() -> Result<(), String> {
    let found = headings(&spec_text()?);
    let rows = sections()?;

    let found_keys: Vec<(&str, usize)> = found
        .iter()
        .map(|heading| (heading.xmlid.as_str(), heading.line))
        .collect();
    let row_keys: Vec<(&str, usize)> = rows
        .iter()
        .map(|row| (row.xmlid.as_str(), row.line))
        .collect();
    assert_eq!(found_keys, row_keys);
    assert_eq!(found.len(), 67);

    for (heading, row) in found.iter().zip(&rows) {
        let last = row.section.rsplit(" > ").next().unwrap_or_default();
        assert_eq!(heading.title, last, "heading at spec line {}", heading.line);
    }
    Ok(())
}

#[test]
fn the_catalog_holds_every_heading_of_the_spec_in_spec_order() -> Result<(), String> {
    let found = headings(&spec_text()?);

    let missing: Vec<&str> = found
        .iter()
        .filter(|heading| lookup(&heading.xmlid).is_none())
        .map(|heading| heading.xmlid.as_str())
        .collect();
    assert!(
        missing.is_empty(),
        "headings without a catalog entry: {missing:?}"
    );

    let in_spec: Vec<&str> = found.iter().map(|heading| heading.xmlid.as_str()).collect();
    let in_catalog: Vec<&str> = COMMANDS.iter().map(|command| command.xmlid).collect();
    assert_eq!(in_catalog, in_spec);
    Ok(())
}

#[test]
fn every_catalog_entry_has_a_spec_heading_and_its_sections_tsv_row() -> Result<(), String> {
    let found = headings(&spec_text()?);
    let rows = sections()?;

    for command in COMMANDS {
        let heading = found.iter().find(|heading| heading.xmlid == command.xmlid);
        assert!(
            heading.is_some(),
            "{} has no heading in the spec",
            command.xmlid
        );

        let row = rows.iter().find(|row| row.xmlid == command.xmlid);
        let Some(row) = row else {
            return Err(format!("{} has no row in sections.tsv", command.xmlid));
        };

        assert_eq!(command.section, row.section, "section of {}", command.xmlid);
        assert_eq!(
            heading.map(|heading| heading.line),
            Some(row.line),
            "{}",
            command.xmlid
        );
    }
    Ok(())
}

#[test]
fn catalog_xmlids_are_lower_case_and_unique() {
    for (index, command) in COMMANDS.iter().enumerate() {
        assert_eq!(command.xmlid, command.xmlid.to_ascii_lowercase());
        let twice = COMMANDS
            .iter()
            .skip(index + 1)
            .any(|other| other.xmlid == command.xmlid);
        assert!(!twice, "{} is listed twice", command.xmlid);
    }
}
