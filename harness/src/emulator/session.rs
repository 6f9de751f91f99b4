//! Client sessions (spec, "General Information", item 6, and "Login/Logout"):
//! a `LOGIN` opens one and returns its id, every other command must carry a
//! live id, and a session idle for 30 minutes times out.
//!
//! Expiry is lazy: a session is found expired when it is next used or when
//! indications are routed, measured on the device's injected clock.

use std::collections::{BTreeMap, VecDeque};

use super::outcome::ConnectionId;
use super::request::trim;

/// The spec's idle timeout: 30 minutes.
pub const DEFAULT_IDLE_TIMEOUT_MS: u64 = 30 * 60 * 1000;

/// How many ended session ids are remembered, to say why one is refused.
const ENDED_MEMORY: usize = 1024;

/// One logged-in client.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    /// The `SESSIONID` handed out by `LOGIN`.
    pub id: String,
    /// The `USERNAME` that logged in.
    pub user: String,
    /// 0 administrator, 1 ordinary.
    pub privilege: u8,
    /// Whether it asked for indications (`INDICATION=1`).
    pub wants_indications: bool,
    /// The connection it last spoke on, where its indications go.
    pub connection: Option<ConnectionId>,
    /// When it was last used, in ms since the epoch.
    pub last_seen_ms: u64,
}

/// Why a command's `SESSIONID` was refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SessionError {
    /// The command carried no `SESSIONID`.
    Missing,
    /// No session ever had this id.
    Unknown,
    /// The session was ended by `LOGOUT`.
    LoggedOut,
    /// The session stayed idle past the timeout.
    Expired,
    /// The session was ended by `SHUTDOWN` or by deleting its user.
    Ended,
}

impl SessionError {
    /// The `DESCRIPTION` the device answers with.
    pub fn description(self) -> &'static str {
        match self {
            SessionError::Missing => "SESSIONID is missing",
            SessionError::Unknown => "SESSIONID is unknown",
            SessionError::LoggedOut => "session has logged out",
            SessionError::Expired => "session has timed out",
            SessionError::Ended => "session was ended by the device",
        }
    }
}

/// The live sessions, and the recently ended ones with the reason.
#[derive(Clone, Debug)]
pub struct Sessions {
    live: BTreeMap<String, Session>,
    ended: BTreeMap<String, SessionError>,
    ended_order: VecDeque<String>,
    idle_timeout_ms: Option<u64>,
}

impl Sessions {
    /// An empty table whose sessions expire after `idle_timeout_ms`, or never
    /// when it is `None`.
    pub fn new(idle_timeout_ms: Option<u64>) -> Self {
        Sessions {
            live: BTreeMap::new(),
            ended: BTreeMap::new(),
            ended_order: VecDeque::new(),
            idle_timeout_ms,
        }
    }

    /// Adds a session.
    pub fn open(&mut self, session: Session) {
        self.live.insert(session.id.clone(), session);
    }

    /// The privilege of the live session `id`, which is touched at
    /// `now_ms` and bound to `connection`; one lookup finds it, and tells
    /// whether it idled out.
    pub fn check(
        &mut self,
        id: Option<&str>,
        connection: ConnectionId,
        now_ms: u64,
    ) -> Result<u8, SessionError> {
        let Some(id) = id.map(trim).filter(|id| !id.is_empty()) else {
            return Err(SessionError::Missing);
        };

        let timeout = self.idle_timeout_ms;
        if let Some(session) = self.live.get_mut(id) {
            if !has_idled_out(session, timeout, now_ms) {
                session.last_seen_ms = now_ms;
                session.connection = Some(connection);
                return Ok(session.privilege);
            }

            self.end(id, SessionError::Expired);
        }

        Err(self.ended.get(id).copied().unwrap_or(SessionError::Unknown))
    }

    /// Ends session `id`, remembering `reason`.
    pub fn end(&mut self, id: &str, reason: SessionError) {
        if self.live.remove(id).is_none() {
            return;
        }

        self.ended.insert(id.to_owned(), reason);
        self.ended_order.push_back(id.to_owned());
        while self.ended_order.len() > ENDED_MEMORY {
            if let Some(oldest) = self.ended_order.pop_front() {
                self.ended.remove(&oldest);
            }
        }
    }

    /// Ends every session of user `name`.
    pub fn end_user(&mut self, name: &str) {
        let ids: Vec<String> = self
            .live
            .values()
            .filter(|session| session.user == name)
            .map(|session| session.id.clone())
            .collect();
        for id in ids {
            self.end(&id, SessionError::Ended);
        }
    }

    /// Ends every session.
    pub fn end_all(&mut self) {
        let ids: Vec<String> = self.live.keys().cloned().collect();
        for id in ids {
            self.end(&id, SessionError::Ended);
        }
    }

    /// Unbinds the sessions of a closed connection; they live on until they
    /// expire but receive no indication.
    pub fn detach(&mut self, connection: ConnectionId) {
        for session in self.live.values_mut() {
            if session.connection == Some(connection) {
                session.connection = None;
            }
        }
    }

    /// The connections of live sessions that asked for indications, each
    /// once, in order.
    pub fn listeners(&mut self, now_ms: u64) -> Vec<ConnectionId> {
        let expired: Vec<String> = self
            .live
            .keys()
            .filter(|id| self.is_expired(id, now_ms))
            .cloned()
            .collect();
        for id in expired {
            self.end(&id, SessionError::Expired);
        }

        let mut connections: Vec<ConnectionId> = self
            .live
            .values()
            .filter(|session| session.wants_indications)
            .filter_map(|session| session.connection)
            .collect();
        connections.sort();
        connections.dedup();
        connections
    }

    /// The live sessions, by id.
    pub fn live(&self) -> impl Iterator<Item = &Session> {
        self.live.values()
    }

    fn is_expired(&self, id: &str, now_ms: u64) -> bool {
        self.live
            .get(id)
            .is_some_and(|session| has_idled_out(session, self.idle_timeout_ms, now_ms))
    }
}

/// Whether `session` has been idle for `timeout` ms or longer at `now_ms`;
/// never without a timeout.
fn has_idled_out(session: &Session, timeout: Option<u64>, now_ms: u64) -> bool {
    timeout.is_some_and(|timeout| now_ms.saturating_sub(session.last_seen_ms) >= timeout)
}
