//! Passwords kept out of transcripts and reports: the value of every field
//! that carries a secret (spec, "Login", "Users", "LDAP" and the FTP
//! settings: `PASSWORD`, `LDAP_PASSWORD`, `LDAP_PWD`) is overwritten with
//! `*`, one per byte, so frame lengths, TPKT headers and the sequence
//! numbers of a capture stay consistent. Given the password itself, the
//! value of any field that holds it is masked too, whatever its name, and
//! so is each appearance of it anywhere else in the bytes (element text, a
//! comment, broken XML, raw bytes), when it is long enough
//! ([`SHORTEST_MASKED_INSIDE`]).

/// Whether the field named `name` carries a secret: its name contains
/// `PASSWORD` or ends in `PWD`, ignoring case.
pub fn is_secret_field(name: &str) -> bool {
    let upper = name.to_ascii_uppercase();
    upper.contains("PASSWORD") || upper == "PWD" || upper.ends_with("_PWD")
}

/// A copy of `bytes` with the value of every secret field's element masked.
///
/// Reads the bytes as they are (TPKT headers, broken XML and all): in each
/// tag `<NAME ...>` whose NAME is a secret field, every quoted attribute
/// value except `name`'s becomes `*` characters of the same byte length.
pub fn redact_secrets(bytes: &[u8]) -> Vec<u8> {
    redact_password(bytes, "")
}

/// [`redact_secrets`], and in every other tag each quoted attribute value
/// that [`holds`] `password` masked too, when `password` is not empty: a
/// scenario may send the password in any field (`SESSIONID =
/// "${password}"`). Then each appearance of `password` outside such a
/// value (in a `raw` or `xml` step's text) is masked too, one `*` per
/// byte, when it is at least [`SHORTEST_MASKED_INSIDE`] bytes long.
pub fn redact_password(bytes: &[u8], password: &str) -> Vec<u8> {
    let password = password.as_bytes();
    let mut out = bytes.to_vec();
    let mut at = 0;
    while let Some(offset) = find(out.get(at..).unwrap_or_default(), b'<') {
        at += offset + 1;
        let name_start = skip_spaces(&out, at);
        let name_end = name_start + name_len(out.get(name_start..).unwrap_or_default());
        let name = String::from_utf8_lossy(out.get(name_start..name_end).unwrap_or_default());
        if name_end == name_start {
            continue;
        }

        let secret = is_secret_field(&name);
        if secret || !password.is_empty() {
            at = mask_tag(&mut out, name_end, secret, password);
        }
    }
    mask_inside(&mut out, password);
    out
}

/// Each appearance of `password` in `bytes` made `*`, one per byte, when
/// it is at least [`SHORTEST_MASKED_INSIDE`] bytes long; a shorter one is
/// left, as it cannot be told from ordinary text.
pub(crate) fn mask_inside(bytes: &mut [u8], password: &[u8]) {
    if password.len() < SHORTEST_MASKED_INSIDE {
        return;
    }

    let starts: Vec<usize> = bytes
        .windows(password.len())
        .enumerate()
        .filter(|(_, window)| *window == password)
        .map(|(start, _)| start)
        .collect();
    for start in starts {
        if let Some(found) = bytes.get_mut(start..start + password.len()) {
            found.fill(b'*');
        }
    }
}

/// Masks the attribute values of the tag whose name ends at `at`: all but
/// `name`'s when `secret`, and any that holds `password` when it is not
/// empty. Returns where the tag ends.
fn mask_tag(out: &mut [u8], mut at: usize, secret: bool, password: &[u8]) -> usize {
    let mut attribute_start = at;
    while let Some(&byte) = out.get(at) {
        match byte {
            b'>' | b'<' => return at,
            b'"' | b'\'' => {
                let attribute = out.get(attribute_start..at).unwrap_or_default();
                let keep = attribute_name(attribute).eq_ignore_ascii_case(b"name");
                let end = out
                    .get(at + 1..)
                    .and_then(|rest| find(rest, byte))
                    .map_or(out.len(), |offset| at + 1 + offset);
                let value = out.get_mut(at + 1..end).unwrap_or_default();
                if (secret && !keep) || holds(value, password) {
                    value.fill(b'*');
                }
                at = end + 1;
                attribute_start = at;
            }
            _ => at += 1,
        }
    }
    at
}

/// The name of an attribute from the bytes before its opening quote, as
/// ` value=` or `name =`.
fn attribute_name(before_quote: &[u8]) -> &[u8] {
    let trimmed = before_quote.trim_ascii();
    let without_eq = trimmed
        .strip_suffix(b"=")
        .unwrap_or(trimmed)
        .trim_ascii_end();
    let start = without_eq
        .iter()
        .rposition(|byte| byte.is_ascii_whitespace())
        .map_or(0, |position| position + 1);
    without_eq.get(start..).unwrap_or_default()
}

/// The shortest password masked where it appears inside a longer value
/// or text; a shorter one is masked only where it is the whole value, as
/// a password such as `0` would otherwise mask every `RESULT 0`.
pub const SHORTEST_MASKED_INSIDE: usize = 4;

/// Whether `value` holds `password`, which is not empty: is it, or holds
/// it somewhere when it is at least [`SHORTEST_MASKED_INSIDE`] bytes.
pub fn holds(value: &[u8], password: &[u8]) -> bool {
    if password.is_empty() {
        return false;
    }

    value == password
        || (password.len() >= SHORTEST_MASKED_INSIDE
            && value
                .windows(password.len())
                .any(|window| window == password))
}

fn find(bytes: &[u8], wanted: u8) -> Option<usize> {
    bytes.iter().position(|&byte| byte == wanted)
}

fn skip_spaces(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

fn name_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .take_while(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'.' | b'-'))
        .count()
}
