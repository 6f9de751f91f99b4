//! Copying a name or value into the output while testing it, for the
//! encoder's short path (XML 1.0 §2.3 `Name` and `AttValue`; spec,
//! "General Information", item 5).
//!
//! No copy needs a call and no byte outside the text is read: a text of 16
//! bytes or more moves in 16-byte blocks, the last overlapping the one
//! before it, each tested whole by a byte test the compiler runs on all
//! sixteen lanes at once. A shorter text moves as two overlapping halves,
//! quarters or pairs, or a single byte, and is tested in a register as one
//! or two 8-byte words (lanes it does not fill hold `A`, which neither test
//! flags), so the test never reads back what was just stored.

/// The high bit in every lane.
const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

/// The byte `0x01` in every lane.
const ONES: u64 = u64::from_le_bytes([0x01; 8]);

/// `A` in every lane.
const FILL: u64 = u64::from_le_bytes([b'A'; 8]);

/// A test of text, one 16-byte block or one 8-byte word at a time.
pub(super) trait Test {
    /// Whether the block holds a byte the test flags.
    fn block(block: &[u8; 16]) -> bool;

    /// The high bit of each lane of `word` the test flags, or a lane above
    /// one it flags; zero when no lane holds a flagged byte.
    fn word(word: u64) -> u64;
}

/// Flags what the short path leaves to the general one in a value: a C0
/// control, `"`, `&`, `<`, `>`, and `0xEF`, which leads U+FFFE and U+FFFF.
/// The block test flags the bytes above `0xEF` too, which costs the general
/// path's speed and nothing else.
pub(super) struct Escapes;

impl Test for Escapes {
    #[inline(always)]
    fn block(block: &[u8; 16]) -> bool {
        let mut found = 0;
        for &byte in block {
            let plain = byte.wrapping_sub(0x20) < 0xCF && (byte | 4) != b'&' && (byte | 2) != b'>';
            found |= u8::from(!plain);
        }
        found != 0
    }

    #[inline(always)]
    fn word(word: u64) -> u64 {
        crate::decode::escape_stops(word)
    }
}

/// Flags a byte that cannot continue an ASCII XML name: anything but
/// letters, digits, `-`, `.`, `:` and `_`.
pub(super) struct NotName;

impl Test for NotName {
    #[inline(always)]
    fn block(block: &[u8; 16]) -> bool {
        let mut found = 0;
        for &byte in block {
            let name = (byte | 0x20).wrapping_sub(b'a') < 26
                || byte.wrapping_sub(b'0') < 11
                || byte.wrapping_sub(b'-') < 2
                || byte == b'_';
            found |= u8::from(!name);
        }
        found != 0
    }

    #[inline(always)]
    fn word(word: u64) -> u64 {
        let low = word & !HIGHS;
        let letters = within(low | ONES.wrapping_mul(0x20), b'a', b'z');
        let digits_colon = within(low, b'0', b':');
        let dash_dot = within(low, b'-', b'.');
        let underscore = within(low ^ ONES.wrapping_mul(b'_' as u64), 0, 0);
        (!(letters | digits_colon | dash_dot | underscore) & HIGHS) | (word & HIGHS)
    }
}

/// The high bit of each lane of `low`, whose lanes are all below `0x80`,
/// that lies in `lo..=hi`; exact in every lane.
#[inline(always)]
const fn within(low: u64, lo: u8, hi: u8) -> u64 {
    let at_least_lo = low.wrapping_add(ONES.wrapping_mul(0x80 - lo as u64));
    let above_hi = low.wrapping_add(ONES.wrapping_mul(0x7F - hi as u64));
    at_least_lo & !above_hi & HIGHS
}

/// Copies `src` into `dst`, which must be just as long, and says whether
/// `T` flags any of its bytes; a `dst` of another length is left as it was
/// and flagged.
#[inline(always)]
pub(super) fn copy_tested<T: Test>(dst: &mut [u8], src: &[u8]) -> bool {
    let n = src.len();
    if dst.len() != n {
        return true;
    }

    if let Some(last) = src.last_chunk::<16>() {
        let (blocks, _) = src.as_chunks::<16>();
        let mut found = false;
        for (block, slot) in blocks.iter().zip(dst.as_chunks_mut::<16>().0) {
            *slot = *block;
            found |= T::block(block);
        }
        put(dst, n - 16, last);
        return found | T::block(last);
    }

    let found = if let (Some(head), Some(tail)) = (src.first_chunk(), src.last_chunk()) {
        put(dst, 0, head);
        put(dst, n - 8, tail);
        T::word(u64::from_le_bytes(*head)) | T::word(u64::from_le_bytes(*tail))
    } else if let (Some(head), Some(tail)) = (src.first_chunk(), src.last_chunk()) {
        put(dst, 0, head);
        put(dst, n - 4, tail);
        let (head, tail) = (u32::from_le_bytes(*head), u32::from_le_bytes(*tail));
        T::word(u64::from(head) | u64::from(tail) << 32)
    } else if let (Some(head), Some(tail)) = (src.first_chunk(), src.last_chunk()) {
        put(dst, 0, head);
        put(dst, n - 2, tail);
        let (head, tail) = (u16::from_le_bytes(*head), u16::from_le_bytes(*tail));
        T::word(u64::from(head) | u64::from(tail) << 16 | FILL << 32)
    } else if let Some(&[byte]) = src.first_chunk() {
        put(dst, 0, &[byte]);
        T::word(u64::from(byte) | FILL << 8)
    } else {
        0
    };
    found != 0
}

/// Copies the fixed-size `src` into `dst` at `at`, when it fits.
#[inline(always)]
pub(super) fn put<const N: usize>(dst: &mut [u8], at: usize, src: &[u8; N]) {
    if let Some(slot) = dst
        .get_mut(at..)
        .and_then(|rest| rest.first_chunk_mut::<N>())
    {
        *slot = *src;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Passes nothing, to see a copy on its own.
    struct Anything;

    impl Test for Anything {
        fn block(_: &[u8; 16]) -> bool {
            false
        }

        fn word(_: u64) -> u64 {
            0
        }
    }

    fn is_name_byte(byte: u8) -> bool {
        byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b':' | b'_')
    }

    fn is_stop(byte: u8) -> bool {
        byte < 0x20 || matches!(byte, b'"' | b'&' | b'<' | b'>' | 0xEF)
    }

    #[test]
    fn the_block_and_word_tests_agree_with_the_byte_tests_in_every_lane() {
        for byte in 0..=255_u8 {
            for lane in 0..16 {
                let mut block = *b"Ab-9.:_zAAAAAAAA";
                block[lane] = byte;
                let mut low = [0; 8];
                low.copy_from_slice(&block[..8]);
                let word = u64::from_le_bytes(low);
                assert_eq!(
                    NotName::block(&block),
                    !is_name_byte(byte),
                    "byte {byte:#x}"
                );
                assert_eq!(NotName::word(word) != 0, lane < 8 && !is_name_byte(byte));
                let beyond = byte > 0xEF;
                assert_eq!(
                    Escapes::block(&block),
                    is_stop(byte) || beyond,
                    "byte {byte:#x}"
                );
                assert_eq!(Escapes::word(word) != 0, lane < 8 && is_stop(byte));
            }
        }
    }

    #[test]
    fn an_empty_text_copies_nothing_and_flags_nothing() {
        let mut dst = [b'"'; 0];
        assert!(!copy_tested::<Escapes>(&mut dst, b""));
    }

    #[test]
    fn a_destination_of_another_length_is_flagged_and_left_as_it_was() {
        for len in 0..40 {
            let text = vec![b'a'; len];
            for other in [len.saturating_sub(1), len + 1] {
                if other == len {
                    continue;
                }

                let mut dst = vec![b'"'; other];
                assert!(copy_tested::<Anything>(&mut dst, &text), "length {len}");
                assert_eq!(dst, vec![b'"'; other]);
            }
        }
    }

    #[test]
    fn every_length_is_copied_whole_and_tested_on_its_own_bytes_only() {
        for len in 1..50 {
            for at in 0..len {
                for stop in [b'&', b'"', 0x01, 0xEF, b' '] {
                    let plain: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
                    let mut stopped = plain.clone();
                    stopped[at] = stop;
                    for text in [&plain, &stopped] {
                        let mut room = vec![b'"'; len + 8];
                        let dst = &mut room[..len];
                        assert!(!copy_tested::<Anything>(dst, text));
                        assert_eq!(&dst[..], &text[..], "length {len}");
                        let escapes = copy_tested::<Escapes>(dst, text);
                        assert_eq!(escapes, text == &stopped && stop != b' ', "length {len}");
                        let not_name = copy_tested::<NotName>(dst, text);
                        assert_eq!(not_name, text == &stopped, "length {len}, stop at {at}");
                        assert_eq!(&room[len..], &[b'"'; 8][..], "length {len}");
                    }
                }
            }
        }
    }
}
