//! The terminal report: a progress bar while the run goes, then one line
//! per case grouped by spec section (with the findings behind each warning
//! and the reason for each skip), and for each case that did not pass
//! the section, the step, what was expected and what came, and the frames
//! exchanged.

use std::borrow::Cow;
use std::collections::BTreeMap;
use std::fmt::Write as _;

use indicatif::{ProgressBar, ProgressStyle};

use super::model::{CaseResult, Failure, RunReport, Verdict, Way};

/// The most frames a failure shows in the terminal; the JSON keeps all.
const MAX_FRAMES_SHOWN: usize = 24;

/// The most characters of one frame the terminal shows; the JSON keeps
/// the whole frame, which may be 64 KiB.
const MAX_FRAME_CHARS: usize = 480;

/// The progress bar of a run, drawn on stderr when it is a terminal.
pub struct Progress {
    bar: ProgressBar,
}

impl Progress {
    /// A bar for `total` cases; `quiet` draws nothing.
    pub fn new(total: usize, quiet: bool) -> Self {
        let bar = if quiet {
            ProgressBar::hidden()
        } else {
            ProgressBar::new(u64::try_from(total).unwrap_or(u64::MAX))
        };
        let style = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
        bar.set_style(style);
        Progress { bar }
    }

    /// Shows the case now running.
    pub fn start(&self, name: &str) {
        self.bar.set_message(name.to_owned());
    }

    /// Counts a case as done.
    pub fn done(&self) {
        self.bar.inc(1);
    }

    /// Removes the bar.
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }
}

/// The whole terminal report as text.
pub fn summary(report: &RunReport) -> String {
    let mut out = String::new();
    let provenance = &report.provenance;
    let device = match (&provenance.product_name, &provenance.device_version) {
        (Some(name), Some(version)) => format!("{name} {version}"),
        _ => "device not identified".to_owned(),
    };
    let _ = writeln!(
        out,
        "dvcr {} against {} ({device}), profile {}",
        provenance.dvcr_version, provenance.target, report.profile
    );
    if let Some(error) = &report.infrastructure_error {
        let _ = writeln!(out, "infrastructure error: {error}");
    }
    if let Some(case) = opening_check(report) {
        write_frames(&mut out, case, "");
        let _ = writeln!(
            out,
            "\nnothing else ran, in {:.1} s, exit {}",
            report.duration_ms as f64 / 1000.0,
            report.exit_code
        );
        return out;
    }

    let mut sections: BTreeMap<&str, Vec<&CaseResult>> = BTreeMap::new();
    for case in &report.cases {
        sections
            .entry(case.section.as_str())
            .or_default()
            .push(case);
    }
    for (section, cases) in &sections {
        let _ = writeln!(out, "\n{section}");
        for case in cases {
            let mut line = format!(
                "  {:<11} {} ({} ms)",
                case.verdict, case.name, case.duration_ms
            );
            if let Some(reason) = &case.expected_failure {
                let _ = write!(line, " [expected failure: {reason}]");
            }
            if case.baseline_fixed {
                line.push_str(" [baseline expects a failure: update the baseline]");
            }
            let _ = writeln!(out, "{line}");
            for reason in reasons(case) {
                let _ = writeln!(out, "              {reason}");
            }
        }
    }

    let failed: Vec<&CaseResult> = report
        .cases
        .iter()
        .filter(|case| {
            matches!(
                case.verdict,
                Verdict::Fail | Verdict::Error | Verdict::Unsupported
            )
        })
        .collect();
    if !failed.is_empty() {
        let _ = writeln!(out, "\nFailures");
        for case in failed {
            let _ = writeln!(out, "\n{} {} [{}]", case.verdict, case.name, case.section);
            for line in describe_failure(case).lines() {
                let _ = writeln!(out, "  {line}");
            }
        }
    }

    if report.device_broke {
        let _ = writeln!(
            out,
            "\nthe device broke during the run: the closing sanity check (login, getdevinfo, \
             logout) failed"
        );
    }

    let counts: Vec<String> = Verdict::ALL
        .iter()
        .map(|verdict| (verdict, report.count(*verdict)))
        .filter(|(_, count)| *count > 0)
        .map(|(verdict, count)| format!("{count} {verdict}"))
        .collect();
    let _ = writeln!(
        out,
        "\n{}: {} in {:.1} s, exit {}",
        counted(report.cases.len(), "case"),
        counts.join(", "),
        report.duration_ms as f64 / 1000.0,
        report.exit_code
    );
    out
}

/// The failed opening sanity check, when the run stopped at it: the one
/// case of the report, behind its infrastructure error.
fn opening_check(report: &RunReport) -> Option<&CaseResult> {
    report.infrastructure_error.as_ref()?;
    match report.cases.as_slice() {
        [case] if case.name == "sanity-first" => Some(case),
        _ => None,
    }
}

/// `1 case`, `2 cases`.
fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

/// Why a case that passed with a warning, was flaky or was skipped, is
/// not a pass: one line per distinct warning finding (severity, rule id,
/// field, what was expected and what came) and per cleanup error, or how
/// the first attempt of a flaky case failed, or the reason for the skip,
/// each with any cleanup error. Empty for other verdicts.
pub fn reasons(case: &CaseResult) -> Vec<String> {
    let mut lines: Vec<String> = match case.verdict {
        Verdict::Flaky => case
            .first_failure
            .iter()
            .map(|failure| {
                let failed = step_and_message(failure);
                format!("flaky: the first attempt failed, the second passed: {failed}")
            })
            .collect(),
        Verdict::Skipped => case
            .failure
            .iter()
            .map(|failure| format!("skipped: {}", failure.message))
            .collect(),
        Verdict::Warning => warning_lines(case),
        _ => return Vec::new(),
    };
    lines.extend(
        case.cleanup_errors
            .iter()
            .map(|error| format!("cleanup: {error}")),
    );
    lines
}

/// One line per distinct warning finding of `case`.
fn warning_lines(case: &CaseResult) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let warnings = case
        .findings
        .iter()
        .filter(|finding| finding.severity == "warning");
    for finding in warnings {
        let field = finding
            .field
            .as_ref()
            .map_or_else(String::new, |field| format!(" field {field}"));
        let line = format!(
            "warning[{}]{field}: expected {}, found {}",
            finding.rule, finding.expected, finding.found
        );
        if !lines.contains(&line) {
            lines.push(line);
        }
    }
    lines
}

/// A case's failure: step, expectations broken, the re-run's failure or,
/// for a case the interruption left undecided, the first attempt's,
/// cleanup errors, frames.
pub fn describe_failure(case: &CaseResult) -> String {
    let mut out = String::new();
    if let Some(failure) = &case.failure {
        let _ = writeln!(out, "{}", step_and_message(failure));
        write_mismatches(&mut out, failure);
    }
    if let Some(failure) = &case.rerun_failure {
        let _ = writeln!(out, "re-run: {}", step_and_message(failure));
        write_mismatches(&mut out, failure);
    }
    if let Some(failure) = case.first_failure.as_ref().filter(|_| case.interrupted()) {
        let _ = writeln!(out, "first attempt: {}", step_and_message(failure));
        write_mismatches(&mut out, failure);
    }
    for error in &case.cleanup_errors {
        let _ = writeln!(out, "cleanup: {error}");
    }
    write_frames(&mut out, case, "");
    out
}

/// Each expectation `failure` broke: what, expected, actual.
fn write_mismatches(out: &mut String, failure: &Failure) {
    for mismatch in &failure.mismatches {
        let _ = writeln!(out, "  {}", mismatch.what);
        let _ = writeln!(out, "    expected: {}", mismatch.expected);
        let _ = writeln!(out, "    actual:   {}", mismatch.actual);
    }
}

/// The last frames `case` exchanged, each line after `indent`.
fn write_frames(out: &mut String, case: &CaseResult, indent: &str) {
    if case.frames.is_empty() {
        return;
    }

    let _ = writeln!(out, "{indent}frames exchanged:");
    let skip = case.frames.len().saturating_sub(MAX_FRAMES_SHOWN);
    if skip > 0 {
        let _ = writeln!(out, "{indent}  ({skip} earlier frames in the JSON report)");
    }
    for frame in case.frames.iter().skip(skip) {
        let arrow = match frame.way {
            Way::Sent => ">>",
            Way::Received => "<<",
        };
        let text = frame.text.replace('\n', " ");
        let text = shortened(&text);
        let _ = writeln!(
            out,
            "{indent}  {:>6} ms :{} {arrow} {text}",
            frame.at_ms, frame.local_port
        );
    }
}

/// `text` cut after [`MAX_FRAME_CHARS`] characters, saying how many more
/// the JSON report holds.
fn shortened(text: &str) -> Cow<'_, str> {
    let Some((cut, _)) = text.char_indices().nth(MAX_FRAME_CHARS) else {
        return Cow::Borrowed(text);
    };

    let rest = text.get(cut..).map_or(0, |rest| rest.chars().count());
    let kept = text.get(..cut).unwrap_or(text);
    Cow::Owned(format!(
        "{kept} ... ({rest} more characters in the JSON report)"
    ))
}

/// `step: message`, or the message alone for a case no step of which ran.
fn step_and_message(failure: &Failure) -> String {
    if failure.step.is_empty() {
        return failure.message.clone();
    }

    format!("{}: {}", failure.step, failure.message)
}

#[cfg(test)]
mod tests {
    use super::{MAX_FRAME_CHARS, shortened};

    #[test]
    fn a_long_frame_is_cut_and_says_how_much_the_json_keeps() {
        let frame = format!("[03 00 ff ff] {}", "é".repeat(65_531));
        let shown = shortened(&frame);

        let kept = frame.chars().take(MAX_FRAME_CHARS).collect::<String>();
        let more = frame.chars().count() - MAX_FRAME_CHARS;
        assert_eq!(
            shown,
            format!("{kept} ... ({more} more characters in the JSON report)")
        );
    }

    #[test]
    fn a_frame_within_the_limit_is_shown_whole() {
        let frame = "a".repeat(MAX_FRAME_CHARS);
        assert_eq!(shortened(&frame), frame);
    }
}
