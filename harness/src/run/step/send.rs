//! Typed commands, raw bytes and pipelines written to a session, and the
//! replies awaited (spec, "General Information", items 3 to 6).

use std::time::{Duration, Instant};

use dvcr_protocol::encode::encode;
use dvcr_protocol::{Kind, Message};
use tracing::debug;

use super::judge::{capture, judge, skip_unless, timing, unsupported};
use super::{CHUNK_PAUSE, LIST_MARK};
use super::{StepContext, StepError, expand, wait};
use crate::client::{ClientError, Reply};
use crate::scenario::{Mismatch, Step};

/// The field that carries a session's id.
const SESSIONID: &str = "SESSIONID";

/// The typed command of a `send` step: `SESSIONID` first, then the fields.
/// The session's own id is sent only when the step gives none, neither as
/// `sessionid` nor among its fields.
pub(super) fn typed(
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
        None if step.fields.contains_key(SESSIONID) => None,
        None => own,
    };
    if !step.omit_sessionid
        && xmlid != "login"
        && let Some(id) = session_id
    {
        message.push_value(SESSIONID, id);
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

pub(super) async fn write(
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

pub(super) async fn send(
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

/// Sends the typed command of `step` on session `name` and returns the
/// reply, unjudged.
pub(crate) async fn request(
    step: &Step,
    ctx: &mut StepContext<'_>,
    name: &str,
    xmlid: &str,
) -> Result<Reply, StepError> {
    let message = typed(step, ctx, name, xmlid)?;
    let mut bytes = Vec::new();
    encode(&message, &mut bytes).map_err(|error| StepError::Harness(error.to_string()))?;
    write(ctx, name, &bytes, None).await?;
    let timeout = wait(step, ctx.options.reply_timeout);
    await_reply(ctx, name, xmlid, timeout).await
}

pub(super) async fn await_reply(
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
        .map_err(|error| StepError::of_client(name, &error))
}

pub(super) async fn raw(
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
        .map_err(|error| StepError::of_client(name, &error))?;
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
pub(super) async fn follow_up(
    step: &Step,
    ctx: &mut StepContext<'_>,
    name: &str,
) -> Result<(), StepError> {
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

pub(super) async fn pipeline(
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
