//! The encoder's output buffer, lengthened ahead of the text so the short
//! path can write in place (spec, "General Information", item 5).
//!
//! The buffer is lengthened with zeros a kilobyte at a time past the text
//! written so far, so a field is copied into bytes that already exist, with
//! fixed-size moves, and no write checks the capacity. The text ends at
//! [`Room::at`]; the zeros after it are cut off when the room is dropped or
//! when the general path takes the buffer over.

use super::words::{Test, copy_tested};

/// How far past the bytes in hand the buffer is lengthened when it is
/// short, so lengthening is rare.
const AHEAD: usize = 1024;

/// The output buffer and where its text ends.
pub(super) struct Room<'o> {
    out: &'o mut Vec<u8>,
    at: usize,
}

impl<'o> Room<'o> {
    /// A room over `out`, whose text is all it holds now.
    pub(super) fn new(out: &'o mut Vec<u8>) -> Self {
        let at = out.len();
        Room { out, at }
    }

    /// The `len` bytes after the text, lengthening the buffer when short;
    /// what is written there is text only once [`Room::advance`] says so.
    #[inline]
    pub(super) fn slot(&mut self, len: usize) -> &mut [u8] {
        let end = self.at + len;
        if self.out.len() < end {
            self.out.resize(end + AHEAD, 0);
        }

        self.out.get_mut(self.at..end).unwrap_or_default()
    }

    /// At least `len` bytes after the text, lengthening the buffer when
    /// short; what is written there is text only once [`Room::advance`]
    /// says so.
    #[inline]
    pub(super) fn ahead(&mut self, len: usize) -> &mut [u8] {
        if self.out.len() < self.at + len {
            self.out.resize(self.at + len + AHEAD, 0);
        }

        self.out.get_mut(self.at..).unwrap_or_default()
    }

    /// The `len` bytes after the text as a [`Slot`], to be filled from the
    /// front.
    #[inline]
    pub(super) fn slot_to_fill(&mut self, len: usize) -> Slot<'_> {
        Slot {
            rest: self.slot(len),
            flagged: false,
        }
    }

    /// Makes the next `len` bytes of the slot text.
    #[inline]
    pub(super) fn advance(&mut self, len: usize) {
        self.at += len;
    }

    /// Appends `bytes` to the text.
    #[inline]
    pub(super) fn put<const N: usize>(&mut self, bytes: &[u8; N]) {
        if let Some(slot) = self.slot(N).first_chunk_mut::<N>() {
            *slot = *bytes;
            self.advance(N);
        }
    }

    /// Appends `tag` to the text, moving all its room at once.
    #[inline]
    pub(super) fn put_tag<const N: usize>(&mut self, tag: &Tag<N>) {
        if let Some(slot) = self.slot(N).first_chunk_mut::<N>() {
            *slot = tag.room;
            self.advance(tag.len);
        }
    }

    /// Hands the buffer, holding only the text, to `write`, which appends
    /// to it as the general path does; the text then ends where it left it.
    pub(super) fn with_vec<R>(&mut self, write: impl FnOnce(&mut Vec<u8>) -> R) -> R {
        self.out.truncate(self.at);
        let written = write(self.out);
        self.at = self.out.len();
        written
    }
}

impl Drop for Room<'_> {
    fn drop(&mut self) {
        self.out.truncate(self.at);
    }
}

/// Bytes after the text of a [`Room`], filled from the front, each piece
/// moved with the one bounds test that splits it off.
pub(super) struct Slot<'s> {
    rest: &'s mut [u8],
    flagged: bool,
}

impl Slot<'_> {
    /// Puts `bytes` next.
    #[inline(always)]
    pub(super) fn put<const N: usize>(&mut self, bytes: &[u8; N]) {
        if let Some((head, rest)) = std::mem::take(&mut self.rest).split_first_chunk_mut::<N>() {
            *head = *bytes;
            self.rest = rest;
        } else {
            self.flagged = true;
        }
    }

    /// Copies `text` next, noting whether `T` flags any of its bytes.
    #[inline(always)]
    pub(super) fn copy<T: Test>(&mut self, text: &[u8]) {
        if let Some((head, rest)) = std::mem::take(&mut self.rest).split_at_mut_checked(text.len())
        {
            self.flagged |= copy_tested::<T>(head, text);
            self.rest = rest;
        } else {
            self.flagged = true;
        }
    }

    /// Whether the slot was filled exactly and nothing put in it was
    /// flagged.
    #[inline(always)]
    pub(super) fn is_clean(&self) -> bool {
        !self.flagged && self.rest.is_empty()
    }
}

/// Markup of up to `N` bytes, kept in `N` bytes so that it moves with one
/// fixed-size copy; the bytes past its length are zeros, which the text
/// after it overwrites.
pub(super) struct Tag<const N: usize> {
    room: [u8; N],
    len: usize,
}

impl<const N: usize> Tag<N> {
    /// The tag of `markup`, which must fit in `N` bytes.
    pub(super) const fn new(markup: &[u8]) -> Self {
        assert!(markup.len() <= N, "markup longer than its room");
        let mut room = [0; N];
        let mut at = 0;
        while at < markup.len() {
            room[at] = markup[at];
            at += 1;
        }
        Tag {
            room,
            len: markup.len(),
        }
    }
}
