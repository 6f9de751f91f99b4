//! Deviations as findings: each defect that lenient decoding or lenient
//! framing reads through becomes a [`Finding`] of its own [`Rule`] (spec,
//! "General Information", items 4 and 5), so that reports treat it like any
//! other broken rule.

use crate::decode::{Deviation, DeviationKind};
use crate::tpkt;
use crate::validate::{Finding, Rule};

/// The section every deviation finding names: the items of "General
/// Information" that describe the frame and the document.
pub const DEVIATION_SECTION: &str = "General Information";

/// How many bytes of the payload a deviation finding quotes at most.
const EXCERPT_LEN: usize = 60;

/// The rule a decoding deviation of `kind` breaks.
pub const fn rule_of(kind: DeviationKind) -> Rule {
    match kind {
        DeviationKind::SpaceInXmlid => Rule::SpaceInXmlid,
        DeviationKind::SpaceAfterLessThan => Rule::SpaceAfterLt,
        DeviationKind::AttributeWithoutName => Rule::AttributeWithoutName,
        DeviationKind::MalformedDeclaration => Rule::MalformedDeclaration,
        DeviationKind::MixedCaseElement => Rule::MixedCaseElement,
        DeviationKind::DeclarationNotAtStart => Rule::DeclarationNotAtStart,
    }
}

/// The rule a TPKT frame deviation breaks.
pub const fn frame_rule_of(deviation: tpkt::Deviation) -> Rule {
    match deviation {
        tpkt::Deviation::NonZeroReserved { .. } => Rule::TpktReservedByte,
        tpkt::Deviation::UnframedXml => Rule::UnframedXml,
    }
}

/// What the spec asks for where a deviation of `kind` stands.
const fn expected(kind: DeviationKind) -> &'static str {
    match kind {
        DeviationKind::SpaceInXmlid => "an xmlid without spaces",
        DeviationKind::SpaceAfterLessThan => "an element name right after '<'",
        DeviationKind::AttributeWithoutName => "an attribute name before '='",
        DeviationKind::MalformedDeclaration => "a well-formed XML declaration",
        DeviationKind::MixedCaseElement => "an element name in upper case",
        DeviationKind::DeclarationNotAtStart => "the XML declaration at the very start",
    }
}

/// The finding of `deviation`, found in `payload`, at its payload offset.
///
/// What it found is quoted from the payload: the text from the deviation's
/// offset to the end of that tag or line, cut short when long.
pub fn finding_of(deviation: &Deviation, payload: &[u8]) -> Finding {
    let kind = deviation.kind;
    Finding::new(
        rule_of(kind),
        expected(kind),
        excerpt(payload, deviation.offset),
    )
    .in_section(Some(DEVIATION_SECTION))
    .at_offset(deviation.offset)
}

/// The finding of a frame's `deviation`, for a frame starting at `offset`
/// in its stream; a reserved byte is reported at its own offset.
pub fn frame_finding_of(deviation: tpkt::Deviation, offset: usize) -> Finding {
    let finding = match deviation {
        tpkt::Deviation::NonZeroReserved { found } => {
            let found = format!("0x{found:02X}");
            Finding::new(Rule::TpktReservedByte, "reserved byte 0x00", found)
                .at_offset(offset.saturating_add(1))
        }
        tpkt::Deviation::UnframedXml => {
            let expected = "a TPKT header 03 00 LEN_HI LEN_LO";
            Finding::new(Rule::UnframedXml, expected, "XML ended by CR LF").at_offset(offset)
        }
    };

    finding.in_section(Some(DEVIATION_SECTION))
}

/// The tag of the payload holding `offset`, quoted: from the last `<` before
/// it on its line to the next `>`, cut short when long.
fn excerpt(payload: &[u8], offset: usize) -> String {
    let before = payload.get(..offset).unwrap_or_default();
    let line_start = before
        .iter()
        .rposition(|&byte| byte == b'\n')
        .map_or(0, |at| at + 1);
    let start = before
        .iter()
        .rposition(|&byte| byte == b'<')
        .filter(|&at| at >= line_start)
        .unwrap_or(offset);

    let rest = payload.get(start..).unwrap_or_default();
    let end = rest
        .iter()
        .position(|&byte| matches!(byte, b'>' | b'\n' | b'\r'))
        .map_or(rest.len(), |at| {
            at + usize::from(rest.get(at) == Some(&b'>'))
        });
    let tag = rest.get(..end.min(EXCERPT_LEN)).unwrap_or_default();

    format!("\"{}\"", String::from_utf8_lossy(tag).escape_debug())
}
