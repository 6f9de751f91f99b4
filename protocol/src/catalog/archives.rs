//! The chapter "Archives / Live Streaming" of the spec, lines 5300 to 6035:
//! GETLISTINFO, GETMEDIAINFO, DELMEDIAINFO and SETMEDIAINFO.

use super::common::{DESCRIPTION, RESULT, SESSIONID, V2_LANG};
use super::fields::{COUNT, TEXT, optional, repeatable, required};
use super::room::RATE_VALUES;
use super::types::{Command, Direction, FieldSpec, Presence, Replies, Status, ValueType};

/// The fields whose examples spell them otherwise than their table, as
/// `(xmlid, direction, alias, table name)`.
pub(crate) static ARCHIVES_ALIASES: &[super::FieldAlias] = &[(
    "getlistinfo",
    Direction::Confirm,
    "BROADLIST",
    "BROADLIST_ID",
)];

/// The kinds of media.
const CATALOG_VALUES: ValueType =
    ValueType::Enumeration(&[("0", "archive"), ("1", "live streaming")]);

/// The media type of a record.
const CATALOG: FieldSpec = required("CATALOG", CATALOG_VALUES, "the media type");

/// The id of an archive or live stream.
const CONF_ID: FieldSpec = required("CONF_ID", ValueType::Guid, "the unique id of the media");

/// The name of an archive.
const NAME: FieldSpec = required("NAME", TEXT, "the name of the archive");

/// DESCRIPTION where it is both the failure message and the archive's text.
const CONFIRM_DESCRIPTION: FieldSpec = optional(
    "DESCRIPTION",
    TEXT,
    "the failure message, or on success the archive's detailed description: the table lists \
     DESCRIPTION twice with both meanings",
);

/// The archive's description, where nothing else can be meant.
const ARCHIVE_DESCRIPTION: FieldSpec = required(
    "DESCRIPTION",
    TEXT,
    "the detailed description of the archive",
);

/// Who may view an archive.
const ACCESSTYPE: FieldSpec = required(
    "ACCESSTYPE",
    ValueType::Enumeration(&[
        ("0", "deny all"),
        ("1", "allow all"),
        ("2", "allow only the groups listed in ACCESSID"),
    ]),
    "the view rights of the archive",
);

/// Whether cleanup may delete an archive.
const DENY_AUTO_DELETE: FieldSpec = required(
    "DENY_AUTO_DELETE",
    ValueType::Enumeration(&[
        ("0", "the archive can be deleted by automatic cleanup"),
        ("1", "the archive is never deleted automatically"),
    ]),
    "the automatic cleanup option",
);

/// The playback PIN of an archive.
const PIN: FieldSpec = required(
    "PIN",
    TEXT,
    "the PIN code protecting playback from an H.323 endpoint; empty when none",
);

/// A group that may view an archive.
const ACCESSID: FieldSpec = repeatable(
    "ACCESSID",
    ValueType::Guid,
    "a group with viewing rights on the archive when ACCESSTYPE=2, one per group",
);

/// A field SETMEDIAINFO reports but does not use.
const DOWNLOAD: FieldSpec = optional(
    "DOWNLOAD",
    TEXT,
    "not used; the example shows -858993460, an uninitialised value",
);

/// A group of ACCESSID with its name, as SETMEDIAINFO spells it.
const ACCESSIDEXT1: FieldSpec = repeatable(
    "ACCESSIDEXT1",
    ValueType::Guid,
    "a group of ACCESSID with its name; for the Web UI",
)
.named()
.web_ui();

/// GETLISTINFO: count the archives and live streams.
pub(crate) static GETLISTINFO: Command = Command {
    xmlid: "getlistinfo",
    section: "Archives / Live Streaming > GETLISTINFO",
    summary: "Get the number of archives and of live streams on the server; the spec \
              suggests calling it before GETMEDIAINFO.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[
        SESSIONID,
        V2_LANG.doc("the table leaves LANG undescribed; the example sends `en`"),
        required(
            "SEARCH",
            TEXT,
            "text to search the content names for; the example sends it empty",
        ),
        required(
            "LIBMEDIA",
            ValueType::Enumeration(&[("1", "the only value the spec allows")]),
            "must be 1",
        ),
    ],
    confirm: &[
        RESULT,
        DESCRIPTION,
        required("LIBLIST", COUNT, "the number of archives on the system"),
        required(
            "BROADLIST_ID",
            COUNT,
            "the number of live streams now on the system (the table spells it \
             `BROADLIST _ID`, the example BROADLIST)",
        ),
    ],
    replies: Replies::One,
    indication: None,
};

/// GETMEDIAINFO: list archives or live streams, or read one.
pub(crate) static GETMEDIAINFO: Command = Command {
    xmlid: "getmediainfo",
    section: "Archives / Live Streaming > GETMEDIAINFO",
    summary: "Get media information, one confirm per archive or live stream: a range \
              START..END of the CATALOG in SORT order, or the one media CONF_ID names, \
              whose confirm adds its rights, PIN and quick code.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[
        SESSIONID,
        CATALOG,
        optional(
            "START",
            COUNT,
            "the index of the first media wanted; with END",
        ),
        optional(
            "END",
            COUNT,
            "the index of the last media wanted; with START",
        ),
        optional(
            "SORT",
            ValueType::Enumeration(&[
                ("0", "by date"),
                ("1", "by duration"),
                ("2", "by name"),
                ("3", "by server"),
                ("4", "by video"),
                ("5", "by size"),
                ("6", "by rate"),
                ("7", "by H.239"),
            ]),
            "the order of the list; the example for one media omits it",
        ),
        CONF_ID
            .presence(Presence::Optional)
            .doc("the id of the one media wanted, instead of START and END"),
    ],
    confirm: &[
        RESULT,
        CONFIRM_DESCRIPTION,
        CONF_ID,
        NAME,
        required(
            "REC_TIME",
            ValueType::DateTime,
            "when the archive was recorded",
        ),
        required("DURATION", ValueType::Duration, "the length of the archive"),
        required("SIZE", COUNT, "the size of the archive file in KB"),
        required(
            "RATE",
            RATE_VALUES,
            "the audio/video rate of the connection in kbit/s; 0..=65535 assumed",
        ),
        required(
            "H239",
            ValueType::Enumeration(&[
                ("0", "the archive has no H.239 content"),
                ("1", "the archive has H.239 content"),
            ]),
            "whether the archive holds H.239 content",
        ),
        required(
            "URL",
            TEXT,
            "for an archive, its path for HTTP download; for a live stream, its port",
        ),
        required(
            "VIDEO_FORMAT",
            TEXT,
            "the video format of the archive, as text (`H.264`)",
        ),
        required("EMAIL_LINK", TEXT, "reserved for the Web UI").web_ui(),
        CATALOG,
        optional(
            "UPLOAD",
            ValueType::Enumeration(&[
                ("0", "the archive has not been backed up to the FTP server"),
                ("1", "the archive has been backed up"),
            ]),
            "for an archive, whether automatic backup has copied it; optional as the spec \
             gives it no meaning for live streams",
        ),
        required(
            "REFERENCEID",
            ValueType::Text {
                max_chars: Some(30),
            },
            "the reference of up to 30 characters given by third-party software",
        ),
        ACCESSTYPE
            .presence(Presence::Optional)
            .doc("the view rights of the archive; only when one media is asked for"),
        DENY_AUTO_DELETE
            .presence(Presence::Optional)
            .doc("the automatic cleanup option; only when one media is asked for"),
        PIN.presence(Presence::Optional)
            .doc("the H.323 playback PIN; only when one media is asked for, empty when none"),
        ACCESSID,
        repeatable(
            "ACCESSIDEXT",
            ValueType::Guid,
            "a group of ACCESSID with its name; for the Web UI",
        )
        .named()
        .web_ui(),
        repeatable(
            "NOTIN",
            ValueType::Guid,
            "a group without viewing rights on the archive, with its name; for the Web UI",
        )
        .named()
        .web_ui(),
        optional(
            "QUICKCODE",
            ValueType::Digits(6),
            "the 6-digit quick access code for fast H.323 playback",
        ),
        optional(
            "SERVER",
            ValueType::Ipv4,
            "the IP address of the server holding the archive; listed with the fields of \
             one media, shown only in the list example",
        ),
    ],
    replies: Replies::PerItem,
    indication: None,
};

/// DELMEDIAINFO: delete an archive.
pub(crate) static DELMEDIAINFO: Command = Command {
    xmlid: "delmediainfo",
    section: "Archives / Live Streaming > DELMEDIAINFO",
    summary: "Delete the archive (or live stream) CONF_ID names.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        CONF_ID.doc("the id of the media to delete"),
        required("TYPE", CATALOG_VALUES, "the media type"),
    ],
    confirm: &[
        RESULT,
        DESCRIPTION,
        CONF_ID.doc("the id of the deleted media"),
        CATALOG,
    ],
    replies: Replies::One,
    indication: Some(&[CONF_ID.doc("the id of the deleted media"), CATALOG]),
};

/// SETMEDIAINFO: change an archive's name, description and rights.
pub(crate) static SETMEDIAINFO: Command = Command {
    xmlid: "setmediainfo",
    section: "Archives / Live Streaming > SETMEDIAINFO",
    summary: "Modify the name, description, view rights, cleanup option and PIN of the \
              archive CONF_ID names; the confirm and the indication report the archive.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        CONF_ID.doc("the id of the archive to modify"),
        NAME.doc("the new name of the archive"),
        ARCHIVE_DESCRIPTION.doc("the new detailed description of the archive"),
        ACCESSTYPE,
        DENY_AUTO_DELETE,
        PIN,
        CATALOG,
        ACCESSID,
    ],
    confirm: &[
        RESULT,
        CONFIRM_DESCRIPTION,
        CONF_ID.doc("the id of the modified archive"),
        DOWNLOAD,
        ACCESSTYPE,
        CATALOG,
        NAME,
        DENY_AUTO_DELETE,
        PIN,
        ACCESSID,
        ACCESSIDEXT1,
    ],
    replies: Replies::One,
    indication: Some(&[
        CONF_ID.doc("the id of the modified archive"),
        DOWNLOAD,
        ACCESSTYPE,
        CATALOG,
        NAME,
        ARCHIVE_DESCRIPTION,
        DENY_AUTO_DELETE,
        PIN,
        ACCESSID,
        ACCESSIDEXT1,
    ]),
};
