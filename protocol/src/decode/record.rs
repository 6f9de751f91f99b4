//! Records and their fields: `<COMMAND xmlid="...">`, `<CONFIRM ...>` or
//! `<INDICATION ...>` holding a flat list of empty field elements (spec,
//! "General Information", items 3 and 5).

use super::deviation::DeviationKind;
use super::document::{Markup, Reader};
use super::error::DecodeError;
use super::plain::PlainField;
use super::scanner::RawValue;
use super::shortcuts;
use super::tags::text_of;
use crate::limits::MAX_DEPTH;
use crate::message::{Kind, Message};

/// The attribute that carries a field's content, and so the one most
/// fields have: it is recognised without scanning its name.
const VALUE: &str = "value";

impl<'a> Reader<'a, '_> {
    /// Reads one record whose `<` is at `at`.
    pub(super) fn record(
        &mut self,
        message: &mut Message<'a>,
        at: usize,
    ) -> Result<(), DecodeError> {
        let max = self.options.limits.max_records;
        if message.record_count() >= max {
            return Err(DecodeError::TooManyRecords { offset: at, max });
        }

        let (name, kind, plain) = match self.plain_record_open() {
            Some((kind, xmlid)) => {
                message.push_record(kind, xmlid);
                (kind.element(), kind, true)
            }
            None => match self.record_open(message)? {
                Some((name, kind)) => (name, kind, false),
                None => return Ok(()),
            },
        };

        loop {
            match self.plain_field(message) {
                PlainField::Whole => continue,
                PlainField::Open { name } => {
                    self.field_rest(message, name, 1)?;
                    continue;
                }
                PlainField::None => {}
            }

            if plain && self.plain_record_end(kind) {
                return Ok(());
            }

            match self.next_markup()? {
                Markup::Start { at } => self.field(message, at)?,
                Markup::End { at } => return self.end_tag(at, name, kind.element()),
                Markup::Eof => return Err(self.unclosed(name)),
            }
        }
    }

    /// Reads a record's start tag from its name on and gives its name and
    /// kind, or `None` when the record is empty (`/>`).
    fn record_open(
        &mut self,
        message: &mut Message<'a>,
    ) -> Result<Option<(&'a str, Kind)>, DecodeError> {
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
            return Ok(None);
        }

        Ok(Some((name, kind)))
    }

    /// The kind of record an element named `name` is.
    pub(super) fn record_kind(&mut self, name: &str, at: usize) -> Result<Kind, DecodeError> {
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
    pub(super) fn trim_xmlid(&mut self, xmlid: RawValue<'a>) -> Result<RawValue<'a>, DecodeError> {
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
    pub(super) fn field(
        &mut self,
        message: &mut Message<'a>,
        at: usize,
    ) -> Result<(), DecodeError> {
        let max = self.options.limits.max_fields;
        if message.field_count() >= max {
            return Err(DecodeError::TooManyFields { offset: at, max });
        }

        let name = self.scan.name(self.max_text())?;
        message.push_field(name);
        self.field_rest(message, name, 0)
    }

    /// Reads the rest of the field `name` after its first `read`
    /// attributes: the others, and its end.
    fn field_rest(
        &mut self,
        message: &mut Message<'a>,
        name: &'a str,
        read: usize,
    ) -> Result<(), DecodeError> {
        if self.field_attributes(message, read)? {
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

    /// Reads a field's attributes after the first `read` of them; says
    /// whether the field was empty (`/>`).
    fn field_attributes(
        &mut self,
        message: &mut Message<'a>,
        read: usize,
    ) -> Result<bool, DecodeError> {
        let max = self.options.limits.max_attributes_per_field;
        let mut count = read;
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
            } else if shortcuts::enabled() && self.scan.starts_with(b"value=") {
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
}

/// Whether `c` is XML white space.
fn is_space_char(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\r')
}
