//! Rebuilds the crate when a file of the embedded suite
//! (`corpus/scenarios/suite/`, see `run::suite`) is added, removed or
//! changed.

fn main() {
    println!("cargo::rerun-if-changed=../corpus/scenarios/suite");
}
