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
        let style = ProgressStyle::with_template(
            "{spinner} {elapsed_precise} {pos} cases ({per_sec}) {wide_msg}",
        )
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
        bar.set_style(style);
        bar.set_message("0 findings");
        Progress { bar }
    }

    /// Counts one case.
    pub fn case_done(&self) {
        self.bar.inc(1);
    }

    /// Shows the number of findings and what the run is doing.
    pub fn findings(&self, count: usize, doing: &str) {
        self.bar.set_message(format!("{count} findings {doing}"));
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
