//! The first part of the chapter "New in version 2.0" of the spec, lines
//! 6594 to 7011: CFS keys, LDAP and multicast. Logging, OS and stacking are
//! in `version2_host.rs`, the media commands in `version2_media.rs`.
//!
//! The chapter is sparse: several examples are copied from other sections
//! (their xmlids and fields belong elsewhere and are ignored here, see
//! `corpus/spec/ERRATA.md`), and GETMULTICAST, GETLOGGING and GETOS have no
//! CONFIRM table. Their confirm fields are inferred from the parameters of
//! the matching SET command, and each such field's doc says so.

use super::common::{DESCRIPTION, OUTCOME, RESULT, SESSIONID, V2_LANG, V2_READ};
use super::fields::{PORT, TEXT, inferred, required};
use super::types::{Command, Direction, FieldSpec, Replies, Status, ValueType};

/// The fields whose examples spell them otherwise than their table, as
/// `(xmlid, direction, alias, table name)`.
pub(crate) static VERSION2_ALIASES: &[super::FieldAlias] = &[
    ("setcfskey", Direction::Command, "CFS_KEY", "CFSKEY"),
    ("getldap", Direction::Confirm, "LDAP_PWD", "LDAP_PASSWORD"),
    ("setldap", Direction::Command, "LDAP_PWD", "LDAP_PASSWORD"),
    ("setldap", Direction::Confirm, "LDAP_PWD", "LDAP_PASSWORD"),
];

/// The LDAP settings, as GETLDAP and SETLDAP name them.
const USE_LDAP: FieldSpec = required(
    "USE_LDAP",
    ValueType::Enumeration(&[
        ("0", "AD/LDAP integration is not configured"),
        ("1", "AD/LDAP integration is configured"),
    ]),
    "whether AD/LDAP integration is configured; the values are inferred, the example shows 0",
);

/// The LDAP server.
const LDAP_SERVER: FieldSpec = required(
    "LDAP_SERVER",
    ValueType::Host,
    "the IP address or DNS name of the LDAP server; the example shows it empty with USE_LDAP=0",
)
.blank_when_unset();

/// The LDAP account.
const LDAP_USER: FieldSpec = required(
    "LDAP_USER",
    TEXT,
    "the administrative account on the LDAP server",
);

/// The LDAP account's password.
const LDAP_PASSWORD: FieldSpec = required(
    "LDAP_PASSWORD",
    TEXT,
    "the password of the LDAP account (the examples spell it LDAP_PWD)",
);

/// The ENABLE_MULTICAST multicast setting of SETMULTICAST.
const ENABLE_MULTICAST: FieldSpec = required(
    "ENABLE_MULTICAST",
    ValueType::Enumeration(&[("0", "multicast is off"), ("1", "multicast is on")]),
    "whether multicast is on",
);

/// The SAP_ADDRESS multicast setting of SETMULTICAST.
const SAP_ADDRESS: FieldSpec = required(
    "SAP_ADDRESS",
    ValueType::Ipv4,
    "the multicast address of the service advertisement (SAP)",
);

/// The SAP_PORT multicast setting of SETMULTICAST.
const SAP_PORT: FieldSpec = required("SAP_PORT", PORT, "the port of the SAP");

/// The MEDIA_ADDRESS multicast setting of SETMULTICAST.
const MEDIA_ADDRESS: FieldSpec = required(
    "MEDIA_ADDRESS",
    ValueType::Ipv4,
    "the multicast address the media is sent to",
);

/// The MEDIA_PORT multicast setting of SETMULTICAST.
const MEDIA_PORT: FieldSpec = required(
    "MEDIA_PORT",
    PORT,
    "the base port of the multicast media packets",
);

/// GETCFSINFO: read the device's CFS activation state.
pub(crate) static GETCFSINFO: Command = Command {
    xmlid: "getcfsinfo",
    section: "New in version 2.0 > GETCFSINFO (GetKey)",
    summary: "Get the CFS information: serial number, active and pending keys, activation \
              status, and the running, pending and required versions.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: V2_READ,
    confirm: &[
        RESULT,
        DESCRIPTION,
        required("SERIAL", TEXT, "the serial number of the device"),
        required("ACTIVE_KEY", TEXT, "the key now active"),
        required("PENDING_KEY", TEXT, "the key waiting to become active"),
        required(
            "STATUS",
            ValueType::Enumeration(&[("0", "not activated"), ("1", "activated")]),
            "the activation status",
        ),
        required("VERSION_RUNNING", TEXT, "the version now running"),
        required(
            "VERSION_PENDING",
            TEXT,
            "the version of the package waiting for a valid key",
        ),
        required(
            "VERSION_REQUIRED",
            TEXT,
            "the system version the pending version requires",
        ),
    ],
    replies: Replies::One,
    indication: None,
};

/// SETCFSKEY: enter a CFS activation or options key.
pub(crate) static SETCFSKEY: Command = Command {
    xmlid: "setcfskey",
    section: "New in version 2.0 > SETCFSKEY",
    summary: "Set the CFS activation / options key.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        V2_LANG,
        SESSIONID,
        required(
            "CFSKEY",
            TEXT,
            "the CFS activation / options key (the example spells it CFS_KEY)",
        ),
    ],
    confirm: OUTCOME,
    replies: Replies::One,
    indication: None,
};

/// GETLDAP: read the AD/LDAP integration settings.
pub(crate) static GETLDAP: Command = Command {
    xmlid: "getldap",
    section: "New in version 2.0 > GETLDAP",
    summary: "Get the AD/LDAP integration settings.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: V2_READ,
    confirm: &[
        RESULT,
        DESCRIPTION,
        USE_LDAP,
        LDAP_SERVER,
        LDAP_USER,
        LDAP_PASSWORD,
    ],
    replies: Replies::One,
    indication: None,
};

/// SETLDAP: change the AD/LDAP integration settings.
pub(crate) static SETLDAP: Command = Command {
    xmlid: "setldap",
    section: "New in version 2.0 > SETLDAP",
    summary: "Set the AD/LDAP integration settings; the confirm reports them.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        V2_LANG,
        SESSIONID,
        USE_LDAP,
        LDAP_SERVER,
        LDAP_USER,
        LDAP_PASSWORD,
    ],
    confirm: &[
        RESULT,
        DESCRIPTION,
        USE_LDAP,
        LDAP_SERVER,
        LDAP_USER,
        LDAP_PASSWORD,
    ],
    replies: Replies::One,
    indication: None,
};

/// GETMULTICAST: read the multicast settings.
pub(crate) static GETMULTICAST: Command = Command {
    xmlid: "getmulticast",
    section: "New in version 2.0 > GETMULTICAST",
    summary: "Get the multicast settings. The spec's section stops after LANG: SESSIONID is \
              added as for every command, and the confirm is inferred from SETMULTICAST.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: V2_READ,
    confirm: &[
        RESULT,
        DESCRIPTION,
        ENABLE_MULTICAST.doc(inferred!("whether multicast is on")),
        SAP_ADDRESS.doc(inferred!(
            "the multicast address of the service advertisement"
        )),
        SAP_PORT.doc(inferred!("the port of the SAP")),
        MEDIA_ADDRESS.doc(inferred!("the multicast address the media is sent to")),
        MEDIA_PORT.doc(inferred!("the base port of the multicast media packets")),
    ],
    replies: Replies::One,
    indication: None,
};

/// SETMULTICAST: change the multicast settings.
pub(crate) static SETMULTICAST: Command = Command {
    xmlid: "setmulticast",
    section: "New in version 2.0 > SETMULTICAST",
    summary: "Set the multicast settings; the confirm reports them.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        V2_LANG,
        SESSIONID,
        ENABLE_MULTICAST,
        SAP_ADDRESS,
        SAP_PORT,
        MEDIA_ADDRESS,
        MEDIA_PORT,
    ],
    confirm: &[
        RESULT,
        DESCRIPTION,
        ENABLE_MULTICAST,
        SAP_ADDRESS,
        SAP_PORT,
        MEDIA_ADDRESS,
        MEDIA_PORT,
    ],
    replies: Replies::One,
    indication: None,
};
