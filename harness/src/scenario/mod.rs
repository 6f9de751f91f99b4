//! Scenarios: scripted command sequences kept as TOML data under
//! `corpus/scenarios/`, each citing the spec section it checks (spec,
//! every chapter; the format is described in `corpus/scenarios/README.md`).
//!
//! - [`model`]: the file format, as serde types;
//! - [`load`]: reading files and folders, with errors naming file and step
//!   (a sweep's checks in `sweep_check`);
//! - [`vars`]: `${name}` variables and captures of reply values;
//! - [`expect`]: judging a reply or an indication against a step's
//!   expectations.

pub mod expect;
pub mod load;
pub mod model;
mod sweep_check;
pub mod vars;

pub use expect::{Mismatch, check_records};
pub use load::{LoadError, load_dir, load_file, load_path, load_paths, parse, push_unique};
pub use model::{
    Action, Check, CheckSpec, Expect, FieldChecks, Scenario, SessionSpec, Step, Sweep,
};
pub use vars::Vars;
