//! The chapter "Dial out and Record" of the spec, lines 4906 to 5299:
//! STARTQUICKRECORD, which calls an endpoint and records the call.

use super::common::{DESCRIPTION, RESULT, SESSIONID};
use super::fields::{TEXT, optional, required};
use super::room::{
    BROADCAST, DUALVIDEO, H239, IFRAMEINTERVAL, NOTIN_REC, NOTIN_VIEW, RATE, RECORDRIGHT, STATUS,
    STATUS_INDEX, VIDEO_FORMAT, VIEWID, VIEWIDEXT, VIEWRIGHT,
};
use super::types::{Command, Direction, FieldSpec, Replies, Status, ValueType};

/// The fields whose examples spell them otherwise than their table, as
/// `(xmlid, direction, alias, table name)`.
pub(crate) static DIALOUT_ALIASES: &[super::FieldAlias] = &[
    ("startquickrecord", Direction::Confirm, "H239", "H.239"),
    ("startquickrecord", Direction::Indication, "H239", "H.239"),
];

/// The reference a third-party application gives the recording task.
const REFERENCEID: FieldSpec = optional(
    "REFERENCEID",
    ValueType::Text {
        max_chars: Some(30),
    },
    "a reference of up to 30 characters for third-party software (Media Publisher RSS2000 \
     Manager); optional as the Web UI, which also starts quick records, has no use for it",
);

/// The link of the new task.
const LINK_INDEX: FieldSpec = required(
    "INDEX",
    ValueType::Integer { min: 0, max: 65535 },
    "the index of the endpoint link of the task (the example shows 0, though GETEPLINK \
     numbers links from 1024)",
);

/// The destination, as the reply names it.
const DESTINATION: FieldSpec = required("ROOM_ID", TEXT, "the destination address called");

/// Fields the quick recording reply carries without using them.
const UNUSED_ROOM_NUM: FieldSpec =
    required("ROOM_NUM", TEXT, "not used; the example sends it empty");
const UNUSED_PARTINOW: FieldSpec = required(
    "PARTINOW",
    ValueType::Integer { min: 0, max: 65535 },
    "not used here; the example sends 0",
);
const UNUSED_PARTIMAX: FieldSpec = required(
    "PARTIMAX",
    ValueType::Integer { min: 0, max: 65535 },
    "not used here; the example sends 0",
);

/// STARTQUICKRECORD: dial out to an endpoint and record the call.
pub(crate) static STARTQUICKRECORD: Command = Command {
    xmlid: "startquickrecord",
    section: "Dial out and Record > STARTQUICKRECORD",
    summary: "Start a dial out and record task (from the Web UI): call IP_NUM at RATE and \
              record it with the given options. The reply describes the task like a meeting \
              room record; its INDEX names the endpoint link, whose state then follows \
              STATUS_INDEX (0 idle, 1 recording, 2 paused, 8 streaming only).",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        required(
            "IP_NUM",
            TEXT,
            "the destination: an IP address, or an E.164 number or H.323 alias",
        ),
        RATE.doc("the connection bandwidth in kbit/s; the spec gives no range, 0..=65535 assumed"),
        DUALVIDEO,
        IFRAMEINTERVAL,
        BROADCAST,
        VIEWRIGHT.doc("the default view rights of the new archive"),
        VIEWID,
        REFERENCEID,
    ],
    confirm: &[
        RESULT,
        DESCRIPTION,
        LINK_INDEX,
        DESTINATION,
        UNUSED_ROOM_NUM,
        DUALVIDEO,
        H239,
        BROADCAST,
        RATE,
        UNUSED_PARTINOW,
        UNUSED_PARTIMAX,
        STATUS_INDEX,
        STATUS,
        RECORDRIGHT,
        VIEWRIGHT,
        IFRAMEINTERVAL,
        VIDEO_FORMAT,
        NOTIN_REC,
        VIEWID,
        VIEWIDEXT,
        NOTIN_VIEW,
        REFERENCEID,
    ],
    replies: Replies::One,
    indication: Some(&[
        LINK_INDEX,
        DESTINATION,
        UNUSED_ROOM_NUM,
        DUALVIDEO,
        H239,
        BROADCAST,
        RATE,
        UNUSED_PARTINOW,
        UNUSED_PARTIMAX,
        STATUS_INDEX,
        STATUS,
        RECORDRIGHT,
        VIEWRIGHT,
        IFRAMEINTERVAL,
        VIDEO_FORMAT,
        NOTIN_REC,
        VIEWID,
        VIEWIDEXT,
        NOTIN_VIEW,
        REFERENCEID,
    ]),
};
