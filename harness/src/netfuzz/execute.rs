//! Carrying out one case on a target: its sessions opened and logged in,
//! each write made (coalesced, split, mutated), the replies awaited, and
//! what came noted for the oracle (spec, "General Information", items 4 to
//! 6, and "Login/Logout").
//!
//! A frame is expected to be answered when it is one well-formed TPKT
//! frame whose payload decodes to at least one record, and its connection
//! has not lost its framing to an earlier broken frame. A write left
//! unanswered within the timeout ends the case: it is a hang, and waiting
//! out the steps after it would only add a timeout each. Nothing else here
//! judges what came; [`super::oracle`] does.

use std::time::Duration;

use dvcr_protocol::Message;
use dvcr_protocol::decode::{DecodeOptions, decode_into};
use dvcr_protocol::tpkt::write_frame;
use tracing::debug;

use super::mutate::cut_points;
use super::sequence::{Case, Frame, expand};
use crate::client::records::canonical;
use crate::client::{ClientConfig, ClientError, Connection, Login, Reply, refusal};
use crate::run::conn::login_message;
use crate::run::destructive::{is_destructive, may_cut_off};

/// The pause between the pieces of a split write.
const PIECE_PAUSE: Duration = Duration::from_millis(1);

/// Where and how to reach the target.
#[derive(Clone, Debug)]
pub struct Reach {
    /// `HOST:PORT`.
    pub addr: String,
    /// The account every session logs in as.
    pub login: Login,
    /// The longest wait for a TCP connection.
    pub connect_timeout: Duration,
    /// The longest wait for a reply before the device counts as hung.
    pub reply_timeout: Duration,
    /// Whether a frame may carry a destructive command; without it a
    /// frame that would (a byte flip can make `setivr` of `getivr`) is
    /// not sent.
    pub allow_destructive: bool,
}

impl Reach {
    fn client(&self) -> ClientConfig {
        ClientConfig {
            connect_timeout: self.connect_timeout,
            reply_timeout: self.reply_timeout,
            ..ClientConfig::default()
        }
    }
}

/// How a write ended.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum End {
    /// Every expected reply came (or none was expected).
    Answered,
    /// Fewer replies came than frames expected an answer.
    Silent,
    /// The device closed the connection.
    Closed,
    /// The write itself failed (the connection was gone).
    Unwritable,
}

/// What one write gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WriteOutcome {
    /// The bytes written, session ids in place.
    pub bytes: Vec<u8>,
    /// The frames that expected an answer.
    pub expected: usize,
    /// The replies that came.
    pub replies: usize,
    /// How it ended.
    pub end: End,
    /// Whether the device may rightly close the connection after it: it
    /// logs out, cuts the device off, or breaks the framing.
    pub may_close: bool,
}

/// What a case gave on the wire.
#[derive(Debug, Default)]
pub struct Observation {
    /// Why the case could not start, when it could not: a session's
    /// connection or login failed.
    pub setup_error: Option<String>,
    /// One entry per step carried out, up to the first left unanswered.
    pub writes: Vec<WriteOutcome>,
    /// Every reply received, with the step it came after.
    pub replies: Vec<(usize, Reply)>,
    /// Replies that could not be decoded, with the step and the error.
    pub undecodable: Vec<(usize, String)>,
    /// The xmlids sent, as the device would read them.
    pub sent_xmlids: Vec<String>,
    /// The first command sent that may cut the device off, on any of the
    /// case's sessions, with the step that sent it: from there on, a
    /// device that drops connections or stops answering does as it was
    /// told.
    pub cut_off: Option<CutOff>,
}

/// A command sent that may cut the device off ([`may_cut_off`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CutOff {
    /// The step that sent it.
    pub step: usize,
    /// Its xmlid, as the device would read it.
    pub xmlid: String,
}

/// One session of a case.
struct Live {
    connection: Option<Connection>,
    session_id: Option<String>,
    framed: bool,
    /// Whether a write so far may rightly have ended the connection.
    may_close: bool,
}

/// Carries out `case` on the target `reach` names.
pub async fn execute(case: &Case, reach: &Reach) -> Observation {
    let mut observation = Observation::default();
    let mut lives = Vec::with_capacity(case.sessions);
    for session in 0..case.sessions.max(1) {
        match open(reach).await {
            Ok((connection, reply)) => {
                let session_id = reply.value("SESSIONID").map(str::to_owned);
                observation.replies.push((usize::MAX, reply));
                lives.push(Live {
                    connection: Some(connection),
                    session_id,
                    framed: true,
                    may_close: false,
                });
            }
            Err(error) => {
                observation.setup_error = Some(format!("session s{session}: {error}"));
                return observation;
            }
        }
    }

    let ids: Vec<Option<String>> = lives.iter().map(|live| live.session_id.clone()).collect();
    for (index, step) in case.steps.iter().enumerate() {
        let Some(live) = lives.get_mut(step.session) else {
            continue;
        };

        let mut bytes = Vec::new();
        let mut expected = 0;
        let mut wanted = 0;
        for frame in &step.frames {
            let read = observation.sent_xmlids.len();
            let (frame_bytes, records, keeps) = build(frame, &ids, &mut observation.sent_xmlids);
            let sends = observation.sent_xmlids.get(read..).unwrap_or_default();
            if !reach.allow_destructive && sends.iter().any(|xmlid| is_destructive(xmlid)) {
                observation.sent_xmlids.truncate(read);
                continue;
            }
            if live.framed && records > 0 {
                expected += 1;
                wanted += records;
            }
            let cutting = sends.iter().find(|xmlid| may_cut_off(xmlid));
            if observation.cut_off.is_none()
                && let Some(xmlid) = cutting
            {
                observation.cut_off = Some(CutOff {
                    step: index,
                    xmlid: xmlid.clone(),
                });
            }
            let logs_out = sends.iter().any(|xmlid| xmlid == "logout");
            live.may_close |= !keeps || closes(&frame.xmlid) || logs_out || cutting.is_some();
            live.framed &= keeps;
            bytes.extend_from_slice(&frame_bytes);
        }

        let mut outcome = write(live, &bytes, &step.splits, (expected, wanted), reach).await;
        outcome.0.may_close = live.may_close;
        debug!(case = case.index, step = index, end = ?outcome.0.end, "write");
        let hung = outcome.0.end == End::Silent;
        observation.writes.push(outcome.0);
        observation
            .replies
            .extend(outcome.1.into_iter().map(|reply| (index, reply)));
        observation
            .undecodable
            .extend(outcome.2.into_iter().map(|error| (index, error)));
        if hung {
            break;
        }
    }

    for live in &mut lives {
        close(live).await;
    }
    observation
}

/// Connects and logs in; the login confirm is returned for judging.
pub async fn open(reach: &Reach) -> Result<(Connection, Reply), ClientError> {
    let mut connection = Connection::connect(reach.addr.as_str(), reach.client()).await?;
    let login = &reach.login;
    let message = login_message(&login.user, &login.password, login.indications);
    let reply = connection.request(&message).await?;
    refusal("login", &reply)?;

    Ok((connection, reply))
}

/// The bytes of `frame` with session ids in place and its mutation made;
/// how many records a device would answer; whether framing survives. The
/// xmlids read, even from a payload that fails to decode, go to `sent`.
pub fn build(
    frame: &Frame,
    ids: &[Option<String>],
    sent: &mut Vec<String>,
) -> (Vec<u8>, usize, bool) {
    let payload = expand(&frame.template, ids);
    let mut bytes = Vec::with_capacity(payload.len() + 4);
    if write_frame(payload.as_bytes(), &mut bytes).is_err() {
        bytes.clear();
        bytes.extend_from_slice(payload.as_bytes());
        return (bytes, 0, false);
    }

    let keeps = frame.mutation.as_ref().is_none_or(|m| m.keeps_framing());
    if let Some(mutation) = &frame.mutation {
        mutation.apply(&mut bytes);
    }
    let body = bytes.get(4..).unwrap_or_default();
    let mut message = Message::default();
    let decoded = decode_into(body, &DecodeOptions::LENIENT, &mut message, &mut Vec::new());
    sent.extend(message.records().map(|record| canonical(record.xmlid())));
    let records = if decoded.is_ok() {
        message.record_count()
    } else {
        0
    };
    (bytes, if keeps { records } else { 0 }, keeps)
}

type Written = (WriteOutcome, Vec<Reply>, Vec<String>);

async fn write(
    live: &mut Live,
    bytes: &[u8],
    splits: &[u16],
    (expected, wanted): (usize, usize),
    reach: &Reach,
) -> Written {
    let mut outcome = WriteOutcome {
        bytes: bytes.to_vec(),
        expected,
        replies: 0,
        end: End::Answered,
        may_close: false,
    };
    let (mut replies, mut undecodable) = (Vec::new(), Vec::new());
    let Some(connection) = live.connection.as_mut() else {
        outcome.end = End::Unwritable;
        return (outcome, replies, undecodable);
    };

    let mut start = 0;
    let mut cuts = cut_points(bytes.len(), splits);
    cuts.push(bytes.len());
    for cut in cuts {
        if start > 0 {
            tokio::time::sleep(PIECE_PAUSE).await;
        }
        let piece = bytes.get(start..cut).unwrap_or_default();
        if connection.send_raw(piece).await.is_err() {
            outcome.end = End::Unwritable;
            live.connection = None;
            return (outcome, replies, undecodable);
        }
        start = cut;
    }

    while outcome.replies < wanted {
        match connection.next_reply(reach.reply_timeout).await {
            Ok(reply) => {
                outcome.replies += 1;
                replies.push(reply);
            }
            Err(ClientError::Undecodable { error, .. }) => {
                outcome.replies += 1;
                undecodable.push(error.to_string());
            }
            Err(ClientError::Timeout { .. } | ClientError::Incomplete { .. }) => {
                if outcome.replies < expected {
                    outcome.end = End::Silent;
                }
                break;
            }
            Err(_) => {
                outcome.end = End::Closed;
                live.connection = None;
                break;
            }
        }
    }
    (outcome, replies, undecodable)
}

/// Whether command `xmlid` may end the connection: a logout, or a
/// command that may cut the device off.
fn closes(xmlid: &str) -> bool {
    canonical(xmlid) == "logout" || may_cut_off(xmlid)
}

/// Logs out when the connection still frames, then closes it.
async fn close(live: &mut Live) {
    let Some(mut connection) = live.connection.take() else {
        return;
    };

    if live.framed
        && let Some(id) = &live.session_id
    {
        let mut message = dvcr_protocol::Message::single(dvcr_protocol::Kind::Command, "logout");
        message.push_value("SESSIONID", id.clone());
        let _ = connection.send(&message).await;
    }
    let _ = connection.shutdown().await;
}
