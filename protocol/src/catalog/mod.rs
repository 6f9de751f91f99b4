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

mod archives;
mod common;
mod connections;
mod dialout;
mod fields;
mod recording;
mod room;
mod types;
mod version2;
mod version2_media;

pub use archives::ARCHIVES_ALIASES;
pub use dialout::DIALOUT_ALIASES;
pub use recording::RECORDING_ALIASES;
pub use types::{Command, Direction, FieldSpec, Presence, Replies, Status, ValueType};
pub use version2::VERSION2_ALIASES;

/// Every command of the spec, in the order the spec documents them.
pub static COMMANDS: &[&Command] = &[
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
    &version2::GETLOGGING,
    &version2::SETLOGGING,
    &version2::GETOS,
    &version2::SETOS,
    &version2::GETSTACKING,
    &version2::SETSTACKING,
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

/// The command whose `xmlid` is `xmlid`, compared without regard to case as
/// the spec's own examples spell some in mixed case.
pub fn lookup(xmlid: &str) -> Option<&'static Command> {
    COMMANDS
        .iter()
        .copied()
        .find(|command| command.xmlid.eq_ignore_ascii_case(xmlid))
}
