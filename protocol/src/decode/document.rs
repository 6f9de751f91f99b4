//! The shape of a `DVCRMANAGER` document (spec, "General Information", item
//! 5): an optional BOM and declaration, one root holding records, each
//! record a flat list of empty field elements, with white space, comments
//! and processing instructions allowed between them (XML 1.0 §2.1, §2.8).

use super::chars::is_xml_char;
use super::declaration;
use super::deviation::{Deviation, DeviationKind};
use super::error::DecodeError;
use super::scanner::Scanner;
use super::shortcuts;
use super::tags::text_of;
use super::{DecodeOptions, Mode};
use crate::message::Message;

/// The root element's name.
const ROOT: &str = "DVCRMANAGER";

/// The bytes of a TPKT header, counted against the frame limit.
const TPKT_HEADER_LEN: usize = 4;

/// What the cursor stopped at between elements.
pub(super) enum Markup {
    /// A start tag whose `<` is at `at`; the cursor is on its name.
    Start { at: usize },
    /// An end tag whose `<` is at `at`; the cursor is on its name.
    End { at: usize },
    /// The end of the payload.
    Eof,
}

/// Reads `payload` into `message`, reporting deviations.
pub(super) fn read<'a>(
    payload: &'a [u8],
    options: &DecodeOptions,
    message: &mut Message<'a>,
    deviations: &mut Vec<Deviation>,
) -> Result<(), DecodeError> {
    let max = options.limits.max_frame_len.saturating_sub(TPKT_HEADER_LEN);
    if payload.len() > max {
        return Err(DecodeError::TooLong {
            offset: max,
            len: payload.len(),
            max,
        });
    }

    let text = std::str::from_utf8(payload).map_err(|error| DecodeError::InvalidUtf8 {
        offset: error.valid_up_to(),
    })?;
    let start = if text.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut reader = Reader {
        scan: Scanner::new(text, start),
        options,
        deviations,
    };

    reader.prolog()?;
    reader.root(message)?;
    reader.epilog()
}

/// The reader of one payload: its cursor, options and deviations.
pub(super) struct Reader<'a, 'o> {
    pub(super) scan: Scanner<'a>,
    pub(super) options: &'o DecodeOptions,
    pub(super) deviations: &'o mut Vec<Deviation>,
}

impl<'a> Reader<'a, '_> {
    /// Records a deviation when lenient, or fails with it when strict.
    pub(super) fn deviate(
        &mut self,
        kind: DeviationKind,
        offset: usize,
    ) -> Result<(), DecodeError> {
        if self.options.mode == Mode::Strict {
            return Err(DecodeError::Deviation { offset, kind });
        }

        self.deviations.push(Deviation { kind, offset });
        Ok(())
    }

    pub(super) fn max_text(&self) -> usize {
        self.options.limits.max_text_len
    }

    /// Reads the declaration, if any.
    fn prolog(&mut self) -> Result<(), DecodeError> {
        let first = self.scan.pos();
        self.scan.skip_space();
        let start = self.scan.pos();
        let common = declaration::common_len(self.scan.rest(), self.max_text())
            .filter(|_| shortcuts::enabled());
        if common.is_none() && !declaration::looks_like_declaration(self.scan.rest()) {
            return Ok(());
        }

        if start > first {
            self.deviate(DeviationKind::DeclarationNotAtStart, first)?;
        }

        if let Some(len) = common {
            self.scan.advance(len);
            return Ok(());
        }

        let max_text = self.max_text();
        let strict = declaration::strict(&mut self.scan, max_text);
        match strict {
            // A limit only rejects: a value too long is not a malformation.
            Ok(()) | Err(DecodeError::Encoding { .. } | DecodeError::TextTooLong { .. }) => strict,
            Err(error) => {
                self.scan.seek(start);
                match declaration::lenient(&mut self.scan) {
                    Ok(()) => self.deviate(DeviationKind::MalformedDeclaration, start),
                    Err(encoding @ DecodeError::Encoding { .. }) => Err(encoding),
                    Err(_) => Err(error),
                }
            }
        }
    }

    /// Skips white space, comments and processing instructions up to the
    /// next tag or the end.
    #[inline]
    pub(super) fn next_markup(&mut self) -> Result<Markup, DecodeError> {
        match self.plain_markup() {
            Some(markup) => Ok(markup),
            None => self.any_markup(),
        }
    }

    /// [`next_markup`](Reader::next_markup) for whatever
    /// [`plain_markup`](Reader::plain_markup) leaves.
    fn any_markup(&mut self) -> Result<Markup, DecodeError> {
        loop {
            self.scan.skip_space();
            let at = self.scan.pos();
            match self.scan.peek() {
                None => return Ok(Markup::Eof),
                Some(b'<') => {}
                Some(_) => return Err(self.unexpected_text(at)),
            }

            match self.scan.peek_at(1) {
                Some(b'!') => self.bang()?,
                Some(b'?') => self.scan.skip_processing_instruction(self.max_text())?,
                Some(b'/') => {
                    self.scan.advance(2);
                    if self.scan.skip_space() {
                        self.deviate(DeviationKind::SpaceAfterLessThan, at)?;
                    }
                    return Ok(Markup::End { at });
                }
                _ => {
                    self.scan.advance(1);
                    if !self.scan.skip_space() {
                        return Ok(Markup::Start { at });
                    }

                    self.deviate(DeviationKind::SpaceAfterLessThan, at)?;
                    if self.scan.peek() != Some(b'/') {
                        return Ok(Markup::Start { at });
                    }

                    self.scan.advance(1);
                    self.scan.skip_space();
                    return Ok(Markup::End { at });
                }
            }
        }
    }

    /// Skips a comment at the cursor, or fails on other `<!` markup.
    fn bang(&mut self) -> Result<(), DecodeError> {
        let at = self.scan.pos();
        if self.scan.starts_with(b"<!--") {
            return self.scan.skip_comment();
        }

        if self.scan.starts_with(b"<![CDATA[") {
            return Err(DecodeError::Cdata { offset: at });
        }

        Err(DecodeError::MarkupDeclaration { offset: at })
    }

    /// The error for text at `at`, or for a character XML forbids there.
    fn unexpected_text(&self, at: usize) -> DecodeError {
        let found = self.scan.char_at(at).unwrap_or('\u{FFFD}');
        if !is_xml_char(found) {
            return DecodeError::ForbiddenChar {
                offset: at,
                code: u32::from(found),
            };
        }

        DecodeError::UnexpectedText { offset: at, found }
    }

    /// Reads the root element and everything in it.
    fn root(&mut self, message: &mut Message<'a>) -> Result<(), DecodeError> {
        let at = match self.next_markup()? {
            Markup::Start { at } => at,
            Markup::End { at } => return Err(self.scan.syntax_at(at, "the root element")),
            Markup::Eof => {
                return Err(DecodeError::NoRoot {
                    offset: self.scan.pos(),
                });
            }
        };

        let (name, plain) = match self.plain_root_open() {
            Some(version) => {
                message.set_version(version);
                (ROOT, true)
            }
            None => (self.root_open(message, at)?, false),
        };

        loop {
            match self.next_markup()? {
                Markup::Start { at } => self.record(message, at)?,
                Markup::End { .. } if plain && self.plain_root_end() => break Ok(()),
                Markup::End { at } => break self.end_tag(at, name, ROOT),
                Markup::Eof => break Err(self.unclosed(name)),
            }
        }?;

        if message.record_count() == 0 {
            return Err(DecodeError::NoRecord { offset: at });
        }

        Ok(())
    }

    /// Reads the root's start tag whose `<` is at `at` from its name on,
    /// and gives the name.
    fn root_open(&mut self, message: &mut Message<'a>, at: usize) -> Result<&'a str, DecodeError> {
        let name_at = self.scan.pos();
        let name = self.scan.name(self.max_text())?;
        if name != ROOT {
            if !name.eq_ignore_ascii_case(ROOT) {
                return Err(DecodeError::UnexpectedRoot {
                    offset: name_at,
                    found: name.to_owned(),
                });
            }
            self.deviate(DeviationKind::MixedCaseElement, name_at)?;
        }

        let mut version = None;
        let empty = self.special_attributes(ROOT, "version", &mut version)?;
        let Some(version) = version else {
            return Err(DecodeError::MissingAttribute {
                offset: self.scan.pos(),
                element: ROOT,
                name: "version",
            });
        };

        message.set_version(text_of(version)?);

        if empty {
            return Err(DecodeError::NoRecord { offset: at });
        }

        Ok(name)
    }

    /// Reads the end tag whose `<` is at `at` and checks it closes `open`.
    ///
    /// The end tag of a root or record (`canonical` not empty) may differ
    /// from its start tag in case when lenient, as the start tag may; it is
    /// reported when it is not in upper case itself.
    pub(super) fn end_tag(
        &mut self,
        at: usize,
        open: &str,
        canonical: &str,
    ) -> Result<(), DecodeError> {
        if self.closes_plainly(open) {
            return Ok(());
        }

        let name_at = self.scan.pos();
        let name = self.scan.name(self.max_text())?;
        self.scan.skip_space();
        self.scan.expect(b'>', "'>' ending the end tag")?;
        if name == open {
            return Ok(());
        }

        let folds = !canonical.is_empty() && name.eq_ignore_ascii_case(canonical);
        if !folds {
            return Err(DecodeError::MismatchedEndTag {
                offset: at,
                expected: open.to_owned(),
                found: name.to_owned(),
            });
        }

        if name == canonical {
            return Ok(());
        }

        self.deviate(DeviationKind::MixedCaseElement, name_at)
    }

    /// Consumes `open>` when it is at the cursor, the common end tag, and
    /// says so; the general path would read the same name, find it equal
    /// to `open` and stop at the same `>`, so nothing else differs.
    fn closes_plainly(&mut self, open: &str) -> bool {
        let len = open.len();
        let plain = shortcuts::enabled()
            && len > 0
            && len <= self.max_text()
            && self
                .scan
                .rest()
                .split_at_checked(len)
                .is_some_and(|(name, after)| {
                    name == open.as_bytes() && after.first() == Some(&b'>')
                });
        if plain {
            self.scan.advance(len + 1);
        }
        plain
    }

    pub(super) fn unclosed(&self, open: &str) -> DecodeError {
        DecodeError::Unclosed {
            offset: self.scan.pos(),
            expected: open.to_owned(),
        }
    }

    /// Checks that only white space, comments and processing instructions
    /// follow the root.
    fn epilog(&mut self) -> Result<(), DecodeError> {
        match self.next_markup()? {
            Markup::Eof => Ok(()),
            Markup::Start { at } => Err(DecodeError::SecondRoot { offset: at }),
            Markup::End { at } => Err(self.scan.syntax_at(at, "end of document")),
        }
    }
}
