//! The command catalog: every command the spec documents, as data.
//!
//! Each [`Command`] names its spec section (the title path of the spec's
//! layout, such as `System Settings / IP Settings / SETIP`), the fields of
//! its `COMMAND`, of its `CONFIRM` and of its `INDICATION` where the spec
//! shows one, and for each field whether it must appear, may appear or may
//! repeat, and which values it may take.
//!
//! The tables live in one file per chapter of the spec so that a reader can
//! hold a table beside its pages and correct it.

mod accounts;
mod common;
mod login;
mod system;
mod types;

pub use accounts::ACCOUNTS_ALIASES;
pub use types::{Command, Direction, FieldSpec, Presence, Replies, Status, ValueType};

/// Every command of the spec, in the order the spec documents them.
pub static COMMANDS: &[&Command] = &[
    // Login/Logout, System Information, System Configuration, Account Management.
    &login::LOGIN,
    &login::LOGOUT,
    &system::GETDEVINFO,
    &system::REFRESHSTATUS,
    &system::GETIP,
    &system::SETIP,
    &system::GETGK,
    &system::SETGK,
    &system::GETLANG,
    &system::SETLANG,
    &system::GETIVR,
    &system::SETIVR,
    &system::GETSTORAGE,
    &system::SETSTORAGE,
    &system::SHUTDOWN,
    &accounts::GETENDPOINT,
    &accounts::ADDENDPOINT,
    &accounts::MODENDPOINT,
    &accounts::DELENDPOINT,
    &accounts::GETDEVUSER,
    &accounts::ADDDEVUSER,
    &accounts::MODDEVUSER,
    &accounts::DELDEVUSER,
    &accounts::GETGROUP,
    &accounts::GETMEMBER,
    &accounts::ADDGROUP,
    &accounts::MODGROUP,
    &accounts::DELGROUP,
];

/// The command whose `xmlid` is `xmlid`, compared without regard to case as
/// the spec's own examples spell some in mixed case.
pub fn lookup(xmlid: &str) -> Option<&'static Command> {
    COMMANDS
        .iter()
        .copied()
        .find(|command| command.xmlid.eq_ignore_ascii_case(xmlid))
}
