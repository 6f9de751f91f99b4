//! Reading a hex dump back into bytes: whitespace-separated hex with an
//! optional `0x`, `xxd` output, or `hexdump -C` output, so that a capture
//! pasted from a terminal can be decoded (spec, "General Information",
//! item 4: the bytes are TPKT frames or bare XML).

/// How a dump lays out its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// Hex tokens only, each an even number of digits, `0x` allowed.
    Plain,
    /// `xxd`: `OFFSET: 0300 00d1 ...  TEXT`.
    Xxd,
    /// `hexdump -C`: `OFFSET  03 00 00 d1 ...  |TEXT|`, then a last line
    /// holding the length alone.
    Canonical,
}

/// The bytes `text` dumps, or `None` when it is not a hex dump.
pub(super) fn parse(text: &[u8]) -> Option<Vec<u8>> {
    let text = std::str::from_utf8(text).ok()?;
    let style = style_of(text);
    let mut bytes = Vec::new();
    for line in text.lines() {
        for token in hex_tokens(line, style) {
            push_token(token, &mut bytes)?;
        }
    }

    if bytes.is_empty() {
        return None;
    }

    Some(bytes)
}

/// The style of a dump, told by its first line that is not blank.
fn style_of(text: &str) -> Style {
    let first = text.lines().find(|line| !line.trim().is_empty());
    let Some(first) = first else {
        return Style::Plain;
    };

    if first.contains('|') {
        return Style::Canonical;
    }

    match first.split_once(':') {
        Some((offset, _)) if is_offset(offset.trim()) => Style::Xxd,
        _ => Style::Plain,
    }
}

/// The hex tokens of one line, its offset column and text column left out.
fn hex_tokens(line: &str, style: Style) -> Vec<&str> {
    match style {
        Style::Plain => line.split_whitespace().collect(),
        Style::Xxd => {
            let rest = line.split_once(':').map_or("", |(_, rest)| rest);
            until_text_column(rest).split_whitespace().collect()
        }
        Style::Canonical => {
            let dump = line.split_once('|').map_or(line, |(dump, _)| dump);
            dump.split_whitespace().skip(1).collect()
        }
    }
}

/// The bytes column of an `xxd` line: up to the two spaces before its
/// text column.
fn until_text_column(rest: &str) -> &str {
    let rest = rest.strip_prefix(' ').unwrap_or(rest);
    rest.split_once("  ").map_or(rest, |(dump, _)| dump)
}

/// Whether `token` is an offset: hex digits only.
fn is_offset(token: &str) -> bool {
    !token.is_empty() && token.bytes().all(|byte| byte.is_ascii_hexdigit())
}

/// Appends the bytes of `token`, an even number of hex digits with an
/// optional `0x`; `None` when it is anything else.
fn push_token(token: &str, bytes: &mut Vec<u8>) -> Option<()> {
    let digits = token
        .strip_prefix("0x")
        .or_else(|| token.strip_prefix("0X"))
        .unwrap_or(token)
        .as_bytes();
    if digits.is_empty() || !digits.len().is_multiple_of(2) {
        return None;
    }

    for pair in digits.chunks_exact(2) {
        let text = std::str::from_utf8(pair).ok()?;
        bytes.push(u8::from_str_radix(text, 16).ok()?);
    }
    Some(())
}
