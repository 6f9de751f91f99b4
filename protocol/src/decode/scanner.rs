//! The byte cursor the decoder reads a payload with: names, quoted values,
//! comments and processing instructions (XML 1.0 §2.3, §2.5, §2.6, §3.1),
//! the pieces of every `DVCRMANAGER` document (spec, "General Information",
//! item 5).
//!
//! It works on bytes of text already known to be UTF-8, and cuts text only
//! next to ASCII delimiters, so every slice it hands out is a `&str` of the
//! payload and nothing is copied.

use super::chars::{NAME_ASCII, NAME_START, first_forbidden, is_name_char, is_name_start};
use super::error::DecodeError;
use super::runs::{plain_value_len, space_len};

/// How many bytes at the start of `bytes` are ASCII name characters.
fn ascii_name_len(bytes: &[u8]) -> usize {
    bytes
        .iter()
        .position(|&byte| !NAME_ASCII[usize::from(byte)])
        .unwrap_or(bytes.len())
}

/// A quoted value as it stands in the document.
#[derive(Clone, Copy, Debug)]
pub(crate) struct RawValue<'a> {
    /// The text between the quotes.
    pub(crate) text: &'a str,
    /// Where that text starts in the payload.
    pub(crate) offset: usize,
    /// Whether it holds a reference or a tab, CR or LF, and so must be
    /// unescaped and normalised before use.
    pub(crate) needs_unescape: bool,
}

/// A position in a payload.
pub(crate) struct Scanner<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Scanner<'a> {
    /// A cursor over `text` at byte `pos`.
    pub(crate) fn new(text: &'a str, pos: usize) -> Self {
        Scanner { text, pos }
    }

    /// The current byte offset.
    #[inline]
    pub(crate) fn pos(&self) -> usize {
        self.pos
    }

    /// Moves the cursor to `pos`.
    #[inline]
    pub(crate) fn seek(&mut self, pos: usize) {
        self.pos = pos.min(self.text.len());
    }

    /// Moves the cursor `count` bytes on.
    #[inline]
    pub(crate) fn advance(&mut self, count: usize) {
        self.seek(self.pos + count);
    }

    /// The whole payload.
    pub(crate) fn text(&self) -> &'a str {
        self.text
    }

    /// The byte `ahead` bytes after the cursor.
    #[inline]
    pub(crate) fn peek_at(&self, ahead: usize) -> Option<u8> {
        self.text.as_bytes().get(self.pos + ahead).copied()
    }

    /// The byte at the cursor.
    #[inline]
    pub(crate) fn peek(&self) -> Option<u8> {
        self.peek_at(0)
    }

    /// The bytes from the cursor on.
    #[inline]
    pub(crate) fn rest(&self) -> &'a [u8] {
        self.text.as_bytes().get(self.pos..).unwrap_or_default()
    }

    /// Whether the bytes at the cursor start with `prefix`.
    #[inline]
    pub(crate) fn starts_with(&self, prefix: &[u8]) -> bool {
        self.rest().starts_with(prefix)
    }

    /// The character at byte `at`, if one starts there.
    #[inline]
    pub(crate) fn char_at(&self, at: usize) -> Option<char> {
        self.text.get(at..).and_then(|rest| rest.chars().next())
    }

    /// A syntax error at the cursor.
    pub(crate) fn syntax(&self, expected: &'static str) -> DecodeError {
        self.syntax_at(self.pos, expected)
    }

    /// A syntax error at byte `at`.
    pub(crate) fn syntax_at(&self, at: usize, expected: &'static str) -> DecodeError {
        DecodeError::Syntax {
            offset: at,
            expected,
            found: self.char_at(at),
        }
    }

    /// Skips white space; says whether there was any.
    #[inline]
    pub(crate) fn skip_space(&mut self) -> bool {
        let skipped = space_len(self.rest());
        self.pos += skipped;
        skipped > 0
    }

    /// Consumes `byte`, or fails saying `expected`.
    #[inline]
    pub(crate) fn expect(&mut self, byte: u8, expected: &'static str) -> Result<(), DecodeError> {
        if self.peek() != Some(byte) {
            return Err(self.syntax(expected));
        }

        self.pos += 1;
        Ok(())
    }

    /// Reads an XML name of at most `max_len` bytes.
    #[inline]
    pub(crate) fn name(&mut self, max_len: usize) -> Result<&'a str, DecodeError> {
        let start = self.pos;
        let rest = self.rest();
        let len = ascii_name_len(rest);
        let plain = rest
            .first()
            .is_some_and(|&byte| NAME_START[usize::from(byte & 0x7F)])
            && rest.get(len).is_none_or(|&byte| byte < 0x80);
        if plain && len <= max_len {
            self.pos = start + len;
            return Ok(self.text.get(start..start + len).unwrap_or(""));
        }

        self.unusual_name(start, len, max_len)
    }

    /// Reads a name that [`name`](Scanner::name) could not take whole by
    /// its ASCII bytes: a non-ASCII name, a bad start, or one too long;
    /// `len` ASCII name bytes at `start` are already counted.
    #[cold]
    fn unusual_name(
        &mut self,
        start: usize,
        len: usize,
        max_len: usize,
    ) -> Result<&'a str, DecodeError> {
        let rest = self.rest();
        let starts_well = match rest.first() {
            Some(&byte) if byte < 0x80 => NAME_START[usize::from(byte)],
            Some(_) => self.char_at(start).is_some_and(is_name_start),
            None => false,
        };
        if !starts_well {
            return Err(self.syntax_at(start, "a name"));
        }

        let mut len = len;
        while rest.get(len).is_some_and(|&byte| byte >= 0x80) {
            match self.char_at(start + len) {
                Some(c) if is_name_char(c) => len += c.len_utf8(),
                _ => break,
            }
            len += rest.get(len..).map_or(0, ascii_name_len);
        }

        if len > max_len {
            return Err(too_long(start, len, max_len));
        }

        self.pos = start + len;
        Ok(self.text.get(start..start + len).unwrap_or(""))
    }

    /// Reads a value in single or double quotes of at most `max_len` bytes.
    #[inline]
    pub(crate) fn value(&mut self, max_len: usize) -> Result<RawValue<'a>, DecodeError> {
        let quote = match self.peek() {
            Some(quote @ (b'"' | b'\'')) => quote,
            _ => return Err(self.syntax("a quoted value")),
        };

        let bytes = self.text.as_bytes();
        let start = self.pos + 1;
        let mut end = start;
        let mut needs_unescape = false;
        loop {
            end += plain_value_len(bytes.get(end..).unwrap_or_default());
            let Some(&byte) = bytes.get(end) else {
                return Err(DecodeError::Syntax {
                    offset: end,
                    expected: "a closing quote",
                    found: None,
                });
            };

            match byte {
                _ if byte == quote => break,
                b'"' | b'\'' => {}
                b'<' => return Err(self.syntax_at(end, "a value character or reference")),
                b'&' | b'\t' | b'\n' | b'\r' => needs_unescape = true,
                0xEF => check_noncharacter(bytes, end)?,
                _ => {
                    return Err(DecodeError::ForbiddenChar {
                        offset: end,
                        code: u32::from(byte),
                    });
                }
            }
            end += 1;
        }

        if end - start > max_len {
            return Err(too_long(start, end - start, max_len));
        }

        self.pos = end + 1;
        Ok(RawValue {
            text: self.text.get(start..end).unwrap_or(""),
            offset: start,
            needs_unescape,
        })
    }

    /// Skips the comment at the cursor, which starts with `<!--`.
    pub(crate) fn skip_comment(&mut self) -> Result<(), DecodeError> {
        let body = self.pos + 4;
        let tail = self.text.as_bytes().get(body..).unwrap_or_default();
        let Some(dashes) = memchr::memmem::find(tail, b"--").map(|at| body + at) else {
            return Err(DecodeError::Syntax {
                offset: self.text.len(),
                expected: "'-->' ending the comment",
                found: None,
            });
        };

        self.check_chars(body, dashes)?;
        self.seek(dashes + 2);
        self.expect(b'>', "'>' after '--' in a comment")
    }

    /// Skips the processing instruction at the cursor, which starts with
    /// `<?`; its target may not be `xml` in any case.
    pub(crate) fn skip_processing_instruction(
        &mut self,
        max_len: usize,
    ) -> Result<(), DecodeError> {
        let start = self.pos;
        self.advance(2);
        let target = self.name(max_len)?;
        if target.eq_ignore_ascii_case("xml") {
            return Err(self.syntax_at(start, "a processing instruction other than a declaration"));
        }

        if !self.skip_space() && !self.starts_with(b"?>") {
            return Err(self.syntax("white space or '?>'"));
        }

        let body = self.pos;
        let Some(end) = memchr::memmem::find(self.rest(), b"?>").map(|at| body + at) else {
            return Err(DecodeError::Syntax {
                offset: self.text.len(),
                expected: "'?>' ending the processing instruction",
                found: None,
            });
        };

        self.check_chars(body, end)?;
        self.seek(end + 2);
        Ok(())
    }

    /// Fails on the first character XML forbids between `start` and `end`.
    fn check_chars(&self, start: usize, end: usize) -> Result<(), DecodeError> {
        let text = self.text.get(start..end).unwrap_or("");
        match first_forbidden(text) {
            Some((at, c)) => Err(DecodeError::ForbiddenChar {
                offset: start + at,
                code: u32::from(c),
            }),
            None => Ok(()),
        }
    }
}

/// Fails when the character at `at`, which starts with `0xEF`, is U+FFFE or
/// U+FFFF.
fn check_noncharacter(bytes: &[u8], at: usize) -> Result<(), DecodeError> {
    match (bytes.get(at + 1), bytes.get(at + 2)) {
        (Some(0xBF), Some(&last @ (0xBE | 0xBF))) => Err(DecodeError::ForbiddenChar {
            offset: at,
            code: 0xFFFE + u32::from(last - 0xBE),
        }),
        _ => Ok(()),
    }
}

/// The error for text of `len` bytes at `offset` over `max`.
pub(crate) fn too_long(offset: usize, len: usize, max: usize) -> DecodeError {
    DecodeError::TextTooLong { offset, len, max }
}
