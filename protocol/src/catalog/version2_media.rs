//! The second half of the chapter "New in version 2.0" of the spec, lines
//! 7270 to the end: what the Web UI and H.323 video show (the welcome
//! banner, the logos) and the playing of archives (CALLANDPLAY, file
//! multicast). The chapter's first half is in `version2.rs`.
//!
//! Most examples here are copied from GETIVR and SETIVR (their xmlids and
//! fields belong there and are ignored, see `corpus/spec/ERRATA.md`); the
//! tables are followed.

use super::common::{DESCRIPTION, OUTCOME, RESULT, SESSIONID};
use super::fields::{TEXT, optional, required};
use super::room::RATE_VALUES;
use super::types::{Command, FieldSpec, Replies, Status, ValueType};

/// The language of the banner message.
const LANGUAGE: FieldSpec = optional(
    "LANGUAGE",
    ValueType::Enumeration(&[
        ("0", "English, the default"),
        ("1", "Chinese"),
        ("2", "Japanese"),
    ]),
    "the language of the banner; optional, as English is the default",
);

/// The id of the archive a file multicast sends.
const CONF_ID: FieldSpec = required("CONF_ID", ValueType::Guid, "the id of the archive");

/// GETBANNER: read the Web UI's welcome banner.
pub(crate) static GETBANNER: Command = Command {
    xmlid: "getbanner",
    section: "New in version 2.0 > GETBANNER",
    summary: "Get the welcome banner message of the Web UI login page, in LANGUAGE.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID, LANGUAGE],
    confirm: &[
        RESULT,
        DESCRIPTION,
        required(
            "BANNER_MSG",
            TEXT,
            "the welcome message; undescribed by the table, the example is GETIVR's",
        ),
    ],
    replies: Replies::One,
    indication: None,
};

/// SETBANNER: change the Web UI's welcome banner.
pub(crate) static SETBANNER: Command = Command {
    xmlid: "setbanner",
    section: "New in version 2.0 > SETBANNER",
    summary: "Set the welcome banner message of the Web UI login page, in LANGUAGE.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        LANGUAGE,
        required("BANNER_MSG", TEXT, "the new welcome message, in UTF-8"),
    ],
    confirm: OUTCOME,
    replies: Replies::One,
    indication: None,
};

/// The reply of GETUILOGO and GETVIDEOLOGO.
const LOGO_CONFIRM: &[FieldSpec] = &[
    RESULT,
    DESCRIPTION,
    required(
        "IMAGE_URL",
        TEXT,
        "the URL of the logo image, for a Web browser (the table's text speaks of the IVR \
         message file, copied from GETIVR)",
    ),
];

/// The request of SETUILOGO and SETVIDEOLOGO.
const LOGO_COMMAND: &[FieldSpec] = &[
    SESSIONID,
    required(
        "FILENAME",
        TEXT,
        "the new logo image, a file local to the server; the Web UI first uploads it by HTTP \
         to a temporary folder",
    ),
];

/// GETUILOGO: read the Web UI's logo, not implemented.
pub(crate) static GETUILOGO: Command = Command {
    xmlid: "getuilogo",
    section: "New in version 2.0 > GETUILOGO (No implementation)",
    summary: "Get the logo image of the Web UI. Not implemented by the device.",
    status: Status::NotImplemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: LOGO_CONFIRM,
    replies: Replies::One,
    indication: None,
};

/// SETUILOGO: replace the Web UI's logo.
pub(crate) static SETUILOGO: Command = Command {
    xmlid: "setuilogo",
    section: "New in version 2.0 > SETUILOGO",
    summary: "Replace the logo image file of the Web UI.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: LOGO_COMMAND,
    confirm: OUTCOME,
    replies: Replies::One,
    indication: None,
};

/// GETVIDEOLOGO: read the logo shown in H.323 video, not implemented.
pub(crate) static GETVIDEOLOGO: Command = Command {
    xmlid: "getvideologo",
    section: "New in version 2.0 > GETVIDEOLOGO (No implementation)",
    summary: "Get the logo image shown in H.323 video. Not implemented by the device.",
    status: Status::NotImplemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: LOGO_CONFIRM,
    replies: Replies::One,
    indication: None,
};

/// SETVIDEOLOGO: replace the logo shown in H.323 video.
pub(crate) static SETVIDEOLOGO: Command = Command {
    xmlid: "setvideologo",
    section: "New in version 2.0 > SETVIDEOLOGO",
    summary: "Replace the logo image file shown in H.323 video.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: LOGO_COMMAND,
    confirm: OUTCOME,
    replies: Replies::One,
    indication: None,
};

/// CALLANDPLAY: call an endpoint and play it an archive.
pub(crate) static CALLANDPLAY: Command = Command {
    xmlid: "callandplay",
    section: "New in version 2.0 > CALLANDPLAY",
    summary: "Call out an endpoint and then play back an archive to it.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        required(
            "ADDR",
            TEXT,
            "the address of the endpoint; the example gives an IP address, other address \
             forms are not excluded",
        ),
        required(
            "RATE",
            RATE_VALUES,
            "the call bit rate in kbit/s; 0..=65535 assumed (the example spells it ADDR)",
        ),
        required("FILE_ID", ValueType::Guid, "the id of the archive to play"),
    ],
    confirm: OUTCOME,
    replies: Replies::One,
    indication: None,
};

/// STARTFILEMULTICAST: multicast an archive.
pub(crate) static STARTFILEMULTICAST: Command = Command {
    xmlid: "startfilemulticast",
    section: "New in version 2.0 > STARTFILEMULTICAST",
    summary: "Multicast an archive file, TIMES times over.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        CONF_ID.doc("the id of the archive to multicast"),
        required(
            "TIMES",
            ValueType::Integer { min: 0, max: 65535 },
            "the repeat count; the spec gives no range, 0..=65535 assumed",
        ),
    ],
    confirm: OUTCOME,
    replies: Replies::One,
    indication: None,
};

/// STOPFILEMULTICAST: stop multicasting an archive.
pub(crate) static STOPFILEMULTICAST: Command = Command {
    xmlid: "stopfilemulticast",
    section: "New in version 2.0 > STOPFILEMULTICAST",
    summary: "Stop the multicast of an archive file.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        CONF_ID.doc("the id of the archive whose multicast to stop"),
    ],
    confirm: OUTCOME,
    replies: Replies::One,
    indication: None,
};
