//! Addresses as the spec's IP settings and H.323 tables give them: IPv4
//! dotted quads, and hosts that may be an IPv4 address or a DNS name.

use std::net::Ipv4Addr;

/// The longest DNS name, without its final dot (RFC 1035).
const MAX_NAME_LEN: usize = 253;

/// The longest label of a DNS name (RFC 1035).
const MAX_LABEL_LEN: usize = 63;

/// Whether `value` is a dotted-quad IPv4 address, as
/// [`Ipv4Addr`]'s parser reads one (four decimal parts, no leading zeros).
pub(crate) fn is_ipv4(value: &str) -> bool {
    value.parse::<Ipv4Addr>().is_ok()
}

/// Whether `value` is an IPv4 address or a DNS name.
///
/// A DNS name is labels of letters, digits and inner hyphens (RFC 1123),
/// joined by dots, with an optional final dot. Its last label may not be all
/// digits, so that a mistyped address such as `300.1.1.1` is not taken for
/// a name.
pub(crate) fn is_host(value: &str) -> bool {
    is_ipv4(value) || is_dns_name(value)
}

fn is_dns_name(value: &str) -> bool {
    let name = value.strip_suffix('.').unwrap_or(value);
    if name.is_empty() || name.len() > MAX_NAME_LEN {
        return false;
    }

    let all_labels_valid = name.split('.').all(is_label);
    let last_is_numeric = name
        .rsplit('.')
        .next()
        .is_some_and(|label| label.bytes().all(|byte| byte.is_ascii_digit()));

    all_labels_valid && !last_is_numeric
}

fn is_label(label: &str) -> bool {
    let well_sized = !label.is_empty() && label.len() <= MAX_LABEL_LEN;
    let inner_hyphens_only = !label.starts_with('-') && !label.ends_with('-');
    let allowed = label
        .bytes()
        .all(|byte| byte.is_ascii_alphanumeric() || byte == b'-');

    well_sized && inner_hyphens_only && allowed
}
