//! Indications awaited on a session, or silence listened for (spec,
//! "General Information", item 3: INDICATION packets).

use std::time::Instant;

use dvcr_protocol::Kind;

use super::judge::{capture, judge};
use super::{INDICATION_WAIT, SILENCE_WAIT, StepContext, StepError, wait};
use crate::client::{ClientError, Reply};
use crate::scenario::{Mismatch, Step};

pub(super) async fn wait_indication(
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

pub(super) async fn no_indication(
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
        Err(error) => Err(StepError::of_client(name, &error)),
    }
}
