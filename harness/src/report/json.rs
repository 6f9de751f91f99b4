//! The JSON report: the run model serialised, every case with its verdict,
//! timings, findings and frames, and the run's provenance.

use std::path::Path;

use super::model::RunReport;
use crate::bounded;

/// The largest JSON report [`read_json`] reads: a run of the whole suite
/// writes a few hundred KiB.
pub const MAX_JSON_LEN: u64 = 16 * bounded::MIB;

/// A JSON report that could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum JsonError {
    /// The file could not be opened, written or read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The text is not a report.
    #[error("{path}: not a dvcr report: {source}")]
    Format {
        /// The file.
        path: String,
        /// What serde said.
        source: serde_json::Error,
    },
    /// The text is JSON, but not an object as every report is.
    #[error(
        "{path}: {found}, not a dvcr run report; \
         dvcr diff compares the --json reports of two dvcr run runs"
    )]
    NotAnObject {
        /// The file.
        path: String,
        /// What the JSON is.
        found: &'static str,
    },
    /// The text is the summary `dvcr fuzz --json` writes.
    #[error(
        "{path}: a dvcr fuzz summary, not a dvcr run report; \
         dvcr diff compares the --json reports of two dvcr run runs"
    )]
    FuzzSummary {
        /// The file.
        path: String,
    },
}

/// Writes `report` to `path`, pretty-printed.
pub fn write_json(report: &RunReport, path: &Path) -> Result<(), JsonError> {
    let name = path.display().to_string();
    let text = serde_json::to_string_pretty(report).map_err(|source| JsonError::Format {
        path: name.clone(),
        source,
    })?;
    std::fs::write(path, text).map_err(|source| JsonError::Io { path: name, source })
}

/// Reads a report that [`write_json`] wrote.
pub fn read_json(path: &Path) -> Result<RunReport, JsonError> {
    let name = path.display().to_string();
    let text = bounded::read_to_string(path, MAX_JSON_LEN).map_err(|source| JsonError::Io {
        path: name.clone(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| {
        let Ok(value) = serde_json::from_str::<serde_json::Value>(&text) else {
            return JsonError::Format { path: name, source };
        };
        match value {
            serde_json::Value::Object(object) if is_fuzz_summary(&object) => {
                JsonError::FuzzSummary { path: name }
            }
            serde_json::Value::Object(_) => JsonError::Format { path: name, source },
            other => JsonError::NotAnObject {
                path: name,
                found: json_kind(&other),
            },
        }
    })
}

/// Whether `object` has the keys only a fuzz summary has.
fn is_fuzz_summary(object: &serde_json::Map<String, serde_json::Value>) -> bool {
    ["cases_per_second", "findings", "duplicates"]
        .iter()
        .all(|key| object.contains_key(*key))
}

/// What JSON `value`, not an object, is, as an error names it.
fn json_kind(value: &serde_json::Value) -> &'static str {
    match value {
        serde_json::Value::Array(_) => "a JSON array (dvcr decode --json writes one)",
        serde_json::Value::String(_) => "a JSON string",
        serde_json::Value::Number(_) => "a JSON number",
        serde_json::Value::Bool(_) => "a JSON true or false",
        serde_json::Value::Null => "JSON null",
        serde_json::Value::Object(_) => "a JSON object",
    }
}
