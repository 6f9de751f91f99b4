//! The commands no run sends unless `--allow-destructive` is given, for
//! `dvcr run` and `dvcr fuzz` alike: those that can cut the device off,
//! change its address or software, or power it down, and those that
//! replace what the suite cannot put back (the LDAP settings, the IVR
//! message, the two logos; spec, "System Configuration" and "New in
//! version 2.0").

use dvcr_protocol::decode::{DecodeOptions, decode};
use dvcr_protocol::tpkt;

use crate::client::records::canonical;
use crate::scenario::load::parse_hex;
use crate::scenario::{Action, Scenario};

/// The destructive commands, by xmlid.
pub const DESTRUCTIVE: [&str; 9] = [
    "shutdown",
    "setip",
    "setos",
    "setstacking",
    "setcfskey",
    "setldap",
    "setivr",
    "setuilogo",
    "setvideologo",
];

/// The destructive commands after which a device may drop its
/// connections: it powers down, restarts, or moves to another address.
/// The others of [`DESTRUCTIVE`] answer and go on like any setter.
pub const CUTTING_OFF: [&str; 5] = ["shutdown", "setip", "setos", "setstacking", "setcfskey"];

/// Whether `xmlid`, as a device would read it, names a destructive command.
pub fn is_destructive(xmlid: &str) -> bool {
    DESTRUCTIVE.contains(&canonical(xmlid).as_str())
}

/// Whether `xmlid`, as a device would read it, names a command after which
/// the device may drop its connections ([`CUTTING_OFF`]).
pub fn may_cut_off(xmlid: &str) -> bool {
    CUTTING_OFF.contains(&canonical(xmlid).as_str())
}

/// Whether `scenario` sends a destructive command in a step or in its
/// cleanup: typed, pipelined, or in the bytes of an `xml` or `raw` step.
pub fn sends_destructive(scenario: &Scenario) -> bool {
    sends_any(scenario, is_destructive)
}

/// Whether `scenario` sends a command whose xmlid passes `picked`, in a
/// step or in its cleanup: typed, pipelined, or in the bytes of an `xml`
/// or `raw` step (a `raw` step whose hex holds variables is read only
/// once they are set, so it is not looked into here).
pub(crate) fn sends_any(scenario: &Scenario, picked: fn(&str) -> bool) -> bool {
    scenario
        .steps
        .iter()
        .chain(&scenario.cleanup)
        .flat_map(|step| step.actions())
        .any(|(_, action)| match action {
            Action::Send(xmlid) => picked(xmlid),
            Action::Pipeline(xmlids) => xmlids.iter().any(|xmlid| picked(xmlid)),
            Action::Xml(text) => xmlids_sent(text.as_bytes()).iter().any(|x| picked(x)),
            Action::Raw(hex) => {
                parse_hex(hex).is_ok_and(|bytes| xmlids_sent(&bytes).iter().any(|x| picked(x)))
            }
            _ => false,
        })
}

/// The xmlids a device could read in `bytes`, an `xml` step's payload or
/// a `raw` step's bytes: those of the records of each TPKT frame (or of
/// the bytes as one document) decoded leniently, with references
/// resolved, and the value of every `xmlid` attribute in the text, so
/// that a frame too broken to decode still counts.
fn xmlids_sent(bytes: &[u8]) -> Vec<String> {
    let mut payloads = Vec::new();
    let mut rest = bytes;
    while let Ok(Some((frame, len))) = tpkt::split(rest) {
        payloads.push(frame.payload());
        rest = rest.get(len..).unwrap_or_default();
    }
    if payloads.is_empty() {
        payloads.push(bytes);
    }

    let mut found: Vec<String> = Vec::new();
    for payload in payloads {
        if let Ok(decoded) = decode(payload, &DecodeOptions::LENIENT) {
            let records = decoded.message.records();
            found.extend(records.map(|record| record.xmlid().to_owned()));
        }
    }
    let text = String::from_utf8_lossy(bytes);
    found.extend(xmlid_attributes(&text).into_iter().map(str::to_owned));
    found
}

/// The values of the `xmlid` attributes in `text`, the name in any case
/// and white space allowed around its `=`.
fn xmlid_attributes(text: &str) -> Vec<&str> {
    const NAME: &[u8] = b"xmlid";
    let mut found = Vec::new();
    let starts = text
        .as_bytes()
        .windows(NAME.len())
        .enumerate()
        .filter(|(_, window)| window.eq_ignore_ascii_case(NAME))
        .map(|(start, _)| start + NAME.len());
    for after_name in starts {
        let rest = text.get(after_name..).unwrap_or_default().trim_start();
        let Some(rest) = rest.strip_prefix('=').map(str::trim_start) else {
            continue;
        };
        let Some(quote) = rest.chars().next().filter(|c| matches!(c, '"' | '\'')) else {
            continue;
        };
        if let Some(value) = rest.get(1..).and_then(|value| value.split(quote).next()) {
            found.push(value);
        }
    }
    found
}
