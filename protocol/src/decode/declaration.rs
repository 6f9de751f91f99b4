//! The XML declaration that opens a document (XML 1.0 §2.8, §4.3.3), such
//! as `<?xml version="1.0" encoding="utf-8" ?>` (spec, "General
//! Information", item 5: "All XML information is encoded in UTF-8 format").
//!
//! [`strict`] reads the grammar exactly; [`lenient`] finds the declared
//! encoding in a declaration that is not well formed, so that no mode ever
//! accepts an encoding other than UTF-8.

use super::chars::{first_forbidden, is_space};
use super::error::DecodeError;
use super::scanner::Scanner;

/// The encoding every message must be in, compared without regard to case.
const UTF_8: &str = "utf-8";

/// How clients and devices open their declarations, which need no
/// parsing when the encoding and the end that follow are common too.
const COMMON_OPEN: &[u8] = b"<?xml version=\"1.0\" encoding=\"";

/// The encodings written after [`COMMON_OPEN`] that need no parsing.
const COMMON_ENCODINGS: [&[u8; 5]; 2] = [b"UTF-8", b"utf-8"];

/// The ends written after the encoding that need no parsing.
const COMMON_ENDS: [&[u8]; 2] = [b"\" ?>", b"\"?>"];

/// The length of the common declaration `rest` starts with, if any:
/// [`COMMON_OPEN`], one of [`COMMON_ENCODINGS`], one of [`COMMON_ENDS`];
/// `None` too when its values are longer than `max_len`, so that
/// [`strict`] reports that.
pub(crate) fn common_len(rest: &[u8], max_len: usize) -> Option<usize> {
    if max_len < COMMON_ENCODINGS[0].len() {
        return None;
    }

    let (encoding, end) = rest.strip_prefix(COMMON_OPEN)?.split_first_chunk::<5>()?;
    if !COMMON_ENCODINGS.contains(&encoding) {
        return None;
    }

    let end = COMMON_ENDS
        .into_iter()
        .find(|common| end.starts_with(common))?;
    Some(COMMON_OPEN.len() + encoding.len() + end.len())
}

/// Whether the bytes at the cursor open a declaration, perhaps a malformed
/// one: `<`, `?` and `xml` in any case, with white space allowed between.
pub(crate) fn looks_like_declaration(rest: &[u8]) -> bool {
    let rest = skip_space(rest.strip_prefix(b"<").unwrap_or_default());
    let Some(rest) = rest.strip_prefix(b"?") else {
        return false;
    };

    let rest = skip_space(rest);
    let is_xml = rest
        .get(..3)
        .is_some_and(|name| name.eq_ignore_ascii_case(b"xml"));
    is_xml
        && rest
            .get(3)
            .is_none_or(|&byte| is_space(byte) || byte == b'?' || byte == b'>')
}

/// Reads a well-formed declaration at the cursor.
pub(crate) fn strict(scan: &mut Scanner<'_>, max_len: usize) -> Result<(), DecodeError> {
    if !scan.starts_with(b"<?xml") {
        return Err(scan.syntax("'<?xml'"));
    }

    scan.advance(5);
    if !scan.skip_space() {
        return Err(scan.syntax("white space after '<?xml'"));
    }

    keyword(scan, "version")?;
    let version = scan.value(max_len)?;
    let is_one_dot = version
        .text
        .strip_prefix("1.")
        .is_some_and(|minor| !minor.is_empty() && minor.bytes().all(|b| b.is_ascii_digit()));
    if !is_one_dot {
        return Err(scan.syntax_at(version.offset, "an xml version 1.x"));
    }

    let mut spaced = scan.skip_space();
    if spaced && scan.starts_with(b"encoding") {
        keyword(scan, "encoding")?;
        let encoding = scan.value(max_len)?;
        check_encoding(encoding.text, encoding.offset)?;
        spaced = scan.skip_space();
    }

    if spaced && scan.starts_with(b"standalone") {
        keyword(scan, "standalone")?;
        let standalone = scan.value(max_len)?;
        if !matches!(standalone.text, "yes" | "no") {
            return Err(scan.syntax_at(standalone.offset, "standalone 'yes' or 'no'"));
        }

        scan.skip_space();
    }

    if !scan.starts_with(b"?>") {
        return Err(scan.syntax("'?>' ending the declaration"));
    }

    scan.advance(2);
    Ok(())
}

/// Reads a declaration that is not well formed, starting at the cursor and
/// ending at the first `>`; checks only that it declares no encoding other
/// than UTF-8 and holds no forbidden character.
pub(crate) fn lenient(scan: &mut Scanner<'_>) -> Result<(), DecodeError> {
    let start = scan.pos();
    let Some(end) = memchr::memchr(b'>', scan.rest()).map(|at| start + at) else {
        return Err(scan.syntax("'>' ending the declaration"));
    };

    let inner = scan.text().get(start + 1..end).unwrap_or("");
    if let Some(at) = inner.find('<') {
        return Err(scan.syntax_at(start + 1 + at, "'>' ending the declaration"));
    }

    if let Some((at, c)) = first_forbidden(inner) {
        return Err(DecodeError::ForbiddenChar {
            offset: start + 1 + at,
            code: u32::from(c),
        });
    }

    if let Some(at) = find_ignoring_case(inner.as_bytes(), b"encoding") {
        let value_start = start + 1 + at + "encoding".len();
        scan.seek(value_start);
        scan.skip_space();
        scan.expect(b'=', "'=' after encoding")?;
        scan.skip_space();
        let encoding = scan.value(inner.len())?;
        check_encoding(encoding.text, encoding.offset)?;
    }

    scan.seek(end + 1);
    Ok(())
}

/// Consumes `name`, then `=` with optional white space around it.
fn keyword(scan: &mut Scanner<'_>, name: &'static str) -> Result<(), DecodeError> {
    if !scan.starts_with(name.as_bytes()) {
        return Err(scan.syntax(name));
    }

    scan.advance(name.len());
    scan.skip_space();
    scan.expect(b'=', "'='")?;
    scan.skip_space();
    Ok(())
}

/// Fails unless `encoding` names UTF-8.
fn check_encoding(encoding: &str, offset: usize) -> Result<(), DecodeError> {
    if encoding.eq_ignore_ascii_case(UTF_8) {
        return Ok(());
    }

    Err(DecodeError::Encoding {
        offset,
        found: encoding.to_owned(),
    })
}

fn skip_space(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|&b| !is_space(b))
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

fn find_ignoring_case(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack
        .windows(needle.len())
        .position(|window| window.eq_ignore_ascii_case(needle))
}
