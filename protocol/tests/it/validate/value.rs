//! The value checks, edge by edge.

use dvcr_protocol::catalog::ValueType;
use dvcr_protocol::validate::Rule;
use dvcr_protocol::validate::value::check;

/// The rule `value` breaks as `value_type`, if any.
fn broken(value: &str, value_type: ValueType) -> Option<Rule> {
    check(value, value_type).err().map(|problem| problem.rule)
}

#[test]
fn a_guid_takes_the_spec_form_in_either_case() {
    assert_eq!(
        broken("7e76c583-2215-4c89-9a1af7a6c4ed8f11", ValueType::Guid),
        None
    );
    assert_eq!(
        broken("7E76C583-2215-4C89-9A1AF7A6C4ED8F11", ValueType::Guid),
        None
    );
}

#[test]
fn a_guid_in_rfc_4122_form_is_told_apart_from_a_broken_one() {
    let rfc = "7e76c583-2215-4c89-9a1a-f7a6c4ed8f11";
    assert_eq!(broken(rfc, ValueType::Guid), Some(Rule::GuidRfc4122Form));
    for bad in [
        "",
        "7e76c583-2215-4c89-9a1af7a6c4ed8f1",
        "7e76c583-2215-4c89-9a1af7a6c4ed8f111",
        "7e76c583-2215-4c89-9a1af7a6c4ed8g11",
        "7e76c583-2215-4c89-9a1af7a6c4ed8f11-",
        "{7e76c583-2215-4c89-9a1a-f7a6c4ed8f11}",
        "7e76c58322154c899a1af7a6c4ed8f11",
    ] {
        assert_eq!(broken(bad, ValueType::Guid), Some(Rule::BadValue), "{bad}");
    }
}

#[test]
fn a_guid_with_a_non_hex_character_anywhere_is_broken() {
    let good = "7e76c583-2215-4c89-9a1af7a6c4ed8f11";
    for at in (0..good.len()).filter(|at| good.as_bytes()[*at] != b'-') {
        for wrong in ['/', ':', '@', 'G', '`', 'g', ' ', 'é'] {
            let mut bad = good.to_owned();
            bad.replace_range(at..=at, wrong.encode_utf8(&mut [0; 4]));
            assert_eq!(broken(&bad, ValueType::Guid), Some(Rule::BadValue), "{bad}");
        }
    }
}

#[test]
fn an_integer_is_decimal_digits_within_its_range() {
    let port = ValueType::Integer { min: 0, max: 65535 };
    let zone = ValueType::Integer { min: -12, max: 12 };
    assert_eq!(broken("0", port), None);
    assert_eq!(broken("065535", port), None);
    assert_eq!(broken("-12", zone), None);
    assert_eq!(broken("65536", port), Some(Rule::ValueOutOfRange));
    assert_eq!(broken("-13", zone), Some(Rule::ValueOutOfRange));
    assert_eq!(
        broken("99999999999999999999", port),
        Some(Rule::ValueOutOfRange)
    );
    for bad in ["", "-", "+1", " 1", "1 ", "1.0", "0x10", "١"] {
        assert_eq!(broken(bad, port), Some(Rule::BadValue), "{bad:?}");
    }
}

#[test]
fn an_enumeration_compares_exactly() {
    let lang = ValueType::Enumeration(&[("en", "English"), ("cn", "Chinese")]);
    assert_eq!(broken("en", lang), None);
    assert_eq!(broken("EN", lang), Some(Rule::ValueNotInEnumeration));
    assert_eq!(broken("en ", lang), Some(Rule::ValueNotInEnumeration));
    assert_eq!(broken("", lang), Some(Rule::ValueNotInEnumeration));
    let expected = check("x", lang).err().map(|problem| problem.expected);
    assert_eq!(expected.as_deref(), Some("one of en, cn"));
}

#[test]
fn an_ipv4_address_is_a_dotted_quad_without_leading_zeros() {
    for good in ["0.0.0.0", "192.168.1.10", "255.255.255.255"] {
        assert_eq!(broken(good, ValueType::Ipv4), None, "{good}");
    }
    for bad in [
        "",
        "256.0.0.1",
        "10.0.0",
        "10.0.0.1.2",
        "010.0.0.1",
        "10.0.0.1 ",
        "::1",
    ] {
        assert_eq!(
            broken(bad, ValueType::Ipv4),
            Some(Rule::BadValue),
            "{bad:?}"
        );
    }
}

#[test]
fn a_host_is_an_ipv4_address_or_a_dns_name() {
    for good in [
        "10.0.0.1",
        "rss",
        "rss-2000.example.com",
        "rss.example.com.",
        "a1.b2",
    ] {
        assert_eq!(broken(good, ValueType::Host), None, "{good}");
    }
    let long_label = "a".repeat(64);
    for bad in [
        "",
        ".",
        "300.1.1.1",
        "-rss.example",
        "rss-.example",
        "rss..example",
        "rss_2000",
        "rss example",
        long_label.as_str(),
    ] {
        assert_eq!(
            broken(bad, ValueType::Host),
            Some(Rule::BadValue),
            "{bad:?}"
        );
    }
}

#[test]
fn a_date_and_time_takes_the_spec_form() {
    for good in [
        "May 19,2006 15:06:00",
        "Jan 1,2000 00:00:00",
        "Feb 29,2004 23:59:59",
    ] {
        assert_eq!(broken(good, ValueType::DateTime), None, "{good}");
    }
    for bad in [
        "",
        "May 19, 2006 15:06:00",
        "may 19,2006 15:06:00",
        "May 19,06 15:06:00",
        "May 32,2006 15:06:00",
        "Feb 29,2006 15:06:00",
        "Feb 29,1900 15:06:00",
        "Apr 31,2006 15:06:00",
        "May 0,2006 15:06:00",
        "May 19,2006 24:00:00",
        "May 19,2006 15:60:00",
        "May 19,2006 15:06",
        "May 19,2006  15:06:00",
        "2006-05-19 15:06:00",
    ] {
        assert_eq!(
            broken(bad, ValueType::DateTime),
            Some(Rule::BadValue),
            "{bad:?}"
        );
    }
}

#[test]
fn a_duration_is_hours_minutes_and_seconds() {
    for good in ["00:07:33", "23:59:59", "100:00:00"] {
        assert_eq!(broken(good, ValueType::Duration), None, "{good}");
    }
    for bad in [
        "",
        "7:33",
        "0:07:33",
        "00:60:00",
        "00:00:60",
        "00:07:33:00",
        "aa:bb:cc",
    ] {
        assert_eq!(
            broken(bad, ValueType::Duration),
            Some(Rule::BadValue),
            "{bad:?}"
        );
    }
}

#[test]
fn digits_are_exactly_that_many_ascii_digits() {
    assert_eq!(broken("012345", ValueType::Digits(6)), None);
    for bad in ["", "12345", "1234567", "12345a", "-12345", "１２３４５６"] {
        assert_eq!(
            broken(bad, ValueType::Digits(6)),
            Some(Rule::BadValue),
            "{bad:?}"
        );
    }
}

#[test]
fn text_is_bounded_in_characters_not_bytes() {
    let reference = ValueType::Text { max_chars: Some(3) };
    assert_eq!(broken("", reference), None);
    assert_eq!(broken("日本語", reference), None);
    assert_eq!(broken("abcd", reference), Some(Rule::BadValue));
    assert_eq!(
        broken(&"x".repeat(100_000), ValueType::Text { max_chars: None }),
        None
    );
    let found = check("abcd", reference).err().map(|problem| problem.found);
    assert_eq!(found.as_deref(), Some("4 characters"));
}
