//! The JSON report of `dvcr decode --json`: one array, an object per input
//! holding its messages, each with its records, fields and findings. The
//! keys are stable: scripts diff them between firmware builds.

use std::io::{BufWriter, Write};

use serde::{Serialize, Serializer};

use dvcr_protocol::Message;
use dvcr_protocol::validate::{Finding, Flow};

use super::Report;
use super::input::Layout;
use super::judge::Judgement;

/// One input.
#[derive(Serialize)]
struct InputJson<'a> {
    input: &'a str,
    error: Option<String>,
    layout: Option<&'static str>,
    hex: bool,
    messages: Messages<'a>,
    stream_error: Option<String>,
    undecoded_rest: Option<RestJson>,
    has_errors: bool,
}

/// The messages of one input, each made as it is written, so that the
/// report of a large input is never held whole.
struct Messages<'a>(&'a [Judgement<'a>]);

impl Serialize for Messages<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.iter().map(message_json))
    }
}

/// The bytes a stream error left undecoded.
#[derive(Serialize)]
struct RestJson {
    offset: usize,
    bytes: usize,
}

/// One message of an input.
#[derive(Serialize)]
struct MessageJson<'a> {
    offset: usize,
    carrier: &'static str,
    flow: Option<&'static str>,
    version: Option<&'a str>,
    error: Option<ErrorJson>,
    records: Vec<RecordJson<'a>>,
    findings: Vec<FindingJson<'a>>,
}

/// Why a message was not decoded.
#[derive(Serialize)]
struct ErrorJson {
    message: String,
    offset: usize,
}

/// One record.
#[derive(Serialize)]
struct RecordJson<'a> {
    kind: &'static str,
    xmlid: &'a str,
    fields: Vec<FieldJson<'a>>,
}

/// One field: its name, its value, its other attributes in order.
#[derive(Serialize)]
struct FieldJson<'a> {
    name: &'a str,
    value: Option<&'a str>,
    attributes: Vec<(&'a str, &'a str)>,
}

/// One finding.
#[derive(Serialize)]
struct FindingJson<'a> {
    rule: &'static str,
    severity: &'static str,
    section: Option<&'static str>,
    record: Option<usize>,
    field: Option<&'a str>,
    offset: Option<usize>,
    expected: &'a str,
    found: &'a str,
}

/// Writes every input's report to standard output as it is made; what a
/// closed pipe cannot take is dropped, as [`outln!`](crate::cli::out)
/// does.
pub(super) fn write(reports: &[Report<'_>]) {
    let inputs: Vec<InputJson<'_>> = reports.iter().map(input_json).collect();
    let mut stdout = BufWriter::new(std::io::stdout().lock());
    let _ = serde_json::to_writer_pretty(&mut stdout, &inputs)
        .map_err(std::io::Error::from)
        .and_then(|()| stdout.write_all(b"\n"))
        .and_then(|()| stdout.flush());
}

fn input_json<'a>(report: &'a Report<'a>) -> InputJson<'a> {
    let judged = match &report.outcome {
        Ok(judged) => judged,
        Err(error) => {
            return InputJson {
                input: report.name,
                error: Some(error.to_string()),
                layout: None,
                hex: report.hex,
                messages: Messages(&[]),
                stream_error: None,
                undecoded_rest: None,
                has_errors: true,
            };
        }
    };

    InputJson {
        input: report.name,
        error: None,
        layout: Some(match judged.layout {
            Layout::Stream => "stream",
            Layout::Xml => "xml",
        }),
        hex: report.hex,
        messages: Messages(&judged.messages),
        stream_error: judged.error.as_ref().map(ToString::to_string),
        undecoded_rest: judged
            .undecoded_rest()
            .map(|(offset, bytes)| RestJson { offset, bytes }),
        has_errors: judged.has_errors(),
    }
}

fn message_json<'a>(message: &'a Judgement<'a>) -> MessageJson<'a> {
    let inspection = &message.inspection;
    let decoded = inspection.message.as_ref();
    MessageJson {
        offset: message.offset,
        carrier: message.carrier.as_str(),
        flow: inspection.flow.map(|flow| match flow {
            Flow::ToDevice => "to-device",
            Flow::FromDevice => "from-device",
        }),
        version: decoded.map(Message::version),
        error: inspection.error.as_ref().map(|error| ErrorJson {
            message: error.to_string(),
            offset: message.payload_offset.saturating_add(error.offset()),
        }),
        records: decoded.map(records_json).unwrap_or_default(),
        findings: inspection.findings.iter().map(finding_json).collect(),
    }
}

fn records_json<'a>(message: &'a Message<'a>) -> Vec<RecordJson<'a>> {
    message
        .records()
        .map(|record| RecordJson {
            kind: record.kind().element(),
            xmlid: record.xmlid(),
            fields: record
                .fields()
                .map(|field| FieldJson {
                    name: field.name(),
                    value: field.value(),
                    attributes: field
                        .attributes()
                        .iter()
                        .filter(|attribute| attribute.name != "value")
                        .map(|attribute| (attribute.name.as_ref(), attribute.value.as_ref()))
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

fn finding_json(finding: &Finding) -> FindingJson<'_> {
    FindingJson {
        rule: finding.rule.id(),
        severity: finding.severity.as_str(),
        section: finding.section,
        record: finding.record,
        field: finding.field.as_deref(),
        offset: finding.offset,
        expected: &finding.expected,
        found: &finding.found,
    }
}
