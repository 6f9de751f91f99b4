//! The rules a message is judged by, each with a stable id and a default
//! severity.
//!
//! This file is the one place rule ids are documented. Users diff findings
//! between firmware builds, so an id is never renamed, renumbered or reused:
//! a rule that stops being useful keeps its id and is simply no longer
//! emitted. The spec sections the rules serve are "General Information"
//! (items 3 to 6) and the parameter tables of each command.

use std::fmt;

/// How much a finding matters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// The message breaks the spec: a device or client doing this is wrong.
    Error,
    /// The message departs from the spec in a way peers commonly tolerate.
    Warning,
    /// Worth knowing, not wrong.
    Info,
}

impl Severity {
    /// The lowercase word used in reports: `error`, `warning` or `info`.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

impl fmt::Display for Severity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One check a message can fail.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Rule {
    /// `unknown-xmlid` (error): a record's `xmlid` names no command of the
    /// spec, even ignoring case; its fields are then not checked.
    UnknownXmlid,
    /// `xmlid-case` (warning): a record's `xmlid` matches a command only when
    /// case is ignored, as in `Login` for `login`.
    XmlidCase,
    /// `wrong-record-kind` (error): a `COMMAND` came from the device, a
    /// `CONFIRM` or `INDICATION` was sent to it, or an `INDICATION` came for
    /// a command the spec gives no indication.
    WrongRecordKind,
    /// `missing-sessionid` (error): a `COMMAND` other than `login` carries no
    /// `SESSIONID` ("General Information", item 6).
    MissingSessionid,
    /// `missing-field` (error): a record lacks a field its table marks
    /// required. Not reported for a `CONFIRM` whose `RESULT` is 1 (failure),
    /// which need not carry the fields of a success.
    MissingField,
    /// `unknown-field` (error): a record carries a field its table does not
    /// list, under any known spelling.
    UnknownField,
    /// `repeated-field` (error): a field the table does not mark repeatable
    /// appears more than once in one record; reported at each extra copy.
    RepeatedField,
    /// `bad-value` (error): a field's value is not of its type: not an
    /// integer, not a GUID, not an IPv4 address or host name, a malformed
    /// date or duration, the wrong number of digits, text too long, or no
    /// `value` attribute at all.
    BadValue,
    /// `value-out-of-range` (error): an integer outside the range the spec
    /// gives for the field.
    ValueOutOfRange,
    /// `value-not-in-enumeration` (error): a value that is none of those the
    /// field's table lists (compared exactly).
    ValueNotInEnumeration,
    /// `guid-rfc4122-form` (warning): a GUID written in the RFC 4122
    /// 8-4-4-4-12 form where the spec's examples use 8-4-4-16.
    GuidRfc4122Form,
    /// `field-alias` (warning): a field spelled as a known alias (the
    /// spelling of a spec example) rather than as the parameter table spells
    /// it; it is then checked as the table's field.
    FieldAlias,
    /// `missing-result` (error): a `CONFIRM` carries no `RESULT`.
    MissingResult,
    /// `bad-result` (error): a `CONFIRM`'s `RESULT` is neither 0 (success)
    /// nor 1 (failure).
    BadResult,
    /// `mixed-xmlids` (error): the records of one message disagree on their
    /// `xmlid`; reported at each record that differs from the first, case
    /// ignored (`xmlid-case` reports case).
    MixedXmlids,
    /// `too-many-records` (error): a reply holds several `CONFIRM` records
    /// for a command the spec answers with exactly one; reported once, at
    /// the second.
    TooManyRecords,
    /// `missing-name-attribute` (warning): a field the spec's examples show
    /// with a `name` attribute (such as a group member) has none.
    MissingNameAttribute,
    /// `not-implemented-command` (info): the command is one the spec marks
    /// "No implementation"; a device may refuse it. Reported once per
    /// message, at the first record naming the command.
    NotImplementedCommand,
    /// `web-ui-only` (info): a command or field the spec reserves for the
    /// Web UI was used; reported once per message for a command and once per
    /// record for a field.
    WebUiOnly,
    /// `space-in-xmlid` (warning, from lenient decoding): an `xmlid` value
    /// held spaces, which were dropped.
    SpaceInXmlid,
    /// `space-after-lt` (warning, from lenient decoding): a tag had space
    /// between `<` and its name, as in `< ADDR`.
    SpaceAfterLt,
    /// `attribute-without-name` (warning, from lenient decoding): an element
    /// held a quoted value with no attribute name before it.
    AttributeWithoutName,
    /// `malformed-declaration` (warning, from lenient decoding): the XML
    /// declaration was misspelled, as in `<? xml`.
    MalformedDeclaration,
    /// `mixed-case-element` (warning, from lenient decoding): an element of
    /// the protocol was spelled in other than upper case.
    MixedCaseElement,
    /// `tpkt-reserved-byte` (warning, from the TPKT layer): the reserved
    /// second byte of a TPKT header was not zero.
    TpktReservedByte,
    /// `unframed-xml` (warning, from the TPKT layer): XML arrived without a
    /// TPKT header, ended by CR LF.
    UnframedXml,
    /// `declaration-not-at-start` (warning, from lenient decoding): white
    /// space came before the XML declaration, as in both examples of
    /// "General Information", item 5.
    DeclarationNotAtStart,
}

impl Rule {
    /// Every rule, in the order of their declaration.
    pub const ALL: &'static [Rule] = &[
        Rule::UnknownXmlid,
        Rule::XmlidCase,
        Rule::WrongRecordKind,
        Rule::MissingSessionid,
        Rule::MissingField,
        Rule::UnknownField,
        Rule::RepeatedField,
        Rule::BadValue,
        Rule::ValueOutOfRange,
        Rule::ValueNotInEnumeration,
        Rule::GuidRfc4122Form,
        Rule::FieldAlias,
        Rule::MissingResult,
        Rule::BadResult,
        Rule::MixedXmlids,
        Rule::TooManyRecords,
        Rule::MissingNameAttribute,
        Rule::NotImplementedCommand,
        Rule::WebUiOnly,
        Rule::SpaceInXmlid,
        Rule::SpaceAfterLt,
        Rule::AttributeWithoutName,
        Rule::MalformedDeclaration,
        Rule::MixedCaseElement,
        Rule::TpktReservedByte,
        Rule::UnframedXml,
        Rule::DeclarationNotAtStart,
    ];

    /// The rule's stable kebab-case id, as reports print it.
    pub const fn id(self) -> &'static str {
        match self {
            Rule::UnknownXmlid => "unknown-xmlid",
            Rule::XmlidCase => "xmlid-case",
            Rule::WrongRecordKind => "wrong-record-kind",
            Rule::MissingSessionid => "missing-sessionid",
            Rule::MissingField => "missing-field",
            Rule::UnknownField => "unknown-field",
            Rule::RepeatedField => "repeated-field",
            Rule::BadValue => "bad-value",
            Rule::ValueOutOfRange => "value-out-of-range",
            Rule::ValueNotInEnumeration => "value-not-in-enumeration",
            Rule::GuidRfc4122Form => "guid-rfc4122-form",
            Rule::FieldAlias => "field-alias",
            Rule::MissingResult => "missing-result",
            Rule::BadResult => "bad-result",
            Rule::MixedXmlids => "mixed-xmlids",
            Rule::TooManyRecords => "too-many-records",
            Rule::MissingNameAttribute => "missing-name-attribute",
            Rule::NotImplementedCommand => "not-implemented-command",
            Rule::WebUiOnly => "web-ui-only",
            Rule::SpaceInXmlid => "space-in-xmlid",
            Rule::SpaceAfterLt => "space-after-lt",
            Rule::AttributeWithoutName => "attribute-without-name",
            Rule::MalformedDeclaration => "malformed-declaration",
            Rule::MixedCaseElement => "mixed-case-element",
            Rule::TpktReservedByte => "tpkt-reserved-byte",
            Rule::UnframedXml => "unframed-xml",
            Rule::DeclarationNotAtStart => "declaration-not-at-start",
        }
    }

    /// The severity a finding of this rule has unless a caller overrides it.
    pub const fn severity(self) -> Severity {
        match self {
            Rule::XmlidCase
            | Rule::GuidRfc4122Form
            | Rule::FieldAlias
            | Rule::MissingNameAttribute
            | Rule::SpaceInXmlid
            | Rule::SpaceAfterLt
            | Rule::AttributeWithoutName
            | Rule::MalformedDeclaration
            | Rule::MixedCaseElement
            | Rule::TpktReservedByte
            | Rule::UnframedXml
            | Rule::DeclarationNotAtStart => Severity::Warning,
            Rule::NotImplementedCommand | Rule::WebUiOnly => Severity::Info,
            Rule::UnknownXmlid
            | Rule::WrongRecordKind
            | Rule::MissingSessionid
            | Rule::MissingField
            | Rule::UnknownField
            | Rule::RepeatedField
            | Rule::BadValue
            | Rule::ValueOutOfRange
            | Rule::ValueNotInEnumeration
            | Rule::MissingResult
            | Rule::BadResult
            | Rule::MixedXmlids
            | Rule::TooManyRecords => Severity::Error,
        }
    }

    /// The rule whose id is exactly `id`.
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.iter().copied().find(|rule| rule.id() == id)
    }
}

impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.id())
    }
}
