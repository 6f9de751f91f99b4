//! The readable report of `dvcr decode`: per input, each message with its
//! records and fields aligned, then its findings one per line (severity,
//! rule id, spec section, where, expected and found).

use std::fmt::Write as _;

use dvcr_protocol::Message;
use dvcr_protocol::validate::{Finding, Flow, Severity};

use super::Report;
use super::judge::{Carrier, Judgement};
use crate::cli::out::out;

/// Prints the report of every input, a message at a time, so that the
/// report of a large input is never held whole.
pub(super) fn write(reports: &[Report<'_>]) {
    let mut out = String::new();
    for report in reports {
        write_report(&mut out, report);
        flush(&mut out);
    }
}

/// Prints what `out` holds and empties it.
fn flush(out: &mut String) {
    out!("{out}");
    out.clear();
}

/// One input: a heading, its messages, a stream error, a summary whose
/// errors count the stream error too, as the exit code does.
fn write_report(out: &mut String, report: &Report<'_>) {
    let judged = match &report.outcome {
        Ok(judged) => judged,
        Err(error) if error.is_unreadable() => return,
        Err(error) => {
            let _ = writeln!(out, "== {}", display_name(report.name));
            let _ = writeln!(out, "not decoded: {error}");
            let _ = writeln!(
                out,
                "summary: 0 messages, 0 not decoded, 1 error, 0 warnings, 0 notes\n"
            );
            return;
        }
    };

    let hex = if report.hex { ", from a hex dump" } else { "" };
    let _ = writeln!(out, "== {}{hex}", display_name(report.name));

    let mut messages = judged.messages.iter().enumerate().peekable();
    while let Some((index, message)) = messages.next() {
        write_message(out, index + 1, message);
        let next = messages.peek().map(|(_, next)| next.offset);
        if let Some(next) = next
            && message.carrier == Carrier::Document
            && message.inspection.error.is_some()
        {
            let _ = writeln!(
                out,
                "  decoding goes on at byte {next}, where the next document starts"
            );
        }
        flush(out);
    }
    if let Some(error) = &judged.error {
        let _ = writeln!(out, "stream error: {error}");
    }
    if let Some((at, left)) = judged.undecoded_rest() {
        let _ = writeln!(
            out,
            "the rest of the input, {} from byte {at}, was not decoded: \
             a TPKT stream cannot be resynchronised",
            counted(left, "byte")
        );
    }

    let findings = judged
        .messages
        .iter()
        .flat_map(|message| &message.inspection.findings);
    let count = |severity| findings.clone().filter(|f| f.severity == severity).count();
    let undecoded = judged
        .messages
        .iter()
        .filter(|message| message.inspection.error.is_some())
        .count();
    let errors = count(Severity::Error) + usize::from(judged.error.is_some());
    let _ = writeln!(
        out,
        "summary: {}, {undecoded} not decoded, {}, {}, {}\n",
        counted(judged.messages.len(), "message"),
        counted(errors, "error"),
        counted(count(Severity::Warning), "warning"),
        counted(count(Severity::Info), "note"),
    );
}

/// `1 error`, `2 errors`.
fn counted(count: usize, noun: &str) -> String {
    let plural = if count == 1 { "" } else { "s" };
    format!("{count} {noun}{plural}")
}

/// `standard input` for `-`.
fn display_name(name: &str) -> &str {
    if name == "-" { "standard input" } else { name }
}

/// One message: where it came, its records, its findings.
fn write_message(out: &mut String, number: usize, message: &Judgement<'_>) {
    let inspection = &message.inspection;
    let carrier = message.carrier.as_str();
    let _ = write!(
        out,
        "\nmessage {number} ({carrier} at byte {})",
        message.offset
    );

    match (&inspection.message, &inspection.error) {
        (Some(decoded), _) => {
            let _ = writeln!(
                out,
                ", {}, version {}",
                flow_text(inspection.flow),
                decoded.version()
            );
            write_records(out, decoded);
        }
        (None, Some(error)) => {
            let at = message.payload_offset.saturating_add(error.offset());
            let _ = writeln!(out, ": not decoded");
            let _ = writeln!(out, "  error: {error} (byte {at} of the input)");
        }
        (None, None) => {
            let _ = writeln!(out);
        }
    }

    write_findings(out, &inspection.findings);
}

/// How a flow reads in the report.
fn flow_text(flow: Option<Flow>) -> &'static str {
    match flow {
        Some(Flow::ToDevice) => "to the device",
        Some(Flow::FromDevice) => "from the device",
        None => "not judged",
    }
}

/// Each record and its fields, names aligned.
fn write_records(out: &mut String, message: &Message<'_>) {
    for record in message.records() {
        let _ = writeln!(out, "  {} {}", record.kind().element(), record.xmlid());
        let width = record
            .fields()
            .map(|field| field.name().len())
            .max()
            .unwrap_or(0);

        for field in record.fields() {
            let value = field
                .value()
                .map_or_else(|| "(no value)".to_owned(), |value| format!("{value:?}"));
            let _ = write!(out, "    {:width$}  {value}", field.name());
            for attribute in field.attributes() {
                if attribute.name != "value" {
                    let _ = write!(out, " {}={:?}", attribute.name, attribute.value.as_ref());
                }
            }
            let _ = writeln!(out);
        }
    }
}

/// The findings, one per line, or `no findings`.
fn write_findings(out: &mut String, findings: &[Finding]) {
    if findings.is_empty() {
        let _ = writeln!(out, "  no findings");
        return;
    }

    let _ = writeln!(out, "  findings:");
    for finding in findings {
        let _ = writeln!(out, "    {finding}");
    }
}
