//! Reading a hex dump back into bytes: whitespace- or comma-separated hex
//! with or without `0x` (so a C array `0x03, 0x00,` reads too, with the
//! declaration lines `xxd -i` writes around it, or a whole initializer
//! `unsigned char x[] = { 0x03, ... };` on one line), `xxd` output, or
//! `hexdump -C` output (its `*` lines repeating the line before), `#`
//! comment lines skipped, so that a capture pasted from a terminal can be
//! decoded (spec, "General Information", item 4: the bytes are TPKT frames
//! or bare XML).

use std::fmt;

use super::input::MAX_INPUT;

/// What a dump holds where bytes were expected, by default.
const HEX_PAIRS: &str = "hex digits in pairs";

/// The line `hexdump -C` prints in place of lines equal to the one before.
const REPEAT: &str = "*";

/// How a dump lays out its lines.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Style {
    /// Hex tokens only, each an even number of digits, `0x` allowed,
    /// separated by white space or commas.
    Plain,
    /// `xxd`: `OFFSET: 0300 00d1 ...  TEXT`.
    Xxd,
    /// `hexdump -C`: `OFFSET  03 00 00 d1 ...  |TEXT|`, a line `*` in
    /// place of lines equal to the one before, up to the next line's
    /// offset, then a last line holding the length alone.
    Canonical,
}

impl Style {
    /// The name a message gives the style.
    const fn name(self) -> &'static str {
        match self {
            Style::Plain => "plain hex",
            Style::Xxd => "an xxd dump",
            Style::Canonical => "a hexdump -C dump",
        }
    }
}

/// Why text is not a hex dump: the first token that is not hex, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct NotHex {
    /// The style the first line suggested.
    style: Style,
    /// What was expected there: hex digits in pairs, or what a `*` line
    /// of `hexdump -C` needs around it.
    expected: String,
    /// The line of the token, from 1.
    pub(super) line: usize,
    /// The column of the token in its line, in characters from 1.
    pub(super) column: usize,
    /// What came instead: the token quoted and cut to a readable length,
    /// `only comments`, or `no byte` when lines other than comments held
    /// none.
    pub(super) found: String,
}

impl fmt::Display for NotHex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the input is text but not a hex dump (read as {}): line {} column {}: \
             expected {}, found {}",
            self.style.name(),
            self.line,
            self.column,
            self.expected,
            self.found
        )
    }
}

/// The bytes `text` dumps, or where it stops being a hex dump. A dump
/// with no byte at all (only comments, or only C declarations) is not one
/// either.
pub(super) fn parse(text: &str) -> Result<Vec<u8>, NotHex> {
    let style = style_of(text);
    let mut bytes = Vec::new();
    let mut last = 0;
    let mut only_comments = true;
    let mut repeat = Repeat::default();
    let mut base = None;
    for (index, line) in text.lines().enumerate() {
        last = index + 1;
        if is_comment(line) || line.trim().is_empty() {
            continue;
        }

        only_comments = false;
        if style == Style::Canonical {
            if line.trim() == REPEAT {
                repeat.star(index + 1, line)?;
                continue;
            }
            repeat.fill(&mut bytes, base.unwrap_or(0), index + 1, line)?;
        }
        if style != Style::Plain {
            in_sequence(style, &mut base, bytes.len(), index + 1, line)?;
        }

        let tokens =
            hex_tokens(line, style).map_err(|token| not_hex(style, index + 1, line, token))?;
        let start = bytes.len();
        for token in tokens {
            if push_token(token, &mut bytes).is_none() {
                return Err(not_hex(style, index + 1, line, token));
            }
        }
        if style == Style::Canonical {
            repeat.remember(bytes.get(start..).unwrap_or_default());
        }
        if style == Style::Xxd && !line.trim().is_empty() && !has_offset(line) {
            return Err(not_hex(style, index + 1, line, line.trim_start()));
        }
    }

    repeat.end()?;
    if bytes.is_empty() {
        let found = if only_comments {
            "only comments"
        } else {
            "no byte"
        };
        return Err(NotHex {
            style,
            expected: HEX_PAIRS.to_owned(),
            line: last.max(1),
            column: 1,
            found: found.to_owned(),
        });
    }

    Ok(bytes)
}

/// The error for `token`, a slice of `line`, the `number`th line.
fn not_hex(style: Style, number: usize, line: &str, token: &str) -> NotHex {
    let at = (token.as_ptr() as usize).saturating_sub(line.as_ptr() as usize);
    let column = line
        .get(..at)
        .map_or(1, |before| before.chars().count() + 1);
    let token: String = token
        .split_whitespace()
        .next()
        .unwrap_or(token)
        .chars()
        .take(40)
        .collect();
    NotHex {
        style,
        expected: HEX_PAIRS.to_owned(),
        line: number,
        column,
        found: format!("{token:?}"),
    }
}

/// Checks that the offset opening `line`, the `number`th of an `xxd` or
/// `hexdump -C` dump, is where the bytes read so far (`read`) end, counted
/// from the first line's offset (`base`, set by it: `xxd -s` and `hexdump
/// -s` start later), so that a line lost or moved is named rather than
/// read as other bytes.
fn in_sequence(
    style: Style,
    base: &mut Option<u64>,
    read: usize,
    number: usize,
    line: &str,
) -> Result<(), NotHex> {
    let first = line.split_whitespace().next().unwrap_or(line);
    let token = match style {
        Style::Xxd => first.strip_suffix(':').unwrap_or(first),
        Style::Plain | Style::Canonical => first,
    };
    let Some(offset) = is_offset(token)
        .then(|| u64::from_str_radix(token, 16).ok())
        .flatten()
    else {
        return Ok(());
    };

    let read = u64::try_from(read).unwrap_or(u64::MAX);
    let start = *base.get_or_insert(offset);
    let expected = start.saturating_add(read);
    if offset == expected {
        return Ok(());
    }

    Err(NotHex {
        expected: format!("offset {expected:08x}, where the lines before end (a line missing?)"),
        ..not_hex(style, number, line, token)
    })
}

/// The `*` lines of a `hexdump -C` dump: each stands for copies of the
/// line of bytes before it, as many as reach the offset of the line after.
#[derive(Default)]
struct Repeat {
    /// The bytes of the last line that held some.
    previous: Vec<u8>,
    /// The number of a `*` line whose copies are not yet made.
    pending: Option<usize>,
}

impl Repeat {
    /// A `*` line, the `number`th: there must be a line to repeat.
    fn star(&mut self, number: usize, line: &str) -> Result<(), NotHex> {
        let expected = if self.pending.is_some() {
            "an offset line after \"*\", not a second \"*\""
        } else if self.previous.is_empty() {
            "a line of bytes before \"*\", which repeats it"
        } else {
            self.pending = Some(number);
            return Ok(());
        };
        let trimmed = line.trim_start();
        Err(NotHex {
            expected: expected.to_owned(),
            ..not_hex(Style::Canonical, number, line, trimmed)
        })
    }

    /// The line after a `*`, the `number`th: copies of the repeated line
    /// are appended to `bytes` up to the offset it opens with, counted
    /// from the dump's first offset, `base`.
    fn fill(
        &mut self,
        bytes: &mut Vec<u8>,
        base: u64,
        number: usize,
        line: &str,
    ) -> Result<(), NotHex> {
        if self.pending.take().is_none() {
            return Ok(());
        }

        let token = line.split_whitespace().next().unwrap_or(line);
        let at = bytes.len();
        let step = self.previous.len();
        let offset = is_offset(token)
            .then(|| u64::from_str_radix(token, 16).ok())
            .flatten()
            .and_then(|offset| offset.checked_sub(base));
        let fits = offset.is_some_and(|offset| offset <= MAX_INPUT);
        let offset = offset.and_then(|offset| usize::try_from(offset).ok());
        let whole_lines =
            offset.filter(|&offset| offset >= at && (offset - at).is_multiple_of(step));
        let Some(offset) = whole_lines.filter(|_| fits) else {
            let mib = MAX_INPUT / (1024 * 1024);
            let from = u64::try_from(at).unwrap_or(u64::MAX).saturating_add(base);
            let expected = format!(
                "an offset {from:08x} plus a multiple of {step} bytes \
                 (at most {mib} MiB) after \"*\""
            );
            return Err(NotHex {
                expected,
                ..not_hex(Style::Canonical, number, line, token)
            });
        };

        while bytes.len() < offset {
            bytes.extend_from_slice(&self.previous);
        }
        Ok(())
    }

    /// The bytes of a line that held some, which a `*` after it repeats.
    fn remember(&mut self, line_bytes: &[u8]) {
        if !line_bytes.is_empty() {
            self.previous.clear();
            self.previous.extend_from_slice(line_bytes);
        }
    }

    /// The end of the dump: a `*` must have had a line after it.
    fn end(&self) -> Result<(), NotHex> {
        let Some(number) = self.pending else {
            return Ok(());
        };

        Err(NotHex {
            style: Style::Canonical,
            expected: String::from("an offset line after \"*\", up to which it repeats"),
            line: number,
            column: 1,
            found: String::from("the end of the dump"),
        })
    }
}

/// Whether `line` is a `#` comment.
fn is_comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// The part of a plain line that holds bytes, C syntax around them left
/// out: the declaration that opens an initializer (`unsigned char
/// capture_bin[] = {`, or a bare `{`), its end (`};`) and a declaration
/// holding no array (`unsigned int capture_bin_len = 290;`), as `xxd -i`
/// writes them, on lines of their own or all on one line. Gives the first
/// token that is neither hex nor C syntax when there is one.
fn c_bytes(line: &str) -> Result<&str, &str> {
    let opens = line.split_once('{');
    let trimmed = line.trim();
    let declares = trimmed.contains('=') && trimmed.ends_with(';') && !trimmed.contains('}');
    if opens.is_none() && declares {
        return Ok("");
    }

    let part = match opens {
        Some((declaration, rest)) => {
            let declaration = declaration.trim();
            if !declaration.is_empty() && !declaration.ends_with('=') {
                return Err(line.trim_start());
            }
            rest
        }
        None => line,
    };
    let Some((inside, rest)) = part.split_once('}') else {
        return Ok(part);
    };

    let after = rest.trim_start();
    if !after.chars().all(|c| c == ';' || c.is_whitespace()) {
        return Err(after);
    }
    Ok(inside)
}

/// The style of a dump, told by its first line that is neither blank nor
/// a comment.
fn style_of(text: &str) -> Style {
    let first = text
        .lines()
        .find(|line| !line.trim().is_empty() && !is_comment(line));
    let Some(first) = first else {
        return Style::Plain;
    };

    if first.contains('|') || first.trim() == REPEAT {
        return Style::Canonical;
    }

    if has_offset(first) {
        return Style::Xxd;
    }

    Style::Plain
}

/// Whether `line` opens with an `xxd` offset and its colon.
fn has_offset(line: &str) -> bool {
    line.split_once(':')
        .is_some_and(|(offset, _)| is_offset(offset.trim()))
}

/// The hex tokens of one line, its offset column and text column (or its
/// C syntax) left out; the first token that is neither hex nor syntax
/// when there is one.
fn hex_tokens(line: &str, style: Style) -> Result<Vec<&str>, &str> {
    let tokens = match style {
        Style::Plain => c_bytes(line)?
            .split(|c: char| c.is_whitespace() || c == ',')
            .filter(|token| !token.is_empty())
            .collect(),
        Style::Xxd => {
            let rest = line.split_once(':').map_or("", |(_, rest)| rest);
            until_text_column(rest).split_whitespace().collect()
        }
        Style::Canonical => {
            let dump = line.split_once('|').map_or(line, |(dump, _)| dump);
            let mut tokens = dump.split_whitespace();
            match tokens.next() {
                Some(offset) if !is_offset(offset) => vec![offset],
                _ => tokens.collect(),
            }
        }
    };
    Ok(tokens)
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
    let hex = digits.iter().all(u8::is_ascii_hexdigit);
    if digits.is_empty() || !digits.len().is_multiple_of(2) || !hex {
        return None;
    }

    for pair in digits.chunks_exact(2) {
        let text = std::str::from_utf8(pair).ok()?;
        bytes.push(u8::from_str_radix(text, 16).ok()?);
    }
    Some(())
}
