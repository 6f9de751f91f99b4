//! The tables of the spec's chapter "Login/Logout" (spec lines 98 to 255):
//! opening and closing a session.

use super::common::{DESCRIPTION, OUTCOME, RESULT, SESSIONID, WEB_UI_LANG};
use super::fields::TEXT;
use super::fields::{flag, optional, required};
use super::types::{Command, FieldSpec, Replies, Status, ValueType};

/// `login`: open a session and get its ID (Login/Logout > Login).
pub(crate) static LOGIN: Command = Command {
    xmlid: "login",
    section: "Login/Logout > Login",
    summary: "log in to the server, opening a session",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[
        required("USERNAME", TEXT, "the user account to log in as"),
        required("PASSWORD", TEXT, "the account's password, possibly empty"),
        WEB_UI_LANG,
        optional(
            "DOMAIN",
            TEXT,
            "the domain, only when AD/LDAP integration is in use",
        ),
        optional(
            "INDICATION",
            flag!("send no indications", "send indications"),
            "whether this session wants indications pushed to it; none are sent when absent. \
             The spec gives no values: the example sends 1, so 0 and 1 are read as a flag",
        ),
    ],
    confirm: &[
        RESULT,
        PRIVILEGE,
        DESCRIPTION,
        required(
            "SESSIONID",
            ValueType::Guid,
            "the ID of the new session, which every later command must carry; given when the login \
             succeeded",
        ),
    ],
    replies: Replies::One,
    indication: None,
};

/// `logout`: close a session (Login/Logout > Logout).
///
/// The table gives LANG as `0`/`1` while the example sends `en`: the table
/// is followed.
pub(crate) static LOGOUT: Command = Command {
    xmlid: "logout",
    section: "Login/Logout > Logout",
    summary: "log out of the server, closing the session",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID, WEB_UI_LANG],
    confirm: OUTCOME,
    replies: Replies::One,
    indication: None,
};

/// The privilege of the logged-in account.
const PRIVILEGE: FieldSpec = required(
    "PRIVILEGE",
    ValueType::Enumeration(&[("0", "Administrator"), ("1", "Ordinary")]),
    "the privilege of the account that logged in, given when the login succeeded",
);
