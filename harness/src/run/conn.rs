//! The connections of one scenario attempt: one client connection per named
//! session, logged in as the scenario says, all seen by one transcript
//! (spec, "Login/Logout" and "General Information", item 6).

use std::collections::BTreeMap;
use std::time::Duration;

use dvcr_protocol::{Kind, Message};
use tracing::debug;

use super::options::RunOptions;
use crate::client::{ClientConfig, ClientError, Connection, Reply, Transcript};
use crate::scenario::SessionSpec;

/// One session's connection and what its login granted.
pub struct Live {
    /// The connection.
    pub connection: Connection,
    /// The session id of the last successful login, kept after logout so
    /// that a scenario can check the device refuses it.
    pub session_id: Option<String>,
}

/// The sessions of a scenario attempt.
pub struct Sessions {
    specs: Vec<SessionSpec>,
    live: BTreeMap<String, Live>,
    transcript: Transcript,
}

/// Why a session could not be opened.
#[derive(Debug)]
pub enum OpenError {
    /// The harness could not reach the device.
    Client(ClientError),
    /// The login confirm did not grant a session.
    Refused {
        /// The account that logged in.
        user: String,
        /// The confirm that came.
        reply: Box<Reply>,
    },
}

impl Sessions {
    /// No connection open yet; every later connection reports to
    /// `transcript`.
    pub fn new(specs: &[SessionSpec], transcript: Transcript) -> Self {
        Sessions {
            specs: specs.to_vec(),
            live: BTreeMap::new(),
            transcript,
        }
    }

    /// The spec of session `name`; a stand-in administrator session when
    /// the scenario declares none of that name.
    pub fn spec(&self, name: &str) -> SessionSpec {
        self.specs
            .iter()
            .find(|spec| spec.name == name)
            .cloned()
            .unwrap_or_else(|| SessionSpec {
                name: name.to_owned(),
                user: None,
                password: None,
                indication: false,
                login: true,
            })
    }

    /// The name of the first session, which steps naming none act on.
    pub fn first(&self) -> String {
        self.specs
            .first()
            .map(|spec| spec.name.clone())
            .unwrap_or_else(|| "main".to_owned())
    }

    /// The client configuration of every connection.
    pub fn client_config(&self, options: &RunOptions) -> ClientConfig {
        ClientConfig {
            connect_timeout: options.connect_timeout,
            reply_timeout: options.reply_timeout,
            transcript: Some(self.transcript.hook()),
            ..ClientConfig::default()
        }
    }

    /// Opens (or reopens) session `name`: connects and, when the session
    /// logs in, logs in. The login reply is returned for judging.
    pub async fn open(
        &mut self,
        name: &str,
        options: &RunOptions,
    ) -> Result<Option<Reply>, OpenError> {
        self.live.remove(name);
        let spec = self.spec(name);
        let config = self.client_config(options);
        let mut connection = Connection::connect(options.target.as_str(), config)
            .await
            .map_err(OpenError::Client)?;

        let mut reply = None;
        let mut session_id = None;
        if spec.login {
            let user = spec.user.clone().unwrap_or_else(|| options.user.clone());
            let password = spec
                .password
                .clone()
                .unwrap_or_else(|| options.password.clone());
            let message = login_message(&user, &password, spec.indication);
            let got = connection
                .request(&message)
                .await
                .map_err(OpenError::Client)?;
            if got.result() != Some("0") || got.value("SESSIONID").is_none() {
                return Err(OpenError::Refused {
                    user,
                    reply: Box::new(got),
                });
            }

            session_id = got.value("SESSIONID").map(str::to_owned);
            reply = Some(got);
        }

        self.live.insert(
            name.to_owned(),
            Live {
                connection,
                session_id,
            },
        );
        Ok(reply)
    }

    /// Opens every declared session in order, giving each login reply.
    pub async fn open_all(
        &mut self,
        options: &RunOptions,
    ) -> Result<Vec<(String, Reply)>, (String, OpenError)> {
        let mut replies = Vec::new();
        let names: Vec<String> = self.specs.iter().map(|spec| spec.name.clone()).collect();
        for name in names {
            match self.open(&name, options).await {
                Ok(Some(reply)) => replies.push((name, reply)),
                Ok(None) => {}
                Err(error) => return Err((name, error)),
            }
        }
        Ok(replies)
    }

    /// Session `name`, if it is open.
    pub fn get(&mut self, name: &str) -> Option<&mut Live> {
        self.live.get_mut(name)
    }

    /// Whether session `name` is open and its peer has not closed it.
    pub fn usable(&self, name: &str) -> bool {
        self.live
            .get(name)
            .is_some_and(|live| !live.connection.is_closed())
    }

    /// Closes session `name`'s connection, if it is open, logging its
    /// session out first as [`Sessions::close_all`] does.
    pub async fn close(&mut self, name: &str, options: &RunOptions) {
        if let Some(live) = self.live.remove(name) {
            live.close(name, options).await;
        }
    }

    /// Closes every connection, logging out the sessions still logged in
    /// so that the device is left with no session of the run.
    pub async fn close_all(&mut self, options: &RunOptions) {
        let live = std::mem::take(&mut self.live);
        for (name, live) in live {
            live.close(&name, options).await;
        }
    }
}

impl Live {
    /// Logs session `name` out, when it logged in, and closes the
    /// connection.
    ///
    /// Best effort: sending the logout and its confirm are given the reply
    /// timeout, at most a second, and a logout that fails, goes unanswered
    /// or finds the connection already closed is only logged, as the
    /// device ends the session at its idle timeout anyway.
    async fn close(mut self, name: &str, options: &RunOptions) {
        if self.connection.is_closed() {
            if self.session_id.is_some() {
                debug!(session = name, "not logged out: the connection is closed");
            }
            return;
        }

        if let Some(id) = &self.session_id {
            let wait = options.reply_timeout.min(Duration::from_secs(1));
            let logout = log_out(&mut self.connection, id, wait);
            match tokio::time::timeout(wait, logout).await {
                Ok(Ok(reply)) if reply.result() == Some("0") => {}
                Ok(Ok(reply)) => {
                    debug!(session = name, result = ?reply.result(), "logout refused");
                }
                Ok(Err(error)) => debug!(session = name, %error, "logout failed"),
                Err(_) => debug!(session = name, ?wait, "logout unanswered"),
            }
        }
        let _ = self.connection.shutdown().await;
    }
}

/// Sends the `logout` of session `id` on `connection` and awaits its
/// confirm within `wait`.
async fn log_out(
    connection: &mut Connection,
    id: &str,
    wait: Duration,
) -> Result<Reply, ClientError> {
    let mut message = Message::single(Kind::Command, "logout");
    message.push_value("SESSIONID", id.to_owned());
    connection.send(&message).await?;
    connection.await_reply("logout", wait).await
}

/// The `login` command of `user`.
pub fn login_message(user: &str, password: &str, indication: bool) -> Message<'static> {
    let mut message = Message::single(Kind::Command, "login");
    message
        .push_value("USERNAME", user.to_owned())
        .push_value("PASSWORD", password.to_owned())
        .push_value("LANG", "0")
        .push_value("INDICATION", if indication { "1" } else { "0" });
    message
}
