//! Character classes of XML 1.0 (fifth edition, §2.2 `Char`, §2.3 `S` and
//! `Name`) that a `DVCRMANAGER` document must respect (spec, "General
//! Information", item 5).

/// Whether XML 1.0 allows `c` anywhere in a document.
pub(crate) fn is_xml_char(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\r' | '\u{20}'..='\u{D7FF}' | '\u{E000}'..='\u{FFFD}')
        || c >= '\u{10000}'
}

/// Whether `byte` is XML white space: space, tab, LF or CR.
pub(crate) const fn is_space(byte: u8) -> bool {
    byte <= b' ' && matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

/// Whether `c` may start an XML name.
pub(crate) fn is_name_start(c: char) -> bool {
    matches!(c,
        ':' | 'A'..='Z' | '_' | 'a'..='z'
        | '\u{C0}'..='\u{D6}' | '\u{D8}'..='\u{F6}' | '\u{F8}'..='\u{2FF}'
        | '\u{370}'..='\u{37D}' | '\u{37F}'..='\u{1FFF}' | '\u{200C}'..='\u{200D}'
        | '\u{2070}'..='\u{218F}' | '\u{2C00}'..='\u{2FEF}' | '\u{3001}'..='\u{D7FF}'
        | '\u{F900}'..='\u{FDCF}' | '\u{FDF0}'..='\u{FFFD}' | '\u{10000}'..='\u{EFFFF}')
}

/// Whether `c` may follow the first character of an XML name.
pub(crate) fn is_name_char(c: char) -> bool {
    is_name_start(c)
        || matches!(c,
            '-' | '.' | '0'..='9' | '\u{B7}' | '\u{300}'..='\u{36F}' | '\u{203F}'..='\u{2040}')
}

/// Whether `name` is a well-formed XML name.
pub(crate) fn is_name(name: &str) -> bool {
    let mut chars = name.chars();
    chars.next().is_some_and(is_name_start) && chars.all(is_name_char)
}

/// Whether ASCII `byte` may continue a name; every non-ASCII byte is
/// checked by [`is_name_char`] on its whole character instead.
pub(crate) const fn is_ascii_name_byte(byte: u8) -> bool {
    matches!(byte, b':' | b'A'..=b'Z' | b'_' | b'a'..=b'z' | b'-' | b'.' | b'0'..=b'9')
}

/// The first character XML forbids in `text`, with its byte index.
pub(crate) fn first_forbidden(text: &str) -> Option<(usize, char)> {
    text.char_indices().find(|&(_, c)| !is_xml_char(c))
}

/// ASCII bytes that may start a name: letters, `_` and `:`.
pub(crate) const NAME_START: [bool; 128] = {
    let mut table = [false; 128];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphabetic() || b == b'_' || b == b':';
        byte += 1;
    }
    table
};

/// Bytes that may continue a name and are ASCII; every other byte ends a
/// run of them.
pub(crate) const NAME_ASCII: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        table[byte] = is_ascii_name_byte(byte as u8);
        byte += 1;
    }
    table
};

/// Whether `name` is an XML name of ASCII characters only, told by table;
/// a name for which this is false may still be a name (see [`is_name`]).
pub(crate) fn is_ascii_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes
        .first()
        .is_some_and(|&byte| NAME_START[usize::from(byte & 0x7F)] && byte < 0x80)
        && bytes.iter().all(|&byte| NAME_ASCII[usize::from(byte)])
}
