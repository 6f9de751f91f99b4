//! Baselines: the failures a device is known to have, each with a reason
//! that is not empty, kept as data so that a run exits 0 when only those
//! fail and reports an expected failure that now passes.
//!
//! ```toml
//! [[expected]]
//! scenario = "endpoint-name-is-unique"
//! reason = "firmware 2.1.3 accepts a duplicate SOURCENAME (ticket 4411)"
//! ```

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::bounded;

/// The largest baseline file read: an entry takes a line or two.
pub const MAX_BASELINE_LEN: u64 = 4 * bounded::MIB;

/// A baseline file.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// The expected failures.
    #[serde(default)]
    pub expected: Vec<ExpectedFailure>,
}

/// One expected failure.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ExpectedFailure {
    /// The scenario's name.
    pub scenario: String,
    /// Why it fails, for whoever reads the report.
    pub reason: String,
}

/// A baseline that cannot be read.
#[derive(Debug, thiserror::Error)]
pub enum BaselineError {
    /// The file cannot be read.
    #[error("baseline {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// What the system said.
        source: std::io::Error,
    },
    /// The file is not a baseline.
    #[error("baseline {path}: {source}")]
    Format {
        /// The file.
        path: String,
        /// What the TOML reader said.
        source: toml::de::Error,
    },
    /// An entry gives no reason, which every report shows beside the
    /// failure it excuses.
    #[error(
        "baseline {path}: entry {entry} (scenario {scenario}) has an empty reason; \
         say why the scenario is expected to fail"
    )]
    NoReason {
        /// The file.
        path: String,
        /// The entry's place in the file, from 1.
        entry: usize,
        /// The scenario the entry names.
        scenario: String,
    },
    /// One scenario is named by two entries, whose reasons would compete.
    #[error("baseline {path}: scenario {scenario} is named twice; give it one entry")]
    Twice {
        /// The file.
        path: String,
        /// The scenario named twice.
        scenario: String,
    },
}

impl Baseline {
    /// Reads a baseline file.
    pub fn load(path: &Path) -> Result<Baseline, BaselineError> {
        let name = path.display().to_string();
        let text = bounded::read_to_string(path, MAX_BASELINE_LEN).map_err(|source| {
            BaselineError::Io {
                path: name.clone(),
                source,
            }
        })?;
        let baseline: Baseline = toml::from_str(&text).map_err(|source| BaselineError::Format {
            path: name.clone(),
            source,
        })?;
        if let Some((index, entry)) = baseline.without_reason() {
            return Err(BaselineError::NoReason {
                path: name,
                entry: index + 1,
                scenario: entry.scenario.clone(),
            });
        }

        match baseline.named_twice() {
            Some(scenario) => Err(BaselineError::Twice {
                path: name,
                scenario: scenario.to_owned(),
            }),
            None => Ok(baseline),
        }
    }

    /// The first entry whose reason is empty or only blanks, with its
    /// index.
    fn without_reason(&self) -> Option<(usize, &ExpectedFailure)> {
        self.expected
            .iter()
            .enumerate()
            .find(|(_, entry)| entry.reason.trim().is_empty())
    }

    /// The first scenario named by a second entry, if any.
    fn named_twice(&self) -> Option<&str> {
        self.expected.iter().enumerate().find_map(|(index, entry)| {
            let earlier = self.expected.get(..index).unwrap_or_default();
            earlier
                .iter()
                .any(|other| other.scenario == entry.scenario)
                .then_some(entry.scenario.as_str())
        })
    }

    /// The scenarios the baseline names that are not among `known`, in
    /// baseline order.
    pub fn unknown(&self, known: &[String]) -> Vec<String> {
        self.expected
            .iter()
            .filter(|entry| !known.contains(&entry.scenario))
            .map(|entry| entry.scenario.clone())
            .collect()
    }

    /// The reason scenario `name` is expected to fail, if it is.
    pub fn reason(&self, name: &str) -> Option<&str> {
        self.expected
            .iter()
            .find(|entry| entry.scenario == name)
            .map(|entry| entry.reason.as_str())
    }
}
