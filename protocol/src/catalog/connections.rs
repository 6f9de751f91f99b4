//! The chapter "H.323 Connections" of the spec, lines 6036 to 6593:
//! GETEPLINK and the commands that drive the recording of one link.
//!
//! The link state machine, as far as the spec gives it. GETEPLINK reports
//! each connected H.323 endpoint as a link numbered from 1024, in one of
//! four states (STATUS_INDEX, with STATUS as text):
//!
//! | STATUS_INDEX | STATUS    | the endpoint is                    |
//! |--------------|-----------|------------------------------------|
//! | 0            | `Menu`    | in menu operation, not recording   |
//! | 1            | `Running` | being recorded                     |
//! | 2            | `Paused`  | being recorded, recording paused   |
//! | 3            | (none)    | streamed without being recorded    |
//!
//! - STARTROOMRECORD starts a recording task: 0 (or 3, the spec does not
//!   say) to 1 (Running).
//! - PAUSEROOMRECORD pauses it: 1 to 2 (Paused).
//! - CONTINUEROOMRECORD resumes it: 2 to 1.
//! - STOPROOMRECORD stops it: 1 or 2 back to 0 (Menu), the state of a
//!   connected endpoint not recording.
//! - HANGUP disconnects the endpoint: the link leaves GETEPLINK's list.
//!
//! Each success pushes an INDICATION holding only the link's INDEX. The
//! spec names no source state for each command nor what a command from
//! another state does; the catalog's reading is that a command from a state
//! it does not leave (pause when not recording, continue when not paused,
//! stop when neither recording nor paused, start when already recording)
//! fails with RESULT 1, and any command on an unknown INDEX fails likewise.

use super::common::{DESCRIPTION, RESULT, SESSIONID, V2_LANG};
use super::fields::{TEXT, required};
use super::types::{Command, FieldSpec, Replies, Status, ValueType};

/// The index of an H.323 link.
const LINK_INDEX: FieldSpec = required(
    "INDEX",
    ValueType::Integer {
        min: 1024,
        max: 65535,
    },
    "the index of the H.323 connection; numbered from 1024, 65535 assumed as the top",
);

/// The LANG of this chapter's commands.
const LANG: FieldSpec = V2_LANG;

/// The request of a command on one link.
const LINK_COMMAND: &[FieldSpec] = &[LANG, SESSIONID, LINK_INDEX];

/// The reply to a command on one link.
const LINK_CONFIRM: &[FieldSpec] = &[RESULT, DESCRIPTION, LINK_INDEX];

/// The indication a command on one link pushes to other sessions.
const LINK_INDICATION: &[FieldSpec] = &[LINK_INDEX];

/// GETEPLINK: list the H.323 connections.
pub(crate) static GETEPLINK: Command = Command {
    xmlid: "geteplink",
    section: "H.323 Connections > GETEPLINK",
    summary: "Get the current H.323 connection links, one confirm per link (the example \
              shows one; links are numbered from 1024). STATUS_INDEX is the link's state: \
              0 Menu, 1 Running (recording), 2 Paused, 3 streaming without recording.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[LANG, SESSIONID],
    confirm: &[
        RESULT,
        DESCRIPTION,
        LINK_INDEX,
        required(
            "STATUS",
            ValueType::Enumeration(&[
                ("Menu", "the endpoint is in menu operation mode"),
                ("Running", "the endpoint is being recorded"),
                ("Paused", "the endpoint's recording is paused"),
            ]),
            "the link state as text; the spec gives no text for state 3, streaming only",
        ),
        required(
            "STATUS_INDEX",
            ValueType::Enumeration(&[
                ("0", "the endpoint is in menu operation mode"),
                ("1", "the endpoint is being recorded"),
                ("2", "the endpoint's recording is paused"),
                ("3", "the endpoint is streamed without being recorded"),
            ]),
            "the link state as a number",
        ),
        required(
            "IP",
            ValueType::Ipv4,
            "the IP address of the H.323 endpoint",
        ),
        required("E164", TEXT, "the E.164 number of the H.323 endpoint"),
        required("H323", TEXT, "the H.323 alias of the H.323 endpoint"),
        required(
            "STARTTIME",
            ValueType::DateTime,
            "when the connection was made",
        ),
        required(
            "MEETINGROOM",
            TEXT,
            "the recording room the endpoint joined; `N/A` in the example",
        ),
        required(
            "NETWORK",
            TEXT,
            "the packet loss rate of the last 5 seconds as a percentage, written `0%`",
        ),
        required(
            "VIDEO",
            TEXT,
            "the video protocol of the connection, such as `H.264`",
        ),
        required(
            "AUDIO",
            TEXT,
            "the audio protocol of the connection, such as `G.722`",
        ),
        required(
            "H239",
            ValueType::Enumeration(&[
                ("0", "the endpoint has no H.239 capability"),
                ("1", "the endpoint has H.239 capability"),
            ]),
            "whether the endpoint can send H.239 content",
        ),
    ],
    replies: Replies::PerItem,
    indication: None,
};

/// STARTROOMRECORD: start recording a link.
pub(crate) static STARTROOMRECORD: Command = Command {
    xmlid: "startroomrecord",
    section: "H.323 Connections > STARTROOMRECORD",
    summary: "Start a recording task for the H.323 link INDEX: its state goes from 0 (Menu), \
              or 3 (streaming only) as the spec does not say, to 1 (Running).",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: LINK_COMMAND,
    confirm: LINK_CONFIRM,
    replies: Replies::One,
    indication: Some(LINK_INDICATION),
};

/// PAUSEROOMRECORD: pause the recording of a link.
pub(crate) static PAUSEROOMRECORD: Command = Command {
    xmlid: "pauseroomrecord",
    section: "H.323 Connections > PAUSEROOMRECORD",
    summary: "Pause the recording task of the H.323 link INDEX: its state goes from \
              1 (Running) to 2 (Paused).",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: LINK_COMMAND,
    confirm: LINK_CONFIRM,
    replies: Replies::One,
    indication: Some(LINK_INDICATION),
};

/// CONTINUEROOMRECORD: resume the recording of a link.
pub(crate) static CONTINUEROOMRECORD: Command = Command {
    xmlid: "continueroomrecord",
    section: "H.323 Connections > CONTINUEROOMRECORD",
    summary: "Resume the paused recording task of the H.323 link INDEX: its state goes from \
              2 (Paused) to 1 (Running).",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: LINK_COMMAND,
    confirm: LINK_CONFIRM,
    replies: Replies::One,
    indication: Some(LINK_INDICATION),
};

/// STOPROOMRECORD: stop the recording of a link.
pub(crate) static STOPROOMRECORD: Command = Command {
    xmlid: "stoproomrecord",
    section: "H.323 Connections > STOPROOMRECORD",
    summary: "Stop the recording task of the H.323 link INDEX: its state goes from \
              1 (Running) or 2 (Paused) back to 0 (Menu); the endpoint stays connected.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: LINK_COMMAND,
    confirm: LINK_CONFIRM,
    replies: Replies::One,
    indication: Some(LINK_INDICATION),
};

/// HANGUP: disconnect a link.
pub(crate) static HANGUP: Command = Command {
    xmlid: "hangup",
    section: "H.323 Connections > HANGUP",
    summary: "Disconnect the H.323 link INDEX, whatever its state: the link leaves \
              GETEPLINK's list.",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: LINK_COMMAND,
    confirm: LINK_CONFIRM,
    replies: Replies::One,
    indication: Some(LINK_INDICATION),
};
