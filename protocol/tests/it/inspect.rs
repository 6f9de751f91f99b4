//! The one entry point that judges bytes: deviations become findings of
//! their own rule, validation follows, streams are judged frame by frame.

use std::error::Error;
use std::fs;
use std::path::{Path, PathBuf};

use dvcr_protocol::decode::{DecodeError, DecodeOptions, DeviationKind};
use dvcr_protocol::inspect::{self, DEVIATION_SECTION};
use dvcr_protocol::tpkt::{self, TpktError};
use dvcr_protocol::validate::{Flow, Rule, Severity};

type TestResult = Result<(), Box<dyn Error>>;

fn example(name: &str) -> Result<Vec<u8>, Box<dyn Error>> {
    let path: PathBuf = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("..")
        .join("corpus")
        .join("spec")
        .join(name);
    Ok(fs::read(path)?)
}

#[test]
fn every_deviation_kind_has_the_rule_of_the_same_id() {
    for kind in DeviationKind::ALL {
        let rule = inspect::rule_of(kind);
        assert_eq!(rule.id(), kind.as_str());
        assert_eq!(rule.severity(), Severity::Warning);
    }
}

#[test]
fn both_frame_deviations_have_their_rule() {
    let reserved = tpkt::Deviation::NonZeroReserved { found: 7 };
    assert_eq!(inspect::frame_rule_of(reserved), Rule::TpktReservedByte);
    assert_eq!(
        inspect::frame_rule_of(tpkt::Deviation::UnframedXml),
        Rule::UnframedXml
    );
}

#[test]
fn a_lenient_payload_gives_its_deviations_then_its_validation_findings() -> TestResult {
    let xml = example("149-callandplay-command-1.xml")?;
    let inspection = inspect::payload(&xml, &DecodeOptions::LENIENT, None);
    let rules: Vec<Rule> = inspection
        .findings
        .iter()
        .map(|finding| finding.rule)
        .collect();

    assert_eq!(inspection.error, None);
    assert_eq!(inspection.flow, Some(Flow::ToDevice));
    assert_eq!(
        rules,
        [
            Rule::SpaceInXmlid,
            Rule::SpaceAfterLt,
            Rule::SpaceAfterLt,
            Rule::SpaceAfterLt,
            Rule::XmlidCase,
            Rule::RepeatedField,
            Rule::MissingField,
        ]
    );
    let first = inspection.findings.first();
    assert_eq!(first.and_then(|finding| finding.offset), Some(93));
    assert_eq!(
        first.and_then(|finding| finding.section),
        Some(DEVIATION_SECTION)
    );
    assert!(inspection.has_errors());
    Ok(())
}

#[test]
fn a_strict_payload_with_a_deviation_is_an_error_without_findings() -> TestResult {
    let xml = example("001-general-command-1.xml")?;
    let inspection = inspect::payload(&xml, &DecodeOptions::STRICT, None);

    assert_eq!(inspection.message, None);
    assert_eq!(
        inspection.error,
        Some(DecodeError::Deviation {
            offset: 0,
            kind: DeviationKind::DeclarationNotAtStart
        })
    );
    assert!(inspection.findings.is_empty());
    assert!(inspection.has_errors());
    Ok(())
}

#[test]
fn the_flow_is_judged_by_the_first_record_unless_given() -> TestResult {
    let confirm = example("004-login-confirm-1.xml")?;
    let auto = inspect::payload(&confirm, &DecodeOptions::LENIENT, None);
    let forced = inspect::payload(&confirm, &DecodeOptions::LENIENT, Some(Flow::ToDevice));

    assert_eq!(auto.flow, Some(Flow::FromDevice));
    assert!(auto.findings.is_empty());
    assert!(
        forced
            .findings
            .iter()
            .any(|finding| finding.rule == Rule::WrongRecordKind)
    );
    Ok(())
}

#[test]
fn a_stream_of_frames_is_judged_frame_by_frame_with_stream_offsets() -> TestResult {
    let mut stream = example("003-login-command-1.tpkt")?;
    let first_len = stream.len();
    stream.extend(example("112-pauseroomrecord-confirm-1.tpkt")?);
    let judged = inspect::stream(&stream, &DecodeOptions::LENIENT, None);

    assert_eq!(judged.error, None);
    assert_eq!(judged.frames.len(), 2);
    let second = judged.frames.get(1).map(|frame| &frame.inspection);
    let finding = second.and_then(|inspection| inspection.findings.first());
    assert_eq!(
        finding.map(|finding| finding.rule),
        Some(Rule::SpaceInXmlid)
    );
    assert_eq!(
        finding.and_then(|finding| finding.offset),
        Some(first_len + 4 + 93)
    );
    Ok(())
}

#[test]
fn a_nonzero_reserved_byte_is_a_finding_at_that_byte() -> TestResult {
    let mut frame = example("003-login-command-1.tpkt")?;
    if let Some(reserved) = frame.get_mut(1) {
        *reserved = 0x20;
    }
    let judged = inspect::stream(&frame, &DecodeOptions::STRICT, None);
    let findings = judged
        .frames
        .first()
        .map(|frame| &frame.inspection.findings);
    let first = findings.and_then(|findings| findings.first());

    assert_eq!(
        first.map(|finding| finding.rule),
        Some(Rule::TpktReservedByte)
    );
    assert_eq!(first.and_then(|finding| finding.offset), Some(1));
    assert_eq!(first.map(|finding| finding.found.as_str()), Some("0x20"));
    Ok(())
}

#[test]
fn unframed_xml_is_a_finding_when_lenient_and_an_error_when_strict() -> TestResult {
    let xml = example("003-login-command-1.xml")?;
    let line: Vec<u8> = xml
        .iter()
        .copied()
        .filter(|&byte| byte != b'\n')
        .chain(*b"\r\n")
        .collect();
    let lenient = inspect::stream(&line, &DecodeOptions::LENIENT, None);
    let strict = inspect::stream(&line, &DecodeOptions::STRICT, None);

    let rule = lenient
        .frames
        .first()
        .and_then(|frame| frame.inspection.findings.first())
        .map(|finding| finding.rule);
    assert_eq!(rule, Some(Rule::UnframedXml));
    assert_eq!(strict.error, Some(TpktError::UnframedXml { offset: 0 }));
    assert!(strict.frames.is_empty());
    assert!(strict.has_errors());
    Ok(())
}

#[test]
fn a_stream_cut_inside_a_frame_keeps_the_frames_before_it() -> TestResult {
    let mut stream = example("003-login-command-1.tpkt")?;
    let whole = stream.len();
    stream.extend(
        example("005-logout-command-1.tpkt")?
            .get(..10)
            .unwrap_or_default(),
    );
    let judged = inspect::stream(&stream, &DecodeOptions::LENIENT, None);

    assert_eq!(judged.frames.len(), 1);
    assert!(matches!(
        judged.error,
        Some(TpktError::Truncated { received: 10, offset, .. }) if offset == whole as u64
    ));
    Ok(())
}
