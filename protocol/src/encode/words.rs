//! Copying a short name or value into the output while testing it, for the
//! encoder's short path (XML 1.0 §2.3 `Name` and `AttValue`; spec,
//! "General Information", item 5).
//!
//! Text is moved in 16-byte blocks; the last block of a text of 16 bytes or
//! more overlaps the one before it, and a shorter text moves as two
//! overlapping halves, quarters, pairs or a single byte, so no copy needs a
//! call and no byte outside the text is read. Each block moved is also
//! tested whole; the tests are written byte by byte without early exit, so
//! the compiler tests the sixteen lanes at once. Lanes a short text does not
//! fill are tested as `A`, which neither test flags.

/// What fills the lanes of a block that a short text leaves empty.
const FILL: u8 = b'A';

/// Whether `block` holds a byte the short path must leave to the general
/// one: a C0 control, `"`, `&`, `<`, `>`, or `0xEF` and above (`0xEF` leads
/// U+FFFE and U+FFFF; the bytes above it are passed over too, which costs
/// the general path's speed and nothing else).
#[inline(always)]
pub(super) fn needs_escape(block: &[u8; 16]) -> bool {
    let mut found = 0;
    for &byte in block {
        let plain = byte.wrapping_sub(0x20) < 0xCF && (byte | 4) != b'&' && (byte | 2) != b'>';
        found |= u8::from(!plain);
    }
    found != 0
}

/// Whether `block` holds a byte that cannot continue an ASCII XML name:
/// anything but letters, digits, `-`, `.`, `:` and `_`.
#[inline(always)]
pub(super) fn not_name(block: &[u8; 16]) -> bool {
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

/// Copies `src` to the start of `dst` and says whether `test` flags any
/// block moved. A `dst` shorter than `src` gets only the parts that fit.
#[inline(always)]
pub(super) fn copy_tested(dst: &mut [u8], src: &[u8], test: impl Fn(&[u8; 16]) -> bool) -> bool {
    let n = src.len();
    if let Some(last) = src.last_chunk::<16>() {
        let (blocks, _) = src.as_chunks::<16>();
        let mut found = false;
        for (block, slot) in blocks.iter().zip(dst.chunks_exact_mut(16)) {
            slot.copy_from_slice(block);
            found |= test(block);
        }
        put(dst, n - 16, last);
        return found | test(last);
    }

    test(&copy_short(dst, src))
}

/// Copies `src`, shorter than 16 bytes, to the start of `dst`, and returns
/// a block that holds each of its bytes and [`FILL`] in the other lanes.
#[inline(always)]
fn copy_short(dst: &mut [u8], src: &[u8]) -> [u8; 16] {
    let n = src.len();
    let mut block = [FILL; 16];
    if let (Some(head), Some(tail)) = (src.first_chunk::<8>(), src.last_chunk::<8>()) {
        put(dst, 0, head);
        put(dst, n - 8, tail);
        put(&mut block, 0, head);
        put(&mut block, 8, tail);
    } else if let (Some(head), Some(tail)) = (src.first_chunk::<4>(), src.last_chunk::<4>()) {
        put(dst, 0, head);
        put(dst, n - 4, tail);
        put(&mut block, 0, head);
        put(&mut block, 4, tail);
    } else if let (Some(head), Some(tail)) = (src.first_chunk::<2>(), src.last_chunk::<2>()) {
        put(dst, 0, head);
        put(dst, n - 2, tail);
        put(&mut block, 0, head);
        put(&mut block, 2, tail);
    } else if let Some(head) = src.first_chunk::<1>() {
        put(dst, 0, head);
        put(&mut block, 0, head);
    }
    block
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

    fn is_name_byte(byte: u8) -> bool {
        byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b':' | b'_')
    }

    fn is_stop(byte: u8) -> bool {
        !(0x20..0xEF).contains(&byte) || matches!(byte, b'"' | b'&' | b'<' | b'>')
    }

    #[test]
    fn the_block_tests_agree_with_the_byte_tests_in_every_lane() {
        for byte in 0..=255_u8 {
            for lane in 0..16 {
                let mut block = *b"Ab-9.:_zAAAAAAAA";
                block[lane] = byte;
                assert_eq!(not_name(&block), !is_name_byte(byte), "byte {byte:#x}");
                assert_eq!(needs_escape(&block), is_stop(byte), "byte {byte:#x}");
            }
        }
    }

    #[test]
    fn an_empty_text_copies_nothing_and_flags_nothing() {
        let mut dst = [b'"'; 8];
        assert!(!copy_tested(&mut dst, b"", needs_escape));
        assert_eq!(dst, [b'"'; 8]);
    }

    #[test]
    fn every_length_is_copied_whole_and_tested_on_its_own_bytes_only() {
        for len in 1..50 {
            for at in 0..len {
                for stop in [b'&', b'"', 0x01, 0xEF] {
                    let plain: Vec<u8> = (0..len).map(|i| b'a' + (i % 26) as u8).collect();
                    let mut stopped = plain.clone();
                    stopped[at] = stop;
                    for text in [&plain, &stopped] {
                        let mut dst = vec![b'"'; len + 8];
                        let found = copy_tested(&mut dst, text, needs_escape);
                        assert_eq!(&dst[..len], &text[..], "length {len}");
                        assert_eq!(&dst[len..], &[b'"'; 8][..], "length {len}");
                        assert_eq!(found, text == &stopped, "length {len}, stop at {at}");
                    }
                }
            }
        }
    }
}
