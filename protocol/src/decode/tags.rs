//! Start tags: the attributes and quoted values of the root, records and
//! fields (XML 1.0 §3.1, spec "General Information", item 5: every field
//! carries its content in a `value` attribute).

use std::borrow::Cow;

use super::document::Reader;
use super::error::DecodeError;
use super::escape::unescape;
use super::scanner::RawValue;
use crate::message::Text;

impl<'a> Reader<'a, '_> {
    /// Reads the attributes of the root or a record, which may only carry
    /// `wanted`; says whether the start tag was empty (`/>`).
    pub(super) fn special_attributes(
        &mut self,
        element: &'static str,
        wanted: &'static str,
        found: &mut Option<RawValue<'a>>,
    ) -> Result<bool, DecodeError> {
        if found.is_none()
            && let Some(value) = self.plain_special(wanted)
        {
            *found = Some(value);
            return Ok(false);
        }

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
    pub(super) fn tag_end(&mut self) -> Result<Option<bool>, DecodeError> {
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
    pub(super) fn equals(&mut self) -> Result<(), DecodeError> {
        self.scan.skip_space();
        self.scan.expect(b'=', "'=' after the attribute name")?;
        self.scan.skip_space();
        Ok(())
    }

    /// Reads a quoted value, unescaping it only if it must be.
    pub(super) fn value(&mut self) -> Result<Text<'a>, DecodeError> {
        let raw = self.scan.value(self.max_text())?;
        text_of(raw)
    }
}

/// The text a raw value stands for.
pub(super) fn text_of(raw: RawValue<'_>) -> Result<Text<'_>, DecodeError> {
    if !raw.needs_unescape {
        return Ok(Cow::Borrowed(raw.text));
    }

    Ok(Cow::Owned(unescape(raw.text, raw.offset)?))
}
