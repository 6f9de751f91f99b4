//! The first half of the chapter "New in version 2.0" of the spec, lines
//! 6594 to 7269: the system settings (CFS keys, LDAP, multicast, logging,
//! OS, stacking). The rest of the chapter is in `version2_media.rs`.
//!
//! The chapter is sparse: several examples are copied from other sections
//! (their xmlids and fields belong elsewhere and are ignored here, see
//! `corpus/spec/ERRATA.md`), and GETMULTICAST, GETLOGGING and GETOS have no
//! CONFIRM table. Their confirm fields are inferred from the parameters of
//! the matching SET command, and each such field's doc says so.

use super::common::{DESCRIPTION, RESULT, SESSIONID, V2_LANG};
use super::fields::{COUNT, PORT, TEXT, required};
use super::types::{Command, Direction, FieldSpec, Replies, Status, ValueType};

/// The fields whose examples spell them otherwise than their table, as
/// `(xmlid, direction, alias, table name)`.
pub(crate) static VERSION2_ALIASES: &[super::FieldAlias] = &[
    ("setcfskey", Direction::Command, "CFS_KEY", "CFSKEY"),
    ("getldap", Direction::Confirm, "LDAP_PWD", "LDAP_PASSWORD"),
    ("setldap", Direction::Confirm, "LDAP_PWD", "LDAP_PASSWORD"),
];

/// The request of a command that only reads, in this chapter's form.
const READ: &[FieldSpec] = &[V2_LANG, SESSIONID];

/// The reply of a command that only reports its result.
const DONE: &[FieldSpec] = &[RESULT, DESCRIPTION];

/// A two-state switch whose meanings the spec leaves out.
const OFF_ON: ValueType = ValueType::Enumeration(&[("0", "off"), ("1", "on")]);

/// The note on a GET confirm field inferred from its SET command.
macro_rules! inferred {
    ($doc:literal) => {
        concat!(
            $doc,
            "; inferred from the SET command, the GET has no confirm table"
        )
    };
}

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
);

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

/// The SYSTEM_LEVEL logging setting of SETLOGGING.
const SYSTEM_LEVEL: FieldSpec = required(
    "SYSTEM_LEVEL",
    COUNT,
    "the system log level; undescribed, a non-negative integer assumed",
);

/// The RAS_LEVEL logging setting of SETLOGGING.
const RAS_LEVEL: FieldSpec = required(
    "RAS_LEVEL",
    COUNT,
    "the H.225 RAS log level; undescribed, a non-negative integer assumed",
);

/// The Q931_LEVEL logging setting of SETLOGGING.
const Q931_LEVEL: FieldSpec = required(
    "Q931_LEVEL",
    COUNT,
    "the Q.931 log level; undescribed, a non-negative integer assumed",
);

/// The H245_LEVEL logging setting of SETLOGGING.
const H245_LEVEL: FieldSpec = required(
    "H245_LEVEL",
    COUNT,
    "the H.245 log level; undescribed, a non-negative integer assumed",
);

/// The NEWFILE_PERIOD logging setting of SETLOGGING.
const NEWFILE_PERIOD: FieldSpec = required(
    "NEWFILE_PERIOD",
    COUNT,
    "how often a new log file is started; undescribed, a non-negative integer assumed",
);

/// The MAX_FILESIZE logging setting of SETLOGGING.
const MAX_FILESIZE: FieldSpec = required(
    "MAX_FILESIZE",
    COUNT,
    "the largest log file; undescribed, a non-negative integer assumed",
);

/// The FILEWALL Windows setting of SETOS.
const FILEWALL: FieldSpec = required(
    "FILEWALL",
    OFF_ON,
    "the Windows Firewall (the table's spelling); values 0 and 1, meanings assumed",
);

/// The NTP Windows setting of SETOS.
const NTP: FieldSpec = required(
    "NTP",
    OFF_ON,
    "time synchronisation by NTP; values 0 and 1, meanings assumed",
);

/// The NTP_SERVER Windows setting of SETOS.
const NTP_SERVER: FieldSpec = required(
    "NTP_SERVER",
    ValueType::Host,
    "the NTP server; undescribed, IP or DNS name assumed",
);

/// The TIMEZONE Windows setting of SETOS.
const TIMEZONE: FieldSpec = required(
    "TIMEZONE",
    ValueType::Integer { min: -12, max: 12 },
    "the time zone as an hour offset; undescribed, -12..=12 assumed",
);

/// The AUTO_UPDATE Windows setting of SETOS.
const AUTO_UPDATE: FieldSpec = required(
    "AUTO_UPDATE",
    ValueType::Enumeration(&[
        ("0", "Windows Automatic Update option 0; meaning not given"),
        ("1", "Windows Automatic Update option 1; meaning not given"),
        ("2", "Windows Automatic Update option 2; meaning not given"),
        ("3", "Windows Automatic Update option 3; meaning not given"),
    ]),
    "the Windows Automatic Update option",
);

/// The UPDATE_PERIOD Windows setting of SETOS.
const UPDATE_PERIOD: FieldSpec = required(
    "UPDATE_PERIOD",
    COUNT,
    "how often updates are installed; undescribed, a non-negative integer assumed",
);

/// The UPDATE_HOUR Windows setting of SETOS.
const UPDATE_HOUR: FieldSpec = required(
    "UPDATE_HOUR",
    ValueType::Integer { min: 0, max: 23 },
    "the hour updates are installed at",
);

/// The STACKING stacking setting of GETSTACKING and SETSTACKING.
const STACKING: FieldSpec = required(
    "STACKING",
    OFF_ON,
    "whether stacking is on; values 0 and 1, meanings assumed",
);

/// The GROUPNAME stacking setting of GETSTACKING and SETSTACKING.
const GROUPNAME: FieldSpec = required(
    "GROUPNAME",
    TEXT,
    "the name of the stacking group; undescribed",
);

/// The AUTODISCOVER stacking setting of GETSTACKING and SETSTACKING.
const AUTODISCOVER: FieldSpec = required(
    "AUTODISCOVER",
    OFF_ON,
    "whether stacked servers are discovered automatically; values 0 and 1, meanings \
     assumed",
);

/// The MASTER stacking setting of GETSTACKING and SETSTACKING.
const MASTER: FieldSpec = required(
    "MASTER",
    ValueType::Ipv4,
    "the IP address of the master server",
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
    command: READ,
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
    confirm: DONE,
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
    command: READ,
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
    command: READ,
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

/// GETLOGGING: read the logging settings.
pub(crate) static GETLOGGING: Command = Command {
    xmlid: "getlogging",
    section: "New in version 2.0 > GETLOGGING",
    summary: "Get the logging settings; the confirm is inferred from SETLOGGING.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: READ,
    confirm: &[
        RESULT,
        DESCRIPTION,
        SYSTEM_LEVEL.doc(inferred!(
            "the system log level, a non-negative integer assumed"
        )),
        RAS_LEVEL.doc(inferred!(
            "the H.225 RAS log level, a non-negative integer assumed"
        )),
        Q931_LEVEL.doc(inferred!(
            "the Q.931 log level, a non-negative integer assumed"
        )),
        H245_LEVEL.doc(inferred!(
            "the H.245 log level, a non-negative integer assumed"
        )),
        NEWFILE_PERIOD.doc(inferred!(
            "how often a new log file starts, an integer assumed"
        )),
        MAX_FILESIZE.doc(inferred!(
            "the largest log file, a non-negative integer assumed"
        )),
    ],
    replies: Replies::One,
    indication: None,
};

/// SETLOGGING: change the logging settings.
pub(crate) static SETLOGGING: Command = Command {
    xmlid: "setlogging",
    section: "New in version 2.0 > SETLOGGING",
    summary: "Set the logging settings: the level of each log and the rotation of log files.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        V2_LANG,
        SESSIONID,
        SYSTEM_LEVEL,
        RAS_LEVEL,
        Q931_LEVEL,
        H245_LEVEL,
        NEWFILE_PERIOD,
        MAX_FILESIZE,
    ],
    confirm: DONE,
    replies: Replies::One,
    indication: None,
};

/// GETOS: read the Windows settings.
pub(crate) static GETOS: Command = Command {
    xmlid: "getos",
    section: "New in version 2.0 > GETOS",
    summary: "Get the Windows OS settings: firewall, NTP, time zone and automatic update; \
              the confirm is inferred from SETOS.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: READ,
    confirm: &[
        RESULT,
        DESCRIPTION,
        FILEWALL.doc(inferred!(
            "the Windows Firewall (the table's spelling FILEWALL), 0 or 1"
        )),
        NTP.doc(inferred!("time synchronisation by NTP, 0 or 1")),
        NTP_SERVER.doc(inferred!("the NTP server, IP or DNS name assumed")),
        TIMEZONE.doc(inferred!(
            "the time zone as an hour offset, -12..=12 assumed"
        )),
        AUTO_UPDATE.doc(inferred!("the Windows Automatic Update option, 0 to 3")),
        UPDATE_PERIOD.doc(inferred!(
            "how often updates are installed, an integer assumed"
        )),
        UPDATE_HOUR.doc(inferred!("the hour updates are installed at, 0 to 23")),
    ],
    replies: Replies::One,
    indication: None,
};

/// SETOS: change the Windows settings.
pub(crate) static SETOS: Command = Command {
    xmlid: "setos",
    section: "New in version 2.0 > SETOS",
    summary: "Set the Windows OS settings: firewall, NTP, time zone and automatic update.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        V2_LANG,
        SESSIONID,
        FILEWALL,
        NTP,
        NTP_SERVER,
        TIMEZONE,
        AUTO_UPDATE,
        UPDATE_PERIOD,
        UPDATE_HOUR,
    ],
    confirm: DONE,
    replies: Replies::One,
    indication: None,
};

/// GETSTACKING: read the stacking settings.
pub(crate) static GETSTACKING: Command = Command {
    xmlid: "getstacking",
    section: "New in version 2.0 > GETSTACKING",
    summary: "Get the stacking settings: whether stacking is on, the group name, automatic \
              discovery and the master's address.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: READ,
    confirm: &[
        RESULT,
        DESCRIPTION,
        STACKING,
        GROUPNAME,
        AUTODISCOVER,
        MASTER,
    ],
    replies: Replies::One,
    indication: None,
};

/// SETSTACKING: change the stacking settings.
pub(crate) static SETSTACKING: Command = Command {
    xmlid: "setstacking",
    section: "New in version 2.0 > SETSTACKING",
    summary: "Set the stacking settings. The spec gives no confirm; RESULT and DESCRIPTION \
              are assumed, as for the other SET commands of the chapter.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        V2_LANG,
        SESSIONID,
        STACKING,
        GROUPNAME,
        AUTODISCOVER,
        MASTER,
    ],
    confirm: DONE,
    replies: Replies::One,
    indication: None,
};
