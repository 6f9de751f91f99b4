//! `dvcr fuzz`: a network fuzzer of live devices that knows the protocol
//! (spec, every command's parameter table, and "General Information",
//! items 3 to 6 on records, framing and sessions).
//!
//! - [`boundary`]: values at and beyond the edges of each value type;
//! - [`generate`]: cases drawn from the catalog, from a seed;
//! - [`mutate`]: byte-level mutations of a frame;
//! - [`sequence`]: the case model and mutations of write sequences;
//! - [`execute`]: a case carried out on the target;
//! - `bound`: work in flight cut short by an interrupt or the duration;
//! - [`oracle`]: crash, hang and protocol-violation verdicts;
//! - `finding`: a finding minimized, confirmed and saved;
//! - [`minimize`]: delta debugging of a failing case on the target;
//! - [`reproducer`]: a finding saved as a scenario for `dvcr run`;
//! - [`target`]: a live device or the in-process emulator;
//! - [`run`]: the run loop; [`progress`] and [`summary`] report it.
//!
//! ```no_run
//! # async fn demo() -> Result<(), Box<dyn std::error::Error>> {
//! use dvcr::emulator::Fault;
//! use dvcr::netfuzz::{FuzzConfig, Target, fuzz};
//!
//! let mut target = Target::emulated(&[Fault::PanicOnBadIndex], 7).await?;
//! let mut config = FuzzConfig::new(7);
//! config.cases = Some(500);
//! let summary = fuzz(&config, &mut target).await?;
//! println!("{} findings in {} cases", summary.findings.len(), summary.cases);
//! target.stop().await;
//! # Ok(())
//! # }
//! ```

mod bound;
pub mod boundary;
pub mod execute;
pub mod fields;
mod finding;
pub mod generate;
pub mod minimize;
pub mod mutate;
pub mod oracle;
pub mod progress;
pub mod reproducer;
pub mod run;
pub mod sequence;
pub mod summary;
pub mod target;

pub use generate::Generator;
pub use oracle::{Kind, Verdict};
pub use run::{FuzzConfig, FuzzError, fuzz};
pub use sequence::Case;
pub use summary::{FindingRecord, Summary};
pub use target::Target;
