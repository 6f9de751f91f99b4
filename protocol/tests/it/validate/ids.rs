//! The rule ids: unique, kebab-case, each variant listed once in `ALL`.

use std::collections::HashSet;

use dvcr_protocol::validate::{Rule, Severity};

/// The number of variants, counted by a match that stops compiling when a
/// variant is added without being listed here.
fn variant_number(rule: Rule) -> usize {
    match rule {
        Rule::UnknownXmlid => 0,
        Rule::XmlidCase => 1,
        Rule::WrongRecordKind => 2,
        Rule::MissingSessionid => 3,
        Rule::MissingField => 4,
        Rule::UnknownField => 5,
        Rule::RepeatedField => 6,
        Rule::BadValue => 7,
        Rule::ValueOutOfRange => 8,
        Rule::ValueNotInEnumeration => 9,
        Rule::GuidRfc4122Form => 10,
        Rule::FieldAlias => 11,
        Rule::MissingResult => 12,
        Rule::BadResult => 13,
        Rule::MixedXmlids => 14,
        Rule::TooManyRecords => 15,
        Rule::MissingNameAttribute => 16,
        Rule::NotImplementedCommand => 17,
        Rule::WebUiOnly => 18,
        Rule::SpaceInXmlid => 19,
        Rule::SpaceAfterLt => 20,
        Rule::AttributeWithoutName => 21,
        Rule::MalformedDeclaration => 22,
        Rule::MixedCaseElement => 23,
        Rule::TpktReservedByte => 24,
        Rule::UnframedXml => 25,
        Rule::DeclarationNotAtStart => 26,
        _ => usize::MAX,
    }
}

const VARIANTS: usize = 27;

#[test]
fn all_lists_every_variant_once() {
    let numbers: HashSet<usize> = Rule::ALL.iter().map(|rule| variant_number(*rule)).collect();
    assert_eq!(Rule::ALL.len(), VARIANTS);
    assert_eq!(numbers, (0..VARIANTS).collect());
}

#[test]
fn no_two_rules_share_an_id() {
    let ids: HashSet<&str> = Rule::ALL.iter().map(|rule| rule.id()).collect();
    assert_eq!(ids.len(), Rule::ALL.len());
}

#[test]
fn every_id_is_kebab_case() {
    for rule in Rule::ALL {
        let id = rule.id();
        let words_ok = id.split('-').all(|word| {
            !word.is_empty()
                && word
                    .bytes()
                    .all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit())
        });
        assert!(words_ok, "{id}");
        assert!(id.starts_with(|c: char| c.is_ascii_lowercase()), "{id}");
    }
}

#[test]
fn every_id_reads_back_as_its_rule() {
    for rule in Rule::ALL {
        assert_eq!(Rule::from_id(rule.id()), Some(*rule));
        assert_eq!(rule.to_string(), rule.id());
    }
    assert_eq!(Rule::from_id("no-such-rule"), None);
}

#[test]
fn the_deviations_are_warnings_and_the_notes_are_info() {
    let deviations = [
        "space-in-xmlid",
        "space-after-lt",
        "attribute-without-name",
        "malformed-declaration",
        "mixed-case-element",
        "tpkt-reserved-byte",
        "unframed-xml",
        "declaration-not-at-start",
        "guid-rfc4122-form",
        "field-alias",
        "missing-name-attribute",
        "xmlid-case",
    ];
    for id in deviations {
        assert_eq!(
            Rule::from_id(id).map(Rule::severity),
            Some(Severity::Warning),
            "{id}"
        );
    }
    assert_eq!(Rule::NotImplementedCommand.severity(), Severity::Info);
    assert_eq!(Rule::WebUiOnly.severity(), Severity::Info);
    assert_eq!(Rule::UnknownField.severity(), Severity::Error);
}
