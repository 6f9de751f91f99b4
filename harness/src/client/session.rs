//! A logged-in session on a device (spec, "Login/Logout" and "General
//! Information", item 6): `login` returns the session id and privilege, and
//! every later command carries that id without the caller spelling it out.

use std::fmt::Display;
use std::time::Duration;

use dvcr_protocol::{Kind, Message};
use tokio::net::ToSocketAddrs;

use super::connection::{ClientConfig, Connection};
use super::error::ClientError;
use super::records::with_session;
use super::reply::Reply;

/// The field carrying the session id (spec, "General Information", item 6).
const SESSIONID: &str = "SESSIONID";

/// What a login asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Login {
    /// `USERNAME`.
    pub user: String,
    /// `PASSWORD`.
    pub password: String,
    /// `LANG`: 0 English.
    pub lang: u8,
    /// `INDICATION`: whether this session receives indications.
    pub indications: bool,
}

impl Login {
    /// A login of `user` with `password`, English, no indications.
    pub fn new(user: impl Into<String>, password: impl Into<String>) -> Self {
        Login {
            user: user.into(),
            password: password.into(),
            lang: 0,
            indications: false,
        }
    }

    /// The same login, asking for indications.
    pub fn with_indications(mut self) -> Self {
        self.indications = true;
        self
    }
}

/// What a successful login grants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Granted {
    /// The `SESSIONID`.
    pub session_id: String,
    /// The `PRIVILEGE`: 0 administrator, 1 ordinary user.
    pub privilege: Option<u8>,
}

/// A connection and, once logged in, its session id.
#[derive(Debug)]
pub struct Session {
    connection: Connection,
    granted: Option<Granted>,
}

impl Session {
    /// Connects to `target`; nothing is sent yet.
    pub async fn connect<A>(target: A, config: ClientConfig) -> Result<Session, ClientError>
    where
        A: ToSocketAddrs + Display,
    {
        Ok(Session::over(Connection::connect(target, config).await?))
    }

    /// A session over an open connection.
    pub fn over(connection: Connection) -> Self {
        Session {
            connection,
            granted: None,
        }
    }

    /// Logs in; a refusal is an error carrying the device's description.
    pub async fn login(&mut self, login: &Login) -> Result<Granted, ClientError> {
        let mut message = Message::single(Kind::Command, "login");
        message
            .push_value("USERNAME", login.user.clone())
            .push_value("PASSWORD", login.password.clone())
            .push_value("LANG", login.lang.to_string())
            .push_value("INDICATION", if login.indications { "1" } else { "0" });
        let reply = self.connection.request(&message).await?;
        refusal("login", &reply)?;

        let Some(session_id) = reply.value("SESSIONID") else {
            return Err(ClientError::MissingField {
                command: "login".to_owned(),
                field: "SESSIONID".to_owned(),
            });
        };

        let granted = Granted {
            session_id: session_id.to_owned(),
            privilege: reply.value("PRIVILEGE").and_then(|p| p.trim().parse().ok()),
        };
        self.granted = Some(granted.clone());
        Ok(granted)
    }

    /// What the login granted, once logged in.
    pub fn granted(&self) -> Option<&Granted> {
        self.granted.as_ref()
    }

    /// The session id, once logged in.
    pub fn session_id(&self) -> Option<&str> {
        self.granted
            .as_ref()
            .map(|granted| granted.session_id.as_str())
    }

    /// Sends command `xmlid` with `fields` (and the session id) and awaits
    /// its confirm records.
    pub async fn command(
        &mut self,
        xmlid: &str,
        fields: &[(&str, &str)],
    ) -> Result<Reply, ClientError> {
        let mut message = Message::single(Kind::Command, xmlid);
        let stamps = !fields.iter().any(|(name, _)| *name == SESSIONID);
        let granted = self.granted.as_ref().filter(|_| stamps);
        if let Some(id) = granted.map(|granted| granted.session_id.as_str()) {
            message.push_value(SESSIONID, id);
        }
        for (name, value) in fields {
            message.push_value(*name, *value);
        }
        self.connection.request(&message).await
    }

    /// Sends `message`, its commands given the session id when they lack
    /// one, and awaits the confirm of its first record.
    pub async fn request(&mut self, message: &Message<'_>) -> Result<Reply, ClientError> {
        let message = self.stamped(message);
        self.connection.request(&message).await
    }

    /// Sends `message` stamped with the session id, without waiting: for
    /// pipelining, followed by [`Connection::await_reply`] for each.
    pub async fn send(&mut self, message: &Message<'_>) -> Result<(), ClientError> {
        let message = self.stamped(message);
        self.connection.send(&message).await
    }

    /// Logs out; the session id is forgotten whatever the device answers.
    pub async fn logout(&mut self) -> Result<Reply, ClientError> {
        let reply = self.command("logout", &[]).await;
        self.granted = None;
        reply
    }

    /// The next indication, within `timeout`.
    pub async fn next_indication(
        &mut self,
        timeout: Duration,
    ) -> Result<Message<'static>, ClientError> {
        self.connection.next_indication(timeout).await
    }

    /// The connection, for raw bytes, pipelining and waits.
    pub fn connection(&mut self) -> &mut Connection {
        &mut self.connection
    }

    /// Gives the connection back.
    pub fn into_connection(self) -> Connection {
        self.connection
    }

    fn stamped(&self, message: &Message<'_>) -> Message<'static> {
        match self.session_id() {
            Some(id) => with_session(message, id),
            None => message.clone().into_owned(),
        }
    }
}

/// The error a confirm of `command` is when it does not say `RESULT 0`: a
/// confirm without `RESULT` lacks a field, it is not a refusal.
pub fn refusal(command: &str, reply: &Reply) -> Result<(), ClientError> {
    let Some(result) = reply.result() else {
        return Err(ClientError::MissingField {
            command: command.to_owned(),
            field: "RESULT".to_owned(),
        });
    };

    if reply.is_success() {
        return Ok(());
    }

    Err(ClientError::Refused {
        command: command.to_owned(),
        result: result.to_owned(),
        description: reply.description().to_owned(),
    })
}
