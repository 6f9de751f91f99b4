//! The commands no run sends unless `--allow-destructive` is given, for
//! `dvcr run` and `dvcr fuzz` alike: those that can cut the device off,
//! change its address or software, or power it down, and those that
//! replace what the suite cannot put back (the LDAP settings, the IVR
//! message, the two logos; spec, "System Configuration" and "New in
//! version 2.0").

use crate::client::records::canonical;
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
/// cleanup: typed, pipelined, or as the xmlid of an `xml` payload.
pub fn sends_destructive(scenario: &Scenario) -> bool {
    sends_any(scenario, is_destructive)
}

/// Whether `scenario` sends a command whose xmlid passes `picked`, in a
/// step or in its cleanup: typed, pipelined, or as the xmlid of an `xml`
/// payload.
pub(crate) fn sends_any(scenario: &Scenario, picked: fn(&str) -> bool) -> bool {
    scenario
        .steps
        .iter()
        .chain(&scenario.cleanup)
        .flat_map(|step| step.actions())
        .any(|(_, action)| match action {
            Action::Send(xmlid) => picked(xmlid),
            Action::Pipeline(xmlids) => xmlids.iter().any(|xmlid| picked(xmlid)),
            Action::Xml(text) => xmlids_in(text).any(picked),
            _ => false,
        })
}

/// The values of the `xmlid` attributes in payload `text`.
fn xmlids_in(text: &str) -> impl Iterator<Item = &str> {
    text.split("xmlid=").skip(1).filter_map(|rest| {
        let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
        rest.get(1..)?.split(quote).next()
    })
}
