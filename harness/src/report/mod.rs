//! Reports of a run (spec, every section a scenario cites): the terminal
//! summary with its progress bar, JUnit XML, JSON, a pcap capture of every
//! byte exchanged, and the diff of two JSON reports.

pub mod diff;
pub mod json;
pub mod junit;
pub mod model;
pub mod pcap;
pub mod terminal;

pub use diff::{RunDiff, diff};
pub use json::{read_json, write_json};
pub use junit::{junit_text, write_junit};
pub use model::{
    CaseResult, Failure, FindingRecord, FrameRecord, INTERRUPTED, NOT_RUN_INTERRUPTED, Provenance,
    RunReport, Verdict, Way, is_interruption,
};
pub use pcap::{Segment, write_pcap};
pub use terminal::{Progress, summary};
