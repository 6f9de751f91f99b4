//! The emulated RSS 2000: it takes one decoded request from one connection
//! and answers with an [`Outcome`] (spec, "General Information", items 3
//! and 6). It is synchronous and deterministic: time comes from an injected
//! [`Clock`], ids from a seedable generator, so that a server, a fuzzer or
//! a test can drive it in-process.

use std::cell::Cell;
use std::collections::BTreeSet;

use dvcr_protocol::{Kind, Message, Record};
use tracing::{debug, info};

use super::admission::Admission;
use super::clock::Clock;
use super::faults::{Fault, FaultSet};
use super::handlers::{self, Action, Ctx, Effect, login};
use super::ids::IdSource;
use super::outcome::{ConnectionId, Delivery, Outcome, Replies};
use super::reply;
use super::request::{Refusal, Request, canonical_xmlid_ref, trim};
use super::session::{DEFAULT_IDLE_TIMEOUT_MS, Session, Sessions};
use super::shape::Shaper;
use super::state::State;

/// The `SOURCENAME` length past which `hang-on-long-sourcename` hangs.
pub const HANG_SOURCENAME_LEN: usize = 256;

/// Who may change accounts and system settings.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum PrivilegePolicy {
    /// Ordinary users (`PRIVILEGE 1`) may read but not change accounts or
    /// system settings.
    #[default]
    AdminChanges,
    /// Every logged-in user may do everything.
    Open,
}

/// How a device is started.
#[derive(Clone, Debug)]
pub struct DeviceConfig {
    /// Makes every generated id reproducible; `None` seeds from the OS.
    pub seed: Option<u64>,
    /// How long a session may stay idle, in ms (30 minutes by default).
    pub idle_timeout_ms: u64,
    /// Who may change accounts and settings.
    pub privilege: PrivilegePolicy,
    /// Deliberate deviations from the spec.
    pub faults: FaultSet,
}

impl Default for DeviceConfig {
    fn default() -> Self {
        DeviceConfig {
            seed: None,
            idle_timeout_ms: DEFAULT_IDLE_TIMEOUT_MS,
            privilege: PrivilegePolicy::default(),
            faults: FaultSet::none(),
        }
    }
}

/// The session a command came in, as far as the device needs it once
/// checked: borrowed from the request, so that checking copies nothing.
#[derive(Clone, Copy, Debug)]
struct Caller<'r> {
    /// The session id, as the session check found it (trimmed).
    id: &'r str,
    /// Its `PRIVILEGE`: 0 administrator.
    privilege: u8,
}

/// Where the replies and the rest of one request's outcome go.
struct Out<'o> {
    outcome: &'o mut Outcome,
    replies: &'o mut dyn Replies,
}

/// The emulated device.
pub struct Device {
    state: State,
    sessions: Sessions,
    ids: IdSource,
    clock: Box<dyn Clock>,
    config: DeviceConfig,
    connections: BTreeSet<ConnectionId>,
    shaper: Shaper,
    /// The allocations of the last confirm, for the next.
    spare: Cell<Option<Message<'static>>>,
}

impl Device {
    /// A device holding `state`, reading time from `clock`.
    pub fn new(state: State, config: DeviceConfig, clock: Box<dyn Clock>) -> Self {
        let timeout =
            (!config.faults.contains(Fault::SessionNeverExpires)).then_some(config.idle_timeout_ms);
        let ids = config.seed.map_or_else(IdSource::from_os, IdSource::seeded);
        Device {
            state,
            sessions: Sessions::new(timeout),
            ids,
            clock,
            shaper: Shaper::new(&config.faults),
            spare: Cell::default(),
            config,
            connections: BTreeSet::new(),
        }
    }

    /// The faults the device runs with; the server applies the wire ones.
    pub fn faults(&self) -> &FaultSet {
        &self.config.faults
    }

    /// The seed of its ids, `None` when they come from the OS.
    pub fn seed(&self) -> Option<u64> {
        self.config.seed
    }

    /// The current state, to inspect or to save.
    pub fn state(&self) -> &State {
        &self.state
    }

    /// The live sessions.
    pub fn sessions(&self) -> impl Iterator<Item = &Session> {
        self.sessions.live()
    }

    /// Tells the device that `connection` closed: its sessions stay until
    /// they expire but receive no more indications.
    pub fn disconnect(&mut self, connection: ConnectionId) {
        self.connections.remove(&connection);
        self.sessions.detach(connection);
    }

    /// Answers every record of `request`, sent on `connection`; the
    /// outcome holds owned copies of the replies.
    pub fn handle(&mut self, connection: ConnectionId, request: &Message<'_>) -> Outcome {
        let mut replies = Vec::new();
        let mut outcome = self.handle_with(connection, request, &mut replies);
        outcome.replies = replies;
        outcome
    }

    /// [`Device::handle`] handing each reply to `replies` as soon as it is
    /// made, while it may still borrow from the state, so that a server
    /// encodes it without copying it; the outcome's `replies` stay empty.
    pub fn handle_with(
        &mut self,
        connection: ConnectionId,
        request: &Message<'_>,
        replies: &mut dyn Replies,
    ) -> Outcome {
        self.connections.insert(connection);
        let mut outcome = Outcome::default();
        if request.record_count() == 0 {
            replies.reply(&reply::failure("", "the message holds no COMMAND record"));
            return outcome;
        }

        let admission = Admission::judge(request);
        let mut out = Out {
            outcome: &mut outcome,
            replies,
        };
        for record in request.records() {
            self.handle_record(connection, record, &admission, &mut out);
            if out.outcome.hang || !out.outcome.close.is_empty() {
                break;
            }
        }
        outcome
    }

    fn handle_record(
        &mut self,
        connection: ConnectionId,
        record: Record<'_, '_>,
        admission: &Admission,
        out: &mut Out<'_>,
    ) {
        let named = record.xmlid();
        debug!(connection = connection.0, xmlid = named, "command received");
        if record.kind() != Kind::Command {
            let description = format!("expected a COMMAND record, got {}", record.kind());
            return self.refuse_unread(out, named, &description);
        }

        if self.is_hang_input(record) {
            out.outcome.hang = true;
            return;
        }

        self.panic_on_bad_index(record);
        let Some(entry) = handlers::lookup(named) else {
            let description = format!("unknown command {named:?}");
            return self.refuse_unread(out, named, &description);
        };

        let xmlid = entry.xmlid;
        let request = Request::new(record);
        let refusal = admission.refusal(record.index(), xmlid, &self.config.faults);
        let Some(handler) = entry.handler else {
            if let Some(description) = refusal {
                return self.send(out, &reply::failure(xmlid, &description), xmlid);
            }

            return self.login(connection, &request, out);
        };

        let now_ms = self.clock.now_ms();
        let session_id = request.value("SESSIONID");
        let session = match self.sessions.check(session_id, connection, now_ms) {
            Ok(privilege) => Some(Caller {
                id: session_id.map_or("", trim),
                privilege,
            }),
            Err(_) if self.config.faults.contains(Fault::NoSessionCheck) => None,
            Err(error) => {
                return self.send(out, &reply::failure(xmlid, error.description()), xmlid);
            }
        };

        let ordinary = session.is_some_and(|session| session.privilege != 0);
        if entry.admin_only && ordinary && self.config.privilege == PrivilegePolicy::AdminChanges {
            let description = "an ordinary user may not change accounts or system settings";
            return self.send(out, &reply::failure(xmlid, description), xmlid);
        }

        if let Some(description) = refusal {
            debug!(%xmlid, %description, "command refused by the catalog check");
            return self.send(out, &reply::failure(xmlid, &description), xmlid);
        }

        let mut ctx = Ctx {
            state: &mut self.state,
            ids: &mut self.ids,
            now_ms,
            faults: &self.config.faults,
            xmlid,
            spare: &self.spare,
        };
        let Effect {
            confirm,
            indication,
            action,
        } = match handler(&mut ctx, &request) {
            Ok(effect) => effect,
            Err(Refusal(description)) => {
                return self.send(out, &reply::failure(xmlid, &description), xmlid);
            }
        };

        // The confirm may borrow from the state: it goes out before the
        // state is touched again, and the indication is copied.
        self.shaper.send(out.replies, &confirm, xmlid);
        self.spare.set(Some(confirm.recycle()));
        let indication = indication.map(Message::into_owned);
        self.follow_up(connection, session, indication, action, out);
    }

    fn login(&mut self, connection: ConnectionId, request: &Request<'_, '_>, out: &mut Out<'_>) {
        let grant = match login::login(&self.state, request) {
            Ok(grant) => grant,
            Err(Refusal(description)) => {
                return self.send(out, &reply::failure("login", &description), "login");
            }
        };

        let id = if self.config.faults.contains(Fault::PredictableSessionIds) {
            self.ids.sequential_guid()
        } else {
            self.ids.guid()
        };
        debug!(user = %grant.user, connection = connection.0, "session opened");
        self.sessions.open(Session {
            id: id.clone(),
            user: grant.user.clone(),
            privilege: grant.privilege,
            wants_indications: grant.wants_indications,
            connection: Some(connection),
            last_seen_ms: self.clock.now_ms(),
        });
        self.send(out, &login::confirm(&grant, &id), "login");
        if self.config.faults.contains(Fault::DropAfterLogin) {
            out.outcome.close.push(connection);
        }
    }

    /// Routes the indication of a command that succeeded and does what
    /// else it calls for.
    fn follow_up(
        &mut self,
        connection: ConnectionId,
        session: Option<Caller<'_>>,
        indication: Option<Message<'static>>,
        action: Action,
        out: &mut Out<'_>,
    ) {
        if let Some(indication) = indication {
            self.route(connection, indication, out);
        }

        match action {
            Action::None => {}
            Action::Logout => {
                if let Some(session) = session {
                    self.sessions
                        .end(session.id, super::session::SessionError::LoggedOut);
                }
            }
            Action::EndSessionsOf(user) => self.sessions.end_user(&user),
            Action::Shutdown { power_off } => {
                info!(power_off, "device shutting down");
                self.sessions.end_all();
                out.outcome.close.extend(self.connections.iter().copied());
                out.outcome.stop_server = power_off;
            }
        }
    }

    /// Sends an indication to every other connection whose session asked.
    fn route(&mut self, sender: ConnectionId, indication: Message<'static>, out: &mut Out<'_>) {
        let faults = &self.config.faults;
        if faults.contains(Fault::NoIndications) {
            return;
        }

        let mut targets = self.sessions.listeners(self.clock.now_ms());
        targets.retain(|target| *target != sender);
        if faults.contains(Fault::IndicationToSender) {
            targets.insert(0, sender);
        }
        for to in targets {
            out.outcome.indications.push(Delivery {
                to,
                message: indication.clone(),
            });
        }
    }

    /// Refuses a record the device could not take as a command of its
    /// table, named `named`: the confirm echoes the name trimmed and in
    /// lower case, the form clients compare xmlids in.
    fn refuse_unread(&mut self, out: &mut Out<'_>, named: &str, description: &str) {
        let echo = canonical_xmlid_ref(named);
        self.send(out, &reply::failure(&echo, description), &echo);
    }

    /// Sends a confirm to the sender, bent by the message-shape faults.
    fn send(&mut self, out: &mut Out<'_>, message: &Message<'_>, xmlid: &str) {
        self.shaper.send(out.replies, message, xmlid);
    }

    fn is_hang_input(&self, record: Record<'_, '_>) -> bool {
        self.config.faults.contains(Fault::HangOnLongSourcename)
            && record
                .value("SOURCENAME")
                .is_some_and(|name| name.len() > HANG_SOURCENAME_LEN)
    }

    /// Crashes on purpose: unwinds without calling the panic hook, so the
    /// crash is reported once by the host (with this reason), not printed
    /// as a bug at every command that triggers it.
    fn panic_on_bad_index(&self, record: Record<'_, '_>) {
        if !self.config.faults.contains(Fault::PanicOnBadIndex) {
            return;
        }

        let index = record.value("INDEX").map(str::trim).unwrap_or("");
        if !index.is_empty() && index.parse::<i64>().is_err() {
            let reason = format!("INDEX {index:?} is not a number");
            std::panic::resume_unwind(Box::new(reason));
        }
    }
}
