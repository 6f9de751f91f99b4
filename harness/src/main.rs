//! `dvcr`: the command line of the conformance harness.

fn main() {}
