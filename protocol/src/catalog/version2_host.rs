//! The middle part of the chapter "New in version 2.0" of the spec, lines
//! 7012 to 7269: the logging, Windows OS and stacking settings.
//!
//! GETLOGGING and GETOS have no CONFIRM table; their confirm fields are
//! inferred from the parameters of the matching SET command, and each such
//! field's doc says so.

use super::common::{DESCRIPTION, OUTCOME, RESULT, SESSIONID, V2_LANG, V2_READ};
use super::fields::{COUNT, OFF_ON, TEXT, inferred, required};
use super::types::{Command, FieldSpec, Replies, Status, ValueType};

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
    "the NTP server; undescribed, IP or DNS name assumed, empty while NTP is unset",
)
.blank_when_unset();

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
    "the IP address of the master server, empty while stacking is unset",
)
.blank_when_unset();

/// GETLOGGING: read the logging settings.
pub(crate) static GETLOGGING: Command = Command {
    xmlid: "getlogging",
    section: "New in version 2.0 > GETLOGGING",
    summary: "Get the logging settings; the confirm is inferred from SETLOGGING.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: V2_READ,
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
    confirm: OUTCOME,
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
    command: V2_READ,
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
    confirm: OUTCOME,
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
    command: V2_READ,
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
    confirm: OUTCOME,
    replies: Replies::One,
    indication: None,
};
