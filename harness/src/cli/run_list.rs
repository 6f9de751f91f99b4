//! `dvcr run --list`: the scenarios that would run and those that would be
//! skipped, grouped by the spec section they cite, sorted by name within a
//! section, in columns wide enough for the longest name.

use std::collections::BTreeMap;
use std::fmt::Write as _;

use dvcr::run::{Disposition, RunOptions, disposition};
use dvcr::scenario::Scenario;

/// The listing of `scenarios` under `options`, ready to print.
pub(crate) fn render(scenarios: &[Scenario], options: &RunOptions) -> String {
    let mut sections: BTreeMap<&str, Vec<&Scenario>> = BTreeMap::new();
    for scenario in scenarios {
        sections
            .entry(scenario.section.as_str())
            .or_default()
            .push(scenario);
    }
    let width = scenarios
        .iter()
        .map(|scenario| scenario.name.chars().count())
        .max()
        .unwrap_or(0);

    let mut out = String::new();
    let mut skipped = 0;
    for (section, mut members) in sections {
        members.sort_by(|a, b| a.name.cmp(&b.name));
        let _ = writeln!(out, "{section}");
        for scenario in members {
            let (status, reason) = match disposition(scenario, options) {
                Disposition::Run => ("run", None),
                Disposition::Skip(reason) => ("skip", Some(reason)),
            };
            let tags = if scenario.tags.is_empty() {
                String::new()
            } else {
                format!(" [{}]", scenario.tags.join(", "))
            };
            let _ = writeln!(out, "  {:<width$}  {status:<4}{tags}", scenario.name);
            if let Some(reason) = reason {
                skipped += 1;
                let _ = writeln!(out, "  {:<width$}  {reason}", "");
            }
        }
        out.push('\n');
    }
    let noun = if scenarios.len() == 1 {
        "scenario"
    } else {
        "scenarios"
    };
    let _ = writeln!(
        out,
        "{} {noun}: {} to run, {skipped} to skip",
        scenarios.len(),
        scenarios.len() - skipped
    );
    out
}
