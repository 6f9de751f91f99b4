//! Carrying out one step of a scenario on its session and judging what
//! came back (spec, "General Information", items 3 to 6, and the section
//! the scenario cites).

use std::time::{Duration, Instant};

use dvcr_protocol::catalog::{self, Status};
use dvcr_protocol::encode::encode;
use dvcr_protocol::tpkt::write_frame;
use dvcr_protocol::validate::Finding;
use dvcr_protocol::{Kind, Message};
use tracing::debug;

use super::conn::{OpenError, Sessions};
use super::options::RunOptions;
use crate::client::{ClientError, Reply};
use crate::scenario::expect::check_records;
use crate::scenario::load::parse_hex;
use crate::scenario::{Action, Expect, Mismatch, Step, Vars};

/// How long an indication is awaited, or silence listened for, when the
/// step gives no `within_ms`.
const INDICATION_WAIT: Duration = Duration::from_secs(2);
/// How long silence is listened for when the step gives no `within_ms`.
const SILENCE_WAIT: Duration = Duration::from_millis(400);
/// The pause between the pieces of a chunked write.
const CHUNK_PAUSE: Duration = Duration::from_millis(2);
/// A capture of `FIELD[]` keeps every value of a repeated field.
const LIST_SUFFIX: &str = "[]";
/// A field value naming a list variable, `${name[]}`, is sent as one field
/// per value; list variables are named with a trailing `[]`.
const LIST_MARK: &str = "[]}";
/// How much longer than the session timeout an idle step waits.
const IDLE_MARGIN: Duration = Duration::from_millis(700);

/// Why a step did not pass.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StepError {
    /// The device did not do what the step expects.
    Failed {
        /// One line.
        message: String,
        /// The expectations broken.
        mismatches: Vec<Mismatch>,
    },
    /// The device answered a documented command as unknown.
    Unsupported(String),
    /// The harness could not carry the step out.
    Harness(String),
    /// The device lacks what the rest of the scenario needs.
    Skip(String),
}

impl StepError {
    fn failed(message: impl Into<String>) -> Self {
        StepError::Failed {
            message: message.into(),
            mismatches: Vec::new(),
        }
    }
}

/// What steps share within one scenario attempt.
pub struct StepContext<'a> {
    /// The scenario's sessions.
    pub sessions: &'a mut Sessions,
    /// Its variables.
    pub vars: &'a mut Vars,
    /// The run's options.
    pub options: &'a RunOptions,
    /// Catalog findings on everything judged so far.
    pub findings: &'a mut Vec<Finding>,
    /// Lenient-only deviations seen: framing or XML read through.
    pub deviations: &'a mut Vec<String>,
    /// Whether the steps are cleanup: a session gone is opened afresh.
    pub cleanup: bool,
}

/// Carries out `step`.
pub async fn run_step(step: &Step, ctx: &mut StepContext<'_>) -> Result<(), StepError> {
    let name = step.session.clone().unwrap_or_else(|| ctx.sessions.first());
    if ctx.cleanup && !ctx.sessions.usable(&name) {
        ctx.sessions
            .open(&name, ctx.options)
            .await
            .map_err(|error| open_error(&name, error))?;
    }

    match step.action() {
        Action::Send(xmlid) => send(step, ctx, &name, xmlid).await,
        Action::Raw(hex) => {
            let hex = expand(ctx.vars, hex)?;
            let bytes = parse_hex(&hex).map_err(StepError::Harness)?;
            raw(step, ctx, &name, &bytes).await
        }
        Action::Xml(text) => {
            let text = expand(ctx.vars, text)?;
            let mut bytes = Vec::new();
            write_frame(text.as_bytes(), &mut bytes)
                .map_err(|error| StepError::Harness(error.to_string()))?;
            raw(step, ctx, &name, &bytes).await
        }
        Action::Pipeline(xmlids) => pipeline(step, ctx, &name, xmlids).await,
        Action::WaitIndication(xmlid) => wait_indication(step, ctx, &name, xmlid).await,
        Action::NoIndication => no_indication(step, ctx, &name).await,
        Action::Reconnect => match ctx.sessions.open(&name, ctx.options).await {
            Ok(_) => Ok(()),
            Err(error) => Err(reconnect_error(&name, error)),
        },
        Action::Sleep(ms) => {
            tokio::time::sleep(Duration::from_millis(ms)).await;
            Ok(())
        }
        Action::IdlePastTimeout => {
            tokio::time::sleep(ctx.options.session_timeout + IDLE_MARGIN).await;
            Ok(())
        }
    }
}

/// A session that could not be opened: the harness's problem when the
/// device could not be reached, the device's when it refused the login.
pub fn open_error(name: &str, error: OpenError) -> StepError {
    match error {
        OpenError::Client(
            error @ (ClientError::Connect { .. } | ClientError::ConnectTimeout { .. }),
        ) => StepError::Harness(format!("session {name}: {error}")),
        OpenError::Client(error) => StepError::failed(format!("session {name}: login: {error}")),
        OpenError::Refused { reply } => StepError::failed(format!(
            "session {name}: login refused with RESULT {} ({})",
            reply.result().unwrap_or("<none>"),
            reply.description()
        )),
    }
}

/// A reconnection that failed: the device served this scenario before, so
/// a device that no longer accepts connections has failed, not the harness.
fn reconnect_error(name: &str, error: OpenError) -> StepError {
    match open_error(name, error) {
        StepError::Harness(message) => {
            StepError::failed(format!("the device stopped serving: {message}"))
        }
        other => other,
    }
}

fn expand(vars: &Vars, text: &str) -> Result<String, StepError> {
    vars.expand(text)
        .map_err(|unset| StepError::Harness(unset.to_string()))
}

fn wait(step: &Step, default: Duration) -> Duration {
    step.within_ms.map_or(default, Duration::from_millis)
}

/// The typed command of a `send` step: `SESSIONID` first, then the fields.
fn typed(
    step: &Step,
    ctx: &mut StepContext<'_>,
    name: &str,
    xmlid: &str,
) -> Result<Message<'static>, StepError> {
    let mut message = Message::single(Kind::Command, xmlid.to_owned());
    let own = ctx
        .sessions
        .get(name)
        .and_then(|live| live.session_id.clone());
    let session_id = match &step.sessionid {
        Some(text) => Some(expand(ctx.vars, text)?),
        None => own,
    };
    if !step.omit_sessionid
        && xmlid != "login"
        && let Some(id) = session_id
    {
        message.push_value("SESSIONID", id);
    }

    for (field, value) in &step.fields {
        let values = match value {
            toml::Value::Array(items) => items.clone(),
            other => vec![other.clone()],
        };
        for item in values {
            let text = match item {
                toml::Value::String(text) if text.contains(LIST_MARK) => {
                    let list = expand(ctx.vars, &text)?;
                    for value in list.split('\n').filter(|value| !value.is_empty()) {
                        message.push_value(field.clone(), value.to_owned());
                    }
                    continue;
                }
                toml::Value::String(text) => expand(ctx.vars, &text)?,
                toml::Value::Boolean(flag) => if flag { "1" } else { "0" }.to_owned(),
                other => other.to_string(),
            };
            message.push_value(field.clone(), text);
        }
    }
    Ok(message)
}

async fn write(
    ctx: &mut StepContext<'_>,
    name: &str,
    bytes: &[u8],
    chunk: Option<usize>,
) -> Result<(), StepError> {
    let live = ctx
        .sessions
        .get(name)
        .ok_or_else(|| StepError::failed(format!("session {name} has no connection")))?;
    let pieces: Vec<&[u8]> = match chunk {
        Some(size) => bytes.chunks(size.max(1)).collect(),
        None => vec![bytes],
    };
    for (index, piece) in pieces.iter().enumerate() {
        if index > 0 {
            tokio::time::sleep(CHUNK_PAUSE).await;
        }
        live.connection
            .send_raw(piece)
            .await
            .map_err(|error| StepError::failed(format!("write on session {name}: {error}")))?;
    }
    Ok(())
}

async fn send(
    step: &Step,
    ctx: &mut StepContext<'_>,
    name: &str,
    xmlid: &str,
) -> Result<(), StepError> {
    let message = typed(step, ctx, name, xmlid)?;
    let mut bytes = Vec::new();
    encode(&message, &mut bytes).map_err(|error| StepError::Harness(error.to_string()))?;
    debug!(session = name, xmlid, "send");
    let started = Instant::now();
    write(ctx, name, &bytes, step.chunk).await?;
    if step.expect.closed || step.expect.answer_or_close {
        return follow_up(step, ctx, name).await;
    }

    let timeout = wait(step, ctx.options.reply_timeout);
    let reply = await_reply(ctx, name, xmlid, timeout).await?;
    let elapsed = started.elapsed();
    if xmlid.eq_ignore_ascii_case("login")
        && reply.result() == Some("0")
        && let (Some(id), Some(live)) = (reply.value("SESSIONID"), ctx.sessions.get(name))
    {
        live.session_id = Some(id.to_owned());
    }

    unsupported(&step.expect, &reply, xmlid)?;
    judge(step, ctx, &reply, xmlid, Kind::Confirm, &step.expect)?;
    timing(&step.expect, elapsed)?;
    skip_unless(step, ctx, &reply, xmlid)?;
    capture(step, ctx, &reply.message)
}

/// Stops the scenario as skipped when no record passes `skip_unless`.
fn skip_unless(
    step: &Step,
    ctx: &StepContext<'_>,
    reply: &Reply,
    xmlid: &str,
) -> Result<(), StepError> {
    let Some(checks) = &step.skip_unless else {
        return Ok(());
    };

    let direction = dvcr_protocol::catalog::Direction::Confirm;
    let fits = reply.message.records().any(|record| {
        crate::scenario::expect::check_fields(checks, record, xmlid, direction, ctx.vars).is_empty()
    });
    if fits {
        return Ok(());
    }

    let wanted: Vec<String> = checks
        .iter()
        .map(|(name, value)| format!("{name}={value}"))
        .collect();
    Err(StepError::Skip(format!(
        "the device reports no record with {}",
        wanted.join(", ")
    )))
}

async fn await_reply(
    ctx: &mut StepContext<'_>,
    name: &str,
    xmlid: &str,
    timeout: Duration,
) -> Result<Reply, StepError> {
    let live = ctx
        .sessions
        .get(name)
        .ok_or_else(|| StepError::failed(format!("session {name} has no connection")))?;
    live.connection
        .await_reply(xmlid, timeout)
        .await
        .map_err(|error| StepError::failed(format!("session {name}: {error}")))
}

/// A documented command answered as unknown, where success was expected.
fn unsupported(expect: &Expect, reply: &Reply, xmlid: &str) -> Result<(), StepError> {
    let wants_success = expect.result.as_deref() == Some("0");
    let Some(command) = catalog::lookup(xmlid) else {
        return Ok(());
    };

    let description = reply.description().to_ascii_lowercase();
    let unknown = [
        "unknown",
        "unsupported",
        "not support",
        "not implemented",
        "invalid command",
    ]
    .iter()
    .any(|word| description.contains(word));
    if wants_success
        && command.status == Status::Implemented
        && reply.result() == Some("1")
        && unknown
    {
        return Err(StepError::Unsupported(format!(
            "{xmlid} answered as unknown: {:?}",
            reply.description()
        )));
    }
    Ok(())
}

fn judge(
    step: &Step,
    ctx: &mut StepContext<'_>,
    reply: &Reply,
    xmlid: &str,
    kind: Kind,
    expect: &Expect,
) -> Result<(), StepError> {
    let judgement = check_records(
        expect,
        std::slice::from_ref(&reply.message),
        xmlid,
        kind,
        ctx.vars,
    );
    ctx.findings.extend(judgement.findings);
    let mut mismatches = judgement.mismatches;
    for deviation in &reply.framing {
        mismatches.push(Mismatch::new(
            "framing",
            "a TPKT frame (RFC 1006)",
            format!("{deviation:?}"),
        ));
    }
    for deviation in &reply.deviations {
        ctx.deviations
            .push(format!("{:?} at byte {}", deviation.kind, deviation.offset));
    }
    if mismatches.is_empty() {
        return Ok(());
    }

    let action = step.send.as_deref().unwrap_or(xmlid);
    Err(StepError::Failed {
        message: format!(
            "the {} of {action} is not as expected",
            kind.element().to_lowercase()
        ),
        mismatches,
    })
}

fn timing(expect: &Expect, elapsed: Duration) -> Result<(), StepError> {
    let Some(max) = expect.max_ms else {
        return Ok(());
    };

    let took = elapsed.as_millis();
    if took <= u128::from(max) {
        return Ok(());
    }

    Err(StepError::Failed {
        message: "the reply was slow".to_owned(),
        mismatches: vec![Mismatch::new(
            "time",
            format!("at most {max} ms"),
            format!("{took} ms"),
        )],
    })
}

/// Sets the step's variables from the first record of `message`, or from
/// the first record passing `expect.some_record` when the step has one. A
/// field written `FIELD[]` captures every value, one per line; `FIELD?`
/// captures an empty value when the field is absent.
fn capture(
    step: &Step,
    ctx: &mut StepContext<'_>,
    message: &Message<'static>,
) -> Result<(), StepError> {
    let direction = dvcr_protocol::catalog::Direction::Confirm;
    let xmlid = message
        .first()
        .map(|record| record.xmlid().to_owned())
        .unwrap_or_default();
    let record = match &step.expect.some_record {
        Some(checks) => message.records().find(|record| {
            crate::scenario::expect::check_fields(checks, *record, &xmlid, direction, ctx.vars)
                .is_empty()
        }),
        None => message.first(),
    };
    for (variable, field) in &step.capture {
        let field = field.as_str().unwrap_or_default();
        if let Some(field) = field.strip_suffix(LIST_SUFFIX) {
            let values: Vec<&str> = record
                .map(|record| record.values(field).collect())
                .unwrap_or_default();
            ctx.vars.set(variable.clone(), values.join("\n"));
            continue;
        }
        if let Some(field) = field.strip_suffix('?') {
            let value = record
                .and_then(|record| record.value(field))
                .unwrap_or_default();
            ctx.vars.set(variable.clone(), value);
            continue;
        }

        let value = record.and_then(|record| record.value(field));
        let Some(value) = value else {
            return Err(StepError::Failed {
                message: format!("nothing to capture into {variable}"),
                mismatches: vec![Mismatch::new(
                    format!("field {field}"),
                    "the field",
                    "no such field",
                )],
            });
        };

        ctx.vars.set(variable.clone(), value);
    }
    Ok(())
}

async fn raw(
    step: &Step,
    ctx: &mut StepContext<'_>,
    name: &str,
    bytes: &[u8],
) -> Result<(), StepError> {
    write(ctx, name, bytes, step.chunk).await?;
    if step.expect.closed || step.expect.answer_or_close {
        return follow_up(step, ctx, name).await;
    }

    let timeout = wait(step, ctx.options.reply_timeout);
    let live = ctx
        .sessions
        .get(name)
        .ok_or_else(|| StepError::failed(format!("session {name} has no connection")))?;
    let reply = live
        .connection
        .next_reply(timeout)
        .await
        .map_err(|error| StepError::failed(format!("session {name}: {error}")))?;
    let xmlid = reply
        .message
        .first()
        .map(|record| record.xmlid().to_owned())
        .unwrap_or_default();
    let mut expect = step.expect.clone();
    expect.catalog = Some(expect.catalog.unwrap_or(false));
    judge(step, ctx, &reply, &xmlid, Kind::Confirm, &expect)?;
    capture(step, ctx, &reply.message)
}

/// Waits for the close, or for an answer or a close.
async fn follow_up(step: &Step, ctx: &mut StepContext<'_>, name: &str) -> Result<(), StepError> {
    let timeout = wait(step, ctx.options.reply_timeout);
    let live = ctx
        .sessions
        .get(name)
        .ok_or_else(|| StepError::failed(format!("session {name} has no connection")))?;
    if step.expect.closed {
        return match live.connection.closed(timeout).await {
            Ok(_) => Ok(()),
            Err(error) => Err(StepError::Failed {
                message: "the device kept the connection open".to_owned(),
                mismatches: vec![Mismatch::new(
                    "connection",
                    "closed by the device",
                    error.to_string(),
                )],
            }),
        };
    }

    match live.connection.next_reply(timeout).await {
        Ok(_) | Err(ClientError::Closed { .. } | ClientError::Undecodable { .. }) => Ok(()),
        Err(error) => Err(StepError::Failed {
            message: "the device neither answered nor closed the connection".to_owned(),
            mismatches: vec![Mismatch::new(
                "answer",
                "a reply or a close",
                error.to_string(),
            )],
        }),
    }
}

async fn pipeline(
    step: &Step,
    ctx: &mut StepContext<'_>,
    name: &str,
    xmlids: &[String],
) -> Result<(), StepError> {
    let mut bytes = Vec::new();
    for xmlid in xmlids {
        let message = typed(
            &Step {
                fields: toml::Table::new(),
                ..step.clone()
            },
            ctx,
            name,
            xmlid,
        )?;
        encode(&message, &mut bytes).map_err(|error| StepError::Harness(error.to_string()))?;
    }

    let started = Instant::now();
    write(ctx, name, &bytes, step.chunk).await?;
    let timeout = wait(step, ctx.options.reply_timeout);
    for xmlid in xmlids {
        let reply = await_reply(ctx, name, xmlid, timeout).await?;
        judge(step, ctx, &reply, xmlid, Kind::Confirm, &step.expect)?;
    }
    timing(&step.expect, started.elapsed())
}

async fn wait_indication(
    step: &Step,
    ctx: &mut StepContext<'_>,
    name: &str,
    xmlid: &str,
) -> Result<(), StepError> {
    let deadline = Instant::now() + wait(step, INDICATION_WAIT);
    let live = ctx
        .sessions
        .get(name)
        .ok_or_else(|| StepError::failed(format!("session {name} has no connection")))?;
    let mut seen = Vec::new();
    let message = loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match live.connection.next_indication(left).await {
            Ok(message) => {
                let matches = message
                    .first()
                    .is_some_and(|record| record.xmlid().trim().eq_ignore_ascii_case(xmlid));
                if matches {
                    break message;
                }
                seen.push(
                    message
                        .first()
                        .map(|record| record.xmlid().to_owned())
                        .unwrap_or_default(),
                );
            }
            Err(error) => {
                let actual = if seen.is_empty() {
                    error.to_string()
                } else {
                    format!("only {seen:?}")
                };
                return Err(StepError::Failed {
                    message: format!("session {name} received no {xmlid} indication"),
                    mismatches: vec![Mismatch::new(
                        "indication",
                        format!("an INDICATION {xmlid:?}"),
                        actual,
                    )],
                });
            }
        }
    };

    let reply = Reply {
        message,
        frames: 1,
        framing: Vec::new(),
        deviations: Vec::new(),
    };
    judge(step, ctx, &reply, xmlid, Kind::Indication, &step.expect)?;
    capture(step, ctx, &reply.message)
}

async fn no_indication(
    step: &Step,
    ctx: &mut StepContext<'_>,
    name: &str,
) -> Result<(), StepError> {
    let within = wait(step, SILENCE_WAIT);
    let live = ctx
        .sessions
        .get(name)
        .ok_or_else(|| StepError::failed(format!("session {name} has no connection")))?;
    match live.connection.next_indication(within).await {
        Err(ClientError::Timeout { .. }) => Ok(()),
        Ok(message) => {
            let xmlid = message
                .first()
                .map(|record| record.xmlid().to_owned())
                .unwrap_or_default();
            Err(StepError::Failed {
                message: format!("session {name} received an indication it should not"),
                mismatches: vec![Mismatch::new(
                    "indication",
                    format!("none within {} ms", within.as_millis()),
                    format!("INDICATION {xmlid:?}"),
                )],
            })
        }
        Err(error) => Err(StepError::failed(format!("session {name}: {error}"))),
    }
}
