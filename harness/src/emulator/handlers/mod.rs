//! The commands of the spec, one file per chapter, and the table that maps
//! each xmlid to its handler and says whether it changes accounts or system
//! settings (and so needs an administrator).

use std::cell::Cell;

use dvcr_protocol::Message;
use dvcr_protocol::validate::Catalog;

use super::faults::FaultSet;
use super::ids::IdSource;
use super::reply;
use super::request::{Refusal, Request};
use super::state::State;

pub mod accounts;
pub mod archives;
pub mod connections;
pub mod groups;
pub mod login;
pub mod recording;
pub mod system;
pub mod version2;

/// What a handler may read and change.
pub struct Ctx<'d> {
    /// The device state.
    pub state: &'d mut State,
    /// The GUID generator.
    pub ids: &'d mut IdSource,
    /// The time of the request, in ms since the epoch.
    pub now_ms: u64,
    /// The faults the device runs with.
    pub faults: &'d FaultSet,
    /// The canonical xmlid of the command.
    pub xmlid: &'d str,
    /// The allocations of the last confirm, which the next one reuses; a
    /// `Cell`, so that a handler may take them while it reads the state,
    /// holding `None` once taken.
    pub spare: &'d Cell<Option<Message<'static>>>,
}

impl<'d> Ctx<'d> {
    /// The confirm of this command, saying `RESULT 0`, built in the
    /// allocations of the last one.
    pub fn confirm(&self) -> Message<'d> {
        reply::confirm_in(self.spare.take().unwrap_or_default(), self.xmlid)
    }

    /// The confirm of this command, saying `RESULT 0` and `DESCRIPTION
    /// Succeeded`, built in the allocations of the last one.
    pub fn succeeded(&self) -> Message<'d> {
        let mut message = self.confirm();
        message.push_value("DESCRIPTION", "Succeeded");
        message
    }
}

/// What the device must do beyond replying, once a command succeeded.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub enum Action {
    /// Nothing more.
    #[default]
    None,
    /// End the sender's session (`LOGOUT`).
    Logout,
    /// End every session of this user (`DELDEVUSER`).
    EndSessionsOf(String),
    /// End every session and close every connection; stop the server too
    /// when `power_off` (`SHUTDOWN`).
    Shutdown {
        /// `POWEROFF=1`.
        power_off: bool,
    },
}

/// A successful command's confirm, indication and follow-up. Its messages
/// may borrow from the device state (`'s`): the device sends them on
/// before it changes the state again.
#[derive(Clone, Debug)]
pub struct Effect<'s> {
    /// The `CONFIRM` message for the sender.
    pub confirm: Message<'s>,
    /// The `INDICATION` for other sessions, when the spec shows one.
    pub indication: Option<Message<'s>>,
    /// What else must happen.
    pub action: Action,
}

impl<'s> Effect<'s> {
    /// A confirm alone.
    pub fn reply(confirm: Message<'s>) -> Self {
        Effect {
            confirm,
            indication: None,
            action: Action::None,
        }
    }

    /// A confirm and the indication of the change.
    pub fn change(confirm: Message<'s>, indication: Message<'s>) -> Self {
        Effect {
            confirm,
            indication: Some(indication),
            action: Action::None,
        }
    }
}

/// A handler's answer, which may borrow from the state it was given (`'s`).
pub type Handled<'s> = Result<Effect<'s>, Refusal>;

/// A command handler: its reply may borrow from the context it is lent.
pub type Handler = for<'c> fn(&'c mut Ctx<'_>, &Request<'_, '_>) -> Handled<'c>;

/// One command of the table.
#[derive(Debug)]
pub struct Entry {
    /// The canonical xmlid.
    pub xmlid: &'static str,
    /// Whether it changes accounts or system settings.
    pub admin_only: bool,
    /// Its handler; `LOGIN` has none here, the device handles it.
    pub handler: Option<Handler>,
}

const fn read(xmlid: &'static str, handler: Handler) -> Entry {
    Entry {
        xmlid,
        admin_only: false,
        handler: Some(handler),
    }
}

const fn admin(xmlid: &'static str, handler: Handler) -> Entry {
    Entry {
        xmlid,
        admin_only: true,
        handler: Some(handler),
    }
}

/// Every command of the spec, in its order. Recording control, archives and
/// dial-outs are open to ordinary users; account and settings changes are
/// not.
pub static TABLE: &[Entry] = &[
    Entry {
        xmlid: "login",
        admin_only: false,
        handler: None,
    },
    read("logout", login::logout),
    read("getdevinfo", system::getdevinfo),
    read("refreshstatus", system::refreshstatus),
    read("getip", system::get_block),
    admin("setip", system::set_block),
    read("getgk", system::get_block),
    admin("setgk", system::set_block),
    read("getlang", system::get_block),
    admin("setlang", system::set_block),
    read("getivr", system::getivr),
    admin("setivr", system::setivr),
    read("getstorage", system::get_block),
    admin("setstorage", system::set_block),
    admin("shutdown", system::shutdown),
    read("getendpoint", accounts::getendpoint),
    admin("addendpoint", accounts::addendpoint),
    admin("modendpoint", accounts::modendpoint),
    admin("delendpoint", accounts::delendpoint),
    read("getdevuser", accounts::getdevuser),
    admin("adddevuser", accounts::adddevuser),
    admin("moddevuser", accounts::moddevuser),
    admin("deldevuser", accounts::deldevuser),
    read("getgroup", groups::getgroup),
    read("getmember", groups::getmember),
    admin("addgroup", groups::addgroup),
    admin("modgroup", groups::modgroup),
    admin("delgroup", groups::delgroup),
    read("getsp", recording::getsp),
    admin("setsp", recording::setsp),
    read("getroom", recording::getroom),
    admin("modroom", recording::modroom),
    admin("addroom", recording::addroom),
    admin("delroom", recording::delroom),
    read("getallgroup", groups::getallgroup),
    read("startquickrecord", connections::startquickrecord),
    read("getlistinfo", archives::getlistinfo),
    read("getmediainfo", archives::getmediainfo),
    read("delmediainfo", archives::delmediainfo),
    read("setmediainfo", archives::setmediainfo),
    read("geteplink", connections::geteplink),
    read("startroomrecord", connections::startroomrecord),
    read("pauseroomrecord", connections::pauseroomrecord),
    read("continueroomrecord", connections::continueroomrecord),
    read("stoproomrecord", connections::stoproomrecord),
    read("hangup", connections::hangup),
    read("getcfsinfo", version2::getcfsinfo),
    admin("setcfskey", version2::setcfskey),
    read("getldap", system::get_block),
    admin("setldap", system::set_block),
    read("getmulticast", system::get_block),
    admin("setmulticast", system::set_block),
    read("getlogging", system::get_block),
    admin("setlogging", system::set_block),
    read("getos", system::get_block),
    admin("setos", system::set_block),
    read("getstacking", system::get_block),
    admin("setstacking", system::set_block),
    read("getbanner", version2::getbanner),
    admin("setbanner", version2::setbanner),
    read("getuilogo", version2::not_implemented),
    admin("setuilogo", version2::setlogo),
    read("getvideologo", version2::not_implemented),
    admin("setvideologo", version2::setlogo),
    read("callandplay", version2::callandplay),
    read("startfilemulticast", version2::startfilemulticast),
    read("stopfilemulticast", version2::stopfilemulticast),
];

/// The table entry of the command a record names with `xmlid`, as it came.
///
/// The command is found by the catalog's own lookup, the one the catalog
/// check judges the record with: case is ignored (the spec's examples
/// write `CallAndPlay`) and nothing is trimmed, since the decoder already
/// trims the spaces written around an xmlid and keeps only those written
/// as references (`&#32;setlang`), which name no command. So the device
/// finds a handler only for a command its catalog check has judged.
pub fn lookup(xmlid: &str) -> Option<&'static Entry> {
    let (command, _) = Catalog::builtin().lookup(xmlid)?;
    TABLE.iter().find(|entry| entry.xmlid == command.xmlid)
}
