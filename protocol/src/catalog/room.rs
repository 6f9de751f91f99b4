//! The record that describes a Point-to-Point meeting room, as the CONFIRM
//! and INDICATION tables of GETROOM, MODROOM and ADDROOM list it (spec,
//! "Recording Settings / Point to Point Settings", lines 3624 to 4767),
//! and the recording options that STARTQUICKRECORD shares with it.

use super::common::{DESCRIPTION, RESULT};
use super::fields::{TEXT, repeatable, required};
use super::types::{FieldSpec, ValueType};

/// The H.239 recording option of a room or a recording task.
pub(crate) const DUALVIDEO_VALUES: ValueType = ValueType::Enumeration(&[
    ("0", "do not record H.239 content"),
    ("1", "record H.239 content"),
]);

/// The live streaming option of a room or a recording task.
pub(crate) const BROADCAST_VALUES: ValueType = ValueType::Enumeration(&[
    ("0", "no live streaming while recording"),
    ("1", "live streaming while recording"),
]);

/// The default view rights of new archives recorded in a room or by a
/// quick recording.
pub(crate) const VIEWRIGHT_VALUES: ValueType = ValueType::Enumeration(&[
    ("0", "deny every member the viewing of the archive"),
    ("1", "allow any member to view the archive"),
    (
        "2",
        "allow only the listed groups of users or endpoints to view the archive",
    ),
]);

/// The state of a room or of a quick recording task.
pub(crate) const ROOM_STATUS_VALUES: ValueType = ValueType::Enumeration(&[
    ("0", "idle"),
    ("1", "recording"),
    ("2", "recording paused"),
    ("8", "streaming without recording"),
]);

/// The video protocol of a room or of a quick recording task.
pub(crate) const VIDEO_FORMAT_VALUES: ValueType = ValueType::Enumeration(&[
    ("0", "H.261"),
    ("1", "H.263"),
    ("2", "H.263+"),
    ("3", "H.264"),
]);

/// The video encoding rate or call bandwidth, in kbit/s.
pub(crate) const RATE_VALUES: ValueType = ValueType::Integer { min: 0, max: 65535 };

/// The forward / backward (I-frame) interval, in minutes.
pub(crate) const IFRAMEINTERVAL_VALUES: ValueType = ValueType::Integer { min: 0, max: 1440 };

/// The index of a meeting room.
pub(crate) const INDEX: FieldSpec = required(
    "INDEX",
    ValueType::Integer { min: 0, max: 65535 },
    "the index of the meeting room; the spec gives no range, 0..=65535 assumed",
);

/// The name of a meeting room.
pub(crate) const ROOM_ID: FieldSpec = required("ROOM_ID", TEXT, "the name of the meeting room");

/// The number that reaches a meeting room.
pub(crate) const ROOM_NUM: FieldSpec = required(
    "ROOM_NUM",
    TEXT,
    "the E.164 number (suffix) of the meeting room",
);

/// The H.239 recording option.
pub(crate) const DUALVIDEO: FieldSpec = required(
    "DUALVIDEO",
    DUALVIDEO_VALUES,
    "whether H.239 content is recorded",
);

/// The H.239 option again, under the table's second name.
pub(crate) const H239: FieldSpec = required(
    "H.239",
    DUALVIDEO_VALUES,
    "the same as DUALVIDEO; the table spells it H.239, every example H239",
);

/// The live streaming option.
pub(crate) const BROADCAST: FieldSpec = required(
    "BROADCAST",
    BROADCAST_VALUES,
    "whether the recording is also streamed live",
);

/// The video encoding rate.
pub(crate) const RATE: FieldSpec = required(
    "RATE",
    RATE_VALUES,
    "the video encoding rate in kbit/s; the spec gives no range, 0..=65535 assumed",
);

/// How many endpoints are in the room now.
pub(crate) const PARTINOW: FieldSpec = required(
    "PARTINOW",
    ValueType::Integer { min: 0, max: 65535 },
    "the number of endpoints currently in the meeting room",
);

/// How many endpoints the room can hold.
pub(crate) const PARTIMAX: FieldSpec = required(
    "PARTIMAX",
    ValueType::Integer { min: 0, max: 65535 },
    "the most endpoints that can join the meeting room (the examples show 0 after ADDROOM)",
);

/// The room's state as a number.
pub(crate) const STATUS_INDEX: FieldSpec = required(
    "STATUS_INDEX",
    ROOM_STATUS_VALUES,
    "the state of the meeting room",
);

/// The room's state as text.
pub(crate) const STATUS: FieldSpec = required(
    "STATUS",
    TEXT,
    "the state as text, for STATUS_INDEX; the examples show `Menu` for idle",
);

/// Who may join the room.
pub(crate) const RECORDRIGHT: FieldSpec = required(
    "RECORDRIGHT",
    ValueType::Enumeration(&[
        ("0", "any endpoint may join the meeting room"),
        (
            "1",
            "only endpoints of the listed groups may join the meeting room",
        ),
    ]),
    "the access rights of the meeting room",
);

/// Who may view the room's new archives.
pub(crate) const VIEWRIGHT: FieldSpec = required(
    "VIEWRIGHT",
    VIEWRIGHT_VALUES,
    "the default view rights of archives newly recorded in the meeting room",
);

/// The forward / backward interval.
pub(crate) const IFRAMEINTERVAL: FieldSpec = required(
    "IFRAMEINTERVAL",
    IFRAMEINTERVAL_VALUES,
    "the forward / backward interval in minutes; the spec gives no range, 0..=1440 assumed",
);

/// The room's video protocol.
pub(crate) const VIDEO_FORMAT: FieldSpec = required(
    "VIDEO_FORMAT",
    VIDEO_FORMAT_VALUES,
    "the video protocol of the meeting room",
);

/// A group with access to the room.
pub(crate) const RECORDID: FieldSpec = repeatable(
    "RECORDID",
    ValueType::Guid,
    "a group that has access rights (the table says to the recorded archive), one per group",
);

/// A group with access to the room, with its name.
pub(crate) const RECORDIDEXT: FieldSpec = repeatable(
    "RECORDIDEXT",
    ValueType::Guid,
    "a group that has access rights to the meeting room, with its name; for the Web UI",
)
.named()
.web_ui();

/// A group without access to the room, with its name.
pub(crate) const NOTIN_REC: FieldSpec = repeatable(
    "NOTIN_REC",
    ValueType::Guid,
    "a group that has no access rights, with its name; for the Web UI",
)
.named()
.web_ui();

/// A group that may view the recorded archives.
pub(crate) const VIEWID: FieldSpec = repeatable(
    "VIEWID",
    ValueType::Guid,
    "a group that has viewing rights to the recorded archives, one per group",
);

/// A group that may view the recorded archives, with its name.
pub(crate) const VIEWIDEXT: FieldSpec = repeatable(
    "VIEWIDEXT",
    ValueType::Guid,
    "a group that has viewing rights to the recorded archives, with its name; for the Web UI",
)
.named()
.web_ui();

/// A group that may not view the recorded archives, with its name.
pub(crate) const NOTIN_VIEW: FieldSpec = repeatable(
    "NOTIN_VIEW",
    ValueType::Guid,
    "a group that has no viewing rights, with its name (the table says GUID only, the \
     examples carry a name); for the Web UI",
)
.named()
.web_ui();

/// The room record of an INDICATION: the fields of the room, in the
/// table's order. The group lists appear when the room restricts access
/// or viewing, which the tables call the specific room information.
pub(crate) const ROOM_INDICATION: &[FieldSpec] = &[
    INDEX,
    ROOM_ID,
    ROOM_NUM,
    DUALVIDEO,
    H239,
    BROADCAST,
    RATE,
    PARTINOW,
    PARTIMAX,
    STATUS_INDEX,
    STATUS,
    RECORDRIGHT,
    VIEWRIGHT,
    IFRAMEINTERVAL,
    VIDEO_FORMAT,
    RECORDID,
    RECORDIDEXT,
    NOTIN_REC,
    VIEWID,
    VIEWIDEXT,
    NOTIN_VIEW,
];

/// The room record of a CONFIRM: RESULT and DESCRIPTION, then the same
/// fields as [`ROOM_INDICATION`].
pub(crate) const ROOM_CONFIRM: &[FieldSpec] = &[
    RESULT,
    DESCRIPTION,
    INDEX,
    ROOM_ID,
    ROOM_NUM,
    DUALVIDEO,
    H239,
    BROADCAST,
    RATE,
    PARTINOW,
    PARTIMAX,
    STATUS_INDEX,
    STATUS,
    RECORDRIGHT,
    VIEWRIGHT,
    IFRAMEINTERVAL,
    VIDEO_FORMAT,
    RECORDID,
    RECORDIDEXT,
    NOTIN_REC,
    VIEWID,
    VIEWIDEXT,
    NOTIN_VIEW,
];
