//! The commands sent on a connection and not yet answered (spec, "General
//! Information", item 3: each command is answered by a confirm of its own
//! xmlid), so that a confirm naming none of them is told apart from a
//! confirm of another command in flight.

use std::collections::VecDeque;

use super::records::{canonical, is_canonically};

/// Commands remembered at most; the oldest is forgotten beyond this.
const MAX_OUTSTANDING: usize = 1024;

/// The attribute naming a record's command.
const XMLID: &[u8] = b"xmlid";

/// The xmlids sent and not yet answered, in the order sent.
#[derive(Debug, Default)]
pub(crate) struct Outstanding {
    xmlids: VecDeque<String>,
}

impl Outstanding {
    /// Notes the commands that `bytes` (frames as sent, whole or broken)
    /// name, read loosely from their `xmlid` attributes.
    pub(crate) fn sent(&mut self, bytes: &[u8]) {
        for xmlid in xmlids(bytes) {
            if self.xmlids.len() >= MAX_OUTSTANDING {
                self.xmlids.pop_front();
            }
            self.xmlids.push_back(xmlid);
        }
    }

    /// Whether a command `xmlid` awaits its confirm.
    pub(crate) fn contains(&self, xmlid: &str) -> bool {
        self.xmlids.iter().any(|sent| is_canonically(xmlid, sent))
    }

    /// Notes that the oldest command `xmlid` was answered.
    pub(crate) fn answered(&mut self, xmlid: &str) {
        let position = self
            .xmlids
            .iter()
            .position(|sent| is_canonically(xmlid, sent));
        if let Some(index) = position {
            self.xmlids.remove(index);
        }
    }
}

/// The canonical values of every `xmlid="..."` (or `'...'`) in `bytes`.
fn xmlids(bytes: &[u8]) -> Vec<String> {
    let mut found = Vec::new();
    let mut rest = bytes;
    while let Some(at) = find(rest, XMLID) {
        rest = rest.get(at + XMLID.len()..).unwrap_or_default();
        let trimmed = skip_space(rest);
        let Some((b'=', after)) = trimmed.split_first() else {
            continue;
        };

        let value = skip_space(after);
        let Some((&quote @ (b'"' | b'\''), body)) = value.split_first() else {
            continue;
        };

        let Some(end) = body.iter().position(|&byte| byte == quote) else {
            break;
        };

        let text = String::from_utf8_lossy(body.get(..end).unwrap_or_default());
        found.push(canonical(&text));
        rest = body.get(end..).unwrap_or_default();
    }
    found
}

/// Where `needle` first occurs in `haystack`, in any case: only where its
/// first letter is found is the rest compared.
fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    let (&first, _) = needle.split_first()?;
    let (lower, upper) = (first.to_ascii_lowercase(), first.to_ascii_uppercase());
    let mut from = 0;
    while let Some(offset) = memchr::memchr2(lower, upper, haystack.get(from..)?) {
        let at = from + offset;
        if haystack
            .get(at..at + needle.len())?
            .eq_ignore_ascii_case(needle)
        {
            return Some(at);
        }

        from = at + 1;
    }
    None
}

fn skip_space(bytes: &[u8]) -> &[u8] {
    let start = bytes
        .iter()
        .position(|byte| !byte.is_ascii_whitespace())
        .unwrap_or(bytes.len());
    bytes.get(start..).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_xmlids_of_a_pipelined_write_are_read_in_order() {
        let bytes = b"\x03\x00\x00\x20<COMMAND xmlid=\"Login\"></COMMAND>\
<COMMAND XMLID = 'getdevinfo'>";
        assert_eq!(xmlids(bytes), ["login", "getdevinfo"]);
    }

    #[test]
    fn an_xmlid_is_found_after_near_misses_and_not_past_the_end() {
        assert_eq!(find(b"x xm XMLi xMlId", XMLID), Some(10));
        assert_eq!(find(b"abc xmli", XMLID), None);
        assert_eq!(find(b"", XMLID), None);
    }

    #[test]
    fn an_answered_command_is_no_longer_outstanding() {
        let mut outstanding = Outstanding::default();
        outstanding.sent(b"<COMMAND xmlid=\"login\"><COMMAND xmlid=\"login\">");
        outstanding.answered("LOGIN");
        assert!(outstanding.contains("login"));
        outstanding.answered("login");
        assert!(!outstanding.contains("login"));
    }
}
