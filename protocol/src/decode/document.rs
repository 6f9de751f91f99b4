//! The shape of a `DVCRMANAGER` document (spec, "General Information", item
//! 5): an optional BOM and declaration, one root holding records, each
//! record a flat list of empty field elements, with white space, comments
//! and processing instructions allowed between them (XML 1.0 §2.1, §2.8).

use std::borrow::Cow;

use super::chars::is_xml_char;
use super::declaration;
use super::deviation::{Deviation, DeviationKind};
use super::error::DecodeError;
use super::escape::unescape;
use super::scanner::{RawValue, Scanner};
use super::{DecodeOptions, Mode};
use crate::limits::MAX_DEPTH;
use crate::message::{Kind, Message, Text};

/// The root element's name.
const ROOT: &str = "DVCRMANAGER";

/// The attribute that carries a field's content, and so the one most
/// fields have: it is recognised without scanning its name.
const VALUE: &str = "value";

/// The bytes of a TPKT header, counted against the frame limit.
const TPKT_HEADER_LEN: usize = 4;

/// What the cursor stopped at between elements.
enum Markup {
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

struct Reader<'a, 'o> {
    scan: Scanner<'a>,
    options: &'o DecodeOptions,
    deviations: &'o mut Vec<Deviation>,
}

impl<'a> Reader<'a, '_> {
    /// Records a deviation when lenient, or fails with it when strict.
    fn deviate(&mut self, kind: DeviationKind, offset: usize) -> Result<(), DecodeError> {
        if self.options.mode == Mode::Strict {
            return Err(DecodeError::Deviation { offset, kind });
        }

        self.deviations.push(Deviation { kind, offset });
        Ok(())
    }

    fn max_text(&self) -> usize {
        self.options.limits.max_text_len
    }

    /// Reads the declaration, if any.
    fn prolog(&mut self) -> Result<(), DecodeError> {
        let first = self.scan.pos();
        self.scan.skip_space();
        let start = self.scan.pos();
        if !declaration::looks_like_declaration(self.scan.rest()) {
            return Ok(());
        }

        if start > first {
            self.deviate(DeviationKind::DeclarationNotAtStart, first)?;
        }

        if let Some(len) = declaration::common_len(self.scan.rest()) {
            self.scan.advance(len);
            return Ok(());
        }

        let max_text = self.max_text();
        let strict = declaration::strict(&mut self.scan, max_text);
        match strict {
            Ok(()) | Err(DecodeError::Encoding { .. }) => strict,
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
    fn next_markup(&mut self) -> Result<Markup, DecodeError> {
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
        match version {
            Some(version) => message.set_version(text_of(version)?),
            None => self.deviate(DeviationKind::RootWithoutVersion, at)?,
        }

        if empty {
            return Err(DecodeError::NoRecord { offset: at });
        }

        loop {
            match self.next_markup()? {
                Markup::Start { at } => self.record(message, at)?,
                Markup::End { at } => break self.end_tag(at, name, ROOT),
                Markup::Eof => break Err(self.unclosed(name)),
            }
        }?;

        if message.record_count() == 0 {
            return Err(DecodeError::NoRecord { offset: at });
        }

        Ok(())
    }

    /// Reads the attributes of the root or a record, which may only carry
    /// `wanted`; says whether the start tag was empty (`/>`).
    fn special_attributes(
        &mut self,
        element: &'static str,
        wanted: &'static str,
        found: &mut Option<RawValue<'a>>,
    ) -> Result<bool, DecodeError> {
        loop {
            let spaced = self.scan.skip_space();
            if let Some(empty) = self.tag_end()? {
                return Ok(empty);
            }

            if !spaced {
                return Err(self.scan.syntax("white space, '>' or '/>'"));
            }

            let at = self.scan.pos();
            let name = self.scan.name(self.max_text())?;
            if name != wanted {
                return Err(DecodeError::UnexpectedAttribute {
                    offset: at,
                    element,
                    name: name.to_owned(),
                });
            }

            if found.is_some() {
                return Err(DecodeError::DuplicateAttribute {
                    offset: at,
                    name: name.to_owned(),
                });
            }

            self.equals()?;
            *found = Some(self.scan.value(self.max_text())?);
        }
    }

    /// Consumes `>` or `/>` at the cursor: `Some(true)` for an empty
    /// element, `Some(false)` for a start tag, `None` for anything else.
    fn tag_end(&mut self) -> Result<Option<bool>, DecodeError> {
        match self.scan.peek() {
            Some(b'>') => {
                self.scan.advance(1);
                Ok(Some(false))
            }
            Some(b'/') => {
                self.scan.advance(1);
                self.scan.expect(b'>', "'>' after '/'")?;
                Ok(Some(true))
            }
            _ => Ok(None),
        }
    }

    /// Consumes `=` and the white space around it.
    fn equals(&mut self) -> Result<(), DecodeError> {
        self.scan.skip_space();
        self.scan.expect(b'=', "'=' after the attribute name")?;
        self.scan.skip_space();
        Ok(())
    }

    /// Reads a quoted value, unescaping it only if it must be.
    fn value(&mut self) -> Result<Text<'a>, DecodeError> {
        let raw = self.scan.value(self.max_text())?;
        text_of(raw)
    }

    /// Reads one record whose `<` is at `at`.
    fn record(&mut self, message: &mut Message<'a>, at: usize) -> Result<(), DecodeError> {
        let max = self.options.limits.max_records;
        if message.record_count() >= max {
            return Err(DecodeError::TooManyRecords { offset: at, max });
        }

        let name_at = self.scan.pos();
        let name = self.scan.name(self.max_text())?;
        let kind = self.record_kind(name, name_at)?;
        let mut xmlid = None;
        let empty = self.special_attributes(kind.element(), "xmlid", &mut xmlid)?;
        let Some(xmlid) = xmlid else {
            return Err(DecodeError::MissingAttribute {
                offset: self.scan.pos(),
                element: kind.element(),
                name: "xmlid",
            });
        };

        let xmlid = self.trim_xmlid(xmlid)?;
        message.push_record(kind, text_of(xmlid)?);
        if empty {
            return Ok(());
        }

        loop {
            match self.next_markup()? {
                Markup::Start { at } => self.field(message, at)?,
                Markup::End { at } => return self.end_tag(at, name, kind.element()),
                Markup::Eof => return Err(self.unclosed(name)),
            }
        }
    }

    /// The kind of record an element named `name` is.
    fn record_kind(&mut self, name: &str, at: usize) -> Result<Kind, DecodeError> {
        if let Some(kind) = Kind::from_element(name) {
            return Ok(kind);
        }

        let folded = Kind::ALL
            .into_iter()
            .find(|kind| kind.element().eq_ignore_ascii_case(name));
        let Some(kind) = folded else {
            return Err(DecodeError::UnexpectedRecord {
                offset: at,
                found: name.to_owned(),
            });
        };

        self.deviate(DeviationKind::MixedCaseElement, at)?;
        Ok(kind)
    }

    /// The `xmlid` without white space written around it, reported if
    /// there was any; spaces written as references are kept.
    fn trim_xmlid(&mut self, xmlid: RawValue<'a>) -> Result<RawValue<'a>, DecodeError> {
        let text = xmlid.text.trim_start_matches(is_space_char);
        let leading = xmlid.text.len() - text.len();
        let text = text.trim_end_matches(is_space_char);
        if text.len() == xmlid.text.len() {
            return Ok(xmlid);
        }

        self.deviate(DeviationKind::SpaceInXmlid, xmlid.offset)?;
        Ok(RawValue {
            text,
            offset: xmlid.offset + leading,
            needs_unescape: text.contains(['&', '\t', '\n', '\r']),
        })
    }

    /// Reads one field whose `<` is at `at`.
    fn field(&mut self, message: &mut Message<'a>, at: usize) -> Result<(), DecodeError> {
        let max = self.options.limits.max_fields;
        if message.field_count() >= max {
            return Err(DecodeError::TooManyFields { offset: at, max });
        }

        let name = self.scan.name(self.max_text())?;
        message.push_field(name);
        if self.field_attributes(message)? {
            return Ok(());
        }

        match self.next_markup()? {
            Markup::Start { at } => Err(DecodeError::TooDeep {
                offset: at,
                max: MAX_DEPTH,
            }),
            Markup::End { at } => self.end_tag(at, name, ""),
            Markup::Eof => Err(self.unclosed(name)),
        }
    }

    /// Reads a field's attributes; says whether the field was empty (`/>`).
    fn field_attributes(&mut self, message: &mut Message<'a>) -> Result<bool, DecodeError> {
        let max = self.options.limits.max_attributes_per_field;
        let mut count = 0;
        loop {
            let spaced = self.scan.skip_space();
            if let Some(empty) = self.tag_end()? {
                return Ok(empty);
            }

            let at = self.scan.pos();
            let nameless = count == 0 && self.scan.peek() == Some(b'=');
            if !spaced && !nameless {
                return Err(self.scan.syntax("white space, '>' or '/>'"));
            }

            if count >= max {
                return Err(DecodeError::TooManyAttributes { offset: at, max });
            }

            let name = if nameless {
                self.deviate(DeviationKind::AttributeWithoutName, at)?;
                VALUE
            } else if self.scan.starts_with(b"value=") {
                self.scan.advance(VALUE.len());
                VALUE
            } else {
                self.scan.name(self.max_text())?
            };
            let duplicate = count > 0
                && message
                    .last_field()
                    .is_some_and(|field| field.attribute(name).is_some());
            if duplicate {
                return Err(DecodeError::DuplicateAttribute {
                    offset: at,
                    name: name.to_owned(),
                });
            }

            self.equals()?;
            let value = self.value()?;
            message.push_attribute(name, value);
            count += 1;
        }
    }

    /// Reads the end tag whose `<` is at `at` and checks it closes `open`.
    ///
    /// The end tag of a root or record (`canonical` not empty) may differ
    /// from its start tag in case when lenient, as the start tag may; it is
    /// reported when it is not in upper case itself.
    fn end_tag(&mut self, at: usize, open: &str, canonical: &str) -> Result<(), DecodeError> {
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

    fn unclosed(&self, open: &str) -> DecodeError {
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

/// The text a raw value stands for.
fn text_of(raw: RawValue<'_>) -> Result<Text<'_>, DecodeError> {
    if !raw.needs_unescape {
        return Ok(Cow::Borrowed(raw.text));
    }

    Ok(Cow::Owned(unescape(raw.text, raw.offset)?))
}

fn is_space_char(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}
