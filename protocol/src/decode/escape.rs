//! Attribute values: the five predefined entities, character references and
//! attribute-value normalisation of XML 1.0 (§4.1, §4.6, §2.11, §3.3.3), as
//! `DVCRMANAGER` fields carry their content in attributes (spec, "General
//! Information", item 5).

use super::chars::{is_name, is_xml_char};
use super::error::DecodeError;

/// The value `raw` stands for, with references replaced and literal tab,
/// CR and LF turned into spaces; `base` is `raw`'s offset in the payload.
///
/// A CR LF pair is one line end and so becomes one space. Characters written
/// as references are kept as they are.
pub(crate) fn unescape(raw: &str, base: usize) -> Result<String, DecodeError> {
    let mut out = String::with_capacity(raw.len());
    let mut rest = raw;
    while let Some(at) = rest.find(['&', '\t', '\n', '\r']) {
        let (plain, tail) = rest.split_at(at);
        out.push_str(plain);
        let offset = base + (raw.len() - tail.len());
        rest = match tail.as_bytes().first() {
            Some(b'&') => {
                let (c, after) = reference(tail, offset)?;
                out.push(c);
                after
            }
            Some(b'\r') => {
                out.push(' ');
                tail.strip_prefix("\r\n")
                    .unwrap_or(tail.get(1..).unwrap_or(""))
            }
            _ => {
                out.push(' ');
                tail.get(1..).unwrap_or("")
            }
        };
    }
    out.push_str(rest);
    Ok(out)
}

/// Reads the reference at the start of `text` (which starts with `&`) and
/// returns the character it stands for and the text after its `;`.
fn reference(text: &str, offset: usize) -> Result<(char, &str), DecodeError> {
    let body = text.get(1..).unwrap_or("");
    let Some(end) = body.find(';') else {
        return Err(unterminated(body, offset));
    };

    let (name, after) = (
        body.get(..end).unwrap_or(""),
        body.get(end + 1..).unwrap_or(""),
    );
    if let Some(number) = name.strip_prefix('#') {
        return Ok((char_reference(number, offset)?, after));
    }

    let c = match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "quot" => '"',
        "apos" => '\'',
        _ if is_name(name) => {
            return Err(DecodeError::UnknownEntity {
                offset,
                name: name.to_owned(),
            });
        }
        _ => return Err(unterminated(body, offset)),
    };
    Ok((c, after))
}

/// The error for an `&` that does not start a well-formed reference.
fn unterminated(body: &str, offset: usize) -> DecodeError {
    let is_char_ref = body.starts_with('#');
    if is_char_ref {
        return DecodeError::MalformedCharRef { offset };
    }

    DecodeError::Syntax {
        offset,
        expected: "a reference such as &amp; after '&'",
        found: Some('&'),
    }
}

/// The character of `&#N;` or `&#xH;`, given `N` or `xH`.
fn char_reference(number: &str, offset: usize) -> Result<char, DecodeError> {
    let (digits, radix) = match number.strip_prefix('x') {
        Some(hex) => (hex, 16),
        None => (number, 10),
    };
    let well_formed = !digits.is_empty() && digits.chars().all(|c| c.is_digit(radix));
    if !well_formed {
        return Err(DecodeError::MalformedCharRef { offset });
    }

    let code = u32::from_str_radix(digits, radix)
        .ok()
        .filter(|&code| code <= 0x10_FFFF)
        .ok_or(DecodeError::MalformedCharRef { offset })?;
    match char::from_u32(code) {
        Some(c) if is_xml_char(c) => Ok(c),
        _ => Err(DecodeError::ForbiddenChar { offset, code }),
    }
}
