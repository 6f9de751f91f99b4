//! `dvcr`: the conformance harness of the RSS 2000 management XML API, as a
//! library so that the command line, the fuzz targets and the tests share it.

#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod bounded;
pub mod client;
pub mod emulator;
pub mod frames;
#[cfg(feature = "arbitrary")]
pub mod fuzzing;
pub mod netfuzz;
pub mod report;
pub mod run;
pub mod scenario;
