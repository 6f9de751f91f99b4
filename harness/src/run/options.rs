//! How a run is made: the target, the account, which scenarios, and the
//! profile that decides which commands a device must support (spec,
//! "General Information" and the chapter "New in version 2.0").

use std::time::Duration;

use serde::{Deserialize, Serialize};

use super::interrupt::Interrupt;

/// The section prefix of the commands the spec's version 2.0 added.
pub const VERSION2_SECTION: &str = "New in version 2.0";

/// Which spec version a device is held to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Profile {
    /// Firmware before 2.0: the version 2.0 commands may be unsupported.
    V1,
    /// The spec as written, version 2.0: every implemented command.
    #[default]
    V2,
}

impl Profile {
    /// The profile's name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Profile::V1 => "v1",
            Profile::V2 => "v2",
        }
    }

    /// Whether a device under this profile must support the command of
    /// spec section `section`.
    pub fn requires(self, section: &str) -> bool {
        match self {
            Profile::V1 => !section.starts_with(VERSION2_SECTION),
            Profile::V2 => true,
        }
    }
}

/// Everything the runner needs besides the scenarios.
#[derive(Clone, Debug)]
pub struct RunOptions {
    /// `HOST:PORT` of the device.
    pub target: String,
    /// What reports call the target (`emulator`, or the address).
    pub target_label: String,
    /// The account sessions log in as.
    pub user: String,
    /// Its password; never logged nor reported.
    pub password: String,
    /// Run scenarios marked destructive.
    pub allow_destructive: bool,
    /// Run scenarios marked long.
    pub long: bool,
    /// The target's session timeout, for `idle_past_timeout` steps.
    pub session_timeout: Duration,
    /// Long scenarios also run when the session timeout is at most this.
    pub short_timeout: Duration,
    /// The profile unsupported commands are judged by.
    pub profile: Profile,
    /// The `PRIVILEGE` the run's user logs in with, once known: from the
    /// opening sanity check's login, or, for `--list --emulate`, from the
    /// emulator's accounts. `None` while unknown.
    pub user_privilege: Option<String>,
    /// The longest wait for a reply when a step gives none.
    pub reply_timeout: Duration,
    /// The longest wait for a TCP connection.
    pub connect_timeout: Duration,
    /// Stop at the first case that breaks the run.
    pub fail_fast: bool,
    /// Draw no progress bar.
    pub quiet: bool,
    /// The options as given on the command line, for the report.
    pub described: Vec<String>,
    /// Raised when the run is asked to stop.
    pub interrupt: Interrupt,
}

impl RunOptions {
    /// Options for `target` with the spec's defaults: Administrator with
    /// an empty password, 30-minute sessions, profile v2.
    pub fn new(target: impl Into<String>) -> Self {
        let target = target.into();
        RunOptions {
            target_label: target.clone(),
            target,
            user: "Administrator".to_owned(),
            password: String::new(),
            allow_destructive: false,
            long: false,
            session_timeout: Duration::from_secs(30 * 60),
            short_timeout: Duration::from_secs(10),
            profile: Profile::V2,
            user_privilege: None,
            reply_timeout: Duration::from_secs(5),
            connect_timeout: Duration::from_secs(5),
            fail_fast: false,
            quiet: true,
            described: Vec::new(),
            interrupt: Interrupt::new(),
        }
    }

    /// Whether long scenarios run.
    pub fn runs_long(&self) -> bool {
        self.long || self.session_timeout <= self.short_timeout
    }
}
