//! The tables of the spec's chapter "Account Management" (spec lines 1482 to
//! 3289): endpoint, user and group accounts.

use super::common::{DESCRIPTION, RESULT, SESSIONID};
use super::fields::{COUNT, TEXT, flag, optional, repeatable, required};
use super::types::{Command, Direction, FieldSpec, Replies, Status, ValueType};

/// The fields the spec's examples spell otherwise than its tables, for the
/// commands of this chapter: `(xmlid, direction, example's spelling, table's
/// spelling)`.
pub(crate) static ACCOUNTS_ALIASES: &[super::FieldAlias] = &[
    ("getdevuser", Direction::Confirm, "OPTIONS", "OPIONS"),
    ("adddevuser", Direction::Confirm, "OPTIONS", "OPIONS"),
    ("adddevuser", Direction::Indication, "OPTIONS", "OPIONS"),
    ("moddevuser", Direction::Confirm, "OPTIONS", "OPIONS"),
    ("moddevuser", Direction::Indication, "OPTIONS", "OPIONS"),
];

/// `getendpoint` (Account Management > Endpoints > GETENDPOINT).
pub(crate) static GETENDPOINT: Command = Command {
    xmlid: "getendpoint",
    section: "Account Management > Endpoints > GETENDPOINT",
    summary: "list the endpoint accounts, one confirm each",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: ENDPOINT_CONFIRM,
    replies: Replies::PerItem,
    indication: None,
};

/// `addendpoint` (Account Management > Endpoints > ADDENDPOINT).
pub(crate) static ADDENDPOINT: Command = Command {
    xmlid: "addendpoint",
    section: "Account Management > Endpoints > ADDENDPOINT",
    summary: "add an endpoint account",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: ENDPOINT_COMMAND,
    confirm: ENDPOINT_CONFIRM,
    replies: Replies::One,
    indication: Some(ENDPOINT),
};

/// `modendpoint` (Account Management > Endpoints > MODENDPOINT).
pub(crate) static MODENDPOINT: Command = Command {
    xmlid: "modendpoint",
    section: "Account Management > Endpoints > MODENDPOINT",
    summary: "modify the endpoint account of the given name",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: ENDPOINT_COMMAND,
    confirm: ENDPOINT_CONFIRM,
    replies: Replies::One,
    indication: Some(&[SOURCEID, SOURCENAME, SOURCEIP, FLAG, E164, H323]),
};

/// `delendpoint` (Account Management > Endpoints > DELENDPOINT).
pub(crate) static DELENDPOINT: Command = Command {
    xmlid: "delendpoint",
    section: "Account Management > Endpoints > DELENDPOINT",
    summary: "delete the endpoint account of the given name (the spec's description says \
              \"add\", a slip)",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[SESSIONID, SOURCENAME],
    confirm: ENDPOINT_CONFIRM,
    replies: Replies::One,
    indication: Some(ENDPOINT),
};

/// `getdevuser` (Account Management > Users > GETDEVUSER).
pub(crate) static GETDEVUSER: Command = Command {
    xmlid: "getdevuser",
    section: "Account Management > Users > GETDEVUSER",
    summary: "list the user accounts, one confirm each",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: USER_CONFIRM,
    replies: Replies::PerItem,
    indication: None,
};

/// `adddevuser` (Account Management > Users > ADDDEVUSER).
pub(crate) static ADDDEVUSER: Command = Command {
    xmlid: "adddevuser",
    section: "Account Management > Users > ADDDEVUSER",
    summary: "add a user account",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: USER_COMMAND,
    confirm: USER_CONFIRM,
    replies: Replies::One,
    indication: Some(USER),
};

/// `moddevuser` (Account Management > Users > MODDEVUSER).
pub(crate) static MODDEVUSER: Command = Command {
    xmlid: "moddevuser",
    section: "Account Management > Users > MODDEVUSER",
    summary: "modify the user account of the given name",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: USER_COMMAND,
    confirm: USER_CONFIRM,
    replies: Replies::One,
    indication: Some(USER),
};

/// `deldevuser` (Account Management > Users > DELDEVUSER).
pub(crate) static DELDEVUSER: Command = Command {
    xmlid: "deldevuser",
    section: "Account Management > Users > DELDEVUSER",
    summary: "delete the user account of the given name",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[SESSIONID, USERNAME],
    confirm: &[RESULT, DESCRIPTION, USERID, USERNAME],
    replies: Replies::One,
    indication: Some(&[USERID, USERNAME]),
};

/// `getgroup` (Account Management > Groups > GETGROUP).
pub(crate) static GETGROUP: Command = Command {
    xmlid: "getgroup",
    section: "Account Management > Groups > GETGROUP",
    summary: "list the group accounts, one confirm each, or detail one group with its members",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[
        SESSIONID,
        optional(
            "GROUPNAME",
            TEXT,
            "the group to detail; with GROUPID, asks for its members",
        ),
        optional(
            "GROUPID",
            ValueType::Guid,
            "the GUID of the group to detail",
        ),
    ],
    confirm: GROUP_CONFIRM,
    replies: Replies::PerItem,
    indication: None,
};

/// `getmember` (Account Management > Groups > GETMEMBER).
pub(crate) static GETMEMBER: Command = Command {
    xmlid: "getmember",
    section: "Account Management > Groups > GETMEMBER",
    summary: "list every user and endpoint that may join a group",
    status: Status::Implemented,
    web_ui_only: true,
    changes_state: false,
    command: &[SESSIONID],
    confirm: &[RESULT, DESCRIPTION, MEMBER_USER, MEMBER_EP],
    replies: Replies::One,
    indication: None,
};

/// `addgroup` (Account Management > Groups > ADDGROUP).
pub(crate) static ADDGROUP: Command = Command {
    xmlid: "addgroup",
    section: "Account Management > Groups > ADDGROUP",
    summary: "add a group account with its members",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: GROUP_COMMAND,
    confirm: GROUP_CONFIRM,
    replies: Replies::One,
    indication: Some(GROUP),
};

/// `modgroup` (Account Management > Groups > MODGROUP).
pub(crate) static MODGROUP: Command = Command {
    xmlid: "modgroup",
    section: "Account Management > Groups > MODGROUP",
    summary: "modify the group account of the given name and replace its members",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: GROUP_COMMAND,
    confirm: GROUP_CONFIRM,
    replies: Replies::One,
    indication: Some(GROUP),
};

/// `delgroup` (Account Management > Groups > DELGROUP).
pub(crate) static DELGROUP: Command = Command {
    xmlid: "delgroup",
    section: "Account Management > Groups > DELGROUP",
    summary: "delete the group account of the given name",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[SESSIONID, GROUPNAME],
    confirm: &[RESULT, GROUP_DESCRIPTION, GROUPID, GROUPNAME, MEMBER_COUNT],
    replies: Replies::One,
    indication: Some(&[GROUPID, GROUPNAME, GROUP_DESCRIPTION, MEMBER_COUNT]),
};

/// The system's GUID for an endpoint.
const SOURCEID: FieldSpec = required("SOURCEID", ValueType::Guid, "the endpoint's GUID");

/// An endpoint's name, which identifies it in commands.
const SOURCENAME: FieldSpec = required(
    "SOURCENAME",
    TEXT,
    "the endpoint's name, unique on the device",
);

/// An endpoint's address.
const SOURCEIP: FieldSpec = required(
    "SOURCEIP",
    ValueType::Ipv4,
    "the endpoint's IP address, which cannot be blank",
);

/// An endpoint's options.
const FLAG: FieldSpec = required(
    "FLAG",
    flag!("no options", "immediate recording"),
    "the endpoint's options",
);

/// An endpoint's E.164 number.
const E164: FieldSpec = required("E164", TEXT, "the endpoint's E.164 number, possibly blank");

/// An endpoint's H.323 alias.
const H323: FieldSpec = required("H323", TEXT, "the endpoint's H.323 alias, possibly blank");

/// A reserved endpoint field.
const TITLE: FieldSpec = required("TITLE", TEXT, "reserved for future use; blank in examples");

/// The parameters of ADDENDPOINT and MODENDPOINT.
const ENDPOINT_COMMAND: &[FieldSpec] = &[SESSIONID, SOURCENAME, SOURCEIP, E164, H323, FLAG];

/// An endpoint account, as the indications of ADDENDPOINT and DELENDPOINT
/// carry it.
const ENDPOINT: &[FieldSpec] = &[SOURCEID, SOURCENAME, SOURCEIP, FLAG, E164, H323, TITLE];

/// An endpoint account, as every endpoint confirm carries it.
const ENDPOINT_CONFIRM: &[FieldSpec] = &[
    RESULT,
    DESCRIPTION,
    SOURCEID,
    SOURCENAME,
    SOURCEIP,
    FLAG,
    E164,
    H323,
    TITLE,
];

/// The system's GUID for a user.
const USERID: FieldSpec = required(
    "USERID",
    ValueType::Guid,
    "the user's GUID, generated by the device",
);

/// A user's account name, which identifies it in commands.
const USERNAME: FieldSpec = required("USERNAME", TEXT, "the account name, unique on the device");

/// A user's full name.
const FULLNAME: FieldSpec = required("FULLNAME", TEXT, "the user's full name, possibly blank");

/// A user's e-mail address.
const EMAIL: FieldSpec = required("EMAIL", TEXT, "the user's e-mail address, possibly blank");

/// A user's password.
const PASSWORD: FieldSpec = required("PASSWORD", TEXT, "the user's password, possibly blank");

/// A user's privilege.
const PRIVILEGE: FieldSpec = required(
    "PRIVILEGE",
    ValueType::Enumeration(&[("0", "Administrator level"), ("1", "Ordinary level")]),
    "the user's privilege",
);

/// A reserved user field, under the table's spelling.
const OPIONS: FieldSpec = required(
    "OPIONS",
    TEXT,
    "reserved for future use; so spelled by the tables, while every example spells OPTIONS \
     (see ACCOUNTS_ALIASES)",
);

/// The parameters of ADDDEVUSER and MODDEVUSER.
const USER_COMMAND: &[FieldSpec] = &[SESSIONID, USERNAME, FULLNAME, EMAIL, PASSWORD, PRIVILEGE];

/// A user account, as the indications of ADDDEVUSER and MODDEVUSER carry it.
const USER: &[FieldSpec] = &[
    USERID, USERNAME, FULLNAME, EMAIL, PASSWORD, PRIVILEGE, OPIONS,
];

/// A user account, as the user confirms carry it.
const USER_CONFIRM: &[FieldSpec] = &[
    RESULT,
    DESCRIPTION,
    USERID,
    USERNAME,
    FULLNAME,
    EMAIL,
    PASSWORD,
    PRIVILEGE,
    OPIONS,
];

/// The system's GUID for a group.
const GROUPID: FieldSpec = required(
    "GROUPID",
    ValueType::Guid,
    "the group's GUID, generated by the device",
);

/// A group's name, which identifies it in commands.
const GROUPNAME: FieldSpec = required("GROUPNAME", TEXT, "the group's name, unique on the device");

/// A group's description, which shares its name with the outcome message.
const GROUP_DESCRIPTION: FieldSpec = optional(
    "DESCRIPTION",
    TEXT,
    "the group's descriptive text; the group tables also list DESCRIPTION as the failure \
     message, and one field serves both",
);

/// How many members a group has.
const MEMBER_COUNT: FieldSpec = required(
    "MEMBER_COUNT",
    COUNT,
    "how many users and endpoints the group holds",
);

/// One member of a group, by GUID only.
const MEMBER: FieldSpec = repeatable(
    "MEMBER",
    ValueType::Guid,
    "the GUID of one member, a user or an endpoint",
);

/// One user member, with its name.
const MEMBER_USER: FieldSpec = repeatable(
    "MEMBER_USER",
    ValueType::Guid,
    "the GUID of one user member, its name in the name attribute",
)
.named();

/// One user outside the group, with its name.
const NOTIN_USER: FieldSpec = repeatable(
    "NOTIN_USER",
    ValueType::Guid,
    "the GUID of one user not in the group, its name in the name attribute",
)
.named()
.web_ui();

/// One endpoint member, with its name.
const MEMBER_EP: FieldSpec = repeatable(
    "MEMBER_EP",
    ValueType::Guid,
    "the GUID of one endpoint member, its name in the name attribute",
)
.named();

/// One endpoint outside the group, with its name.
const NOTIN_EP: FieldSpec = repeatable(
    "NOTIN_EP",
    ValueType::Guid,
    "the GUID of one endpoint not in the group, its name in the name attribute",
)
.named()
.web_ui();

/// The parameters of ADDGROUP and MODGROUP.
const GROUP_COMMAND: &[FieldSpec] = &[SESSIONID, GROUPNAME, GROUP_DESCRIPTION, MEMBER];

/// A group account with its members, as the indications of ADDGROUP and
/// MODGROUP carry it.
const GROUP: &[FieldSpec] = &[
    GROUPID,
    GROUPNAME,
    GROUP_DESCRIPTION,
    MEMBER_COUNT,
    MEMBER,
    MEMBER_USER,
    NOTIN_USER,
    MEMBER_EP,
    NOTIN_EP,
];

/// A group account, as the group confirms carry it; the member fields
/// appear only when a single group is detailed.
const GROUP_CONFIRM: &[FieldSpec] = &[
    RESULT,
    GROUPID,
    GROUPNAME,
    GROUP_DESCRIPTION,
    MEMBER_COUNT,
    MEMBER,
    MEMBER_USER,
    NOTIN_USER,
    MEMBER_EP,
    NOTIN_EP,
];
