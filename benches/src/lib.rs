//! Shared pieces of the dvcr benchmarks (issue 7): the workloads every bench
//! measures, and the baselines a user would pick instead of our codec,
//! each run on the same bytes (spec, "General Information", items 4 and 5).
//!
//! The benches in `benches/` and the allocation table in
//! `src/bin/allocations.rs` all draw from here, so every number compares
//! like with like.

pub mod baseline;
pub mod loopback;
pub mod serde_model;
pub mod workload;
