//! The chapter "Recording Settings" of the spec, lines 3292 to 4905: the
//! single point settings (GETSP, SETSP) and the Point-to-Point meeting rooms
//! (GETROOM, MODROOM, ADDROOM, DELROOM, GETALLGROUP).

use super::common::{DESCRIPTION, RESULT, SESSIONID};
use super::fields::{TEXT, optional, repeatable, required};
use super::room::{
    self, BROADCAST, DUALVIDEO, IFRAMEINTERVAL, RATE, ROOM_CONFIRM, ROOM_ID, ROOM_INDICATION,
    ROOM_NUM, VIDEO_FORMAT, VIEWID,
};
use super::types::{Command, Direction, FieldSpec, Presence, Replies, Status, ValueType};

/// The fields whose examples spell them otherwise than their table, as
/// `(xmlid, direction, alias, table name)`.
pub(crate) static RECORDING_ALIASES: &[super::FieldAlias] = &[
    ("getroom", Direction::Confirm, "H239", "H.239"),
    ("modroom", Direction::Confirm, "H239", "H.239"),
    ("modroom", Direction::Indication, "H239", "H.239"),
    ("addroom", Direction::Confirm, "H239", "H.239"),
    ("addroom", Direction::Indication, "H239", "H.239"),
];

/// Who may start a single point recording task.
const SP_RECORDRIGHT: FieldSpec = required(
    "RECORDRIGHT",
    ValueType::Enumeration(&[
        ("0", "any endpoint may start a record task"),
        (
            "1",
            "only endpoints of the listed groups may start a record task",
        ),
    ]),
    "the recording right option",
);

/// Who may view new single point archives.
const SP_VIEWRIGHT: FieldSpec = required(
    "VIEWRIGHT",
    ValueType::Enumeration(&[
        ("0", "deny every member the viewing of the archives"),
        ("1", "allow every member to view the archives"),
        (
            "2",
            "allow only members of the recording endpoint's groups to view the archive",
        ),
    ]),
    "the default view rights of newly recorded archives",
);

/// A group listed by the single point settings.
const SP_RECORDID: FieldSpec = repeatable(
    "RECORDID",
    ValueType::Guid,
    "a group with rights over the recorded archives when RECORDRIGHT=1 (the table says \
     viewing right under a recording right option), one per group",
);

/// The same group, with its name.
const SP_RECORDIDEXT: FieldSpec = repeatable(
    "RECORDIDEXT",
    ValueType::Guid,
    "a group of RECORDID with its name, when RECORDRIGHT=1; for the Web UI",
)
.named()
.web_ui();

/// A group outside the list, with its name.
const SP_NOTIN: FieldSpec = repeatable(
    "NOTIN",
    ValueType::Guid,
    "a group not in the RECORDID list, with its name, when RECORDRIGHT=1; for the Web UI",
)
.named()
.web_ui();

/// The single point settings, as SETSP takes them.
const SP_SETTINGS: &[FieldSpec] = &[
    SESSIONID,
    DUALVIDEO,
    IFRAMEINTERVAL,
    BROADCAST,
    SP_RECORDRIGHT,
    SP_VIEWRIGHT,
    SP_RECORDID,
];

/// The single point settings, as GETSP and SETSP report them.
const SP_CONFIRM: &[FieldSpec] = &[
    RESULT,
    DESCRIPTION,
    DUALVIDEO,
    IFRAMEINTERVAL,
    BROADCAST,
    SP_RECORDRIGHT,
    SP_VIEWRIGHT,
    SP_RECORDID,
    SP_RECORDIDEXT,
    SP_NOTIN,
];

/// GETSP: read the single point recording settings.
pub(crate) static GETSP: Command = Command {
    xmlid: "getsp",
    section: "Recording Settings > Single Point Settings > GETSP",
    summary: "Get the single point recording settings: H.239 recording, forward / backward \
              interval, live streaming, who may record and who may view new archives.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: SP_CONFIRM,
    replies: Replies::One,
    indication: None,
};

/// SETSP: change the single point recording settings.
pub(crate) static SETSP: Command = Command {
    xmlid: "setsp",
    section: "Recording Settings > Single Point Settings > SETSP",
    summary: "Change the single point recording settings; the confirm and the indication \
              report the settings now in force, with the group lists named for the Web UI.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: SP_SETTINGS,
    confirm: SP_CONFIRM,
    replies: Replies::One,
    indication: Some(&[
        DUALVIDEO,
        IFRAMEINTERVAL,
        BROADCAST,
        SP_RECORDRIGHT,
        SP_VIEWRIGHT,
        SP_RECORDID,
        SP_RECORDIDEXT,
        SP_NOTIN,
    ]),
};

/// GETROOM: list the meeting rooms, or read one.
pub(crate) static GETROOM: Command = Command {
    xmlid: "getroom",
    section: "Recording Settings > Point to Point Settings > GETROOM",
    summary: "Get the Point-to-Point meeting rooms, one confirm per room; with INDEX, only \
              that room, with its access and viewing group lists.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[
        SESSIONID,
        room::INDEX
            .presence(Presence::Optional)
            .doc("the index of the one meeting room wanted; all rooms when absent"),
    ],
    confirm: ROOM_CONFIRM,
    replies: Replies::PerItem,
    indication: None,
};

/// MODROOM: change a meeting room.
pub(crate) static MODROOM: Command = Command {
    xmlid: "modroom",
    section: "Recording Settings > Point to Point Settings > MODROOM",
    summary: "Modify the Point-to-Point meeting room of index INDEX; the confirm and the \
              indication report the room as it now is.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        ROOM_ID,
        room::INDEX.doc("the index of the meeting room to modify"),
        RATE,
        VIDEO_FORMAT,
        ROOM_NUM,
        DUALVIDEO,
        IFRAMEINTERVAL,
        BROADCAST,
        room::VIEWRIGHT,
        room::RECORDRIGHT,
        room::RECORDID,
        VIEWID,
    ],
    confirm: ROOM_CONFIRM,
    replies: Replies::One,
    indication: Some(ROOM_INDICATION),
};

/// ADDROOM: create a meeting room.
pub(crate) static ADDROOM: Command = Command {
    xmlid: "addroom",
    section: "Recording Settings > Point to Point Settings > ADDROOM",
    summary: "Add a Point-to-Point meeting room; the device chooses its index and reports \
              the new room in the confirm and the indication.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        ROOM_ID,
        optional(
            "INDEX",
            TEXT,
            "not used by ADDROOM; the example sends it empty, so any text is accepted",
        ),
        RATE,
        VIDEO_FORMAT,
        ROOM_NUM,
        DUALVIDEO,
        IFRAMEINTERVAL,
        BROADCAST,
        room::VIEWRIGHT,
        room::RECORDRIGHT,
        room::RECORDID,
        VIEWID,
    ],
    confirm: ROOM_CONFIRM,
    replies: Replies::One,
    indication: Some(ROOM_INDICATION),
};

/// DELROOM: delete a meeting room.
pub(crate) static DELROOM: Command = Command {
    xmlid: "delroom",
    section: "Recording Settings > Point to Point Settings > DELROOM",
    summary: "Delete the Point-to-Point meeting room of index INDEX.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        room::INDEX.doc("the index of the meeting room to delete"),
    ],
    confirm: &[
        RESULT,
        DESCRIPTION,
        room::INDEX.doc("the index of the deleted meeting room"),
    ],
    replies: Replies::One,
    indication: Some(&[room::INDEX.doc("the index of the deleted meeting room")]),
};

/// GETALLGROUP: list every group, for the Web UI.
pub(crate) static GETALLGROUP: Command = Command {
    xmlid: "getallgroup",
    section: "Recording Settings > Point to Point Settings > GETALLGROUP",
    summary: "Get the id and name of every group, in one confirm; designed for the Web UI.",
    status: Status::Implemented,
    web_ui_only: true,
    changes_state: false,
    command: &[SESSIONID],
    confirm: &[
        RESULT,
        DESCRIPTION,
        repeatable("GROUP", ValueType::Guid, "the id of a group, with its name").named(),
    ],
    replies: Replies::One,
    indication: None,
};
