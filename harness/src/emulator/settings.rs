//! The flat settings blocks that a `GETx` reads and a `SETx` replaces field
//! by field: IP (spec, "IP Settings"), gatekeeper, menu language, backup and
//! cleanup, and the version 2.0 LDAP, multicast, logging, OS and stacking
//! settings.
//!
//! Each block is data: its fields in the order the spec's confirm lists
//! them, and the values each may take. A set echoes the whole block.

use std::net::Ipv4Addr;

use dvcr_protocol::Message;

use super::reply;
use super::request::{Refusal, Request};
use super::state::State;

/// The values a settings field may take.
#[derive(Clone, Copy, Debug)]
pub enum Check {
    /// A whole number from `.0` to `.1`.
    Range(i64, i64),
    /// An IPv4 address, or blank when `.0` is true.
    Ipv4(bool),
    /// Any text up to `.0` bytes.
    Text(usize),
    /// Shown by the device, never set by a client.
    ReadOnly,
}

/// One settings block.
#[derive(Debug)]
pub struct Block {
    /// The key under `[settings]` in a fixture.
    pub key: &'static str,
    /// The xmlid that reads it.
    pub get: &'static str,
    /// The xmlid that sets it.
    pub set: &'static str,
    /// Its fields, in the order of the spec's confirm.
    pub fields: &'static [(&'static str, Check)],
    /// Whether a set sends the spec's `INDICATION` (only `SETIP` and
    /// `SETSTORAGE` show one).
    pub indicates: bool,
}

const FLAG: Check = Check::Range(0, 1);
const PORT: Check = Check::Range(1, 65_535);
const HOUR: Check = Check::Range(0, 23);
const COUNT: Check = Check::Range(0, 1_000_000);
const TEXT: Check = Check::Text(255);

/// Every settings block.
pub static BLOCKS: &[Block] = &[
    Block {
        key: "network",
        get: "getip",
        set: "setip",
        fields: &[
            ("INDEX", Check::Range(0, 0)),
            ("DEVIP", Check::Ipv4(false)),
            ("DEVMASK", Check::Ipv4(false)),
            ("GATEWAY", Check::Ipv4(true)),
        ],
        indicates: true,
    },
    Block {
        key: "gatekeeper",
        get: "getgk",
        set: "setgk",
        fields: &[
            ("USEGK", FLAG),
            ("GKIP", Check::Ipv4(true)),
            ("GKSTATUS", Check::ReadOnly),
            ("GKCOLOR", Check::ReadOnly),
            ("GKPORT", PORT),
            ("E164", Check::Text(32)),
            ("H323", Check::Text(64)),
        ],
        indicates: false,
    },
    Block {
        key: "language",
        get: "getlang",
        set: "setlang",
        fields: &[("LANG", FLAG)],
        indicates: false,
    },
    Block {
        key: "storage",
        get: "getstorage",
        set: "setstorage",
        fields: &[
            ("FTP", Check::Ipv4(true)),
            ("PATH", TEXT),
            ("USER", TEXT),
            ("PASSWORD", TEXT),
            ("AUTO_DEL", FLAG),
            ("DEL_INTERVAL", COUNT),
            ("START_TIME", HOUR),
            ("END_TIME", HOUR),
            ("AUTO_SAVE", Check::Range(0, 2)),
            ("SAVE_INTERVAL", COUNT),
        ],
        indicates: true,
    },
    Block {
        key: "ldap",
        get: "getldap",
        set: "setldap",
        fields: &[
            ("USE_LDAP", FLAG),
            ("LDAP_SERVER", TEXT),
            ("LDAP_USER", TEXT),
            ("LDAP_PASSWORD", TEXT),
        ],
        indicates: false,
    },
    Block {
        key: "multicast",
        get: "getmulticast",
        set: "setmulticast",
        fields: &[
            ("ENABLE_MULTICAST", FLAG),
            ("SAP_ADDRESS", Check::Ipv4(false)),
            ("SAP_PORT", PORT),
            ("MEDIA_ADDRESS", Check::Ipv4(false)),
            ("MEDIA_PORT", PORT),
        ],
        indicates: false,
    },
    Block {
        key: "logging",
        get: "getlogging",
        set: "setlogging",
        fields: &[
            ("SYSTEM_LEVEL", COUNT),
            ("RAS_LEVEL", COUNT),
            ("Q931_LEVEL", COUNT),
            ("H245_LEVEL", COUNT),
            ("NEWFILE_PERIOD", COUNT),
            ("MAX_FILESIZE", COUNT),
        ],
        indicates: false,
    },
    Block {
        key: "os",
        get: "getos",
        set: "setos",
        fields: &[
            ("FILEWALL", FLAG),
            ("NTP", FLAG),
            ("NTP_SERVER", TEXT),
            ("TIMEZONE", Check::Range(-12, 12)),
            ("AUTO_UPDATE", Check::Range(0, 3)),
            ("UPDATE_PERIOD", COUNT),
            ("UPDATE_HOUR", HOUR),
        ],
        indicates: false,
    },
    Block {
        key: "stacking",
        get: "getstacking",
        set: "setstacking",
        fields: &[
            ("STACKING", FLAG),
            ("GROUPNAME", TEXT),
            ("AUTODISCOVER", FLAG),
            ("MASTER", Check::Ipv4(true)),
        ],
        indicates: false,
    },
];

/// Other spellings of a field that a set accepts, as the spec's examples
/// use them (`LDAP_PWD` for `LDAP_PASSWORD`).
const ALIASES: &[(&str, &str)] = &[("LDAP_PASSWORD", "LDAP_PWD")];

/// The block read by `get` or set by `set` xmlid `xmlid`.
pub fn block_for(xmlid: &str) -> Option<&'static Block> {
    BLOCKS
        .iter()
        .find(|block| block.get == xmlid || block.set == xmlid)
}

/// Appends the block's fields, as stored, to the last record.
pub fn push_block(message: &mut Message<'_>, state: &State, block: &Block) {
    for (name, _) in block.fields {
        reply::put(message, name, state.setting(block.key, name));
    }
}

/// Checks every field `request` sets in `block`, then stores them all; a
/// single bad field leaves the block unchanged.
pub fn apply(state: &mut State, block: &Block, request: &Request<'_, '_>) -> Result<(), Refusal> {
    let mut changes = Vec::new();
    for &(name, check) in block.fields {
        let alias = ALIASES
            .iter()
            .find(|(field, _)| *field == name)
            .map(|(_, alias)| *alias);
        let Some(value) = request
            .value(name)
            .or_else(|| alias.and_then(|a| request.value(a)))
        else {
            continue;
        };

        validate(name, check, value.trim())?;
        changes.push((name, value.trim().to_owned()));
    }

    let fields = state.settings.entry(block.key.to_owned()).or_default();
    for (name, value) in changes {
        fields.insert(name.to_owned(), value);
    }
    Ok(())
}

fn validate(name: &str, check: Check, value: &str) -> Result<(), Refusal> {
    match check {
        Check::Range(low, high) => match value.parse::<i64>() {
            Ok(number) if (low..=high).contains(&number) => Ok(()),
            _ => Err(Refusal(format!(
                "{name} must be a whole number from {low} to {high}, got {value:?}"
            ))),
        },
        Check::Ipv4(blank_ok) if blank_ok && value.is_empty() => Ok(()),
        Check::Ipv4(_) => match value.parse::<Ipv4Addr>() {
            Ok(_) => Ok(()),
            Err(_) => Err(Refusal(format!(
                "{name} must be an IPv4 address, got {value:?}"
            ))),
        },
        Check::Text(max) if value.len() > max => Err(Refusal(format!(
            "{name} must be at most {max} bytes, got {}",
            value.len()
        ))),
        Check::Text(_) => Ok(()),
        Check::ReadOnly => Err(Refusal(format!("{name} is read-only"))),
    }
}
