//! Known ways the spec's own examples and real clients break XML while their
//! meaning stays clear (spec, "General Information", item 5, and the
//! examples of "H.323 Connections" and "New in version 2.0").
//!
//! Lenient decoding accepts each of these and reports it as a [`Deviation`];
//! strict decoding rejects it with [`DecodeError::Deviation`](super::DecodeError::Deviation).

use std::fmt;

/// One known defect, found at a byte offset of the payload.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct Deviation {
    /// What kind of defect it is.
    pub kind: DeviationKind,
    /// Where it starts, in bytes from the start of the payload.
    pub offset: usize,
}

/// The kinds of defect lenient decoding reads through.
///
/// The ids from [`as_str`](DeviationKind::as_str) are stable: reports and
/// `corpus/spec/ERRATA.md` refer to them.
#[non_exhaustive]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum DeviationKind {
    /// Spaces before or after the name inside an `xmlid` value, such as
    /// `xmlid=" pauseroomrecord"`; lenient decoding trims them.
    SpaceInXmlid,
    /// White space between `<` (or `</`) and the element name, such as
    /// `< ADDR value="172.21.1.1"/>`.
    SpaceAfterLessThan,
    /// An attribute with no name, such as `<STATUS="0" />`, read as
    /// `value="0"`.
    AttributeWithoutName,
    /// An XML declaration that is not well formed, such as
    /// `<? xml version="1.0"?>`; its encoding is still checked.
    MalformedDeclaration,
    /// A root or record element whose name differs from the spec's in case
    /// only, such as `<Confirm>` or `<dvcrmanager>`.
    MixedCaseElement,
    /// White space before the XML declaration, as in both examples of
    /// "General Information", item 5.
    DeclarationNotAtStart,
}

impl DeviationKind {
    /// Every kind, in the order of their ids.
    pub const ALL: [DeviationKind; 6] = [
        DeviationKind::SpaceInXmlid,
        DeviationKind::SpaceAfterLessThan,
        DeviationKind::AttributeWithoutName,
        DeviationKind::MalformedDeclaration,
        DeviationKind::MixedCaseElement,
        DeviationKind::DeclarationNotAtStart,
    ];

    /// The stable kebab-case id of this kind.
    pub const fn as_str(self) -> &'static str {
        match self {
            DeviationKind::SpaceInXmlid => "space-in-xmlid",
            DeviationKind::SpaceAfterLessThan => "space-after-lt",
            DeviationKind::AttributeWithoutName => "attribute-without-name",
            DeviationKind::MalformedDeclaration => "malformed-declaration",
            DeviationKind::MixedCaseElement => "mixed-case-element",
            DeviationKind::DeclarationNotAtStart => "declaration-not-at-start",
        }
    }

    /// One line saying what the defect is.
    pub const fn description(self) -> &'static str {
        match self {
            DeviationKind::SpaceInXmlid => "spaces around the name inside an xmlid value",
            DeviationKind::SpaceAfterLessThan => "white space between '<' and an element name",
            DeviationKind::AttributeWithoutName => {
                "an attribute value with no attribute name, read as value"
            }
            DeviationKind::MalformedDeclaration => "an XML declaration that is not well formed",
            DeviationKind::MixedCaseElement => {
                "a root or record element name in other than upper case"
            }
            DeviationKind::DeclarationNotAtStart => "white space before the XML declaration",
        }
    }
}

impl fmt::Display for DeviationKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Display for Deviation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at byte {}", self.kind, self.offset)
    }
}
