//! Prints the latest criterion results as ratios to the baselines measured
//! in the same run (issue 7, item 6), as the Markdown table kept in
//! `benches/README.md`.
//!
//! Run after `cargo bench -p dvcr-benches`: `cargo run -p dvcr-benches
//! --bin ratios`. It reads criterion's `new/estimates.json` and
//! `new/benchmark.json` under `target/criterion` (or under the folder given
//! as its argument) and compares median times: a ratio above 1 means ours
//! is that many times faster than the baseline.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use serde_json::Value;

/// One measured benchmark.
struct Measured {
    group: String,
    function: String,
    parameter: String,
    median_ns: f64,
    bytes: Option<f64>,
}

/// Whether `function` is one of ours rather than a baseline.
fn is_ours(function: &str) -> bool {
    function.starts_with("ours") || function == "emulator"
}

fn main() {
    let root = std::env::args()
        .nth(1)
        .map_or_else(default_root, PathBuf::from);
    let mut found = Vec::new();
    collect(&root, &mut found);
    if found.is_empty() {
        eprintln!("no criterion results under {}", root.display());
        std::process::exit(1);
    }

    let mut groups: BTreeMap<(String, String), Vec<&Measured>> = BTreeMap::new();
    for measured in &found {
        let key = (measured.group.clone(), measured.parameter.clone());
        groups.entry(key).or_default().push(measured);
    }

    println!("| group | ours | throughput | ratios to the baselines (their time / ours) |");
    println!("|---|---|---:|---|");
    for ((group, parameter), members) in &groups {
        let label = if parameter.is_empty() {
            group.clone()
        } else {
            format!("{group} ({parameter})")
        };
        let baselines: Vec<_> = members.iter().filter(|m| !is_ours(&m.function)).collect();
        let ours: Vec<_> = members.iter().filter(|m| is_ours(&m.function)).collect();
        if ours.is_empty() {
            for measured in members {
                println!(
                    "| {label} | {} | {} | |",
                    measured.function,
                    throughput(measured)
                );
            }
            continue;
        }

        for mine in ours {
            let ratios: Vec<String> = baselines
                .iter()
                .map(|base| format!("{} {:.2}x", base.function, base.median_ns / mine.median_ns))
                .collect();
            println!(
                "| {label} | {} | {} | {} |",
                mine.function,
                throughput(mine),
                ratios.join(", ")
            );
        }
    }
}

fn default_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/criterion")
}

/// Throughput as MiB/s for byte benches, or operations per second.
fn throughput(measured: &Measured) -> String {
    let per_second = 1e9 / measured.median_ns;
    match measured.bytes {
        Some(bytes) => format!("{:.0} MiB/s", bytes * per_second / (1024.0 * 1024.0)),
        None => format!("{per_second:.0}/s"),
    }
}

/// Finds every `new/benchmark.json` under `dir` and reads it with its
/// estimates.
fn collect(dir: &Path, found: &mut Vec<Measured>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };

    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && path.file_name().is_some_and(|name| name == "new") {
            found.extend(read(&path));
        } else if path.is_dir() {
            collect(&path, found);
        }
    }
}

fn read(dir: &Path) -> Option<Measured> {
    let benchmark: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("benchmark.json")).ok()?).ok()?;
    let estimates: Value =
        serde_json::from_str(&std::fs::read_to_string(dir.join("estimates.json")).ok()?).ok()?;
    Some(Measured {
        group: benchmark["group_id"].as_str()?.to_owned(),
        function: benchmark["function_id"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        parameter: benchmark["value_str"]
            .as_str()
            .unwrap_or_default()
            .to_owned(),
        median_ns: estimates["median"]["point_estimate"].as_f64()?,
        bytes: benchmark["throughput"]["Bytes"].as_f64(),
    })
}
