//! Runs of plain attribute-value text, measured eight bytes at a time
//! (XML 1.0 §2.3 `AttValue`, §2.2 `Char`), as field values make up most of
//! a `DVCRMANAGER` document (spec, "General Information", item 5): text the
//! decoder can borrow as it stands, and text the encoder can copy without
//! escaping.
//!
//! Each 8-byte word is tested for all its stop bytes at once with integer
//! arithmetic, safe code only, and the lowest flagged byte is the first stop:
//! a flag can be wrong only above a true one, never below it.

use super::chars::is_space;

/// The byte `0x01` in every lane.
const ONES: u64 = u64::from_le_bytes([0x01; 8]);

/// The high bit in every lane.
const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);

/// The high bit of each lane of `word` below `n` (for `n <= 0x80`), exact
/// up to the first such lane.
#[inline]
const fn below(word: u64, n: u8) -> u64 {
    word.wrapping_sub(ONES.wrapping_mul(n as u64)) & !word & HIGHS
}

/// The high bit of each lane of `word` equal to `byte`, exact up to the
/// first such lane.
#[inline]
const fn equal(word: u64, byte: u8) -> u64 {
    below(word ^ ONES.wrapping_mul(byte as u64), 1)
}

/// The high bit of each lane of `word` at or above `n` (for `1 <= n <=
/// 0x80`), exact in every lane: no carry crosses lanes.
#[inline]
const fn at_least(word: u64, n: u8) -> u64 {
    (((word & !HIGHS).wrapping_add(ONES.wrapping_mul(0x80 - n as u64))) | word) & HIGHS
}

/// The high bit of each lane of `word` equal to `byte`, exact in every
/// lane.
#[inline]
const fn equal_exact(word: u64, byte: u8) -> u64 {
    !at_least(word ^ ONES.wrapping_mul(byte as u64), 1) & HIGHS
}

/// The lanes of `word` that end white space: every byte but space, tab,
/// LF and CR.
#[inline]
const fn space_stops(word: u64) -> u64 {
    let spaces = equal_exact(word, b' ')
        | equal_exact(word, b'\t')
        | equal_exact(word, b'\n')
        | equal_exact(word, b'\r');
    !spaces & HIGHS
}

/// The lanes of `word` that end plain value text: every C0 control, both
/// quotes, `<`, `&`, and `0xEF`, which leads U+FFFE and U+FFFF. Setting bit
/// 0 first makes `&` (0x26) and `'` (0x27) one test.
#[inline]
const fn value_stops(word: u64) -> u64 {
    below(word, 0x20)
        | equal(word, b'"')
        | equal(word | ONES, b'\'')
        | equal(word, b'<')
        | equal(word, 0xEF)
}

/// The lanes of `word` the encoder must look at: every C0 control, `"`,
/// `<`, `>`, `&`, and `0xEF`. Setting bit 2 first makes `"` (0x22) and `&`
/// (0x26) one test; setting bit 1 makes `<` (0x3C) and `>` (0x3E) one.
#[inline]
pub(crate) const fn escape_stops(word: u64) -> u64 {
    below(word, 0x20)
        | equal(word | ONES.wrapping_mul(0x04), b'&')
        | equal(word | ONES.wrapping_mul(0x02), b'>')
        | equal(word, 0xEF)
}

/// Whether `byte` ends plain value text, as [`value_stops`] says of a lane.
#[inline]
pub(crate) const fn is_value_stop(byte: u8) -> bool {
    byte < 0x20 || matches!(byte, b'"' | b'\'' | b'<' | b'&' | 0xEF)
}

/// Whether the encoder must look at `byte`, as [`escape_stops`] says of a
/// lane.
#[inline]
pub(crate) const fn is_escape_stop(byte: u8) -> bool {
    byte < 0x20 || matches!(byte, b'"' | b'<' | b'>' | b'&' | 0xEF)
}

/// How many bytes at the start of `bytes` are XML white space.
#[inline]
pub(crate) fn space_len(bytes: &[u8]) -> usize {
    if bytes.first().is_none_or(|&byte| byte > b' ') {
        return 0;
    }

    let single = bytes.first().is_some_and(|&byte| is_space(byte))
        && bytes.get(1).is_none_or(|&byte| byte > b' ');
    if single {
        return 1;
    }

    long_space_len(bytes)
}

/// [`space_len`] past its first byte, out of line so that the callers'
/// common case stays small.
#[inline(never)]
fn long_space_len(bytes: &[u8]) -> usize {
    run_len(bytes, space_stops, |byte| !is_space(byte))
}

/// How many bytes at the start of `bytes` are plain value text.
#[inline]
pub(crate) fn plain_value_len(bytes: &[u8]) -> usize {
    run_len(bytes, value_stops, is_value_stop)
}

/// How many bytes at the start of `bytes` can be written in a
/// double-quoted attribute value as they are.
#[inline]
pub(crate) fn unescaped_len(bytes: &[u8]) -> usize {
    run_len(bytes, escape_stops, is_escape_stop)
}

/// How many bytes at the start of `bytes` are not stops, by words and then
/// by bytes.
#[inline(always)]
fn run_len(bytes: &[u8], stops: fn(u64) -> u64, is_stop: fn(u8) -> bool) -> usize {
    let (words, tail) = bytes.as_chunks::<8>();
    for (index, word) in words.iter().enumerate() {
        let found = stops(u64::from_le_bytes(*word));
        if found != 0 {
            return index * 8 + (found.trailing_zeros() / 8) as usize;
        }
    }

    let done = words.len() * 8;
    done + tail
        .iter()
        .position(|&byte| is_stop(byte))
        .unwrap_or(tail.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_test_finds_the_same_first_stop_as_the_byte_test() {
        for stop in 0..=255_u8 {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 20];
                bytes[at] = stop;
                bytes.extend_from_slice(&[0xEF, 0x00, b'"']);
                let expected = bytes.iter().position(|&b| is_value_stop(b));
                assert_eq!(
                    Some(plain_value_len(&bytes)),
                    expected,
                    "byte {stop:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn the_word_test_finds_the_same_first_escape_as_the_byte_test() {
        for stop in 0..=255_u8 {
            for at in 0..20 {
                let mut bytes = vec![b'a'; 20];
                bytes[at] = stop;
                bytes.push(b'>');
                let expected = bytes.iter().position(|&b| is_escape_stop(b));
                assert_eq!(
                    Some(unescaped_len(&bytes)),
                    expected,
                    "byte {stop:#x} at {at}"
                );
            }
        }
    }

    #[test]
    fn the_word_test_finds_the_same_end_of_white_space_as_the_byte_test() {
        for stop in 0..=255_u8 {
            for at in 0..20 {
                let mut bytes: Vec<u8> = (0..20).map(|i| b" \t\r\n"[i % 4]).collect();
                bytes[at] = stop;
                let expected = bytes.iter().position(|&b| !is_space(b)).unwrap_or(20);
                assert_eq!(space_len(&bytes), expected, "byte {stop:#x} at {at}");
            }
        }
    }

    #[test]
    fn text_without_a_stop_is_plain_to_its_end() {
        for len in 0..40 {
            let bytes: Vec<u8> = (0..len).map(|i| b"ab \xC3\xA9-9"[i % 7]).collect();
            assert_eq!(plain_value_len(&bytes), len);
        }
    }
}
