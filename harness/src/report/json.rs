//! The JSON report: the run model serialised, every case with its verdict,
//! timings, findings and frames, and the run's provenance.

use std::path::Path;

use super::model::RunReport;

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
    let text = std::fs::read_to_string(path).map_err(|source| JsonError::Io {
        path: name.clone(),
        source,
    })?;
    serde_json::from_str(&text).map_err(|source| JsonError::Format { path: name, source })
}
