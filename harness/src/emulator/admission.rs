//! The catalog check of every incoming `COMMAND` (spec, "General
//! Information", items 3 to 6, and each command's parameter table): the
//! device judges a record with [`validate`] travelling [`Flow::ToDevice`]
//! before any handler runs, and refuses one that breaks the catalog with
//! `RESULT 1` and a `DESCRIPTION` quoting what was wrong, changing nothing.
//!
//! Some findings are not the catalog check's to answer: the device has its
//! own replies for an unknown command, a record that is no `COMMAND`, and a
//! missing or unknown session. And the faults that exist to accept bad
//! input waive the findings about that input (see [`FaultSet::waives`]).

use dvcr_protocol::Message;
use dvcr_protocol::validate::{Finding, Flow, Rule, Severity, validate};

use super::faults::FaultSet;

/// The field whose findings the session check answers.
const SESSIONID: &str = "SESSIONID";

/// The error findings of every record of `request`, travelling to the
/// device, that the catalog check answers.
pub struct Admission {
    findings: Vec<Finding>,
}

impl Admission {
    /// Judges `request` against the spec's catalog.
    pub fn judge(request: &Message<'_>) -> Self {
        let mut findings = validate(request, Flow::ToDevice);
        findings
            .retain(|finding| finding.severity == Severity::Error && !answered_elsewhere(finding));
        Admission { findings }
    }

    /// Why the record at `index`, of command `xmlid`, is refused, if it is:
    /// each finding the faults in `faults` do not waive, in words.
    #[inline]
    pub fn refusal(&self, index: usize, xmlid: &str, faults: &FaultSet) -> Option<String> {
        if self.findings.is_empty() {
            return None;
        }

        self.words(index, xmlid, faults)
    }

    /// [`Admission::refusal`] when there are findings to go through.
    #[inline(never)]
    fn words(&self, index: usize, xmlid: &str, faults: &FaultSet) -> Option<String> {
        let words: Vec<String> = self
            .findings
            .iter()
            .filter(|finding| finding.record == Some(index))
            .filter(|finding| !faults.waives(xmlid, finding))
            .map(describe)
            .collect();
        (!words.is_empty()).then(|| words.join("; "))
    }
}

/// Whether the device answers `finding` with a reply of its own: an
/// unknown command, a record of the wrong kind, records that disagree on
/// their xmlid (each is answered for itself), or anything about the
/// session, which the session check answers.
fn answered_elsewhere(finding: &Finding) -> bool {
    matches!(
        finding.rule,
        Rule::UnknownXmlid | Rule::WrongRecordKind | Rule::MixedXmlids | Rule::MissingSessionid
    ) || finding.field.as_deref() == Some(SESSIONID)
}

/// A finding in words: `LDAP_SERVER: expected an IPv4 address or a DNS
/// name, found "256.1.1.1" (bad-value)`.
fn describe(finding: &Finding) -> String {
    let field = finding
        .field
        .as_deref()
        .map_or_else(String::new, |field| format!("{field}: "));
    format!(
        "{field}expected {}, found {} ({})",
        finding.expected, finding.found, finding.rule
    )
}
