//! The oracles: whether a case made the device crash (it stops accepting
//! connections), hang (it stops answering within the timeout), or break
//! the protocol (a malformed frame, or a reply that breaks the catalog:
//! error findings of `validate` with [`Flow::FromDevice`]) (spec,
//! "General Information", items 3 to 6, and every command's confirm table).

use std::fmt;
use std::time::Duration;

use dvcr_protocol::validate::{Flow, Rule, Severity, validate};
use serde::Serialize;

use super::execute::{End, Observation, Reach, open};
use crate::client::records::canonical;
use crate::client::{ClientError, CloseReason, Reply};

/// How many times a connection is tried before the device counts as down.
const PROBE_TRIES: u32 = 3;

/// The pause between two tries.
const PROBE_PAUSE: Duration = Duration::from_millis(100);

/// What kind of failure a finding is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// The device stopped accepting connections.
    Crash,
    /// The device stopped answering within the timeout.
    Hang,
    /// The device answered with a malformed frame or a reply that breaks
    /// the catalog.
    ProtocolViolation,
}

impl Kind {
    /// The kind's stable name.
    pub const fn name(self) -> &'static str {
        match self {
            Kind::Crash => "crash",
            Kind::Hang => "hang",
            Kind::ProtocolViolation => "protocol-violation",
        }
    }
}

impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What the oracles concluded about one case.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Verdict {
    /// The kind of failure.
    pub kind: Kind,
    /// The step it showed at, when one did.
    pub step: Option<usize>,
    /// One line saying what was seen.
    pub detail: String,
    /// The xmlid of the reply's record that broke the catalog, when a
    /// reply did: the command the finding is about, whatever the step
    /// sent first.
    pub xmlid: Option<String>,
}

/// A reply that breaks the protocol.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Violation {
    /// The xmlid of the record concerned; `None` for a framing deviation,
    /// which concerns no command.
    pub xmlid: Option<String>,
    /// What is wrong, `RULE on XMLID field NAME: ...` for a catalog rule.
    pub detail: String,
}

/// What a fresh connection after the case found.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Probe {
    /// The device accepted a connection and a login.
    Alive,
    /// No connection could be opened.
    Refused(String),
    /// A connection opened but the login was not answered.
    Silent(String),
    /// The login was refused: the fuzzer can no longer work.
    LoginRefused(String),
    /// The login was answered by a reply that breaks the protocol: a
    /// broken frame, a confirm of another xmlid, one without `RESULT`.
    Broken(String),
}

/// Opens a fresh connection and logs in, trying a few times before
/// calling the device down.
pub async fn probe(reach: &Reach) -> Probe {
    let mut last = String::new();
    for attempt in 0..PROBE_TRIES {
        if attempt > 0 {
            tokio::time::sleep(PROBE_PAUSE).await;
        }
        match open(reach).await {
            Ok((mut connection, _)) => {
                let _ = connection.shutdown().await;
                return Probe::Alive;
            }
            Err(error) => match classify(error) {
                Ok(probe) => return probe,
                Err(error) => last = error,
            },
        }
    }
    Probe::Refused(last)
}

/// The check before the first case: a login and a logout on one
/// connection, then a login on a fresh one, so that a device whose login
/// confirm echoes the previous command's xmlid shows it at case 0. `Err`
/// when no login was answered at all: a device that never answered cannot
/// be tested, and its silence is no finding.
pub async fn opening(reach: &Reach) -> Result<Probe, String> {
    let (mut connection, reply) = match open(reach).await {
        Ok(opened) => opened,
        Err(ClientError::Timeout { after, .. }) => return Err(unanswered(after)),
        Err(_) => {
            return match probe(reach).await {
                Probe::Silent(_) => Err(unanswered(reach.reply_timeout)),
                probed => Ok(probed),
            };
        }
    };

    if let Some(id) = reply.value("SESSIONID") {
        let mut logout = dvcr_protocol::Message::single(dvcr_protocol::Kind::Command, "logout");
        logout.push_value("SESSIONID", id.to_owned());
        let _ = connection.request(&logout).await;
    }
    let _ = connection.shutdown().await;
    Ok(probe(reach).await)
}

/// Why a device whose first login went unanswered cannot be tested.
fn unanswered(after: Duration) -> String {
    format!(
        "no reply to login within {}: the device could not be tested",
        humantime::format_duration(after)
    )
}

/// What a failed login says about the device; `Err` when it may only be
/// down for now and is worth trying again.
fn classify(error: ClientError) -> Result<Probe, String> {
    match error {
        error @ (ClientError::Connect { .. } | ClientError::ConnectTimeout { .. }) => {
            Err(error.to_string())
        }
        error @ ClientError::Timeout { .. } => Ok(Probe::Silent(error.to_string())),
        error @ ClientError::Refused { .. } => Ok(Probe::LoginRefused(error.to_string())),
        error @ (ClientError::WrongXmlid { .. }
        | ClientError::Incomplete { .. }
        | ClientError::MissingField { .. }
        | ClientError::Undecodable { .. }
        | ClientError::Closed {
            reason: CloseReason::Framing(_),
            ..
        }) => Ok(Probe::Broken(error.to_string())),
        error => Err(error.to_string()),
    }
}

/// The catalog rules that make a reply a protocol violation by default:
/// those about the shape of the reply (its records, their kind and xmlid,
/// `RESULT`, a field repeated that may appear once), whatever values the
/// device holds.
pub const SHAPE_RULES: [Rule; 7] = [
    Rule::UnknownXmlid,
    Rule::WrongRecordKind,
    Rule::MissingResult,
    Rule::BadResult,
    Rule::MixedXmlids,
    Rule::TooManyRecords,
    Rule::RepeatedField,
];

/// Which catalog findings count as protocol violations.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Strictness {
    /// Error findings of the [`SHAPE_RULES`] only: a device that stores a
    /// bad value it was sent and shows it later is not flagged.
    #[default]
    Shape,
    /// Every error finding, field rules and value rules included.
    Catalog,
}

/// Judges a case from what it gave and what the probe after it found. From
/// the step that sent a command that may cut the device off on, on any
/// session, a connection dropped or left unanswered is no finding, and
/// neither is a probe that finds the device gone or silent: the device
/// did as it was told.
pub fn judge(observation: &Observation, probe: &Probe, strictness: Strictness) -> Option<Verdict> {
    let cut_off_at = observation.cut_off.as_ref().map(|cut_off| cut_off.step);
    let told = |step: usize| cut_off_at.is_some_and(|at| step >= at);
    let last_step = observation.writes.len().checked_sub(1);
    let first_unanswered = observation
        .writes
        .iter()
        .position(|write| write.end != End::Answered);
    match probe {
        Probe::Refused(_) | Probe::Silent(_) if cut_off_at.is_some() => {}
        Probe::Refused(error) => {
            return Some(Verdict {
                kind: Kind::Crash,
                step: first_unanswered.or(last_step),
                detail: format!("the device stopped accepting connections: {error}"),
                xmlid: None,
            });
        }
        Probe::Silent(error) => {
            return Some(Verdict {
                kind: Kind::Hang,
                step: last_step,
                detail: format!("a fresh connection got no answer to its login: {error}"),
                xmlid: None,
            });
        }
        Probe::Broken(error) => {
            return Some(Verdict {
                kind: Kind::ProtocolViolation,
                step: None,
                detail: format!("a fresh connection's login got a broken reply: {error}"),
                xmlid: None,
            });
        }
        Probe::Alive | Probe::LoginRefused(_) => {}
    }

    let silent = observation
        .writes
        .iter()
        .enumerate()
        .position(|(step, write)| write.end == End::Silent && !told(step));
    if let (Some(step), Some(write)) = (silent, silent.and_then(|at| observation.writes.get(at))) {
        return Some(Verdict {
            kind: Kind::Hang,
            step: Some(step),
            detail: format!(
                "{} of {} frames expecting an answer were answered within the timeout",
                write.replies, write.expected
            ),
            xmlid: None,
        });
    }

    let dropped = observation
        .writes
        .iter()
        .enumerate()
        .position(|(step, write)| {
            let ended = matches!(write.end, End::Closed | End::Unwritable);
            ended && write.replies < write.expected && !write.may_close && !told(step)
        });
    if let (Some(step), Some(write)) = (dropped, dropped.and_then(|at| observation.writes.get(at)))
    {
        return Some(Verdict {
            kind: Kind::ProtocolViolation,
            step: Some(step),
            detail: format!(
                "the device closed the connection with {} of {} frames expecting an answer \
                 answered",
                write.replies, write.expected
            ),
            xmlid: None,
        });
    }

    if let Some((step, error)) = observation.undecodable.first() {
        return Some(Verdict {
            kind: Kind::ProtocolViolation,
            step: (*step != usize::MAX).then_some(*step),
            detail: format!("undecodable reply: {error}"),
            xmlid: None,
        });
    }

    observation.replies.iter().find_map(|(step, reply)| {
        let problem = violation(reply, &observation.sent_xmlids, strictness)?;
        Some(Verdict {
            kind: Kind::ProtocolViolation,
            step: (*step != usize::MAX).then_some(*step),
            detail: problem.detail,
            xmlid: problem.xmlid,
        })
    })
}

/// What is wrong with `reply`, if anything: a framing deviation, or the
/// first error finding of the catalog that `strictness` counts, with the
/// xmlid of the record it concerns. An unknown xmlid is forgiven when the
/// record echoes one that was sent, or none.
pub fn violation(reply: &Reply, sent: &[String], strictness: Strictness) -> Option<Violation> {
    if let Some(deviation) = reply.framing.first() {
        return Some(Violation {
            xmlid: None,
            detail: format!("malformed frame: {deviation}"),
        });
    }

    let xmlid_of = |record: Option<usize>| {
        record
            .and_then(|index| reply.message.record(index))
            .or_else(|| reply.message.first())
            .map(|r| canonical(r.xmlid()))
            .unwrap_or_default()
    };
    validate(&reply.message, Flow::FromDevice)
        .into_iter()
        .filter(|finding| finding.severity == Severity::Error)
        .filter(|finding| strictness == Strictness::Catalog || SHAPE_RULES.contains(&finding.rule))
        .find(|finding| {
            let xmlid = xmlid_of(finding.record);
            let echoed = xmlid.is_empty() || sent.contains(&xmlid);
            !(finding.rule == Rule::UnknownXmlid && echoed)
        })
        .map(|finding| {
            let xmlid = xmlid_of(finding.record);
            let field = finding.field.as_deref().unwrap_or("-");
            let detail = format!(
                "{} on {xmlid} field {field}: expected {}, found {}",
                finding.rule, finding.expected, finding.found
            );
            Violation {
                xmlid: (!xmlid.is_empty()).then_some(xmlid),
                detail,
            }
        })
}
