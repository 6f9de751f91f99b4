//! The live line of a fuzzing run on stderr: elapsed time, cases run, cases
//! per second, and findings so far (drawn only when stderr is a terminal).

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// The progress line.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A line on stderr, or nothing when `quiet`.
    pub fn new(quiet: bool) -> Self {
        let target = if quiet {
            ProgressDrawTarget::hidden()
        } else {
            ProgressDrawTarget::stderr()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        let style = ProgressStyle::with_template("{spinner} {elapsed_precise} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.set_message("0 cases, 0 findings");
        Progress { bar }
    }

    /// Counts one case; `findings` found so far.
    pub fn case_done(&self, findings: usize) {
        self.bar.inc(1);
        self.findings(findings, "");
    }

    /// Shows the cases run, their rate, the findings and what the run is
    /// doing.
    pub fn findings(&self, count: usize, doing: &str) {
        let cases = self.bar.position();
        let rate = cases as f64 / self.bar.elapsed().as_secs_f64().max(1e-3);
        self.bar.set_message(format!(
            "{} ({rate:.0}/s), {} {doing}",
            counted(cases, "case", "cases"),
            counted(count as u64, "finding", "findings"),
        ));
    }

    /// Prints a line above the progress line.
    pub fn note(&self, line: &str) {
        self.bar.println(line);
    }

    /// Removes the line.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// `count` with the noun in the number it takes: `1 case`, `2 cases`.
pub fn counted(count: u64, one: &str, many: &str) -> String {
    if count == 1 {
        return format!("{count} {one}");
    }

    format!("{count} {many}")
}
