//! The tables of the spec's chapter "System Configuration" (spec lines 422
//! to 1481): IP, gatekeeper, language, IVR and backup settings, and
//! shutdown.

use super::common::{DESCRIPTION, OUTCOME, RESULT, SESSIONID};
use super::fields::{PORT, TEXT, flag, optional, required};
use super::types::{Command, FieldSpec, Replies, Status, ValueType};

/// `getip` (System Configuration > IP Settings > GETIP).
///
/// Without INDEX the device reports "all LAN port information"; as only LAN1
/// works, the reply is read as one confirm.
pub(crate) static GETIP: Command = Command {
    xmlid: "getip",
    section: "System Configuration > IP Settings > GETIP",
    summary: "get the IP settings of the LAN ports",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[
        SESSIONID,
        optional(
            "INDEX",
            LAN_PORT,
            "the LAN port to report; all ports when absent",
        ),
    ],
    confirm: &[
        RESULT,
        DESCRIPTION,
        LAN_INDEX,
        DEVIP,
        DEVMASK,
        GATEWAY,
        DCHP,
        DNS1,
        DNS2,
        DCHPDNS,
    ],
    replies: Replies::One,
    indication: None,
};

/// `setip` (System Configuration > IP Settings > SETIP).
pub(crate) static SETIP: Command = Command {
    xmlid: "setip",
    section: "System Configuration > IP Settings > SETIP",
    summary: "change the IP settings of a LAN port",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID, LAN_INDEX, DEVIP, DEVMASK, GATEWAY, DCHP, DNS1, DNS2, DCHPDNS,
    ],
    confirm: &[RESULT, DESCRIPTION, LAN_INDEX, DEVIP, DEVMASK, GATEWAY],
    replies: Replies::One,
    indication: Some(&[LAN_INDEX, DEVIP, DEVMASK, GATEWAY]),
};

/// `getgk` (System Configuration > Gatekeeper Settings > GETGK).
pub(crate) static GETGK: Command = Command {
    xmlid: "getgk",
    section: "System Configuration > Gatekeeper Settings > GETGK",
    summary: "get the gatekeeper settings and registration status",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: GK_CONFIRM,
    replies: Replies::One,
    indication: None,
};

/// `setgk` (System Configuration > Gatekeeper Settings > SETGK).
pub(crate) static SETGK: Command = Command {
    xmlid: "setgk",
    section: "System Configuration > Gatekeeper Settings > SETGK",
    summary: "change the gatekeeper settings",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        required(
            "USEGK",
            flag!("do not register", "register to the gatekeeper"),
            "whether the device should register to a gatekeeper",
        ),
        GKIP,
        GKPORT,
        E164,
        H323,
    ],
    confirm: GK_CONFIRM,
    replies: Replies::One,
    indication: None,
};

/// `getlang` (System Configuration > IVR/Language Settings > GETLANG).
pub(crate) static GETLANG: Command = Command {
    xmlid: "getlang",
    section: "System Configuration > IVR/Language Settings > GETLANG",
    summary: "get the language of the menu shown to endpoints",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: &[RESULT, DESCRIPTION, MENU_LANG],
    replies: Replies::One,
    indication: None,
};

/// `setlang` (System Configuration > IVR/Language Settings > SETLANG).
pub(crate) static SETLANG: Command = Command {
    xmlid: "setlang",
    section: "System Configuration > IVR/Language Settings > SETLANG",
    summary: "set the language of the menu shown to endpoints",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[SESSIONID, MENU_LANG],
    confirm: &[RESULT, DESCRIPTION, MENU_LANG],
    replies: Replies::One,
    indication: None,
};

/// `getivr` (System Configuration > IVR/Language Settings > GETIVR).
pub(crate) static GETIVR: Command = Command {
    xmlid: "getivr",
    section: "System Configuration > IVR/Language Settings > GETIVR",
    summary: "get where an IVR message file lies on the device",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[
        SESSIONID,
        required("INDEX", IVR_MESSAGE, "which IVR message to locate"),
        IVR_LANGUAGE,
    ],
    confirm: &[
        RESULT,
        DESCRIPTION,
        required(
            "PLAY_URL",
            TEXT,
            "the URL of the message file, for a Web browser to play",
        ),
    ],
    replies: Replies::One,
    indication: None,
};

/// `setivr` (System Configuration > IVR/Language Settings > SETIVR).
pub(crate) static SETIVR: Command = Command {
    xmlid: "setivr",
    section: "System Configuration > IVR/Language Settings > SETIVR",
    summary: "replace an IVR message file",
    status: Status::Implemented,
    web_ui_only: true,
    changes_state: true,
    command: &[
        SESSIONID,
        required(
            "TYPE",
            IVR_MESSAGE,
            "which IVR message to replace, as GETIVR's INDEX",
        ),
        IVR_LANGUAGE,
        required(
            "FILENAME",
            TEXT,
            "the new message file, a file local to the device (the Web UI uploads it first)",
        ),
    ],
    confirm: OUTCOME,
    replies: Replies::One,
    indication: None,
};

/// `getstorage` (System Configuration > Backup/Cleanup Settings > GETSTORAGE).
pub(crate) static GETSTORAGE: Command = Command {
    xmlid: "getstorage",
    section: "System Configuration > Backup/Cleanup Settings > GETSTORAGE",
    summary: "get the backup and cleanup settings",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: STORAGE_CONFIRM,
    replies: Replies::One,
    indication: None,
};

/// `setstorage` (System Configuration > Backup/Cleanup Settings > SETSTORAGE).
pub(crate) static SETSTORAGE: Command = Command {
    xmlid: "setstorage",
    section: "System Configuration > Backup/Cleanup Settings > SETSTORAGE",
    summary: "change the backup and cleanup settings",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        FTP,
        PATH,
        USER,
        PASSWORD,
        AUTO_SAVE,
        SAVE_INTERVAL,
        START_TIME,
        END_TIME,
        AUTO_DEL,
        DEL_INTERVAL,
    ],
    confirm: STORAGE_CONFIRM,
    replies: Replies::One,
    indication: Some(STORAGE),
};

/// `shutdown` (System Configuration > Upgrade/Reset System > SHUTDOWN).
///
/// The section has no confirm table: the confirm is read as the bare
/// outcome every other confirm opens with.
pub(crate) static SHUTDOWN: Command = Command {
    xmlid: "shutdown",
    section: "System Configuration > Upgrade/Reset System > SHUTDOWN",
    summary: "restart or power off the device",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        optional(
            "POWEROFF",
            flag!("restart the device", "power the device off"),
            "whether to power off rather than restart; the section's example (which is a \
             getendpoint command) leaves it out, so it is optional",
        ),
    ],
    confirm: OUTCOME,
    replies: Replies::One,
    indication: None,
};

/// The LAN ports of the device; the spec says only LAN1 works so far.
const LAN_PORT: ValueType = flag!("LAN1", "LAN2");

/// The LAN port a record of IP settings is about.
const LAN_INDEX: FieldSpec = required("INDEX", LAN_PORT, "the LAN port (only LAN1 works)");

/// The IP address of a LAN port.
const DEVIP: FieldSpec = required("DEVIP", ValueType::Ipv4, "the IP address of the LAN port");

/// The network mask of a LAN port.
const DEVMASK: FieldSpec = required(
    "DEVMASK",
    ValueType::Ipv4,
    "the network mask of the LAN port",
);

/// The default gateway.
const GATEWAY: FieldSpec = required("GATEWAY", ValueType::Ipv4, "the default gateway's address");

/// The spec's `DCHP` row, which it leaves undescribed.
const DCHP: FieldSpec = optional(
    "DCHP",
    TEXT,
    "undescribed by the spec (read as a DHCP switch, spelled DCHP; not for LAN1); no example \
     carries it, so it is optional text",
);

/// The spec's `DNS1` row, which it leaves undescribed.
const DNS1: FieldSpec = optional(
    "DNS1",
    TEXT,
    "undescribed by the spec (read as the first DNS server); no example carries it, so it is \
     optional text, as it may be blank",
);

/// The spec's `DNS2` row, which it leaves undescribed.
const DNS2: FieldSpec = optional(
    "DNS2",
    TEXT,
    "undescribed by the spec (read as the second DNS server); no example carries it, so it is \
     optional text, as it may be blank",
);

/// The spec's `DCHPDNS` row, which it leaves undescribed.
const DCHPDNS: FieldSpec = optional(
    "DCHPDNS",
    TEXT,
    "undescribed by the spec (read as taking DNS servers from DHCP); no example carries it, \
     so it is optional text",
);

/// The gatekeeper's address.
const GKIP: FieldSpec = required(
    "GKIP",
    ValueType::Ipv4,
    "the IP address of the gatekeeper, empty while USEGK says not to register",
)
.blank_when_unset();

/// The gatekeeper's port.
const GKPORT: FieldSpec = required("GKPORT", PORT, "the gatekeeper's port (1719 by default)");

/// The device's E.164 number.
const E164: FieldSpec = required("E164", TEXT, "the E.164 number or prefix of the device");

/// The device's H.323 alias.
const H323: FieldSpec = required("H323", TEXT, "the H.323 alias of the device");

/// The `CONFIRM` of GETGK and SETGK.
const GK_CONFIRM: &[FieldSpec] = &[
    RESULT,
    DESCRIPTION,
    required(
        "USEGK",
        flag!("not registered", "registered to the gatekeeper"),
        "whether the device has registered to a gatekeeper",
    ),
    GKIP,
    required("GKSTATUS", TEXT, "the status of the registration, as text"),
    required(
        "GKCOLOR",
        TEXT,
        "the font color the Web UI shows GKSTATUS in; the spec gives no values",
    )
    .web_ui(),
    GKPORT,
    E164,
    H323,
];

/// The language of the menu endpoints hear and see (not the Web UI's).
const MENU_LANG: FieldSpec = required(
    "LANG",
    ValueType::Enumeration(&[("0", "English"), ("1", "Chinese")]),
    "the language of the menu shown to endpoints",
);

/// The IVR messages, by index (GETIVR's INDEX, SETIVR's TYPE).
const IVR_MESSAGE: ValueType = ValueType::Enumeration(&[
    ("0", "welcome message"),
    ("1", "conference recording has started"),
    ("2", "the conference recording is now paused"),
    ("3", "the conference recording is now resumed"),
    ("4", "the conference recording has ended"),
    ("5", "insufficient disk space for conference recording"),
    ("6", "the conference recording has failed"),
    ("7", "this is the end of a conference recording playback"),
    (
        "8",
        "please enter your personal code, press the pound key when complete",
    ),
    ("9", "invalid personal code, please try again"),
]);

/// The language of an IVR message file.
const IVR_LANGUAGE: FieldSpec = optional(
    "LANGUAGE",
    ValueType::Enumeration(&[("0", "English"), ("1", "Chinese"), ("2", "Japanese")]),
    "the language of the message; English when absent, and the examples leave it out",
);

/// A number of days between automatic backups or deletions.
const DAYS: ValueType = ValueType::Integer { min: 0, max: 65535 };

/// An hour of the day, `0` for 0:00.
const HOUR: ValueType = ValueType::Integer { min: 0, max: 23 };

/// The FTP server backups go to.
const FTP: FieldSpec = required(
    "FTP",
    ValueType::Ipv4,
    "the IP address of the backup FTP server, empty while no backup server is set",
)
.blank_when_unset();

/// The backup directory.
const PATH: FieldSpec = required("PATH", TEXT, "the backup directory on the FTP server");

/// The FTP user.
const USER: FieldSpec = required("USER", TEXT, "the user name to log in to the FTP server");

/// The FTP password.
const PASSWORD: FieldSpec = required("PASSWORD", TEXT, "the password for the FTP server");

/// When backups run.
const AUTO_SAVE: FieldSpec = required(
    "AUTO_SAVE",
    ValueType::Enumeration(&[
        ("0", "never back up automatically"),
        ("1", "back up automatically every SAVE_INTERVAL days"),
        ("2", "back up automatically when a recording completes"),
    ]),
    "when automatic backups run; the confirm and indication tables omit value 2, which the \
     command's table allows, so 2 is accepted everywhere",
);

/// The backup period.
const SAVE_INTERVAL: FieldSpec = required(
    "SAVE_INTERVAL",
    DAYS,
    "back up every this many days, when AUTO_SAVE is 1",
);

/// The start of the backup window.
const START_TIME: FieldSpec = required(
    "START_TIME",
    HOUR,
    "the hour automatic backups may start, 0 for 0:00",
);

/// The end of the backup window.
const END_TIME: FieldSpec = required(
    "END_TIME",
    HOUR,
    "the hour automatic backups must end, 0 for 0:00",
);

/// Whether old archives are deleted.
const AUTO_DEL: FieldSpec = required(
    "AUTO_DEL",
    flag!("never delete automatically", "delete automatically"),
    "whether automatic deletion runs",
);

/// The deletion period.
const DEL_INTERVAL: FieldSpec = required(
    "DEL_INTERVAL",
    DAYS,
    "delete every this many days, when AUTO_DEL is 1",
);

/// The backup and cleanup settings, as the indication of SETSTORAGE lists them.
const STORAGE: &[FieldSpec] = &[
    FTP,
    PATH,
    USER,
    PASSWORD,
    AUTO_SAVE,
    SAVE_INTERVAL,
    START_TIME,
    END_TIME,
    AUTO_DEL,
    DEL_INTERVAL,
];

/// The `CONFIRM` of GETSTORAGE and SETSTORAGE.
const STORAGE_CONFIRM: &[FieldSpec] = &[
    RESULT,
    DESCRIPTION,
    FTP,
    PATH,
    USER,
    PASSWORD,
    AUTO_SAVE,
    SAVE_INTERVAL,
    START_TIME,
    END_TIME,
    AUTO_DEL,
    DEL_INTERVAL,
];
