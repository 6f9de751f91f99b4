//! A finding: one rule a message broke, where, and what was expected
//! instead.
//!
//! Findings own their text, so they outlive the message they judge and can
//! be gathered into reports.

use std::fmt;

use super::rule::{Rule, Severity};

/// The longest value a finding quotes before cutting it short.
const MAX_QUOTED_CHARS: usize = 48;

/// One rule broken by a message.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Finding {
    /// The rule broken.
    pub rule: Rule,
    /// How much it matters; the rule's default unless a caller changed it.
    pub severity: Severity,
    /// The spec section of the command concerned, when the record's `xmlid`
    /// named one.
    pub section: Option<&'static str>,
    /// The index of the record concerned, when the finding is about one.
    pub record: Option<usize>,
    /// The element name of the field concerned, as it came.
    pub field: Option<String>,
    /// What the spec asks for, in a few words.
    pub expected: String,
    /// What came instead, in a few words.
    pub found: String,
    /// The byte offset of what the finding is about, when it came from
    /// decoding or framing: in the payload when a payload was judged, in
    /// the stream when a stream was (see [`crate::inspect`]).
    pub offset: Option<usize>,
}

impl Finding {
    /// A finding of `rule` at the rule's default severity, located nowhere
    /// yet.
    pub fn new(rule: Rule, expected: impl Into<String>, found: impl Into<String>) -> Self {
        Finding {
            rule,
            severity: rule.severity(),
            section: None,
            record: None,
            field: None,
            expected: expected.into(),
            found: found.into(),
            offset: None,
        }
    }

    /// The same finding, about the command of spec section `section`.
    pub fn in_section(mut self, section: Option<&'static str>) -> Self {
        self.section = section;
        self
    }

    /// The same finding, about the record at `index`.
    pub fn in_record(mut self, index: usize) -> Self {
        self.record = Some(index);
        self
    }

    /// The same finding, about the field named `name`.
    pub fn on_field(mut self, name: &str) -> Self {
        self.field = Some(name.to_owned());
        self
    }

    /// The same finding, at byte `offset` of the frame.
    pub fn at_offset(mut self, offset: usize) -> Self {
        self.offset = Some(offset);
        self
    }
}

/// One line: `error[unknown-field] SECTION: record 0 field FOO: expected
/// one of SESSIONID, NAME, found FOO`.
impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}[{}]", self.severity, self.rule)?;
        if let Some(section) = self.section {
            write!(f, " {section}")?;
        }

        let mut separator = ": ";
        if let Some(record) = self.record {
            write!(f, "{separator}record {record}")?;
            separator = " ";
        }
        if let Some(field) = &self.field {
            write!(f, "{separator}field {field}")?;
            separator = " ";
        }
        if let Some(offset) = self.offset {
            write!(f, "{separator}at byte {offset}")?;
        }

        write!(f, ": expected {}, found {}", self.expected, self.found)
    }
}

/// A value as a finding shows it: in double quotes, with control characters
/// escaped so the finding stays on one line, and cut short when long.
pub(crate) fn quote(value: &str) -> String {
    let mut chars = value.chars();
    let head: String = chars.by_ref().take(MAX_QUOTED_CHARS).collect();
    let ellipsis = if chars.next().is_some() { "..." } else { "" };

    format!("\"{}{ellipsis}\"", head.escape_debug())
}
