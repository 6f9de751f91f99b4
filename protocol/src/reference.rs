//! A reference decoder built on quick-xml, kept to check the purpose-built
//! scanner of [`decode`](crate::decode) against (spec, "General
//! Information", item 5).
//!
//! It reads a payload the way strict decoding does and must give the same
//! message for every document strict decoding accepts, and an error where
//! it errs. It is written for clarity, not speed, owns all its text, and
//! does not apply [`Limits`](crate::Limits).

use std::borrow::Cow;

use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};

use crate::decode::{is_name, is_xml_char};
use crate::message::{Kind, Message};

/// Why the reference decoder refused a payload.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("{reason}")]
pub struct ReferenceError {
    /// What was wrong, in words.
    pub reason: String,
}

/// Decodes `payload` strictly with quick-xml.
pub fn decode(payload: &[u8]) -> Result<Message<'static>, ReferenceError> {
    let text = std::str::from_utf8(payload).map_err(|_| fail("invalid utf-8"))?;
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    if let Some(c) = text.chars().find(|&c| !is_xml_char(c)) {
        return Err(fail(format!("forbidden character {c:?}")));
    }

    let mut reader = quick_xml::Reader::from_str(text);
    let config = reader.config_mut();
    config.check_comments = true;
    config.check_end_names = true;

    let mut message = Message::default();
    let mut depth = 0_usize;
    let mut root_seen = false;
    let mut first = true;
    loop {
        let at = position(&reader);
        let event = reader
            .read_event()
            .map_err(|error| fail(error.to_string()))?;
        let is_first = std::mem::replace(&mut first, false);
        match event {
            Event::Decl(_) if is_first => {
                let raw = text.get(at..position(&reader)).unwrap_or("");
                declaration(raw)?;
            }
            Event::Decl(_) => return Err(fail("declaration not at start")),
            Event::Start(element) | Event::Empty(element) if depth == 0 && root_seen => {
                return Err(fail(format!("second root {:?}", element.name())));
            }
            Event::Start(element) => {
                start(&element, depth, &mut message)?;
                root_seen = true;
                depth += 1;
            }
            Event::Empty(element) => {
                start(&element, depth, &mut message)?;
                if depth == 0 {
                    return Err(fail("root holds no record"));
                }
            }
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Text(text) => {
                let raw: &str = &text;
                if !raw.chars().all(|c| matches!(c, ' ' | '\t' | '\n' | '\r')) {
                    return Err(fail("text other than white space"));
                }
            }
            Event::PI(pi) => {
                if !is_name(pi.target()) || pi.target().eq_ignore_ascii_case("xml") {
                    return Err(fail("processing instruction without a proper target"));
                }
            }
            Event::Comment(_) => {}
            Event::CData(_) => return Err(fail("cdata section")),
            Event::DocType(_) => return Err(fail("document type")),
            Event::GeneralRef(_) => return Err(fail("reference in text")),
            Event::Eof => break,
        }
    }

    if depth != 0 || !root_seen {
        return Err(fail("document ends before its root closes"));
    }

    if message.record_count() == 0 {
        return Err(fail("root holds no record"));
    }

    Ok(message)
}

/// Where the reader stands in its text.
fn position(reader: &quick_xml::Reader<&[u8]>) -> usize {
    usize::try_from(reader.buffer_position()).unwrap_or(usize::MAX)
}

/// Checks a declaration, `raw` from `<?xml` to `?>`: version 1.x, then an
/// optional UTF-8 encoding and an optional standalone, in that order.
fn declaration(raw: &str) -> Result<(), ReferenceError> {
    let inner = raw
        .strip_prefix("<?xml")
        .and_then(|inner| inner.strip_suffix("?>"))
        .filter(|inner| inner.starts_with([' ', '\t', '\n', '\r']))
        .ok_or_else(|| fail("malformed declaration"))?;
    let content = format!("xml{inner}");
    let element = BytesStart::from_content(content.as_str(), 3);
    let attributes = attributes(&element)?;
    let names: Vec<&str> = attributes.iter().map(|(name, _)| name.as_str()).collect();
    let known = [
        &["version"][..],
        &["version", "encoding"],
        &["version", "standalone"],
        &["version", "encoding", "standalone"],
    ];
    if !known.contains(&names.as_slice()) {
        return Err(fail("malformed declaration"));
    }

    for (name, value) in &attributes {
        let well_formed = match name.as_str() {
            "version" => value.strip_prefix("1.").is_some_and(|minor| {
                !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit())
            }),
            "encoding" => value.eq_ignore_ascii_case("utf-8"),
            _ => value == "yes" || value == "no",
        };
        if !well_formed {
            return Err(fail(format!("declaration with {name}={value:?}")));
        }
    }
    Ok(())
}

/// Adds the element that opens at `depth` to `message`.
fn start(
    element: &BytesStart<'_>,
    depth: usize,
    message: &mut Message<'static>,
) -> Result<(), ReferenceError> {
    let name = element.name().as_ref().to_owned();
    if !is_name(&name) {
        return Err(fail(format!("{name:?} is not a name")));
    }

    let attributes = attributes(element)?;
    match depth {
        0 if name == "DVCRMANAGER" => {
            let version = only(&attributes, "version")?;
            message.set_version(version);
        }
        0 => return Err(fail(format!("root {name}"))),
        1 => {
            let kind = Kind::from_element(&name).ok_or_else(|| fail(format!("record {name}")))?;
            let xmlid = only(&attributes, "xmlid")?;
            let written = element.attributes().flatten().any(|attribute| {
                attribute.value.trim_matches([' ', '\t', '\n', '\r']) != attribute.value
            });
            if written {
                return Err(fail("spaces written around an xmlid"));
            }

            message.push_record(kind, xmlid);
        }
        2 => {
            message.push_field(name);
            for (attribute, value) in attributes {
                message.push_attribute(attribute, value);
            }
        }
        _ => return Err(fail("element nested in a field")),
    }

    Ok(())
}

/// The element's attributes, names checked and values normalised.
fn attributes(element: &BytesStart<'_>) -> Result<Vec<(String, String)>, ReferenceError> {
    if !spaced_apart(element.attributes_raw()) {
        return Err(fail("attributes not apart"));
    }

    let mut all = Vec::new();
    for attribute in element.attributes().with_checks(true) {
        let attribute = attribute.map_err(|error| fail(error.to_string()))?;
        let name = attribute.key.as_ref().to_owned();
        if !is_name(&name) || attribute.value.contains('<') {
            return Err(fail(format!("bad attribute {name:?}")));
        }

        let value = attribute
            .normalized_value(XmlVersion::Explicit1_0)
            .map_err(|error| fail(error.to_string()))?;
        if let Some(c) = value.chars().find(|&c| !is_xml_char(c)) {
            return Err(fail(format!("forbidden character {c:?}")));
        }

        all.push((name, Cow::into_owned(value)));
    }
    Ok(all)
}

/// Whether every quoted value in `raw` is followed by white space, `/` or
/// the end, as XML requires between attributes.
fn spaced_apart(raw: &str) -> bool {
    let mut quote = None;
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        match quote {
            Some(open) if c == open => {
                quote = None;
                let next = chars.peek().copied();
                if next.is_some_and(|next| !matches!(next, ' ' | '\t' | '\n' | '\r' | '/')) {
                    return false;
                }
            }
            Some(_) => {}
            None if c == '"' || c == '\'' => quote = Some(c),
            None => {}
        }
    }
    true
}

/// The value of the one attribute `wanted`, which must be the only one.
fn only(attributes: &[(String, String)], wanted: &str) -> Result<String, ReferenceError> {
    match attributes {
        [(name, value)] if name == wanted => Ok(value.clone()),
        _ => Err(fail(format!("expected only attribute {wanted}"))),
    }
}

fn fail(reason: impl Into<String>) -> ReferenceError {
    ReferenceError {
        reason: reason.into(),
    }
}
