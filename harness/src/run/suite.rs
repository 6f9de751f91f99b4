//! Where the built-in scenarios live: the suite under
//! `corpus/scenarios/suite/` and the sanity scenario beside it, found from
//! the source tree this binary was built in or from the working folder.

use std::path::{Path, PathBuf};

use crate::scenario::{LoadError, Scenario, parse};

/// The sanity scenario: login, getdevinfo, logout.
pub const SANITY: &str = include_str!("../../../corpus/scenarios/sanity.toml");

/// The sanity scenario, parsed.
pub fn sanity() -> Result<Scenario, LoadError> {
    parse(SANITY, Path::new("corpus/scenarios/sanity.toml"))
}

/// The folder of the built-in suite.
pub fn suite_dir() -> PathBuf {
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/scenarios/suite");
    if built.is_dir() {
        return built;
    }

    PathBuf::from("corpus/scenarios/suite")
}
