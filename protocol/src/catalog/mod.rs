//! The command catalog: every command the spec documents, as data.
//!
//! Each [`Command`] names its spec section (the title path of the spec's
//! layout, such as `System Configuration > IP Settings > SETIP`), the fields of
//! its `COMMAND`, of its `CONFIRM` and of its `INDICATION` where the spec
//! shows one, and for each field whether it must appear, may appear or may
//! repeat, and which values it may take.
//!
//! The tables live in one file per chapter of the spec so that a reader can
//! hold a table beside its pages and correct it.

mod accounts;
mod archives;
mod common;
mod connections;
mod dialout;
mod fields;
mod information;
mod login;
mod recording;
mod room;
mod system;
mod types;
mod version2;
mod version2_host;
mod version2_media;

pub use types::{Command, Direction, FieldSpec, Presence, Replies, Status, ValueType};

/// Every command of the spec, in the order the spec documents them.
pub static COMMANDS: &[&Command] = &[
    // Login/Logout, System Information, System Configuration, Account Management.
    &login::LOGIN,
    &login::LOGOUT,
    &information::GETDEVINFO,
    &information::REFRESHSTATUS,
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
    // Recording Settings, Dial out and Record, Archives / Live Streaming,
    // H.323 Connections, New in version 2.0: spec lines 3292 to the end.
    &recording::GETSP,
    &recording::SETSP,
    &recording::GETROOM,
    &recording::MODROOM,
    &recording::ADDROOM,
    &recording::DELROOM,
    &recording::GETALLGROUP,
    &dialout::STARTQUICKRECORD,
    &archives::GETLISTINFO,
    &archives::GETMEDIAINFO,
    &archives::DELMEDIAINFO,
    &archives::SETMEDIAINFO,
    &connections::GETEPLINK,
    &connections::STARTROOMRECORD,
    &connections::PAUSEROOMRECORD,
    &connections::CONTINUEROOMRECORD,
    &connections::STOPROOMRECORD,
    &connections::HANGUP,
    &version2::GETCFSINFO,
    &version2::SETCFSKEY,
    &version2::GETLDAP,
    &version2::SETLDAP,
    &version2::GETMULTICAST,
    &version2::SETMULTICAST,
    &version2_host::GETLOGGING,
    &version2_host::SETLOGGING,
    &version2_host::GETOS,
    &version2_host::SETOS,
    &version2_host::GETSTACKING,
    &version2_host::SETSTACKING,
    &version2_media::GETBANNER,
    &version2_media::SETBANNER,
    &version2_media::GETUILOGO,
    &version2_media::SETUILOGO,
    &version2_media::GETVIDEOLOGO,
    &version2_media::SETVIDEOLOGO,
    &version2_media::CALLANDPLAY,
    &version2_media::STARTFILEMULTICAST,
    &version2_media::STOPFILEMULTICAST,
];

/// A field name an example of the spec spells otherwise than its table:
/// `(xmlid, direction, the example's spelling, the table's name)`.
pub type FieldAlias = (&'static str, Direction, &'static str, &'static str);

/// Every alias the spec's examples use, chapter by chapter; validation
/// accepts each with a `field-alias` warning.
pub static ALIASES: &[&[FieldAlias]] = &[
    accounts::ACCOUNTS_ALIASES,
    recording::RECORDING_ALIASES,
    dialout::DIALOUT_ALIASES,
    archives::ARCHIVES_ALIASES,
    version2::VERSION2_ALIASES,
];

/// The command whose `xmlid` is `xmlid`, compared without regard to case as
/// the spec's own examples spell some in mixed case.
pub fn lookup(xmlid: &str) -> Option<&'static Command> {
    COMMANDS
        .iter()
        .copied()
        .find(|command| command.xmlid.eq_ignore_ascii_case(xmlid))
}
