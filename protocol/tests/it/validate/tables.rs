//! A small local catalog, so these tests do not depend on the spec's tables.

use dvcr_protocol::catalog::{Command, Direction, FieldSpec, Presence, Replies, Status, ValueType};
use dvcr_protocol::validate::{self, Catalog, FieldAlias, Finding, Flow};
use dvcr_protocol::{Kind, Message};

/// A GUID in the spec's 8-4-4-16 form.
pub(crate) const GUID: &str = "7e76c583-2215-4c89-9a1af7a6c4ed8f11";

const fn field(name: &'static str, presence: Presence, value: ValueType) -> FieldSpec {
    FieldSpec {
        name,
        presence,
        value,
        name_attribute: false,
        web_ui_only: false,
        blank_when_unset: false,
        doc: "",
    }
}

const TEXT: ValueType = ValueType::Text { max_chars: None };
const BINARY: ValueType = ValueType::Enumeration(&[("0", "no"), ("1", "yes")]);
const SESSIONID: FieldSpec = field("SESSIONID", Presence::Required, ValueType::Guid);
const RESULT: FieldSpec = field("RESULT", Presence::Required, BINARY);
const DESCRIPTION: FieldSpec = field("DESCRIPTION", Presence::Optional, TEXT);

static LOGIN: Command = Command {
    xmlid: "login",
    section: "Login/Logout > Login",
    summary: "log in",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[
        field("USERNAME", Presence::Required, TEXT),
        field("PASSWORD", Presence::Required, TEXT),
        field("LANG", Presence::Optional, BINARY),
    ],
    confirm: &[
        RESULT,
        field("PRIVILEGE", Presence::Required, BINARY),
        DESCRIPTION,
        SESSIONID,
    ],
    replies: Replies::One,
    indication: None,
};

static ADDGROUP: Command = Command {
    xmlid: "addgroup",
    section: "Account Management > Groups > ADDGROUP",
    summary: "add a group",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: true,
    command: &[
        SESSIONID,
        field(
            "NAME",
            Presence::Required,
            ValueType::Text { max_chars: Some(8) },
        ),
        FieldSpec {
            name_attribute: true,
            ..field("MEMBER_USER", Presence::Repeatable, TEXT)
        },
        field(
            "PORT",
            Presence::Optional,
            ValueType::Integer { min: 1, max: 65535 },
        ),
        field("ADDR", Presence::Optional, ValueType::Ipv4),
        field("HOST", Presence::Optional, ValueType::Host),
        field("QUICKCODE", Presence::Optional, ValueType::Digits(6)),
        field("START", Presence::Optional, ValueType::DateTime),
        field("LENGTH", Presence::Optional, ValueType::Duration),
        field("LDAP_PASSWORD", Presence::Optional, TEXT),
        FieldSpec {
            web_ui_only: true,
            ..field("SKIN", Presence::Optional, TEXT)
        },
    ],
    confirm: &[RESULT, DESCRIPTION],
    replies: Replies::One,
    indication: Some(&[field("NAME", Presence::Required, TEXT)]),
};

static GETUSER: Command = Command {
    xmlid: "getuser",
    section: "Account Management > Users > GETUSER",
    summary: "list users",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: &[RESULT, field("NAME", Presence::Required, TEXT)],
    replies: Replies::PerItem,
    indication: None,
};

static GETSKIN: Command = Command {
    xmlid: "getskin",
    section: "Web UI > GETSKIN",
    summary: "the Web UI's skin",
    status: Status::NotImplemented,
    web_ui_only: true,
    changes_state: false,
    command: &[SESSIONID],
    confirm: &[RESULT],
    replies: Replies::One,
    indication: None,
};

static GETSERVER: Command = Command {
    xmlid: "getserver",
    section: "Settings > GETSERVER",
    summary: "the outside servers the device uses",
    status: Status::Implemented,
    web_ui_only: false,
    changes_state: false,
    command: &[SESSIONID],
    confirm: &[
        RESULT,
        FieldSpec {
            blank_when_unset: true,
            ..field("SERVER", Presence::Required, ValueType::Host)
        },
        field("GATEWAY", Presence::Required, ValueType::Ipv4),
    ],
    replies: Replies::One,
    indication: None,
};

static ALIASES: &[FieldAlias] = &[("addgroup", Direction::Command, "LDAP_PWD", "LDAP_PASSWORD")];

static COMMANDS: &[&Command] = &[&LOGIN, &ADDGROUP, &GETUSER, &GETSKIN, &GETSERVER];

static CATALOG: Catalog<'static> = Catalog::new(COMMANDS, &[ALIASES]);

/// The findings of `message` against the local catalog.
pub(crate) fn check(message: &Message<'_>, flow: Flow) -> Vec<Finding> {
    validate::validate_with(message, flow, &CATALOG)
}

/// The rule ids of the findings of `message`, in order.
pub(crate) fn ids(message: &Message<'_>, flow: Flow) -> Vec<&'static str> {
    check(message, flow)
        .iter()
        .map(|finding| finding.rule.id())
        .collect()
}

/// A login command with nothing wrong.
pub(crate) fn login() -> Message<'static> {
    let mut message = Message::single(Kind::Command, "login");
    message
        .push_value("USERNAME", "x")
        .push_value("PASSWORD", "");
    message
}

/// An addgroup command with nothing wrong, to which a test adds one field.
pub(crate) fn addgroup() -> Message<'static> {
    let mut message = Message::single(Kind::Command, "addgroup");
    message
        .push_value("SESSIONID", GUID)
        .push_value("NAME", "staff");
    message
}

/// A confirm of `xmlid` with RESULT 0 and nothing else.
pub(crate) fn confirm(xmlid: &'static str) -> Message<'static> {
    let mut message = Message::single(Kind::Confirm, xmlid);
    message.push_value("RESULT", "0");
    message
}
