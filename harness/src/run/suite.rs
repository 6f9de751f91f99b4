//! The built-in scenarios: the suite of `corpus/scenarios/suite/` and the
//! sanity scenario beside it, embedded in the binary so that `dvcr run`
//! works wherever the binary is (spec, every chapter through the suite).

use std::path::{Path, PathBuf};

use include_dir::{Dir, File, include_dir};

use crate::scenario::{LoadError, Scenario, parse, push_unique};

/// The sanity scenario: login, getdevinfo, logout.
pub const SANITY: &str = include_str!("../../../corpus/scenarios/sanity.toml");

/// The folder of the suite as named in errors and reports, relative to the
/// repository root.
pub const SUITE_PATH: &str = "corpus/scenarios/suite";

/// The suite's files, as they were when this binary was built.
static SUITE: Dir<'static> = include_dir!("$CARGO_MANIFEST_DIR/../corpus/scenarios/suite");

/// The sanity scenario, parsed.
pub fn sanity() -> Result<Scenario, LoadError> {
    parse(SANITY, Path::new("corpus/scenarios/sanity.toml"))
}

/// The embedded suite, parsed in the order of its file paths, with no two
/// scenarios sharing a name.
pub fn load() -> Result<Vec<Scenario>, LoadError> {
    let mut files = Vec::new();
    collect(&SUITE, &mut files);
    files.sort_by_key(|file| file.path());
    let mut scenarios = Vec::new();
    for file in files {
        let path = Path::new(SUITE_PATH).join(file.path());
        let text = file.contents_utf8().ok_or_else(|| LoadError {
            file: path.clone(),
            step: None,
            message: "the file is not UTF-8, expected TOML text".to_owned(),
        })?;
        push_unique(&mut scenarios, parse(text, &path)?)?;
    }
    Ok(scenarios)
}

fn collect<'a>(dir: &'a Dir<'a>, files: &mut Vec<&'a File<'a>>) {
    for sub in dir.dirs() {
        collect(sub, files);
    }
    let tomls = dir
        .files()
        .filter(|file| file.path().extension().is_some_and(|ext| ext == "toml"));
    files.extend(tomls);
}

/// The folder of the suite in the source tree this binary was built from,
/// else `corpus/scenarios/suite` under the working folder; for tests and
/// tools that read the files themselves.
pub fn suite_dir() -> PathBuf {
    let built = Path::new(env!("CARGO_MANIFEST_DIR")).join("../corpus/scenarios/suite");
    if built.is_dir() {
        return built;
    }

    PathBuf::from(SUITE_PATH)
}
