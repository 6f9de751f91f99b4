//! Values at and beyond the boundaries of each value type of the catalog
//! (spec, the parameter tables of every command: GUIDs in the 8-4-4-16
//! form, integer ranges, enumerations, IPv4 addresses, host names, dates,
//! durations, digit strings and bounded text).
//!
//! [`valid`] gives a value the type allows; [`boundary`] gives every value
//! at an edge or just past it, from which the generator draws. Lengths of
//! free text climb in steps well past what a device might buffer, and
//! include characters that need escaping or take several bytes.

use dvcr_protocol::catalog::ValueType;
use rand::RngExt;
use rand::rngs::ChaCha20Rng;

/// Lengths tried for text without a bound, in characters.
pub const TEXT_LENGTHS: [usize; 9] = [0, 1, 31, 32, 255, 256, 257, 1024, 4096];

/// Values that are not numbers, for integer fields.
const NOT_NUMBERS: [&str; 10] = ["", "abc", " 1", "1 ", "1.5", "0x10", "+1", "1e3", "-", "١"];

/// Text that needs escaping, or is otherwise awkward, whatever the field.
const AWKWARD_TEXT: [&str; 8] = [
    "<&>\"'",
    "&amp;&lt;",
    "]]>",
    "\t\r\n",
    "   ",
    "%s%n%x",
    "é\u{202e}😀",
    "a\u{fffd}b",
];

/// A value `value_type` allows.
pub fn valid(value_type: ValueType, rng: &mut ChaCha20Rng) -> String {
    match value_type {
        ValueType::Guid => guid(rng),
        ValueType::Integer { min, max } => {
            let span = max.saturating_sub(min).min(1000);
            min.saturating_add(rng.random_range(0..=span)).to_string()
        }
        ValueType::Enumeration(values) => pick(values, rng).map(|(v, _)| *v).unwrap_or("0").into(),
        ValueType::Ipv4 | ValueType::Host => format!("192.0.2.{}", rng.random_range(1..255_u8)),
        ValueType::DateTime => "May 19,2006 15:06:00".to_owned(),
        ValueType::Duration => "01:30:00".to_owned(),
        ValueType::Digits(count) => "7".repeat(count),
        ValueType::Text { max_chars } => {
            let len = max_chars.unwrap_or(16).clamp(1, 16);
            format!("fz{}", "x".repeat(len.saturating_sub(2)))
                .chars()
                .take(len)
                .collect()
        }
    }
}

/// Every value at an edge of `value_type` or just past it.
pub fn boundary(value_type: ValueType) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    match value_type {
        ValueType::Guid => {
            out.extend(
                [
                    "00000000-0000-0000-0000000000000000",
                    "ffffffff-ffff-ffff-ffffffffffffffff",
                    "7E76C583-2215-4C89-9A1AF7A6C4ED8F11",
                    "7e76c583-2215-4c89-9a1a-f7a6c4ed8f11",
                    "{7e76c583-2215-4c89-9a1af7a6c4ed8f11}",
                    "7e76c583-2215-4c89-9a1af7a6c4ed8f1",
                    "7e76c583-2215-4c89-9a1af7a6c4ed8f111",
                    "7e76c58322154c899a1af7a6c4ed8f11",
                    "zzzzzzzz-zzzz-zzzz-zzzzzzzzzzzzzzzz",
                    "",
                ]
                .map(str::to_owned),
            );
        }
        ValueType::Integer { min, max } => {
            for value in [min, max, 0, -1, i64::MIN, i64::MAX] {
                out.push(value.to_string());
            }
            out.push((i128::from(min) - 1).to_string());
            out.push((i128::from(max) + 1).to_string());
            out.push("99999999999999999999999".to_owned());
            out.extend(NOT_NUMBERS.map(str::to_owned));
        }
        ValueType::Enumeration(values) => {
            out.extend(values.iter().map(|(value, _)| (*value).to_owned()));
            if let Some((first, _)) = values.first() {
                out.push(format!("{first}0"));
                out.push(format!(" {first}"));
                out.push(first.to_lowercase());
            }
            out.extend(["", "-1", "99", "yes"].map(str::to_owned));
        }
        ValueType::Ipv4 | ValueType::Host => {
            out.extend(
                [
                    "0.0.0.0",
                    "255.255.255.255",
                    "256.1.1.1",
                    "1.2.3",
                    "1.2.3.4.5",
                    "01.02.03.04",
                    "::1",
                    "a.b.c.d",
                    "",
                ]
                .map(str::to_owned),
            );
            if value_type == ValueType::Host {
                out.push(format!("{}.example", "h".repeat(63)));
                out.push(format!("{}.example", "h".repeat(64)));
                out.push("-bad-.example".to_owned());
                out.push("x".repeat(254));
            }
        }
        ValueType::DateTime => {
            out.extend(
                [
                    "Jan 1,1970 00:00:00",
                    "Dec 31,2037 23:59:59",
                    "Feb 30,2006 00:00:00",
                    "May 19,2006 24:00:00",
                    "May 19 2006 15:06:00",
                    "2006-05-19T15:06:00Z",
                    "",
                ]
                .map(str::to_owned),
            );
        }
        ValueType::Duration => {
            out.extend(
                [
                    "00:00:00",
                    "99:59:59",
                    "00:60:00",
                    "00:00:60",
                    "1:2:3",
                    "-01:00:00",
                    "",
                ]
                .map(str::to_owned),
            );
        }
        ValueType::Digits(count) => {
            out.push("0".repeat(count));
            out.push("9".repeat(count));
            out.push("1".repeat(count.saturating_sub(1)));
            out.push("1".repeat(count + 1));
            out.push("a".repeat(count));
            out.push(String::new());
        }
        ValueType::Text { max_chars } => {
            match max_chars {
                Some(max) => {
                    for len in [0, 1, max.saturating_sub(1), max, max + 1, max * 2 + 1] {
                        out.push("t".repeat(len));
                    }
                    out.push("é".repeat(max));
                    out.push("é".repeat(max + 1));
                }
                None => out.extend(TEXT_LENGTHS.iter().map(|len| "t".repeat(*len))),
            }
            out.extend(AWKWARD_TEXT.map(str::to_owned));
        }
    }
    out
}

/// A GUID in the spec's 8-4-4-16 form.
pub fn guid(rng: &mut ChaCha20Rng) -> String {
    let hex: String = (0..32)
        .map(|_| HEX[rng.random_range(0..16)] as char)
        .collect();
    let (a, rest) = hex.split_at(8);
    let (b, rest) = rest.split_at(4);
    let (c, d) = rest.split_at(4);
    format!("{a}-{b}-{c}-{d}")
}

const HEX: [u8; 16] = *b"0123456789abcdef";

/// One item of `items`, or `None` when there is none.
pub fn pick<'a, T>(items: &'a [T], rng: &mut ChaCha20Rng) -> Option<&'a T> {
    if items.is_empty() {
        return None;
    }

    items.get(rng.random_range(0..items.len()))
}
