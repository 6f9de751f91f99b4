//! The short paths for the tags of the root and of records as nearly every
//! message writes them (spec, "General Information", item 5): the start
//! tags `<DVCRMANAGER version="...">`, `<COMMAND xmlid="...">`,
//! `<CONFIRM xmlid="...">` and `<INDICATION xmlid="...">` with the name in
//! upper case, one space, a plain value and `>` at once, and a record's
//! end tag right after white space.
//!
//! They only recognise: on anything else, another case, more white space,
//! single quotes, a reference, a limit reached, they leave the cursor where
//! it was and the general path reads the tag, so errors and deviations are
//! exactly those of the general path.

use super::document::Reader;
use super::runs::{plain_value_len, space_len};
use super::shortcuts;
use crate::message::Kind;

/// The root's start tag from its name to its version.
const ROOT_OPEN: &[u8; 21] = b"DVCRMANAGER version=\"";

/// The root's end tag after its `</`.
const ROOT_CLOSE: &[u8; 12] = b"DVCRMANAGER>";

/// The start tags of a command and a confirm from their names to their
/// `xmlid`.
const COMMAND_OPEN: &[u8; 15] = b"COMMAND xmlid=\"";
const CONFIRM_OPEN: &[u8; 15] = b"CONFIRM xmlid=\"";

/// An indication's start tag from its name to its `xmlid`.
const INDICATION_OPEN: &[u8; 18] = b"INDICATION xmlid=\"";

impl<'a> Reader<'a, '_> {
    /// Reads the root's start tag from the name at the cursor on, and
    /// gives its version, or leaves the cursor as it was and gives `None`.
    pub(super) fn plain_root_open(&mut self) -> Option<&'a str> {
        self.plain_open(ROOT_OPEN, "DVCRMANAGER".len())
    }

    /// Reads a record's start tag from the name at the cursor on, and
    /// gives its kind and `xmlid`, or leaves the cursor as it was and gives
    /// `None`. An `xmlid` starting or ending with a space is left to the
    /// general path, which reports it.
    pub(super) fn plain_record_open(&mut self) -> Option<(Kind, &'a str)> {
        let start = self.scan.pos();
        let (kind, xmlid) = match self.scan.rest().get(..4)? {
            b"COMM" => (Kind::Command, self.plain_open(COMMAND_OPEN, 7)?),
            b"CONF" => (Kind::Confirm, self.plain_open(CONFIRM_OPEN, 7)?),
            b"INDI" => (Kind::Indication, self.plain_open(INDICATION_OPEN, 10)?),
            _ => return None,
        };
        if xmlid.starts_with(' ') || xmlid.ends_with(' ') {
            self.scan.seek(start);
            return None;
        }

        Some((kind, xmlid))
    }

    /// Reads `open`, a start tag from its name of `name_len` bytes to the
    /// quote opening its one attribute's value, then a plain value and
    /// `">`, and gives the value; the attribute's name is shorter than the
    /// element's.
    #[inline(always)]
    fn plain_open<const N: usize>(&mut self, open: &[u8; N], name_len: usize) -> Option<&'a str> {
        let max_text = self.max_text();
        if !shortcuts::enabled() || name_len > max_text {
            return None;
        }

        let (prefix, after) = self.scan.rest().split_first_chunk::<N>()?;
        if prefix != open {
            return None;
        }

        let len = plain_value_len(after);
        if len > max_text || !after.get(len..)?.starts_with(b"\">") {
            return None;
        }

        let start = self.scan.pos() + N;
        let value = self.scan.text().get(start..start + len)?;
        self.scan.advance(N + len + 2);
        Some(value)
    }

    /// Reads white space and the end tag of a record of `kind` opened by
    /// [`plain_record_open`](Reader::plain_record_open) and says so, or
    /// leaves the cursor as it was and says `false`.
    pub(super) fn plain_record_end(&mut self, kind: Kind) -> bool {
        match kind {
            Kind::Command => self.plain_end(b"</COMMAND>"),
            Kind::Confirm => self.plain_end(b"</CONFIRM>"),
            Kind::Indication => self.plain_end(b"</INDICATION>"),
        }
    }

    /// Reads the rest of the root's end tag, whose `</` is read, after a
    /// start tag read by [`plain_root_open`](Reader::plain_root_open), and
    /// says so, or leaves the cursor as it was and says `false`.
    pub(super) fn plain_root_end(&mut self) -> bool {
        let closes = shortcuts::enabled()
            && self
                .scan
                .rest()
                .first_chunk()
                .is_some_and(|found| found == ROOT_CLOSE);
        if closes {
            self.scan.advance(ROOT_CLOSE.len());
        }
        closes
    }

    /// Reads white space and `tag`, the end tag of an element whose start
    /// tag a short path read, and says so, or leaves the cursor as it was
    /// and says `false`.
    fn plain_end<const N: usize>(&mut self, tag: &[u8; N]) -> bool {
        if !shortcuts::enabled() {
            return false;
        }

        let rest = self.scan.rest();
        let lt = space_len(rest);
        let closes = rest
            .get(lt..)
            .and_then(<[u8]>::first_chunk::<N>)
            .is_some_and(|found| found == tag);
        if closes {
            self.scan.advance(lt + N);
        }
        closes
    }
}
